// Every stage of a benchmark has a deadline: a stage that hangs (a room that never gets Jeremy)
// is reported as such, and the run goes on to the next stage.

export class DeadlinePassed extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not finish within ${Math.round(ms / 1000)} s`);
    this.name = "DeadlinePassed";
  }
}

/** `promise`, or a DeadlinePassed rejection once `ms` have passed without it settling. */
export async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlinePassed(what, ms)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
