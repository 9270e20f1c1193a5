// The page's side of ./probe.js for Playwright: install it, wait for Jeremy to be talking, read
// what it recorded.
import path from "node:path";

import type { BrowserContext, Page } from "@playwright/test";

import {
  type MouthFrame,
  openThreshold,
  stoppedAt,
  voiceThreshold,
  type VoiceLevel,
} from "./analysis";

export interface Heard {
  frames: MouthFrame[];
  audio: VoiceLevel[];
  marks: { [name: string]: number };
  errors: string[];
}
interface ProbeWindow {
  avProbe: Heard;
}

/**
 * Records every page of `context` from its first script. The probe meters audio in an
 * AudioWorklet loaded from a blob, which the app's Content-Security-Policy forbids: the context
 * must be made with `bypassCSP: true`.
 */
export function installProbe(context: BrowserContext) {
  return context.addInitScript({ path: path.resolve("test", "av-sync", "probe.js") });
}

export function readProbe(page: Page): Promise<Heard> {
  return page.evaluate(() => {
    const { frames, audio, marks, errors } = (window as unknown as ProbeWindow).avProbe;
    return { frames, audio, marks, errors };
  });
}

/**
 * Resolves once Jeremy's voice has been sounding for `ms` (allowing the gaps between words) and
 * sounds now.
 */
export async function talkingFor(page: Page, ms: number, timeout = 30_000) {
  await page.waitForFunction(
    (wanted) => {
      const audio = (window as unknown as ProbeWindow).avProbe.audio;
      const now = performance.now();
      const recent = audio.filter((level) => level.at > now - wanted && level.at <= now);
      // Mostly sounding, and sounding right now (not in the pause between two words). (No
      // named helper in here: tsx wraps named functions in a __name() the page does not have.)
      return (
        recent.length > wanted / 20 &&
        recent.filter((level) => level.rms > 0.005).length > recent.length / 2 &&
        recent.slice(-4).every((level) => level.rms > 0.005)
      );
    },
    ms,
    { timeout, polling: 50 },
  );
}

/** How long, on average so far, each kind of received media waited in the browser's jitter buffer. */
export interface JitterBuffers {
  /** Ms, for the voice and for the video (NaN when nothing was received). */
  audioMs: number;
  videoMs: number;
}

/**
 * The mean wait of the voice and the video in the page's jitter buffers (WebRTC statistics
 * jitterBufferDelay / jitterBufferEmittedCount), over the streams received so far. With lip
 * sync, the voice waits as long as the video needs to be decoded and shown.
 */
export function jitterBuffers(page: Page): Promise<JitterBuffers> {
  return page.evaluate(async () => {
    const sums = { audio: { delay: 0, count: 0 }, video: { delay: 0, count: 0 } };
    for (const connection of (
      window as unknown as { avProbe: { connections: RTCPeerConnection[] } }
    ).avProbe.connections) {
      if (connection.connectionState === "closed") continue;
      const report = await connection.getStats();
      report.forEach(
        (stat: {
          type: string;
          kind?: string;
          jitterBufferDelay?: number;
          jitterBufferEmittedCount?: number;
        }) => {
          if (stat.type !== "inbound-rtp" || (stat.kind !== "audio" && stat.kind !== "video"))
            return;
          sums[stat.kind].delay += stat.jitterBufferDelay ?? 0;
          sums[stat.kind].count += stat.jitterBufferEmittedCount ?? 0;
        },
      );
    }
    return {
      audioMs: (sums.audio.delay / sums.audio.count) * 1000,
      videoMs: (sums.video.delay / sums.video.count) * 1000,
    };
  });
}

/** Ms from the mark `since` until the voice, and the mouth, stopped for good (NaN: never). */
export function stopsAfter(heard: Heard, since: string) {
  const from = heard.marks[since];
  if (from === undefined) throw new Error(`the probe has no mark "${since}"`);
  const loud = voiceThreshold(heard.audio);
  const open = openThreshold(heard.frames);
  const voice = stoppedAt(heard.audio, (level) => level.rms >= loud, from);
  const mouth = stoppedAt(heard.frames, (frame) => frame.open >= open, from);
  return {
    // A level covers the 10 ms after its time.
    voiceMs: voice === undefined ? NaN : voice + 10 - from,
    mouthMs: mouth === undefined ? NaN : mouth - from,
  };
}
