import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

import { AgentDispatchClient, RoomServiceClient } from "livekit-server-sdk";

import { LOCAL_ROOM_METADATA } from "@/lib/providers/local/worker-contract";

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

test("Jeremy leaves a room nobody joins, so his job and its capacity are freed", async () => {
  test.setTimeout(90_000);
  // A person who never arrives (the tab closed as the conversation started).
  const rooms = new RoomServiceClient(STACK.livekitHttp, STACK.apiKey, STACK.apiSecret);
  const dispatch = new AgentDispatchClient(STACK.livekitHttp, STACK.apiKey, STACK.apiSecret);
  const room = `ses_${randomBytes(16).toString("hex")}`;
  await rooms.createRoom({ name: room, emptyTimeout: 600, metadata: LOCAL_ROOM_METADATA });
  await dispatch.createDispatch(room, "jeremy", {
    metadata: JSON.stringify({ sessionId: room, profile: "interviewer", maxDurationSeconds: 600 }),
  });
  const jeremyIn = async () =>
    (await rooms.listParticipants(room).catch(() => [])).some((p) => p.identity === "jeremy");
  await expect.poll(jeremyIn, { timeout: 20_000 }).toBe(true);
  await expect.poll(jeremyIn, { timeout: 45_000, intervals: [1000] }).toBe(false);
  await rooms.deleteRoom(room).catch(() => undefined);
});

test("Jeremy leaves at once a room the app did not make (a deleted room his join brought back)", async () => {
  const rooms = new RoomServiceClient(STACK.livekitHttp, STACK.apiKey, STACK.apiSecret);
  const dispatch = new AgentDispatchClient(STACK.livekitHttp, STACK.apiKey, STACK.apiSecret);
  const room = `ses_${randomBytes(16).toString("hex")}`;
  await rooms.createRoom({ name: room, emptyTimeout: 600 }); // as LiveKit makes one on a join
  await dispatch.createDispatch(room, "jeremy", {
    metadata: JSON.stringify({ sessionId: room, profile: "interviewer", maxDurationSeconds: 600 }),
  });
  const workerLog = path.join(STACK.logDir, "worker.log");
  await expect
    .poll(() => readFileSync(workerLog, "utf8").includes(`[jeremy ${room}] the room is gone`), {
      timeout: 20_000,
    })
    .toBe(true);
  await expect
    .poll(async () => (await (await fetch(`${STACK.workerHealthUrl}/worker`)).json()).active_jobs, {
      timeout: 10_000,
    })
    .toBe(0);
  expect((await rooms.listParticipants(room)).some((p) => p.identity === "jeremy")).toBe(false);
  await rooms.deleteRoom(room).catch(() => undefined);
});
