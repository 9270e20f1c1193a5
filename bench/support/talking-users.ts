// N conversations at once, each with a Node "user" who speaks a line every few seconds (so Jeremy
// listens, decides and talks, as in a real interview) and receives his face and voice. The
// benchmark measures while they talk; everything is hung up afterwards.
import { sleep } from "@/lib/sleep";

import { countFrames } from "./frame-counter";
import { type JeremyCall, startCall } from "./jeremy-call";
import { monitorVoice } from "./voice-monitor";

const USER_EVERY_MS = 7_000;
/** After Jeremy's first frame everywhere: the greetings under way before anything is measured. */
const WARM_UP_MS = 5_000;

export interface TalkingUsers {
  calls: JeremyCall[];
  /** Received frames per second of each conversation's video between two performance.now()s. */
  fps(from: number, to: number): number[];
}

/** Runs `measure` while `sessions` users talk with Jeremy; returns what it returns. */
export async function withTalkingUsers<T>(
  sessions: number,
  speech: Int16Array,
  measure: (users: TalkingUsers) => Promise<T>,
): Promise<T> {
  const calls: JeremyCall[] = [];
  for (let i = 0; i < sessions; i++) calls.push(await startCall("interviewer"));
  const videos = await Promise.all(calls.map(async (call) => countFrames(await call.face)));
  const voices = await Promise.all(calls.map(async (call) => monitorVoice(await call.voice)));
  let talking = true;
  const users = calls.map(async (call, index) => {
    await sleep((index * USER_EVERY_MS) / sessions);
    while (talking) {
      await call.microphone.say(speech);
      await sleep(USER_EVERY_MS);
    }
  });
  try {
    await Promise.all(videos.map((video) => video.firstFrame));
    await sleep(WARM_UP_MS);
    return await measure({
      calls,
      fps: (from, to) => videos.map((video) => video.fps(from, to)),
    });
  } finally {
    talking = false;
    await Promise.all(users);
    for (const stream of [...videos, ...voices]) stream.close();
    await Promise.all(calls.map((call) => call.hangUp()));
  }
}
