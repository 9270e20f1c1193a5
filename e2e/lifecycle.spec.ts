import { expect, test } from "./fixtures";
import { launchKillableChromium } from "./support/browser";
import { startConversation, status } from "./support/conversation-page";
import { STACK } from "./support/stack";

/** A conversation in a browser of its own, so the test can kill it like a crash would. */
async function conversationInOwnBrowser() {
  const chromium = await launchKillableChromium([
    "--use-fake-ui-for-media-stream",
    "--autoplay-policy=no-user-gesture-required",
  ]);
  const page = await chromium.browser.newPage({ baseURL: STACK.appUrl });
  const { sessionId } = await startConversation(page);
  await expect(status(page)).toHaveAttribute("data-state", "talking", { timeout: 30_000 });
  return { chromium, sessionId };
}

test("the browser dies mid-call (no beacon possible): the session still ends within 60 s", async ({
  ledger,
}) => {
  const { chromium, sessionId } = await conversationInOwnBrowser();
  chromium.kill();
  const killedAt = Date.now();
  await expect
    .poll(async () => (await ledger.session(sessionId)).status, {
      timeout: 60_000,
      intervals: [1000],
    })
    .toBe("ENDED");
  const ended = await ledger.session(sessionId);
  expect(["user_left", "heartbeat_lost"]).toContain(ended.endReason);
  console.log(
    `ended ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the browser died (${ended.endReason})`,
  );
  await chromium.close();
});

test("the app server restarts mid-call: the conversation goes on, and the session still ends", async ({
  page,
  stack,
  ledger,
}) => {
  const { sessionId } = await startConversation(page);
  await expect(status(page)).toHaveAttribute("data-state", "talking", { timeout: 30_000 });
  await stack.restartApp();
  // Media never went through the app, so Jeremy is still there.
  await expect(status(page)).toHaveAttribute("data-state", "talking");
  expect((await ledger.session(sessionId)).status).toBe("ACTIVE");
  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("summary")).toBeVisible();
  expect(await ledger.session(sessionId)).toMatchObject({ status: "ENDED", endReason: "hangup" });
});

test("after a restart, an abandoned session is still reaped", async ({ stack, ledger }) => {
  const { chromium, sessionId } = await conversationInOwnBrowser();
  await stack.restartApp();
  chromium.kill();
  await expect
    .poll(async () => (await ledger.session(sessionId)).status, {
      timeout: 60_000,
      intervals: [1000],
    })
    .toBe("ENDED");
  await chromium.close();
});

test("over a limit, the page explains kindly and nothing starts", async ({
  browser,
  stack,
  ledger,
}) => {
  await stack.restartApp({ MAX_ACTIVE_SESSIONS: "1" });
  const first = await browser.newPage();
  const second = await browser.newPage();
  try {
    await startConversation(first);
    const before = await ledger.count();
    await second.goto("/");
    await second.getByTestId("start-conversation").click();
    const error = second.getByTestId("start-error");
    await expect(error).toHaveAttribute("data-code", "RATE_LIMITED");
    await expect(error).toContainText("Let's take a short break.");
    await expect(second.getByTestId("conversation-overlay")).toHaveCount(0);
    expect(await ledger.count()).toBe(before);
    await first.getByTestId("hang-up").click();
    await expect(first.getByTestId("conversation-ended")).toBeVisible();
  } finally {
    await stack.restartApp();
  }
});
