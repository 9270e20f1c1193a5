import { describe, expect, it } from "vitest";

import { offeredKnowledge } from "./remembered-knowledge";

const bases = ["a", "b", "c", "d", "e", "f"].map((letter) => ({
  id: `kb_${letter.repeat(16)}`,
  name: letter.toUpperCase(),
}));
const [A, B, C] = bases.map((base) => base.id);

describe("the remembered knowledge bases", () => {
  it("are none until the person chooses some", () => {
    expect(offeredKnowledge(null, bases)).toEqual([]);
  });

  it("are kept while offered, in the order offered, and dropped once no longer offered", () => {
    const remembered = JSON.stringify([C, "kb_0000000000000000", A]);
    expect(offeredKnowledge(remembered, bases)).toEqual([A, C]);
    expect(offeredKnowledge(remembered, bases.slice(1))).toEqual([C]);
    expect(offeredKnowledge(JSON.stringify([B]), [])).toEqual([]);
  });

  it("are at most five, however many were stored", () => {
    const all = JSON.stringify(bases.map((base) => base.id));
    expect(offeredKnowledge(all, bases)).toHaveLength(5);
  });

  it("are none when what was stored is not a list of ids", () => {
    for (const junk of ["not json", "{}", '"kb_aaaaaaaaaaaaaaaa"', "[1, null]"]) {
      expect(offeredKnowledge(junk, bases)).toEqual([]);
    }
  });
});
