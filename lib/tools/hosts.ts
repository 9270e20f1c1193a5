// Where operator tools may send requests: only to hosts named in TOOL_ALLOWED_HOSTS. A tool is
// an operator's own API, so the list is short and explicit; checked when a tool is declared and
// again at each call (the setting may have changed since).

/** Why the app may not call `url`, or null when it may. */
export function hostProblem(url: URL, allowedHosts: ReadonlySet<string>): string | null {
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return "must be an http:// or https:// URL";
  }
  if (url.username || url.password) {
    return "must not carry a user name or password (use the secret header)";
  }
  if (!allowedHosts.has(url.hostname)) {
    return `${url.hostname} is not in TOOL_ALLOWED_HOSTS (the hosts operator tools may call)`;
  }
  return null;
}
