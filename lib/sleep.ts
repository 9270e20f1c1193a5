/** Resolves after `ms` milliseconds: the project's one sleep, for the browser, the server and tests. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
