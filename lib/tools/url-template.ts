// A tool's URL as a template: `{name}` in its path or query takes the argument `name`, escaped.
// The scheme, host and port are fixed (the allowlist is about them), and an argument can never
// add or climb path segments: "/" is escaped, and "." or ".." alone are refused.

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Why `template` cannot be a tool's URL, or null when it can. */
export function templateProblem(template: string): string | null {
  const authority = /^https?:\/\/[^/?#]*/i.exec(template)?.[0];
  if (!authority) return "must be an http:// or https:// URL";
  if (authority.includes("{"))
    return "must name its host itself: a {name} may stand only in its path or query";
  if (!URL.canParse(template.replace(PLACEHOLDER, "x"))) return "is not a URL";
  return null;
}

/** The names `template` takes from the arguments. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

/** The URL for these arguments, or why there is none. */
export function fillTemplate(
  template: string,
  args: Record<string, unknown>,
): { url: URL } | { problem: string } {
  let problem: string | null = null;
  const filled = template.replace(PLACEHOLDER, (_, key: string) => {
    const value = args[key];
    if (value === undefined || value === null) {
      problem ??= `"${key}" is needed for the tool's URL`;
      return "";
    }
    const text = typeof value === "string" ? value : JSON.stringify(value);
    if (text === "." || text === ".." || text === "") {
      problem ??= `"${key}" must not be empty, "." or ".."`;
      return "";
    }
    return encodeURIComponent(text);
  });
  if (problem) return { problem };
  return { url: new URL(filled) };
}
