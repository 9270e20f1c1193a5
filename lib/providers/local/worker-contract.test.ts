import { describe, expect, it } from "vitest";

import { resumedFrom } from "./worker-contract";

describe("resumedFrom", () => {
  it("carries on after the highest position kept, not after the last line said", () => {
    // In the order said, a reply cut short (position 1) comes before the turn that cut it (0).
    const resumed = resumedFrom([
      { seq: 1, role: "assistant", text: "Hello Ada," },
      { seq: 0, role: "user", text: "I'd rather talk about sailing." },
    ]);
    expect(resumed.nextSeq).toBe(2);
    expect(resumedFrom([]).nextSeq).toBe(0);
  });
});
