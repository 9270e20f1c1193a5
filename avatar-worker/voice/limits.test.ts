import { describe, expect, it } from "vitest";

import { cutText } from "./limits";

describe("cutting text", () => {
  it("keeps what fits and cuts the rest", () => {
    expect(cutText("hello", 10)).toBe("hello");
    expect(cutText("x".repeat(300_000), 2000)).toHaveLength(2000);
  });

  it("never leaves half of a character made of two code units", () => {
    expect(cutText("ab😀c", 3)).toBe("ab");
    expect(cutText("ab😀c", 4)).toBe("ab😀");
  });
});
