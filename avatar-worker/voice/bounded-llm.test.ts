// Against the fake OpenAI-compatible endpoint, over a real socket: what the worker's model
// actually sends.
import { initializeLogger, llm } from "@livekit/agents";
import * as openai from "@livekit/agents-plugin-openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { FakeOpenAi, messageText } from "@/test/fake-openai";

import { BoundedLLM } from "./bounded-llm";
import { CallBudget } from "./call-budget";

describe("the worker's language model", () => {
  let fake: FakeOpenAi;
  let refused = 0;
  const model = (budget: CallBudget) =>
    new BoundedLLM(
      new openai.LLM({
        baseURL: fake.baseUrl,
        apiKey: fake.apiKey,
        model: "fake-chat",
        maxCompletionTokens: 300,
      }),
      budget,
      () => (refused += 1),
    );
  const reply = async (bounded: BoundedLLM, chatCtx: llm.ChatContext) => {
    let text = "";
    for await (const chunk of bounded.chat({ chatCtx })) text += chunk.delta?.content ?? "";
    return text;
  };

  beforeAll(async () => {
    initializeLogger({ pretty: false, level: "fatal" });
    fake = await FakeOpenAi.start();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.chats.length = 0;
    refused = 0;
  });

  it("asks for a capped completion, and sends no turn longer than 2,000 characters", async () => {
    const chatCtx = llm.ChatContext.empty();
    chatCtx.addMessage({ role: "system", content: "You are Jeremy." });
    chatCtx.addMessage({ role: "user", content: "Tell me everything. ".repeat(15_000) });
    expect(await reply(model(new CallBudget(12)), chatCtx)).toMatch(/interesting/);

    expect(fake.chats).toHaveLength(1);
    const sent = fake.chats[0]!;
    expect(sent.maxTokens).toBe(300);
    const user = sent.messages.filter((m) => m.role === "user").map(messageText);
    expect(user).toHaveLength(1);
    expect(user[0]).toHaveLength(2000);
    expect(user[0]).toMatch(/^Tell me everything\./);
  });

  it("makes no call past the conversation's budget, and answers nothing instead", async () => {
    const bounded = model(new CallBudget(3));
    const answers: string[] = [];
    for (let turn = 0; turn < 5; turn++) {
      const chatCtx = llm.ChatContext.empty();
      chatCtx.addMessage({ role: "user", content: `Turn ${turn}` });
      answers.push(await reply(bounded, chatCtx));
    }
    expect(fake.chats).toHaveLength(3);
    expect(refused).toBe(2);
    expect(answers.slice(3)).toEqual(["", ""]);
  });
});
