// What a person does and sees on the page, in a few words each.
import { expect, type Page } from "@playwright/test";

export interface StartedConversation {
  sessionId: string;
}

/** Opens the page, sets the options, presses Start and waits for the overlay and the session id. */
export async function startConversation(
  page: Page,
  options: { profile?: "interviewer" | "echo"; userName?: string; context?: string } = {},
): Promise<StartedConversation> {
  await page.goto("/");
  if (options.profile || options.userName || options.context) {
    await page.getByText("Conversation options").click();
    if (options.profile === "echo") await page.getByLabel(/Microphone check/).check();
    if (options.userName) await page.getByLabel(/Your name/).fill(options.userName);
    if (options.context) await page.getByLabel(/Context for Jeremy/).fill(options.context);
  }
  const started = page.waitForResponse(
    (res) => res.url().endsWith("/api/sessions") && res.request().method() === "POST",
  );
  await page.getByTestId("start-conversation").click();
  const response = await started;
  expect(response.status()).toBe(201);
  const body = (await response.json()) as { session: { id: string } };
  await expect(page.getByTestId("conversation-overlay")).toBeVisible();
  return { sessionId: body.session.id };
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
