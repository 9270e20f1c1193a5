import { llm } from "@livekit/agents";
import { describe, expect, it } from "vitest";

import { greeting, nextLine } from "./script";

function conversation(...turns: string[]) {
  const ctx = llm.ChatContext.empty();
  for (const turn of turns) ctx.addMessage({ role: "user", content: turn });
  return ctx;
}

describe("the offline script", () => {
  it("greets, then asks the interviewer's questions in order, spoken or typed", () => {
    expect(greeting("interviewer", "Candidate Name is Ada Lovelace")).toEqual([
      expect.stringMatching(/^Hello Ada!/),
      "To start, could you tell me a little about yourself and your background?",
    ]);
    const next = nextLine("interviewer", null);
    expect(next(conversation("(spoken, 2.0 s)"))).toMatch(/^What draws you to this role/);
    expect(next(conversation("(spoken, 2.0 s)", "I like people"))).toMatch(
      /^Tell me about a challenge/,
    );
  });

  it("gives the same answer when asked twice", () => {
    const next = nextLine("interviewer", null);
    expect(next(conversation("(spoken, 1.0 s)"))).toBe(next(conversation("(spoken, 1.0 s)")));
  });

  it("echo: reads a typed turn aloud; a spoken one is played back, not said", () => {
    const next = nextLine("echo", null);
    expect(next(conversation("testing one two"))).toBe("testing one two");
    expect(next(conversation("(spoken, 1.5 s)"))).toBeNull();
  });
});
