// Against the fake OpenAI-compatible endpoint, over a real socket: what the worker's model
// actually sends.
import { initializeLogger, llm } from "@livekit/agents";
import * as openai from "@livekit/agents-plugin-openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { FakeOpenAi, messageText } from "@/test/fake-openai";

import { knowledgeTool, SEARCH_TOOL_NAME, type ToolAnswer } from "../knowledge/knowledge-tool";

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

  it("calls the knowledge tool, and sends its answer back after the call, as OpenAI expects", async () => {
    const searched: string[] = [];
    const search = knowledgeTool({
      search: async (query) => {
        searched.push(query);
        return {
          passages: [{ text: "Desks are in Leeds.", heading: "Office", source: "Handbook" }],
        };
      },
      say: () => undefined,
      log: () => undefined,
    });
    fake.chatRules.push({
      lastUserSays: "Where is the office?",
      answer: {
        callTool: { name: SEARCH_TOOL_NAME, arguments: { query: "office location" } },
        afterTool: (result) => {
          const { passages } = JSON.parse(result) as ToolAnswer;
          return `According to the ${passages[0]!.source}, ${passages[0]!.text}`;
        },
      },
    });
    const bounded = model(new CallBudget(12));
    const chatCtx = llm.ChatContext.empty();
    chatCtx.addMessage({ role: "user", content: "Where is the office?" });

    const calls: llm.FunctionCall[] = [];
    for await (const chunk of bounded.chat({ chatCtx, toolCtx: [search] })) {
      calls.push(...(chunk.delta?.toolCalls ?? []));
    }
    expect(fake.chats[0]!.tools).toEqual([SEARCH_TOOL_NAME]);
    expect(calls.map((call) => [call.name, JSON.parse(call.args)])).toEqual([
      [SEARCH_TOOL_NAME, { query: "office location" }],
    ]);
    const output = await search.execute(JSON.parse(calls[0]!.args) as { query: string }, {
      ctx: {} as never,
      toolCallId: calls[0]!.callId,
      abortSignal: new AbortController().signal,
    });
    expect(searched).toEqual(["office location"]);
    chatCtx.insert(calls[0]!);
    chatCtx.insert(
      llm.FunctionCallOutput.create({
        callId: calls[0]!.callId,
        name: SEARCH_TOOL_NAME,
        output: JSON.stringify(output),
        isError: false,
      }),
    );
    expect(await reply(bounded, chatCtx)).toBe("According to the Handbook, Desks are in Leeds.");
    expect(fake.chats[1]!.toolResults[0]).toContain("Desks are in Leeds.");
    fake.chatRules.length = 0;
  });
});
