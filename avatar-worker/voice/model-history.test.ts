import { llm } from "@livekit/agents";
import { describe, expect, it } from "vitest";

import { modelHistory } from "./model-history";

function conversation(turns: string[]): llm.ChatContext {
  const ctx = llm.ChatContext.empty();
  ctx.addMessage({ role: "system", content: "You are Jeremy." });
  turns.forEach((text, i) => ctx.addMessage({ role: i % 2 ? "assistant" : "user", content: text }));
  return ctx;
}
const texts = (ctx: llm.ChatContext) =>
  ctx.items.map((item) => (item.type === "message" ? item.textContent : item.type));

describe("the conversation a model call carries", () => {
  it("keeps the instructions and the newest messages, at most so many", () => {
    const turns = Array.from({ length: 30 }, (_, i) => `turn ${i}`);
    const sent = modelHistory(conversation(turns), {
      messages: 4,
      text: 10_000,
      message: 2000,
      userText: 2000,
    });
    expect(texts(sent)).toEqual(["You are Jeremy.", "turn 26", "turn 27", "turn 28", "turn 29"]);
  });

  it("cuts a message to a turn's length, and keeps no more text than the limit", () => {
    const huge = "x".repeat(300_000);
    const ctx = conversation(["a".repeat(1500), "b".repeat(1500), huge]);
    const sent = modelHistory(ctx, { messages: 24, text: 3600, message: 2000, userText: 10_000 });
    expect(texts(sent)).toEqual(["You are Jeremy.", "b".repeat(1500), "x".repeat(2000)]);
    // The conversation itself is untouched: the worker keeps the turn as it was said.
    expect(texts(ctx).at(-1)).toBe(huge);
  });

  it("carries no more than one turn's worth of the person's words: a huge turn leaves no room for older ones", () => {
    const huge = "x".repeat(300_000);
    const ctx = conversation(["Hello.", "Hello, Ada.", huge, "That is a lot.", "And more."]);
    expect(texts(modelHistory(ctx))).toEqual(["You are Jeremy.", "That is a lot.", "And more."]);
    const after = conversation(["Hello.", "Hello, Ada.", huge]);
    expect(texts(modelHistory(after))).toEqual([
      "You are Jeremy.",
      "Hello, Ada.",
      "x".repeat(2000),
    ]);
  });

  it("leaves a conversation within the limits as it is", () => {
    const ctx = conversation(["Hello.", "Hello, Ada.", "How are you?"]);
    expect(texts(modelHistory(ctx))).toEqual(texts(ctx));
  });

  it("counts tools' answers against the text kept, and never keeps an answer without its call", () => {
    const ctx = conversation(["Where is the office?"]);
    const searched = (callId: string, output: string) => {
      ctx.insert(
        llm.FunctionCall.create({ callId, name: "search_knowledge", args: '{"query":"office"}' }),
      );
      ctx.insert(
        llm.FunctionCallOutput.create({ callId, name: "search_knowledge", output, isError: false }),
      );
    };
    searched("a", "o".repeat(3000));
    ctx.addMessage({ role: "assistant", content: "In Leeds." });
    ctx.addMessage({ role: "user", content: "And the hours?" });
    searched("b", "h".repeat(3000));
    const limits = { messages: 24, text: 4000, message: 2000, userText: 2000 };
    expect(texts(modelHistory(ctx, limits))).toEqual([
      "You are Jeremy.",
      "In Leeds.",
      "And the hours?",
      "function_call",
      "function_call_output",
    ]);
    // With room for both answers, every call keeps its answer.
    expect(texts(modelHistory(ctx, { ...limits, text: 10_000 }))).toEqual([
      "You are Jeremy.",
      "Where is the office?",
      "function_call",
      "function_call_output",
      "In Leeds.",
      "And the hours?",
      "function_call",
      "function_call_output",
    ]);
  });
});
