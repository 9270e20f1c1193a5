import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { FakeOpenAi } from "./fake-openai";
import { encodeWav } from "./wav";

let fake: FakeOpenAi;

beforeAll(async () => {
  fake = await FakeOpenAi.start();
});
afterAll(() => fake.close());

const auth = () => ({ authorization: `Bearer ${fake.apiKey}` });

function tone(ms: number, amplitude: number, sampleRate = 16_000) {
  const samples = new Int16Array((sampleRate * ms) / 1000);
  for (let i = 0; i < samples.length; i++) {
    samples[i] = Math.round(amplitude * 32767 * Math.sin((2 * Math.PI * 220 * i) / sampleRate));
  }
  return encodeWav(samples, sampleRate);
}

function transcribe(file: Buffer, key = fake.apiKey) {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(file)], { type: "audio/wav" }), "speech.wav");
  form.set("model", "whisper-1");
  return fetch(`${fake.baseUrl}/audio/transcriptions`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}` },
    body: form,
  });
}

function chat(body: Record<string, unknown>) {
  return fetch(`${fake.baseUrl}/chat/completions`, {
    method: "POST",
    headers: { ...auth(), "content-type": "application/json" },
    body: JSON.stringify({ model: "fake-model", ...body }),
  });
}

/** The text of a streamed chat completion, read as an OpenAI client reads it. */
async function streamedText(response: Response) {
  let text = "";
  for (const event of (await response.text()).split("\n\n")) {
    const data = event.replace(/^data: /, "").trim();
    if (!data || data === "[DONE]") continue;
    const chunk = JSON.parse(data) as { choices: Array<{ delta: { content?: string } }> };
    text += chunk.choices[0]?.delta.content ?? "";
  }
  return text;
}

describe("the fake OpenAI-compatible endpoint", () => {
  it("refuses a wrong API key with OpenAI's error shape", async () => {
    const response = await transcribe(tone(500, 0.3), "sk-wrong");
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_api_key" } });
  });

  it("transcribes real audio as the test chose, and records what it heard", async () => {
    fake.transcriptionAnswers.push({ text: "I would rather talk about sailing." });
    const response = await transcribe(tone(1200, 0.3));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ text: "I would rather talk about sailing." });
    const heard = fake.transcriptions.at(-1)!;
    expect(heard.durationMs).toBeCloseTo(1200, -1);
    expect(heard.levelDb).toBeGreaterThan(-20);
  });

  it("refuses silence, a file too short to be speech, and anything but a WAV", async () => {
    expect((await transcribe(tone(1000, 0))).status).toBe(400);
    expect((await transcribe(tone(40, 0.3))).status).toBe(400);
    expect((await transcribe(Buffer.from("not audio at all"))).status).toBe(400);
    expect(fake.transcriptions.slice(-2).map((t) => t.text)).toEqual([null, null]);
  });

  it("streams the chosen reply as server-sent events and records the messages", async () => {
    fake.chatAnswers.push({ reply: "Sailing! Where do you sail?" });
    const messages = [
      { role: "system", content: "You are Jeremy." },
      { role: "user", content: "I would rather talk about sailing." },
    ];
    const response = await chat({
      messages,
      stream: true,
      stream_options: { include_usage: true },
      max_completion_tokens: 300,
    });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(await streamedText(response)).toBe("Sailing! Where do you sail?");
    expect(fake.chats.at(-1)).toEqual({
      model: "fake-model",
      stream: true,
      messages,
      maxTokens: 300,
      at: expect.any(Number),
      tools: [],
      toolResults: [],
    });
  });

  it("refuses a tool's result that answers no call, as OpenAI does", async () => {
    const response = await chat({
      messages: [
        { role: "user", content: "Hi" },
        { role: "tool", tool_call_id: "call_missing", content: "{}" },
      ],
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/must be a response to a preceding message/);
  });

  it("answers a whole completion when not asked to stream", async () => {
    fake.chatAnswers.push({ reply: "Hello." });
    const response = await chat({ messages: [{ role: "user", content: "Hi" }], max_tokens: 50 });
    const body = (await response.json()) as { choices: Array<{ message: { content: string } }> };
    expect(body.choices[0]!.message.content).toBe("Hello.");
    // The older name of the completion cap is recorded as well; none is recorded as null.
    expect(fake.chats.at(-1)!.maxTokens).toBe(50);
    await (await chat({ messages: [{ role: "user", content: "Hi" }] })).arrayBuffer();
    expect(fake.chats.at(-1)!.maxTokens).toBeNull();
  });

  it("fails as told, then answers again", async () => {
    fake.chatAnswers.push({ status: 500 });
    const messages = [{ role: "user", content: "Hi" }];
    expect((await chat({ messages, stream: true })).status).toBe(500);
    expect(await streamedText(await chat({ messages, stream: true }))).toBe(
      "That is interesting. Tell me more about it.",
    );
  });

  it("answers by what the person said last, every time it matches, before the queue", async () => {
    fake.chatRules.push({ lastUserSays: "salary?", answer: { status: 429 } });
    fake.chatAnswers.push({ reply: "Queued." });
    const asking = (content: unknown) => [
      { role: "system", content: "You are Jeremy." },
      { role: "user", content },
    ];
    expect((await chat({ messages: asking("What is the salary?"), stream: true })).status).toBe(
      429,
    );
    const parts = [{ type: "text", text: "What is the salary?" }];
    expect((await chat({ messages: asking(parts), stream: true })).status).toBe(429);
    expect(await streamedText(await chat({ messages: asking("Hi"), stream: true }))).toBe(
      "Queued.",
    );
    fake.chatRules.length = 0;
  });
});
