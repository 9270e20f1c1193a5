import { describe, expect, it } from "vitest";

import { createEcho } from "./echo";

describe("echo profile", () => {
  it("explains the mic check, then plays back exactly what the user said", () => {
    const echo = createEcho();
    expect(echo.greet()).toEqual([
      { kind: "say", text: expect.stringContaining("microphone check") },
    ]);
    const audio = new Int16Array([1, -2, 3]);
    const [action] = echo.reply({ audio });
    expect(action).toMatchObject({ kind: "play" });
    expect(action?.kind === "play" && action.audio).toBe(audio);
  });

  it("reads a typed turn aloud, and ignores an empty one", () => {
    const echo = createEcho();
    expect(echo.reply({ text: "testing one two" })).toEqual([
      { kind: "say", text: "testing one two" },
    ]);
    expect(echo.reply({})).toEqual([]);
  });
});
