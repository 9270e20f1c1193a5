import { describe, expect, it } from "vitest";

import { nextSeqAfter } from "./transcript";

describe("where a resumed conversation's transcript carries on", () => {
  it("after the highest position kept, not after the last line said, tools' lines included", () => {
    // In the order said, a reply cut short (position 1) comes before the turn that cut it (0);
    // a tool's line (3) is no part of the history a resume carries, but its position is taken.
    const said = [
      { seq: 1, role: "assistant" },
      { seq: 0, role: "user" },
      { seq: 3, role: "tool" },
      { seq: 2, role: "assistant" },
    ];
    expect(nextSeqAfter(said)).toBe(4);
    expect(nextSeqAfter([])).toBe(0);
  });
});
