import { llm } from "@livekit/agents";
import { describe, expect, it } from "vitest";

import { greeting, nextLine, welcomeBack } from "./script";

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

  it("welcomes the person back after a pause, and carries on from the question last asked", () => {
    const said = (role: "user" | "assistant", text: string, seq: number) => ({ seq, role, text });
    const history = [
      said("assistant", "Hello! I'm Jeremy.", 0),
      said("assistant", "To start, could you tell me a little about yourself?", 1),
      said("user", "(spoken, 2.0 s)", 2),
      said("assistant", "What draws you to this role?", 3),
    ];
    const lines = welcomeBack("interviewer", null, history);
    expect(lines[0]).toMatch(/^Welcome back!/);
    expect(lines[1]).toMatch(/^What draws you to this role/);
    // Paused before answering anything: the first question again, not the greeting.
    expect(welcomeBack("interviewer", null, history.slice(0, 2))[1]).toMatch(/^To start/);
  });
});
