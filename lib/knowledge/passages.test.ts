import { describe, expect, it } from "vitest";

import { looksLikeText, PASSAGE_MAX_CHARACTERS, splitIntoPassages } from "./passages";

describe("splitting a document into passages", () => {
  it("keeps each Markdown section's heading with its paragraphs", () => {
    const text =
      "Intro line.\n\n# Refunds\n\nReturn shoes within 30 days.\n\n## Shipping ##\nWe ship worldwide.\nTo most countries.\n";
    expect(splitIntoPassages(text, "markdown")).toEqual([
      { heading: null, text: "Intro line." },
      { heading: "Refunds", text: "Return shoes within 30 days." },
      { heading: "Shipping", text: "We ship worldwide.\nTo most countries." },
    ]);
  });

  it("reads a heading in plain text as text", () => {
    expect(splitIntoPassages("# Not a heading\n\nBody", "text")).toEqual([
      { heading: null, text: "# Not a heading\n\nBody" },
    ]);
  });

  it("packs short paragraphs together and cuts long ones at words, none over the limit", () => {
    const word = "lorem ";
    const long = word.repeat(700).trim();
    const passages = splitIntoPassages(`# A\n\n${long}\n\nshort one\n\nshort two`, "markdown");
    for (const passage of passages) {
      expect(passage.text.length).toBeLessThanOrEqual(PASSAGE_MAX_CHARACTERS);
      expect(passage.heading).toBe("A");
    }
    expect(
      passages
        .map((p) => p.text)
        .join(" ")
        .replace(/\s+/g, " "),
    ).toBe(`${long} short one short two`);
    expect(passages.at(-1)!.text).toContain("short one\n\nshort two");
  });

  it("has no passages for a blank document", () => {
    expect(splitIntoPassages(" \n\n\t\n", "markdown")).toEqual([]);
  });
});

describe("telling text from binary", () => {
  it("takes text, and refuses NULs and a run of control or undecodable characters", () => {
    expect(looksLikeText("Plain words, tabs\tand\nlines.")).toBe(true);
    expect(looksLikeText("PK\u0003\u0004\u0000\u0000binary")).toBe(false);
    expect(looksLikeText("\ufffd\ufffd\ufffd\ufffd junk \u0007\u0007")).toBe(false);
  });
});
