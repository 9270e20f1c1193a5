// End of the user's speech → first audible sound of Jeremy's reply, from a Node client that
// speaks into the room like a microphone (so it knows to the frame when speech ended) and
// listens to Jeremy's track as a listener would receive it. Twice: the offline demo (scripted
// replies, espeak), then with model endpoints (a fake OpenAI-compatible server whose
// transcription answers after 100 ms and whose chat streams its first token after 200 ms), where
// "ours" is the total less those 300 ms.
import { TURN_SILENCE_MS } from "@/avatar-worker/voice/turn-taking";
import { FakeOpenAi } from "@/test/fake-openai";

import type { Benchmark } from "./support/benchmark";
import { figure, type Figure } from "./support/figures";
import { startCall } from "./support/jeremy-call";
import { waitForIdleWorker } from "./support/session-client";
import { describeMs, percentile } from "./support/stats";
import { userSpeech } from "./support/user-speech";
import { monitorVoice } from "./support/voice-monitor";

const TURNS = 8;
const USER_LINE = "I have five years of experience in customer support.";
// Jeremy pauses between sentences; this much quiet means he has finished.
const FINISHED_QUIET_MS = 1_500;
const FAKE_STT_MS = 100;
const FAKE_FIRST_TOKEN_MS = 200;

interface Turns {
  audio: number[];
  notes: string[];
}

async function measureTurns(label: string): Promise<Turns> {
  await waitForIdleWorker();
  const speech = await userSpeech(USER_LINE);
  const call = await startCall("interviewer");
  const voice = monitorVoice(await call.voice);
  const turns: Turns = { audio: [], notes: [] };
  try {
    await voice.quiet(FINISHED_QUIET_MS, 30_000); // the greeting and the first question
    for (let turn = 1; turn <= TURNS; turn++) {
      const endOfSpeech = await call.microphone.say(speech);
      const heard = await voice.audibleAfter(endOfSpeech, 10_000).catch(() => undefined);
      if (heard === undefined) {
        turns.notes.push(`${label}, turn ${turn}: no reply within 10 s`);
      } else {
        turns.audio.push(heard - endOfSpeech);
      }
      console.log(
        `  ${label} turn ${String(turn).padStart(2)}: audible after ${heard === undefined ? "—" : `${Math.round(heard - endOfSpeech)} ms`}`,
      );
      await voice.quiet(FINISHED_QUIET_MS, 30_000);
    }
  } finally {
    voice.close();
    await call.hangUp();
  }
  console.log(`  ${label} first audio: ${describeMs(turns.audio)}`);
  return turns;
}

export const replyLatency: Benchmark = {
  name: "reply-latency",
  deadlineSeconds: 240,
  title: "end of user speech → first audio from Jeremy (rtc-node client), offline and with models",
  async run(context) {
    const stack = await context.stack();
    const offline = await measureTurns("offline");

    const fake = await FakeOpenAi.start();
    fake.transcript = USER_LINE;
    fake.transcriptionDelayMs = FAKE_STT_MS;
    fake.chatRules.push({
      lastUserSays: "", // every turn
      answer: {
        reply: "Thank you. What did you enjoy most about it?",
        firstTokenMs: FAKE_FIRST_TOKEN_MS,
      },
    });
    let model: Turns;
    try {
      await stack.restartWorker(fake.workerEnv());
      model = await measureTurns("model");
    } finally {
      await stack.restartWorker();
      await fake.close();
    }
    const fakes = FAKE_STT_MS + FAKE_FIRST_TOKEN_MS;
    const ours = model.audio.map((ms) => ms - fakes);
    console.log(`  model, ours (less the fakes' ${fakes} ms): ${describeMs(ours)}`);

    const figures: Figure[] = [
      figure("first audio p50", percentile(offline.audio, 50), "ms", { op: "<", value: 500 }),
      figure("first audio p95", percentile(offline.audio, 95), "ms"),
      figure("turns answered", offline.audio.length, `of ${TURNS}`),
      figure("model: first audio p50", percentile(model.audio, 50), "ms"),
      figure("model: ours p50", percentile(ours, 50), "ms", { op: "<=", value: 350 }),
      figure("model: ours p95", percentile(ours, 95), "ms"),
      figure("model: turns answered", model.audio.length, `of ${TURNS}`),
    ];
    return {
      figures,
      notes: [
        ...offline.notes,
        ...model.notes,
        `Includes the ${TURN_SILENCE_MS} ms of quiet that ends a turn (Silero VAD's silence and the ` +
          "session's endpointing delay), the VAD's own lag, Opus, both network legs and the " +
          "listener's jitter buffer.",
      ],
    };
  },
};
