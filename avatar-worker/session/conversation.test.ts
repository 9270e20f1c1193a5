import { describe, expect, it } from "vitest";

import { sleep } from "@/lib/sleep";

import { createInterviewer } from "../profiles/interviewer";
import type { SpeechSynthesizer } from "../speech/speech-synthesizer";
import type { TurnEvent } from "../speech/turn-detector";
import { createConversation } from "./conversation";
import { Transcript } from "./transcript";
import type { Voice } from "./voice-publisher";

// Stand-ins for the audio side: the loop's decisions (who speaks when) are what is tested here.
function setUp() {
  const said: string[] = [];
  const synthesizer = {
    async *speak(text: string) {
      yield { text, sampleRate: 48_000, samples: new Int16Array(480), durationMs: 10, mouth: [] };
    },
  } as unknown as SpeechSynthesizer;
  const voice = {
    play: () => sleep(5),
  } as unknown as Voice;
  const transcript = new Transcript();
  const conversation = createConversation({
    profile: createInterviewer("Candidate Name is Ada"),
    synthesizer,
    voice,
    caption: async (text) => void said.push(text),
    transcript,
    log: () => undefined,
  });
  return { conversation, said, transcript };
}

const start: TurnEvent = { type: "speech-start", atMs: 0, detectedAtMs: 160 };
const end = (ms = 1500): TurnEvent => ({
  type: "turn-end",
  startMs: 0,
  endMs: ms,
  detectedAtMs: ms + 300,
  audio: new Int16Array(48),
  sampleRate: 48_000,
  truncated: false,
});
const settle = () => sleep(50);

describe("conversation loop", () => {
  it("answers nothing said before Jeremy's greeting", async () => {
    const { conversation, said, transcript } = setUp();
    conversation.onTurnEvent(start);
    conversation.onTurnEvent(end());
    await settle();
    expect(said).toEqual([]);
    await conversation.greet();
    expect(said[0]).toMatch(/^Hello Ada!/);
    expect(transcript.all.map((line) => line.role)).toEqual(["assistant", "assistant"]);
  });

  it("answers a finished spoken turn with the next question, and records it", async () => {
    const { conversation, said, transcript } = setUp();
    await conversation.greet();
    conversation.onTurnEvent(start);
    conversation.onTurnEvent(end(2100));
    await settle();
    expect(said.at(-1)).toBe("What draws you to this role?");
    expect(transcript.all.find((line) => line.role === "user")?.text).toBe("(spoken, 2.1 s)");
  });

  it("does not answer speech that started while Jeremy was talking", async () => {
    const { conversation, said } = setUp();
    const greeting = conversation.greet();
    conversation.onTurnEvent(start); // Jeremy is still greeting
    await greeting;
    conversation.onTurnEvent(end());
    await settle();
    expect(said).toHaveLength(2); // the greeting and the first question, nothing more
  });

  it("answers a typed turn and records its text", async () => {
    const { conversation, said, transcript } = setUp();
    await conversation.greet();
    conversation.onTyped("I like puzzles");
    await settle();
    expect(said.at(-1)).toBe("What draws you to this role?");
    expect(
      transcript.all.some((line) => line.role === "user" && line.text === "I like puzzles"),
    ).toBe(true);
  });
});
