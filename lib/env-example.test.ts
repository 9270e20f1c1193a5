import { describe, expect, it } from "vitest";

import { envExampleVariables, FACE_SECTION, WORKER_SECTION } from "@/test/env-example";

// The workers check their own variables beside their code.
describe(".env.example", () => {
  it("lists every variable the app reads, once, and outside the workers' sections nothing else", async () => {
    const { serverVariables } = await import("./env");
    const listed = envExampleVariables();
    const read = new Set(Object.keys(serverVariables));
    read.delete("NODE_ENV"); // set by Next and Node tooling, not by people
    read.delete("VERCEL"); // set by Vercel, not by people
    const names = listed.map((variable) => variable.name);
    for (const name of read) expect(names).toContain(name);
    expect(names.length).toBe(new Set(names).size);
    const appSections = listed.filter(
      (variable) =>
        !variable.section.startsWith(WORKER_SECTION) && !variable.section.startsWith(FACE_SECTION),
    );
    for (const { name } of appSections) expect(read).toContain(name);
  });
});
