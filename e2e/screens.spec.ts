import path from "node:path";

import { expect, test } from "./fixtures";
import { captions, jeremyVideo, startConversation } from "./support/conversation-page";
import { type Locator, type Page, type TestInfo } from "@playwright/test";
import { STACK } from "./support/stack";

// Laptop and desktop windows less the browser's own bars, a tablet, two phones held upright and
// one held sideways (issue 24). Screenshots of each go to test-results/screenshots/.
const SIZES = [
  { width: 1280, height: 650 },
  { width: 1366, height: 657 },
  { width: 1440, height: 760 },
  { width: 1920, height: 960 },
  { width: 768, height: 900 },
  { width: 390, height: 664 },
  { width: 375, height: 553 },
  { width: 844, height: 340 },
].map((size) => ({ ...size, name: `${size.width}x${size.height}` }));
type Size = (typeof SIZES)[number];

const CONTEXT = "Candidate Name is Ada Lovelace\nCompany Name is XYZ Consult\nJob title is Analyst";

/** Resizes the window, as a person dragging it or turning a phone would, and lets it lay out. */
async function resize(page: Page, size: Size) {
  await page.setViewportSize({ width: size.width, height: size.height });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
}

async function save(page: Page, testInfo: TestInfo, name: string) {
  const file = path.resolve("test-results", "screenshots", `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

/** Soft, so one run reports every size that does not fit rather than only the first. */
async function expectWhollyInView(locator: Locator, what: string, size: Size) {
  const box = await locator.boundingBox();
  const inside =
    box !== null &&
    box.x >= -0.5 &&
    box.y >= -0.5 &&
    box.x + box.width <= size.width + 0.5 &&
    box.y + box.height <= size.height + 0.5;
  expect
    .soft(inside, `${what} at ${size.name} lies within the window: ${JSON.stringify(box)}`)
    .toBe(true);
  return box;
}

async function expectNoSidewaysScroll(page: Page, where: string, size: Size) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect
    .soft(scrollWidth, `${where} at ${size.name} runs off the side`)
    .toBeLessThanOrEqual(size.width);
}

test("the landing page fits every size: Start reachable, nothing off the side", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  for (const size of SIZES) {
    await resize(page, size);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page, "the landing page", size);
    const start = page.getByTestId("start-conversation");
    await start.scrollIntoViewIfNeeded();
    await expect.soft(start, `Start at ${size.name}`).toBeInViewport({ ratio: 1 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await save(page, testInfo, `landing-${size.name}`);
  }
});

test("one live conversation, resized through every size: the title, Jeremy's video and Hang up stay in view without scrolling; then the paused and ended panels fit too", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await resize(page, SIZES[0]!);
  await startConversation(page, { context: CONTEXT });
  expect((await jeremyVideo(page)).playing).toBe(true);
  await expect(captions(page)).toContainText("Hello Ada!", { timeout: 30_000 });

  for (const size of SIZES) {
    await resize(page, size);
    await expect
      .soft(page.locator("#conversation-title"), `the title at ${size.name}`)
      .toBeInViewport({ ratio: 1 });
    const hangUp = await expectWhollyInView(page.getByTestId("hang-up"), "Hang up", size);
    // And inside the card, not run out past its edge.
    const card = await page.getByTestId("conversation-overlay").boundingBox();
    expect
      .soft(
        !!hangUp && !!card && hangUp.x + hangUp.width <= card.x + card.width + 0.5,
        `Hang up at ${size.name} inside the card: ${JSON.stringify({ hangUp, card })}`,
      )
      .toBe(true);
    const video = await expectWhollyInView(page.getByTestId("jeremy-video"), "the video", size);
    await expectWhollyInView(page.getByTestId("jeremy-stage"), "Jeremy's stage", size);
    // In view, and not squeezed to a thumbnail to get there.
    const shorter = Math.min(size.width, size.height);
    expect
      .soft(Math.min(video?.width ?? 0, video?.height ?? 0), `the video's size at ${size.name}`)
      .toBeGreaterThanOrEqual(0.4 * shorter);
    await expectNoSidewaysScroll(page, "the conversation", size);
    await save(page, testInfo, `conversation-${size.name}`);
  }

  await page.getByTestId("pause").click();
  await expect(page.getByTestId("conversation-paused")).toBeVisible({ timeout: 20_000 });
  for (const size of SIZES) {
    await resize(page, size);
    await expectWhollyInView(page.getByTestId("resume"), "Resume", size);
    await expectWhollyInView(page.getByTestId("end-paused"), "End", size);
    await expectNoSidewaysScroll(page, "the paused panel", size);
    await save(page, testInfo, `paused-${size.name}`);
  }

  await page.getByTestId("end-paused").click();
  await expect(page.getByTestId("summary")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("ended-transcript")).toBeVisible();
  for (const size of SIZES) {
    await resize(page, size);
    await expect
      .soft(page.locator("#conversation-title"), `the ended title at ${size.name}`)
      .toBeInViewport({ ratio: 1 });
    await expectWhollyInView(page.getByTestId("talk-again"), "Talk again", size);
    await expectWhollyInView(page.getByTestId("close-conversation"), "Close", size);
    await expectNoSidewaysScroll(page, "the ended panel", size);
    await save(page, testInfo, `ended-${size.name}`);
  }
});

test("/admin fits every size: nothing off the side", async ({ page }, testInfo) => {
  // A finished session, so the tables have a row.
  const started = await page.request.post(`${STACK.apiUrl}/api/sessions`, { data: {} });
  expect(started.status()).toBe(201);
  const id = ((await started.json()) as { session: { id: string } }).session.id;
  const stopped = await page.request.post(`${STACK.apiUrl}/api/sessions/${id}/stop`, {
    data: { reason: "hangup" },
  });
  expect(stopped.ok()).toBe(true);

  await page.goto("/admin");
  await page.getByLabel(/Admin token/).fill(STACK.adminToken);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Usage", level: 1 })).toBeVisible();
  for (const size of SIZES) {
    await resize(page, size);
    await expectNoSidewaysScroll(page, "/admin", size);
    await expectWhollyInView(page.getByRole("button", { name: "Sign out" }), "Sign out", size);
    await save(page, testInfo, `admin-${size.name}`);
  }
});
