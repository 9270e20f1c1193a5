import { describe, expect, it } from "vitest";

import { envExampleVariables, WORKER_SECTION } from "@/test/env-example";

import { workerVariables } from "./env";

describe(".env.example", () => {
  it("lists every variable the worker reads, and in the worker's section only those", () => {
    const listed = envExampleVariables();
    const read = Object.keys(workerVariables.shape);
    const names = listed.map((variable) => variable.name);
    for (const name of read) expect(names).toContain(name);
    const workerSection = listed.filter((variable) => variable.section.startsWith(WORKER_SECTION));
    expect(workerSection.length).toBeGreaterThan(0);
    for (const { name } of workerSection) expect(read).toContain(name);
  });
});
