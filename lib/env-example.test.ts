import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { workerVariables } from "@/avatar-worker/env";

describe(".env.example", () => {
  it("lists exactly the variables the app and the worker read", async () => {
    const { serverVariables } = await import("./env");
    const listed = readFileSync(".env.example", "utf8")
      .split("\n")
      .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
      .filter((name): name is string => name !== undefined);

    const read = new Set([...Object.keys(serverVariables), ...Object.keys(workerVariables.shape)]);
    read.delete("NODE_ENV"); // set by Next and Node tooling, not by people
    read.delete("VERCEL"); // set by Vercel, not by people
    expect(new Set(listed)).toEqual(read);
    expect(listed.length).toBe(new Set(listed).size);
  });
});
