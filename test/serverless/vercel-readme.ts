// The README's "Deploy a demo on Vercel" section, read as data: the serverless-shaped test sets
// up exactly what a first-time deployer is told to, so the steps cannot drift from the test.
import { readFileSync } from "node:fs";

const HEADING = "## Deploy a demo on Vercel";

export function vercelSection(readme = readFileSync("README.md", "utf8")): string {
  const start = readme.indexOf(HEADING);
  if (start < 0) throw new Error(`README.md has no "${HEADING}" section`);
  const end = readme.indexOf("\n## ", start + HEADING.length);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** The Deploy button's clone URL, parsed. */
export function deployButton(section = vercelSection()) {
  const match = /\]\((https:\/\/vercel\.com\/new\/clone\?[^)\s]+)\)/.exec(section);
  if (!match) throw new Error("The Vercel section has no Deploy button");
  const params = new URL(match[1]!).searchParams;
  return {
    repositoryUrl: params.get("repository-url"),
    env: (params.get("env") ?? "").split(",").filter(Boolean),
    envLink: params.get("envLink"),
    stores: JSON.parse(params.get("stores") ?? "[]") as Array<Record<string, string>>,
  };
}

/**
 * The variables the steps tell a deployer to fill in (the `env` block), by name: the literal
 * value, or for a `<placeholder>` whatever `fill` gives for that name.
 */
export function readmeVariables(
  fill: (name: string, placeholder: string) => string,
  section = vercelSection(),
): Record<string, string> {
  const block = /```env\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error("The Vercel section has no env block");
  const variables: Record<string, string> = {};
  for (const line of block[1]!.split("\n").map((text) => text.trim())) {
    const pair = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (!pair) continue;
    const [, name, value] = pair as unknown as [string, string, string];
    variables[name] = /^<.*>$/.test(value) ? fill(name, value) : value;
  }
  return variables;
}

/** Every app path the section names in backquotes, e.g. `/api/cron/reap` or a full URL's path. */
export function readmePaths(section = vercelSection()): string[] {
  const paths = new Set<string>();
  for (const match of section.matchAll(/`(?:https:\/\/<[^>]+>[\w.-]*)?(\/api\/[\w/-]+)`/g)) {
    paths.add(match[1]!);
  }
  return [...paths];
}
