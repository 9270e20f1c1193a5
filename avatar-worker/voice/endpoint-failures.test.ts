import { APIStatusError, initializeLogger } from "@livekit/agents";
import * as openai from "@livekit/agents-plugin-openai";
import { AudioFrame } from "@livekit/rtc-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { FakeOpenAi } from "@/test/fake-openai";

import { describeFailure, failureWarning, HeardOrReported } from "./endpoint-failures";

/** `seconds` of a loud 220 Hz tone: real, non-silent audio. */
function speechLike(seconds = 1): AudioFrame {
  const rate = 48_000;
  const samples = Int16Array.from({ length: rate * seconds }, (_, i) =>
    Math.round(8_000 * Math.sin((2 * Math.PI * 220 * i) / rate)),
  );
  return new AudioFrame(samples, rate, 1, samples.length);
}

describe("endpoint failures", () => {
  let fake: FakeOpenAi;
  let transcriber: HeardOrReported;
  const failures: unknown[] = [];

  beforeAll(async () => {
    initializeLogger({ pretty: false, level: "fatal" });
    fake = await FakeOpenAi.start();
    transcriber = new HeardOrReported(
      new openai.STT({
        baseURL: fake.baseUrl,
        apiKey: fake.apiKey,
        model: "fake-whisper",
        useRealtime: false,
      }),
      (error) => failures.push(error),
    );
  });
  afterAll(() => fake.close());

  it("passes a transcription through", async () => {
    fake.transcriptionAnswers.push({ text: "Hello there." });
    const event = await transcriber.recognize(speechLike());
    expect(event.alternatives?.[0]?.text).toBe("Hello there.");
    expect(failures).toEqual([]);
  });

  it("sends the transcriber at most 30 s of an utterance, and keeps 2,000 characters of its text", async () => {
    fake.transcriptionAnswers.push({ text: "Blah ".repeat(2000) });
    const event = await transcriber.recognize(speechLike(45));
    expect(fake.transcriptions.at(-1)!.durationMs).toBe(30_000);
    expect(event.alternatives?.[0]?.text).toHaveLength(2000);
  });

  it("reports a transcription endpoint that refuses, and still fails the turn", async () => {
    fake.transcriptionAnswers.push({ status: 503 });
    await expect(transcriber.recognize(speechLike())).rejects.toThrow();
    expect(failures).toHaveLength(1);
    expect(describeFailure(failures[0])).toMatch(/^HTTP 503/);
  });

  it("says which endpoint failed and how, in the worker's log line", () => {
    const refused = new APIStatusError({ message: "Rate limited", options: { statusCode: 429 } });
    expect(failureWarning("language model endpoint", "http://llm.test/v1", refused)).toBe(
      "warning: the language model endpoint at http://llm.test/v1 failed (HTTP 429: Rate limited); Jeremy apologised, and the next turn tries again",
    );
    expect(describeFailure(new Error("connect ECONNREFUSED"))).toBe("connect ECONNREFUSED");
  });
});
