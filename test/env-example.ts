// .env.example, read as data: the variables it lists, by section ("# ── Database ──" and so on).
import { readFileSync } from "node:fs";

export const WORKER_SECTION = "Jeremy worker";
export const FACE_SECTION = "Face worker";

/** Every variable .env.example lists, with the title of the section it is listed under. */
export function envExampleVariables(): Array<{ name: string; section: string }> {
  let section = "";
  const listed: Array<{ name: string; section: string }> = [];
  for (const line of readFileSync(".env.example", "utf8").split("\n")) {
    const heading = /^# ── (.+?) ─/.exec(line);
    if (heading) section = heading[1]!;
    const name = /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1];
    if (name) listed.push({ name, section });
  }
  return listed;
}
