import { initializeLogger, llm } from "@livekit/agents";
import { beforeAll, describe, expect, it } from "vitest";

import { ScriptedLLM, userTurns } from "./scripted-llm";

async function reply(model: ScriptedLLM, chatCtx: llm.ChatContext) {
  return (await model.chat({ chatCtx }).collect()).text;
}

describe("the scripted model", () => {
  beforeAll(() => initializeLogger({ pretty: false, level: "warn" }));

  it("answers through LiveKit Agents' LLM interface with what the script says next", async () => {
    const model = new ScriptedLLM((ctx) => `You have spoken ${userTurns(ctx).length} times.`);
    const ctx = llm.ChatContext.empty();
    ctx.addMessage({ role: "system", content: "ignored" });
    expect(await reply(model, ctx)).toBe("You have spoken 0 times.");
    ctx.addMessage({ role: "user", content: "Hello" });
    ctx.addMessage({ role: "assistant", content: "You have spoken 1 times." });
    ctx.addMessage({ role: "user", content: "Again" });
    expect(await reply(model, ctx)).toBe("You have spoken 2 times.");
    expect(userTurns(ctx)).toEqual(["Hello", "Again"]);
  });

  it("says nothing when the script has nothing to say", async () => {
    expect(await reply(new ScriptedLLM(() => null), llm.ChatContext.empty())).toBe("");
  });
});
