import { describe, expect, it } from "vitest";

import { offeredFace } from "./remembered-face";

const faces = [
  { id: "jeremy", name: "Jeremy", portraitUrl: "/jeremy.png" },
  { id: "lemonslice", name: "Lemon", portraitUrl: null },
];

describe("the remembered face", () => {
  it("is kept while it is still offered", () => {
    expect(offeredFace("lemonslice", faces)).toBe("lemonslice");
  });

  it("falls back to the default (first) face when none was remembered, or it is no longer offered", () => {
    expect(offeredFace(null, faces)).toBe("jeremy");
    expect(offeredFace("retired", faces)).toBe("jeremy");
  });

  it("is nothing when no face is offered", () => {
    expect(offeredFace("lemonslice", [])).toBeUndefined();
  });
});
