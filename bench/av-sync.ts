// Jeremy's mouth against his voice, as a visitor sees and hears them in Chromium: the lag that
// best lines up the mouth's opening in the decoded video with the loudness of the decoded audio,
// line by line; and, when the person interrupts him (pressing Hold to talk), how soon each
// stops. Twice in one run: Jeremy drawing his own face (one participant), then the face worker
// (JEREMY_FACE=worker: the brain sends his speech over LiveKit's avatar protocol).
import type { Browser } from "@playwright/test";

import { sleep } from "@/lib/sleep";
import { STACK, type Stack } from "@/e2e/support/stack";

import type { Benchmark, BenchmarkOutcome } from "./support/benchmark";
import { launchBenchBrowser } from "./support/browser";
import { lineOffsets } from "@/test/av-sync/analysis";
import {
  installProbe,
  jitterBuffers,
  readProbe,
  stopsAfter,
  talkingFor,
} from "@/test/av-sync/page";
import { aimFigure, figure } from "./support/figures";
import { percentile } from "./support/stats";
import { waitForWarmWorker } from "./support/warm-worker";

/** Conversations listened to for sync, and how long each. */
const SYNC_VISITS = 2;
const SYNC_LISTEN_MS = 35_000;
/** Interruptions, each in a conversation of its own. */
const BARGE_INS = 4;
/** How long Jeremy has been talking when the person interrupts. */
const TALKING_BEFORE_MS = 1_500;

async function openConversation(browser: Browser, holdToTalk: boolean) {
  const context = await browser.newContext({ baseURL: STACK.appUrl, bypassCSP: true });
  await installProbe(context);
  const page = await context.newPage();
  await page.goto("/", { waitUntil: "networkidle" });
  if (holdToTalk) {
    await page.getByText("Conversation options").click();
    await page.getByLabel(/Hold to talk/).check();
  }
  await page.getByTestId("start-conversation").click();
  await page.getByTestId("jeremy-video").waitFor({ timeout: 30_000 });
  return {
    page,
    async close() {
      await page.getByTestId("hang-up").click();
      await page.getByTestId("close-conversation").waitFor({ timeout: 20_000 });
      await context.close();
    },
  };
}

/** Jeremy talking freely (the fake microphone answers him): every line, with its mouth lag. */
async function listen(browser: Browser) {
  const conversation = await openConversation(browser, false);
  try {
    await sleep(SYNC_LISTEN_MS);
    return await readProbe(conversation.page);
  } finally {
    await conversation.close();
  }
}

/** One interruption: ms from the press of Hold to talk until the voice, and the mouth, stop. */
async function bargeIn(browser: Browser) {
  const conversation = await openConversation(browser, true);
  const { page } = conversation;
  try {
    await talkingFor(page, TALKING_BEFORE_MS);
    const box = (await page.getByTestId("hold-to-talk").boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await sleep(2_500);
    await page.mouse.up();
    return { ...stopsAfter(await readProbe(page), "hold pressed"), ...(await jitterBuffers(page)) };
  } finally {
    await conversation.close();
  }
}

async function warm(stack: Stack) {
  for (const pid of [stack.workerPid, stack.facePid]) {
    if (pid) await waitForWarmWorker(pid, 60_000);
  }
}

async function measure(
  label: string,
  key: string,
  stack: Stack,
  browser: Browser,
  outcome: BenchmarkOutcome,
) {
  const lags: number[] = [];
  let unmatched = 0;
  for (let visit = 1; visit <= SYNC_VISITS; visit++) {
    await warm(stack);
    const heard = await listen(browser);
    if (heard.errors.length > 0) outcome.notes.push(`${label}: the probe said ${heard.errors[0]}`);
    const lines = lineOffsets(heard.audio, heard.frames);
    unmatched += lines.unmatched.length;
    lags.push(...lines.measured.map((line) => line.lagMs));
    console.log(
      `  ${label}, visit ${visit}: ${heard.frames.length} frames, ${heard.audio.length} audio blocks; ` +
        `mouth lag by line ${lines.measured.map((l) => `${l.lagMs} (r ${l.correlation.toFixed(2)})`).join(", ")} ms` +
        (lines.unmatched.length
          ? `; ${lines.unmatched.length} line(s) the mouth did not follow`
          : ""),
    );
  }
  const stops: Array<{ voiceMs: number; mouthMs: number; audioMs: number; videoMs: number }> = [];
  for (let run = 1; run <= BARGE_INS; run++) {
    await warm(stack);
    const stop = await bargeIn(browser);
    stops.push(stop);
    console.log(
      `  ${label}, interruption ${run}: voice stopped ${Math.round(stop.voiceMs)} ms, mouth ${Math.round(stop.mouthMs)} ms after the press; ` +
        `in the page's jitter buffers: voice ${Math.round(stop.audioMs)} ms, video ${Math.round(stop.videoMs)} ms (mean)`,
    );
  }
  const absolute = lags.map(Math.abs);
  const later = stops.map((stop) => Math.max(stop.voiceMs, stop.mouthMs));
  const apart = stops.map((stop) => Math.abs(stop.voiceMs - stop.mouthMs));
  const own = key === "own";
  const p50 = percentile(absolute, 50);
  const p95 = percentile(absolute, 95);
  const worstStop = Math.max(...later);
  outcome.figures.push(
    figure(`${label}: lines measured`, lags.length, "lines"),
    figure(
      `${label}: mouth lag, mean (+ mouth late)`,
      lags.reduce((s, x) => s + x, 0) / lags.length,
      "ms",
    ),
    own
      ? figure(`${label}: |offset| p50`, p50, "ms")
      : aimFigure("av_sync_offset_p50_ms", `${label}: |mouth − voice| p50`, p50, "ms", {
          op: "<=",
          value: 40,
        }),
    own
      ? figure(`${label}: |offset| p95`, p95, "ms")
      : aimFigure("av_sync_offset_p95_ms", `${label}: |mouth − voice| p95`, p95, "ms", {
          op: "<=",
          value: 80,
        }),
    figure(
      `${label}: interruption → voice stopped p50`,
      percentile(
        stops.map((s) => s.voiceMs),
        50,
      ),
      "ms",
    ),
    figure(
      `${label}: interruption → mouth stopped p50`,
      percentile(
        stops.map((s) => s.mouthMs),
        50,
      ),
      "ms",
    ),
    figure(`${label}: voice and mouth stop apart, worst`, Math.max(...apart), "ms"),
    figure(
      `${label}: voice's wait in the page's jitter buffer, p50`,
      percentile(
        stops.map((s) => s.audioMs),
        50,
      ),
      "ms",
    ),
    figure(
      `${label}: video's wait in the page's jitter buffer, p50`,
      percentile(
        stops.map((s) => s.videoMs),
        50,
      ),
      "ms",
    ),
    own
      ? figure(`${label}: interruption → both stopped, worst`, worstStop, "ms")
      : aimFigure(
          "barge_in_stop_ms",
          `${label}: interruption → both stopped, worst of ${BARGE_INS}`,
          worstStop,
          "ms",
          {
            op: "<=",
            value: 150,
          },
        ),
  );
  if (unmatched > 0)
    outcome.notes.push(
      `${label}: ${unmatched} line(s) left out, the mouth not following the voice.`,
    );
}

export const avSync: Benchmark = {
  name: "av-sync",
  deadlineSeconds: 600,
  title: "Jeremy's mouth against his voice, and both stopping on an interruption (Chromium)",
  async run(context, outcome) {
    const browser = await launchBenchBrowser(context);
    try {
      await measure("one participant", "own", await context.useFace("own"), browser, outcome);
      await measure("face worker", "worker", await context.useFace("worker"), browser, outcome);
    } finally {
      await browser.close();
      await context.useFace(context.defaultFace);
    }
    outcome.notes.push(
      "Mouth lag: the shift that best correlates the mouth's open area per shown frame with the " +
        "voice's loudness per 10 ms as played, line by line; + is the mouth after the sound.",
    );
  },
};
