import { RoomServiceClient } from "livekit-server-sdk";

import { expect, test } from "./fixtures";
import { captions, jeremyVideo, startConversation, status } from "./support/conversation-page";
import { STACK } from "./support/stack";

const rooms = new RoomServiceClient(STACK.livekitHttp, STACK.apiKey, STACK.apiSecret);
const CONTEXT = "Candidate Name is Ada Lovelace\nCompany Name is XYZ Consult\nJob title is Analyst";

test("start → Jeremy appears, moves, speaks and greets; speaking or typing moves the interview on; hang up ends it all", async ({
  page,
  ledger,
}) => {
  const { sessionId } = await startConversation(page, { context: CONTEXT });

  // Jeremy's video plays at 512×512 and moves.
  const video = await jeremyVideo(page);
  expect(video).toMatchObject({ width: 512, height: 512, playing: true });
  expect(video.changedPixels).toBeGreaterThan(50);
  await expect(status(page)).toHaveAttribute("data-state", "talking");
  await expect(page.getByTestId("jeremy-stage")).toHaveAttribute("data-voice-subscribed", "true");

  // The greeting uses the context and shows as a caption.
  await expect(captions(page)).toContainText("Hello Ada! I'm Jeremy from XYZ Consult.", {
    timeout: 20_000,
  });
  await expect(captions(page)).toContainText("tell me a little about yourself");
  // With no model configured, the page says this is the scripted offline demo.
  await expect(page.getByTestId("offline-note")).toHaveText(
    "Offline demo: Jeremy follows a script. Set LLM_BASE_URL and STT_BASE_URL to let him listen.",
  );

  // The fake microphone speaks; after the user's turn comes the next question.
  await expect(captions(page)).toContainText("What draws you to the Analyst role at XYZ Consult?", {
    timeout: 45_000,
  });

  // Hang up: the session ends with a duration, the room is gone, the job ends, the transcript is kept.
  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("conversation-ended")).toHaveAttribute("data-reason", "hangup");
  await expect(page.getByTestId("summary")).toContainText("You talked with Jeremy for");
  const ended = await ledger.session(sessionId);
  expect(ended).toMatchObject({ status: "ENDED", endReason: "hangup" });
  expect(ended.durationSeconds).toBeGreaterThan(0);
  expect((await rooms.listRooms([sessionId])).length).toBe(0);
  await expect
    .poll(async () => (await (await fetch(`${STACK.workerHealthUrl}/worker`)).json()).active_jobs, {
      timeout: 20_000,
    })
    .toBe(0);
  await expect
    .poll(async () => (await ledger.session(sessionId)).transcript.length, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(3);
  const transcript = (await ledger.session(sessionId)).transcript;
  expect(transcript[0]).toMatchObject({
    role: "assistant",
    text: expect.stringContaining("Hello Ada!"),
  });
  expect(
    transcript.some((line) => line.role === "user" && /^\(spoken, \d+\.\d s\)$/.test(line.text)),
  ).toBe(true);
});

test("a typed turn moves the interview on just like a spoken one", async ({ page, ledger }) => {
  const { sessionId } = await startConversation(page, { context: CONTEXT });
  await expect(captions(page)).toContainText("tell me a little about yourself", {
    timeout: 30_000,
  });
  // Silence the (looping) fake microphone so that only the typed turn can count.
  await page.getByTestId("mute").click();
  await expect(page.getByTestId("mute")).toHaveAccessibleName("Unmute microphone");

  await page.getByTestId("typed-turn").fill("I love solving problems with data.");
  await page.getByTestId("typed-turn").press("Enter");
  await expect(captions(page).locator('[data-speaker="you"]')).toContainText(
    "I love solving problems with data.",
  );
  await expect(captions(page)).toContainText("What draws you to the Analyst role at XYZ Consult?", {
    timeout: 20_000,
  });

  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("conversation-ended")).toBeVisible();
  await expect
    .poll(async () => (await ledger.session(sessionId)).transcript.map((line) => line.text), {
      timeout: 20_000,
    })
    .toContain("I love solving problems with data.");
});

test("echo profile: Jeremy plays the user's own words back", async ({ page }) => {
  await startConversation(page, { profile: "echo" });
  await expect(captions(page)).toContainText("This is a microphone check.", { timeout: 30_000 });
  await expect(captions(page)).toContainText("(your recording, played back)", { timeout: 45_000 });
  // The playback is audible: LiveKit reports Jeremy speaking while it plays. Each of the
  // person's turns is played back (the fake microphone repeats itself); LiveKit's speaker
  // detection let the first playback go unreported about 1 run in 6, so a later one may count.
  await expect(page.getByTestId("jeremy-stage")).toHaveAttribute("data-jeremy-speaking", "true", {
    timeout: 30_000,
  });
  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("conversation-ended")).toBeVisible();
});
