import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

// The face is its own unit: any LiveKit agent may use it, so it must not need the brain.
describe("the face worker", () => {
  it("imports nothing from the brain (avatar-worker/)", () => {
    const root = path.resolve("face-worker");
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((file) =>
      /\.(ts|mjs)$/.test(file),
    );
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((file) => {
      const source = readFileSync(path.join(root, file), "utf8");
      return [...source.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].some(([, target]) =>
        /avatar-worker|^(\.\.\/)+avatar-worker/.test(target!),
      );
    });
    expect(offenders).toEqual([]);
  });
});
