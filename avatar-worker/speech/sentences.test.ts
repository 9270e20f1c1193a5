import { describe, expect, it } from "vitest";

import { splitSentences } from "./sentences";

describe("splitSentences", () => {
  it("splits at sentence ends and keeps the punctuation", () => {
    expect(splitSentences("Hello there!  How are you?\nI'm Jeremy. ")).toEqual([
      "Hello there!",
      "How are you?",
      "I'm Jeremy.",
    ]);
  });

  it("does not split after titles, initials or abbreviations", () => {
    expect(splitSentences("Mr. Smith met Dr. J. Doe, e.g. at work. Then he left.")).toEqual([
      "Mr. Smith met Dr. J. Doe, e.g. at work.",
      "Then he left.",
    ]);
  });

  it("splits after closing quotes and keeps decimals whole", () => {
    expect(splitSentences('She said "yes." It cost 3.50 dollars.')).toEqual([
      'She said "yes."',
      "It cost 3.50 dollars.",
    ]);
  });

  it("cuts a very long sentence at a clause boundary", () => {
    const clause = "and then we measured the latency of every request we could find";
    const pieces = splitSentences(`${clause}, ${clause}, ${clause}, ${clause}.`);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((piece) => piece.length <= 200)).toBe(true);
    expect(pieces.join(" ")).toBe(`${clause}, ${clause}, ${clause}, ${clause}.`);
  });

  it("returns nothing for blank text", () => {
    expect(splitSentences("  \n ")).toEqual([]);
  });
});
