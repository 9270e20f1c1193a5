// End of the user's speech → first audible sound of Jeremy's reply, from a Node client that
// speaks into the room like a microphone (so it knows to the frame when speech ended) and
// listens to Jeremy's track as a listener would receive it.
import { TURN_HANGOVER_MS } from "@/avatar-worker/session/mic-listener";
import { TOPICS } from "@/lib/contract";

import type { Benchmark } from "./support/benchmark";
import { figure } from "./support/figures";
import { startCall } from "./support/jeremy-call";
import { waitForIdleWorker } from "./support/session-client";
import { describeMs, percentile } from "./support/stats";
import { userSpeech } from "./support/user-speech";
import { monitorVoice } from "./support/voice-monitor";

const TURNS = 12;
const USER_LINE = "I have five years of experience in customer support.";
// The interviewer pauses 300 ms between sentences; this much quiet means he has finished.
const FINISHED_QUIET_MS = 1_500;

export const replyLatency: Benchmark = {
  name: "reply-latency",
  title: "end of user speech → first audio from Jeremy (rtc-node client)",
  async run(context) {
    await context.stack();
    await waitForIdleWorker();
    const speech = await userSpeech(USER_LINE);
    const call = await startCall("interviewer");
    const captions: number[] = [];
    call.room.registerTextStreamHandler(TOPICS.transcription, () => {
      captions.push(performance.now());
    });
    const voice = monitorVoice(await call.voice);
    const audio: number[] = [];
    const decided: number[] = [];
    const notes: string[] = [];
    try {
      await voice.quiet(FINISHED_QUIET_MS, 30_000); // the greeting and the first question
      for (let turn = 1; turn <= TURNS; turn++) {
        const endOfSpeech = await call.microphone.say(speech);
        const heard = await voice.audibleAfter(endOfSpeech, 10_000).catch(() => undefined);
        const caption = captions.find((at) => at >= endOfSpeech);
        if (heard === undefined) {
          notes.push(`turn ${turn}: no reply within 10 s`);
        } else {
          audio.push(heard - endOfSpeech);
          if (caption !== undefined) decided.push(caption - endOfSpeech);
        }
        const captionText =
          caption === undefined ? "" : `, caption after ${Math.round(caption - endOfSpeech)} ms`;
        console.log(
          `  turn ${String(turn).padStart(2)}: audible after ${heard === undefined ? "—" : `${Math.round(heard - endOfSpeech)} ms`}${captionText}`,
        );
        await voice.quiet(FINISHED_QUIET_MS, 30_000);
      }
    } finally {
      voice.close();
      await call.hangUp();
    }
    console.log(`  first audio: ${describeMs(audio)}`);
    console.log(`  caption (reply chosen, before synthesis and audio): ${describeMs(decided)}`);
    notes.push(
      `Includes the turn detector's ${TURN_HANGOVER_MS} ms hang-over (the silence that ends a turn), ` +
        "Opus, both network legs and the listener's jitter buffer; the caption leaves when the reply is chosen.",
    );
    return {
      figures: [
        figure("first audio p50", percentile(audio, 50), "ms", { op: "<", value: 500 }),
        figure("first audio p95", percentile(audio, 95), "ms"),
        figure("caption p50", percentile(decided, 50), "ms"),
        figure("turns answered", audio.length, `of ${TURNS}`),
      ],
      notes,
    };
  },
};
