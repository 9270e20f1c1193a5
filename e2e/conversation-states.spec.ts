import { expect, test } from "./fixtures";
import { captions, startConversation, status } from "./support/conversation-page";

test("Jeremy never joins (worker down): the page says so and the session ends with avatar_timeout", async ({
  page,
  stack,
  ledger,
}) => {
  await stack.stopWorker();
  await stack.restartApp({ AVATAR_JOIN_TIMEOUT_SECONDS: "5" });
  try {
    const { sessionId } = await startConversation(page);
    await expect(status(page)).toHaveAttribute("data-state", "joining");
    await expect(page.getByText("Jeremy is joining…")).toBeVisible();
    await expect(page.getByTestId("conversation-ended")).toHaveAttribute(
      "data-reason",
      "avatar_timeout",
      { timeout: 20_000 },
    );
    await expect(page.getByRole("heading", { name: "Jeremy could not join" })).toBeVisible();
    // The summary shows once the server has answered that the session ended.
    await expect(page.getByTestId("summary")).toBeVisible();
    expect(await ledger.session(sessionId)).toMatchObject({
      status: "ENDED",
      endReason: "avatar_timeout",
    });
  } finally {
    // The worker first: the app counts itself healthy only once a worker reports room.
    await stack.restartWorker();
    await stack.restartApp();
  }
});

test("Jeremy leaves mid-conversation: the page says so and the session ends with avatar_left", async ({
  page,
  stack,
  ledger,
}) => {
  const { sessionId } = await startConversation(page);
  await expect(status(page)).toHaveAttribute("data-state", "talking", { timeout: 30_000 });
  await stack.killWorker();
  try {
    await expect(page.getByTestId("conversation-ended")).toHaveAttribute(
      "data-reason",
      "avatar_left",
      { timeout: 30_000 },
    );
    await expect(page.getByRole("heading", { name: "Jeremy left" })).toBeVisible();
    // The summary shows once the server has answered that the session ended.
    await expect(page.getByTestId("summary")).toBeVisible();
    expect(await ledger.session(sessionId)).toMatchObject({
      status: "ENDED",
      endReason: "avatar_left",
    });
  } finally {
    await stack.restartWorker();
  }
});

test("connecting and reconnecting are shown, and the conversation carries on", async ({
  page,
  context,
}) => {
  test.setTimeout(150_000);
  await startConversation(page);
  await expect(status(page)).toHaveAttribute("data-state", "talking", { timeout: 30_000 });
  // A reconnect can take less time than one look at the page: record every state it shows.
  await page.evaluate(() => {
    const view = document.querySelector('[data-testid="conversation-status"]')!;
    const shown: string[] = [];
    (window as unknown as { shownStates: string[] }).shownStates = shown;
    new MutationObserver(() => {
      const notice = view.textContent?.includes("Connection lost. Reconnecting…");
      shown.push(`${view.getAttribute("data-state")}${notice ? " (notice)" : ""}`);
    }).observe(view, { attributes: true, childList: true, subtree: true });
  });
  const shownStates = () =>
    page.evaluate(() => (window as unknown as { shownStates: string[] }).shownStates);
  // Offline until the page has noticed: the client notices when its next signal message fails,
  // so a fixed short outage can fall between two of them and go unseen (it did, 1 run in 5).
  await context.setOffline(true);
  await expect.poll(shownStates, { timeout: 20_000 }).toContain("reconnecting (notice)");
  await context.setOffline(false);
  // LiveKit's client keeps trying for about 45 s (ten attempts, up to 7 s apart); on a loaded
  // 2-core CI machine it once took more than 30 s. If it fails, say what the page went through.
  await expect(status(page))
    .toHaveAttribute("data-state", "talking", { timeout: 60_000 })
    .catch(async (error: Error) => {
      const shown = (await shownStates()).filter((state, i, all) => state !== all[i - 1]);
      throw new Error(`${error.message}\nStates shown: ${shown.join(" → ")}`);
    });
  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("conversation-ended")).toBeVisible();
});

test("hang-up while offline keeps trying, then confirms once the network is back", async ({
  page,
  context,
  ledger,
}) => {
  const { sessionId } = await startConversation(page);
  await expect(status(page)).toHaveAttribute("data-state", "talking", { timeout: 30_000 });
  await context.setOffline(true);
  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("stop-pending")).toContainText("You're offline");
  expect((await ledger.session(sessionId)).status).toBe("ACTIVE");
  await context.setOffline(false);
  await expect(page.getByTestId("summary")).toBeVisible({ timeout: 20_000 });
  expect(await ledger.session(sessionId)).toMatchObject({ status: "ENDED", endReason: "hangup" });
});

test("hang-up works even when the room never connected, and a double click stops once", async ({
  page,
  ledger,
}) => {
  // LiveKit is unreachable for this page: its signalling connection is refused.
  await page.routeWebSocket(/:7890\//, (socket) => socket.close());
  const stops: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/stop")) stops.push(request.url());
  });
  const { sessionId } = await startConversation(page);
  await expect(status(page)).not.toHaveAttribute("data-state", "talking");
  await page.getByTestId("hang-up").dblclick();
  await expect(page.getByTestId("conversation-ended")).toHaveAttribute("data-reason", "hangup");
  await expect(page.getByTestId("summary")).toBeVisible();
  expect(stops).toHaveLength(1);
  expect(await ledger.session(sessionId)).toMatchObject({ status: "ENDED", endReason: "hangup" });
});

test("Escape asks before hanging up, and focus stays inside the conversation", async ({
  page,
  ledger,
}) => {
  const { sessionId } = await startConversation(page);
  await expect(captions(page)).toContainText("Hello", { timeout: 30_000 });
  const overlay = page.getByTestId("conversation-overlay");
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    expect(await overlay.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(page.getByRole("alertdialog", { name: "End the conversation?" })).toBeVisible();
  await page.getByRole("button", { name: "Keep talking" }).click();
  expect((await ledger.session(sessionId)).status).toBe("ACTIVE");
  await page.keyboard.press("Escape");
  await page.getByTestId("confirm-hang-up").click();
  await expect(page.getByTestId("conversation-ended")).toHaveAttribute("data-reason", "hangup");
});

test("closing the tab mid-call ends the session with page_closed within 5 s", async ({
  context,
  ledger,
}) => {
  const page = await context.newPage();
  const { sessionId } = await startConversation(page);
  await expect(status(page)).toHaveAttribute("data-state", "talking", { timeout: 30_000 });
  await page.close({ runBeforeUnload: true });
  const closedAt = Date.now();
  await expect
    .poll(async () => (await ledger.session(sessionId)).status, {
      timeout: 5_000,
      intervals: [250],
    })
    .toBe("ENDED");
  expect(Date.now() - closedAt).toBeLessThan(5_000);
  expect((await ledger.session(sessionId)).endReason).toBe("page_closed");
});

test("the maximum duration counts down, warns, and ends the session with max_duration", async ({
  page,
  stack,
  ledger,
}) => {
  await stack.restartApp({ SESSION_MAX_DURATION_SECONDS: "35" });
  try {
    const { sessionId } = await startConversation(page);
    const countdown = page.getByTestId("countdown");
    await expect(countdown).toHaveText(/0:3\d/);
    await expect(countdown).toHaveAttribute("data-warning", "true", { timeout: 15_000 });
    await expect(page.getByTestId("conversation-ended")).toHaveAttribute(
      "data-reason",
      "max_duration",
      { timeout: 45_000 },
    );
    await expect(page.getByRole("heading", { name: "Time's up" })).toBeVisible();
    // The summary shows once the server has answered that the session ended.
    await expect(page.getByTestId("summary")).toBeVisible();
    expect(await ledger.session(sessionId)).toMatchObject({
      status: "ENDED",
      endReason: "max_duration",
    });
  } finally {
    await stack.restartApp();
  }
});

test("where the browser blocks autoplay, a tap enables Jeremy's audio", async ({ page }) => {
  // Chromium lets a page that captures the microphone play sound; Safari does not. Play by
  // Safari's rule here: media may only start after the person has interacted with the page.
  await page.addInitScript(() => {
    let interacted = false;
    for (const type of ["pointerdown", "keydown"]) {
      document.addEventListener(type, (event) => (interacted ||= event.isTrusted), true);
    }
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      if (!interacted) {
        return Promise.reject(new DOMException("play() needs a user gesture", "NotAllowedError"));
      }
      return play.call(this);
    };
  });
  await page.goto("/");
  // A click the page makes itself is no user gesture.
  await page.evaluate(() =>
    (document.querySelector('[data-testid="start-conversation"]') as HTMLButtonElement).click(),
  );
  const enable = page.getByTestId("enable-audio");
  await expect(enable).toBeVisible({ timeout: 30_000 });
  await enable.click();
  await expect(enable).toBeHidden();
  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("conversation-ended")).toBeVisible();
});

test("reduced motion stops the animations", async ({ page }) => {
  // Keep the page "connecting" (LiveKit refused), where the status indicator pulses.
  await page.routeWebSocket(/:7890\//, (socket) => socket.close());
  const pulse = page.getByRole("status").locator("span[aria-hidden]");
  await startConversation(page);
  await expect(pulse).toBeVisible();
  expect(await pulse.evaluate((el) => getComputedStyle(el).animationName)).not.toBe("none");
  await page.emulateMedia({ reducedMotion: "reduce" });
  expect(await pulse.evaluate((el) => getComputedStyle(el).animationName)).toBe("none");
  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("conversation-ended")).toBeVisible();
});
