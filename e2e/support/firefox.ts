// Firefox for the end-to-end tests: the system's Firefox (ESR on Debian), driven by puppeteer-core
// over WebDriver BiDi, since Playwright drives only its own patched Firefox build. What a person
// does and sees on the page, as e2e/support/conversation-page.ts says it for Chromium.
import { createRequire } from "node:module";

import puppeteer, { type Browser, type HTTPResponse, type Page } from "puppeteer-core";

import { MISSING_FIREFOX } from "@/scripts/lib/firefox.mjs";

import { AXE_TAGS, formatViolations } from "./accessibility";
import { STACK } from "./stack";

/** Set by scripts/e2e.mjs when it found a Firefox. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH;
export { MISSING_FIREFOX };

/**
 * A headless Firefox whose microphone is Firefox's own fake one (a steady tone) and which
 * either grants it without asking or refuses it, as a person who clicked "Block" would have.
 * Autoplay keeps Firefox's default: audio may play once the person has clicked in the page.
 */
export function launchFirefox(microphone: "granted" | "denied"): Promise<Browser> {
  if (!FIREFOX_PATH) throw new Error(MISSING_FIREFOX);
  return puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      "media.navigator.streams.fake": true,
      ...(microphone === "granted"
        ? { "media.navigator.permission.disabled": true }
        : { "permissions.default.microphone": 2 }),
    },
  });
}

/** A new tab whose page errors end up in the test's output, as the Playwright fixture does. */
export async function newTab(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  page.on("pageerror", (error) =>
    console.log(`[firefox page error] ${error instanceof Error ? error.message : String(error)}`),
  );
  page.on("console", (message) => {
    if (message.type() === "error") console.log(`[firefox console error] ${message.text()}`);
  });
  return page;
}

export const byTestId = (id: string) => `[data-testid="${id}"]`;

/** Waits until the element's text contains `text`; the failure says what it showed instead. */
export async function waitForText(page: Page, testId: string, text: string, timeout = 15_000) {
  try {
    await page.waitForFunction(
      (selector, wanted) => document.querySelector(selector)?.textContent?.includes(wanted),
      { timeout },
      byTestId(testId),
      text,
    );
  } catch (error) {
    const shown = await page
      .$eval(byTestId(testId), (el) => el.textContent)
      .catch(() => "(no such element)");
    throw new Error(`"${testId}" never showed "${text}"; it shows: ${shown}`, { cause: error });
  }
}

/** Waits until the element's attribute is `value`; the failure says what it was instead. */
export async function waitForAttribute(
  page: Page,
  testId: string,
  name: string,
  value: string,
  timeout = 15_000,
) {
  try {
    await page.waitForFunction(
      (selector, attribute, wanted) =>
        document.querySelector(selector)?.getAttribute(attribute) === wanted,
      { timeout },
      byTestId(testId),
      name,
      value,
    );
  } catch (error) {
    const actual = await page
      .$eval(byTestId(testId), (el, attribute) => el.getAttribute(attribute), name)
      .catch(() => "(no such element)");
    throw new Error(`"${testId}" never had ${name}="${value}"; it has "${actual}"`, {
      cause: error,
    });
  }
}

/** Opens the page, sets the context, presses Start; resolves the new session's id. */
export async function startConversation(page: Page, context?: string): Promise<string> {
  await page.goto(`${STACK.appUrl}/`);
  if (context) {
    await page.click("details > summary");
    await page.type('textarea[id$="-context"]', context);
  }
  // A worker just restarted (an earlier spec's) may not have said it has room yet: 503
  // AVATAR_WARMING the page answers by asking again, AVATAR_BUSY by saying so; then Start again.
  const giveUpAt = Date.now() + 60_000;
  let sessionId: string | null = null;
  while (sessionId === null) {
    const started = page.waitForResponse(async (res) => {
      if (!res.url().endsWith("/api/sessions") || res.request().method() !== "POST") return false;
      return (await startRefusal(res)) !== "AVATAR_WARMING";
    });
    await page.click(byTestId("start-conversation"));
    const response = await started;
    if (response.status() === 201) {
      sessionId = ((await response.json()) as { session: { id: string } }).session.id;
      break;
    }
    const code = await startRefusal(response);
    if (code !== "AVATAR_BUSY" || Date.now() > giveUpAt) {
      throw new Error(`the start answered ${response.status()} ${code ?? ""}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  }
  await page.waitForSelector(byTestId("conversation-overlay"), { visible: true });
  return sessionId;
}

/** A start's 503 error code (AVATAR_WARMING, AVATAR_BUSY…); undefined for any other answer. */
async function startRefusal(response: HTTPResponse): Promise<string | undefined> {
  if (response.status() !== 503) return undefined;
  const body = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
  return body.error?.code;
}

/**
 * Runs in the page: waits up to `timeoutMs` for Jeremy's picture to change from what it showed at
 * first (more than 50 pixels), and says what the element did meanwhile, so a frozen video fails
 * with its figures.
 */
export async function watchVideo(el: HTMLVideoElement, timeoutMs: number) {
  const sample = () => {
    const canvas = document.createElement("canvas");
    canvas.width = el.videoWidth;
    canvas.height = el.videoHeight;
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(el, 0, 0);
    return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  };
  const framesOf = () => el.getVideoPlaybackQuality().totalVideoFrames;
  const [first, startedAt, framesBefore] = [sample(), el.currentTime, framesOf()];
  const until = Date.now() + timeoutMs;
  let changedPixels = 0;
  while (changedPixels <= 50 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = sample();
    changedPixels = 0;
    for (let i = 0; i < first.length; i += 4)
      if (Math.abs(first[i]! - now[i]!) > 8) changedPixels++;
  }
  return {
    width: el.videoWidth,
    height: el.videoHeight,
    playing: !el.paused,
    changedPixels,
    secondsPlayed: el.currentTime - startedAt,
    framesDecoded: framesOf() - framesBefore,
    visibility: document.visibilityState,
  };
}

/**
 * Runs in the page: how Jeremy's audio element plays his track, and how far its clock moves in
 * `ms` (an element that cannot play, or has nothing to play, stands still).
 */
export async function playsFor(el: HTMLAudioElement, ms: number) {
  const stream = el.srcObject as MediaStream | null;
  const before = el.currentTime;
  await new Promise((resolve) => setTimeout(resolve, ms));
  return {
    paused: el.paused,
    muted: el.muted,
    volume: el.volume,
    track: stream?.getAudioTracks()[0]?.readyState,
    secondsPlayed: el.currentTime - before,
  };
}

// The axe-core build @axe-core/playwright runs in Chromium, so both browsers use the same rules.
const axeSource = (
  createRequire(createRequire(import.meta.url).resolve("@axe-core/playwright"))("axe-core") as {
    source: string;
  }
).source;

/** axe-core's violations on the page, one line each (empty: none), with the Chromium suite's tags. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const results = await axe.run(document, { runOnly: { type: "tag", values: tags } });
    return results.violations;
  }, AXE_TAGS);
  return formatViolations(violations);
}
