// "Using only Equos" (README): a copy of the project without the local avatar (avatar-worker/,
// face-worker/, lib/providers/local/ and its line in lib/providers/registry.ts) still type-checks and builds.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { copyProject, nextBuild, removeCopy, skipTypeCheck } from "./build-copy";

/** What a forker deletes to keep only Equos; the README's "Using only Equos" lists the same. */
export const LOCAL_AVATAR_PATHS = [
  "avatar-worker",
  "face-worker",
  "lib/providers/local",
  "e2e",
  "playwright.config.ts",
  "bench",
];
const REGISTRATION = 'export { local } from "./local/manifest";';

describe("the app without the local avatar", () => {
  let copy: string;

  beforeAll(() => {
    copy = copyProject(process.cwd());
    for (const part of LOCAL_AVATAR_PATHS) rmSync(path.join(copy, part), { recursive: true });
    const registry = path.join(copy, "lib/providers/registry.ts");
    const source = readFileSync(registry, "utf8");
    expect(source).toContain(REGISTRATION);
    writeFileSync(registry, source.replace(`${REGISTRATION}\n`, ""));
  }, 60_000);

  afterAll(() => {
    if (copy) removeCopy(copy);
  });

  it("is never named by the app (app/, components/, lib/)", () => {
    const grep = spawnSync(
      "grep",
      ["-rlE", "avatar-worker|face-worker", "app", "components", "lib"],
      {
        encoding: "utf8",
      },
    );
    expect(grep.stdout).toBe("");
  });

  it("type-checks", () => {
    execFileSync(
      process.execPath,
      ["node_modules/typescript/bin/tsc", "--noEmit", "--incremental", "false"],
      {
        cwd: copy,
        stdio: "pipe",
      },
    );
  }, 240_000);

  it("builds with AVATAR_PROVIDER=equos", async () => {
    skipTypeCheck(copy); // the test above did it
    await nextBuild(copy, {
      NODE_ENV: "production",
      AVATAR_PROVIDER: "equos",
      EQUOS_API_KEY: "eq_test_key",
      EQUOS_CHARACTER_ID: "char_test",
    });
  }, 300_000);
});
