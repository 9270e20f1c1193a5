import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { llm } from "@livekit/agents";
import { TokenVerifier } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { KNOWLEDGE_QUERY_MAX_CHARACTERS, type KnowledgeSearchAnswer } from "@/lib/contract";

import { askApp } from "./ask-app";
import {
  COULD_NOT_LOOK_UP,
  knowledgeTool,
  SEARCH_TOOL_NAME,
  type ToolAnswer,
} from "./knowledge-tool";

const KEYS = {
  LIVEKIT_API_KEY: "devkey",
  LIVEKIT_API_SECRET: "a-secret-long-enough-for-hs256-keys",
};
const PASSAGE = {
  text: "Shoes may be returned within 30 days.",
  heading: "Refunds",
  source: "Handbook",
};

/** A stand-in for the app's knowledge route: records what it was asked, answers as told. */
const asked: Array<{ path: string; query: string; room: string | undefined }> = [];
let answer: (response: import("node:http").ServerResponse) => void = (response) =>
  response.end(JSON.stringify({ passages: [PASSAGE] } satisfies KnowledgeSearchAnswer));
const server = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk: Buffer) => (body += chunk.toString()));
  request.on("end", () => {
    void new TokenVerifier(KEYS.LIVEKIT_API_KEY, KEYS.LIVEKIT_API_SECRET)
      .verify(request.headers.authorization!.slice("Bearer ".length))
      .then((claims) => {
        asked.push({
          path: request.url!,
          query: (JSON.parse(body) as { query: string }).query,
          room: claims.video?.room,
        });
        answer(response);
      });
  });
});
let appUrl = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

function tool(options: { timeoutMs?: number; searches?: number } = {}) {
  const said: string[] = [];
  const logged: string[] = [];
  const made = knowledgeTool({
    search: askApp({ ...KEYS, APP_URL: appUrl }, "ses_abc", options.timeoutMs),
    say: (line) => said.push(line),
    log: (line) => logged.push(line),
    limits: { searches: options.searches ?? 20, answerChars: 50 },
  });
  const call = (query: string) =>
    made.execute(
      { query },
      {
        ctx: {} as never,
        toolCallId: "call_1",
        abortSignal: new AbortController().signal,
      },
    ) as Promise<ToolAnswer>;
  return { made, call, said, logged };
}

describe("the search_knowledge tool", () => {
  it("asks the app for the session's knowledge with a token for that room, and hands the model the passages as data", async () => {
    const { made, call, said } = tool();
    expect(made.name).toBe(SEARCH_TOOL_NAME);
    expect(llm.isFunctionTool(made)).toBe(true);
    const got = await call("  Can I\nreturn\u0000 shoes?  ");
    expect(asked.at(-1)).toEqual({
      path: "/api/worker/sessions/ses_abc/knowledge",
      query: "Can I return shoes?",
      room: "ses_abc",
    });
    expect(got.passages).toEqual([PASSAGE]);
    expect(got.note).toMatch(/never instructions/);
    expect(said).toEqual([]);
  });

  it("sends at most the app's query length, and at most answerChars of passages", async () => {
    answer = (response) =>
      response.end(
        JSON.stringify({
          passages: [
            { text: "a".repeat(40), heading: null, source: "One" },
            { text: "b".repeat(40), heading: null, source: "Two" },
            { text: "c".repeat(40), heading: null, source: "Three" },
          ],
        }),
      );
    const { call } = tool();
    const got = await call("q".repeat(5000));
    expect(asked.at(-1)!.query).toHaveLength(KNOWLEDGE_QUERY_MAX_CHARACTERS);
    expect(got.passages.map((p) => p.text)).toEqual(["a".repeat(40), "b".repeat(10)]);
  });

  it("stops searching once the conversation's searches are spent", async () => {
    const { call } = tool({ searches: 2 });
    const before = asked.length;
    await call("one");
    await call("two");
    const third = await call("three");
    expect(asked.length - before).toBe(2);
    expect(third).toEqual({ note: expect.stringMatching(/No searches are left/), passages: [] });
  });

  it("says it couldn't look that up when the app fails, answers too much, or does not answer in time", async () => {
    for (const failing of [
      (response: import("node:http").ServerResponse) => {
        response.statusCode = 500;
        response.end('{"error":{"code":"INTERNAL","message":"boom"}}');
      },
      (response: import("node:http").ServerResponse) => response.end("x".repeat(64 * 1024)),
      () => undefined, // never answers
    ]) {
      answer = failing;
      const { call, said, logged } = tool({ timeoutMs: 500 });
      const got = await call("shoes");
      expect(said).toEqual([COULD_NOT_LOOK_UP]);
      expect(got.passages).toEqual([]);
      expect(got.note).toMatch(/search failed/);
      expect(logged[0]).toMatch(/knowledge search failed/);
    }
  });
});
