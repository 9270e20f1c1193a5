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
      toolText: 8000,
    });
    expect(texts(sent)).toEqual(["You are Jeremy.", "turn 26", "turn 27", "turn 28", "turn 29"]);
  });

  it("cuts a message to a turn's length, and keeps no more text than the limit", () => {
    const huge = "x".repeat(300_000);
    const ctx = conversation(["a".repeat(1500), "b".repeat(1500), huge]);
    const sent = modelHistory(ctx, {
      messages: 24,
      text: 3600,
      message: 2000,
      userText: 10_000,
      toolText: 8000,
    });
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

  it("keeps the newest tools' answers within their own budget, each with its call, and the question", () => {
    const ctx = conversation(["Where is the office?"]);
    const call = (callId: string) =>
      llm.FunctionCall.create({ callId, name: "search_knowledge", args: `{"query":"${callId}"}` });
    const answer = (callId: string, output: string) =>
      llm.FunctionCallOutput.create({ callId, name: "search_knowledge", output, isError: false });
    // As LiveKit Agents keeps parallel calls: both calls, then both answers.
    ctx.insert([
      call("a"),
      call("b"),
      answer("a", "o".repeat(3000)),
      answer("b", "h".repeat(3000)),
    ]);
    ctx.addMessage({ role: "assistant", content: "In Leeds, open at nine." });
    const limits = { messages: 24, text: 6000, message: 2000, userText: 2000, toolText: 4000 };
    const kept = (sent: llm.ChatContext) =>
      sent.items.map((item) =>
        item.type === "function_call" || item.type === "function_call_output"
          ? `${item.type} ${item.callId}`
          : item.type === "message"
            ? item.textContent
            : item.type,
      );
    // Only b's answer fits: a's answer and a's call are both left out; the question stays.
    expect(kept(modelHistory(ctx, limits))).toEqual([
      "You are Jeremy.",
      "Where is the office?",
      "function_call b",
      "function_call_output b",
      "In Leeds, open at nine.",
    ]);
    expect(kept(modelHistory(ctx, { ...limits, toolText: 10_000 }))).toEqual([
      "You are Jeremy.",
      "Where is the office?",
      "function_call a",
      "function_call b",
      "function_call_output a",
      "function_call_output b",
      "In Leeds, open at nine.",
    ]);
    // Past the messages' limit, an older call goes with its answer, never one without the other.
    const few = modelHistory(ctx, { ...limits, messages: 1, toolText: 10_000 });
    expect(kept(few)).toEqual([
      "You are Jeremy.",
      "function_call a",
      "function_call b",
      "function_call_output a",
      "function_call_output b",
      "In Leeds, open at nine.",
    ]);
  });
});
