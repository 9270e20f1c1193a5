// What a person does and sees on the page, in a few words each.
import {
  expect,
  type APIRequestContext,
  type APIResponse,
  type Page,
  type Response,
} from "@playwright/test";

import { sleep } from "@/lib/sleep";
import { readProbe, stopsAfter, talkingFor } from "@/test/av-sync/page";

export interface StartedConversation {
  sessionId: string;
}

/** Opens the page, sets the options, presses Start and waits for the overlay and the session id. */
export async function startConversation(
  page: Page,
  options: {
    profile?: "interviewer" | "echo";
    userName?: string;
    context?: string;
    holdToTalk?: boolean;
    /** Start from the landing page as it is (options already chosen there), not a fresh one. */
    keepPage?: boolean;
  } = {},
): Promise<StartedConversation> {
  if (!options.keepPage) await page.goto("/");
  if (options.profile || options.userName || options.context || options.holdToTalk) {
    // Open unless a test already opened it.
    const details = page.locator("details", { hasText: "Conversation options" });
    if (!(await details.evaluate((node) => (node as HTMLDetailsElement).open))) {
      await page.getByText("Conversation options").click();
    }
    if (options.profile === "echo") await page.getByLabel(/Microphone check/).check();
    if (options.holdToTalk) await page.getByLabel(/Hold to talk/).check();
    if (options.userName) await page.getByLabel(/Your name/).fill(options.userName);
    if (options.context) await page.getByLabel(/Context for Jeremy/).fill(options.context);
  }
  const started = page.waitForResponse(startAnswer);
  await page.getByTestId("start-conversation").click();
  const response = await started;
  expect(response.status()).toBe(201);
  const body = (await response.json()) as { session: { id: string } };
  await expect(page.getByTestId("conversation-overlay")).toBeVisible();
  return { sessionId: body.session.id };
}

/**
 * The server's answer to the page's start (POST /api/sessions): not a refusal while Jeremy was
 * getting ready (503 AVATAR_WARMING), which the page answers by asking again.
 */
export async function startAnswer(res: Response): Promise<boolean> {
  if (!res.url().endsWith("/api/sessions") || res.request().method() !== "POST") return false;
  if (res.status() !== 503) return true;
  const body = (await res.json().catch(() => ({}))) as { error?: { code?: string } };
  return body.error?.code !== "AVATAR_WARMING";
}

/**
 * Starts a session through the API as a client that honours Retry-After does: asks again while
 * the server answers that Jeremy is getting ready (503 AVATAR_WARMING), for up to a minute.
 */
export async function postStart(
  request: APIRequestContext,
  url: string,
  options: { headers?: Record<string, string>; data?: unknown } = {},
): Promise<APIResponse> {
  const giveUpAt = Date.now() + 60_000;
  for (;;) {
    const res = await request.post(url, { data: {}, ...options });
    if (res.status() !== 503 || Date.now() > giveUpAt) return res;
    const body = (await res.json().catch(() => ({}))) as { error?: { code?: string } };
    if (body.error?.code !== "AVATAR_WARMING") return res;
    await sleep(Number(res.headers()["retry-after"] ?? 3) * 1000);
  }
}

export const captions = (page: Page) => page.getByTestId("captions");
export const status = (page: Page) => page.getByTestId("conversation-status");

/** Waits until Jeremy's video plays and returns its size and whether its pixels move. */
export async function jeremyVideo(page: Page) {
  const video = page.getByTestId("jeremy-video");
  await expect(video).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(() => video.evaluate((el: HTMLVideoElement) => el.videoWidth), { timeout: 15_000 })
    .toBe(512);
  return video.evaluate(async (el: HTMLVideoElement) => {
    const sample = () => {
      const canvas = document.createElement("canvas");
      canvas.width = el.videoWidth;
      canvas.height = el.videoHeight;
      const ctx = canvas.getContext("2d")!;
      ctx.drawImage(el, 0, 0);
      return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    };
    const first = sample();
    // Runs in the page, where this file's imports do not exist.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const second = sample();
    let changed = 0;
    for (let i = 0; i < first.length; i += 4) if (Math.abs(first[i]! - second[i]!) > 8) changed++;
    return {
      width: el.videoWidth,
      height: el.videoHeight,
      changedPixels: changed,
      playing: !el.paused,
    };
  });
}

/**
 * Barges in (the page's av-sync probe installed, hold to talk chosen): a second into Jeremy's
 * line, the person presses Hold to talk and holds it for 3 s; his voice and his mouth must both
 * have stopped while it was held (how soon is bench/av-sync.ts's `barge_in_stop_ms`). Leaves the
 * button pressed: the caller releases it (`releaseOnceSpoken`, or `page.mouse.up()`).
 */
export async function bargeIn(page: Page) {
  await talkingFor(page, 1_000);
  const box = (await page.getByTestId("hold-to-talk").boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(3_000);
  const heard = await readProbe(page);
  expect(heard.errors).toEqual([]);
  const stops = stopsAfter(heard, "hold pressed");
  expect(stops.voiceMs, "his voice stopped").toBeLessThan(2_400);
  expect(stops.mouthMs, "his mouth stopped").toBeLessThan(2_400);
}

/**
 * Releases Hold to talk (held with the mouse) once the person has spoken while holding. The fake
 * microphone loops its line between seconds of silence, and a hold that falls wholly in the
 * silence is, rightly, no turn: so the hold lasts until the page's own level meter has shown
 * speech, and a second more, rather than for a fixed time.
 */
export async function releaseOnceSpoken(page: Page) {
  const meter = page.getByTestId("mic-level");
  await expect
    .poll(async () => Number(await meter.getAttribute("aria-valuenow")), {
      timeout: 15_000,
      intervals: [100],
    })
    .toBeGreaterThan(10);
  await page.waitForTimeout(1_000);
  await page.mouse.up();
}
