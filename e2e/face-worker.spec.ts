// Jeremy as two participants (JEREMY_FACE=worker): the brain (the Jeremy worker) hears, thinks and
// sends its speech over LiveKit's avatar protocol; the face worker draws and voices him in a
// participant of its own. The page finds his video and voice on the face, and everything works as
// with one participant.
import { RoomServiceClient, TrackSource } from "livekit-server-sdk";

import { installProbe } from "@/test/av-sync/page";

import { expect, test } from "./fixtures";
import {
  bargeIn,
  captions,
  jeremyVideo,
  releaseOnceSpoken,
  startConversation,
  status,
} from "./support/conversation-page";
import { STACK } from "./support/stack";

const rooms = new RoomServiceClient(STACK.livekitHttp, STACK.apiKey, STACK.apiSecret);
const CONTEXT = "Candidate Name is Ada Lovelace\nCompany Name is XYZ Consult\nJob title is Analyst";

test.beforeAll(async ({ stack }) => {
  test.setTimeout(180_000);
  await stack.useFaceWorker();
});
test.afterAll(async ({ stack }) => {
  test.setTimeout(120_000);
  await stack.useOwnFace();
});

test("the face is its own participant: video and voice from it, the brain publishes nothing; greeting, a typed turn, hang-up", async ({
  page,
  ledger,
}) => {
  const { sessionId } = await startConversation(page, { context: CONTEXT });
  const video = await jeremyVideo(page);
  expect(video).toMatchObject({ width: 512, height: 512, playing: true });
  expect(video.changedPixels).toBeGreaterThan(50);
  await expect(status(page)).toHaveAttribute("data-state", "talking");
  await expect(page.getByTestId("jeremy-stage")).toHaveAttribute("data-voice-subscribed", "true");
  await expect(captions(page)).toContainText("Hello Ada! I'm Jeremy from XYZ Consult.", {
    timeout: 20_000,
  });

  // In the room: the brain with no tracks; the face, on its behalf, with a camera and a microphone.
  const people = await rooms.listParticipants(sessionId);
  const brain = people.find((p) => p.identity === "jeremy");
  const face = people.find((p) => p.identity === "jeremy-face");
  expect(brain?.tracks ?? ["missing"]).toEqual([]);
  expect(face?.attributes).toMatchObject({ "lk.publish_on_behalf": "jeremy" });
  expect(face?.tracks.map((track) => track.source).sort()).toEqual(
    [TrackSource.CAMERA, TrackSource.MICROPHONE].sort(),
  );

  // A typed turn is answered.
  await page.getByTestId("mute").click();
  await page.getByTestId("typed-turn").fill("I love solving problems with data.");
  await page.getByTestId("typed-turn").press("Enter");
  await expect(captions(page)).toContainText("What draws you to the Analyst role at XYZ Consult?", {
    timeout: 30_000,
  });

  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("conversation-ended")).toHaveAttribute("data-reason", "hangup");
  await expect(page.getByTestId("summary")).toBeVisible();
  expect(await ledger.session(sessionId)).toMatchObject({ status: "ENDED", endReason: "hangup" });
  await expect
    .poll(async () => (await ledger.session(sessionId)).transcript.length, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(3);
  // The face leaves with the brain: no job is left on either worker.
  for (const health of [STACK.workerHealthUrl, STACK.faceHealthUrl]) {
    await expect
      .poll(async () => (await (await fetch(`${health}/worker`)).json()).active_jobs, {
        timeout: 20_000,
      })
      .toBe(0);
  }
});

test("a face that dies mid-conversation ends it as Jeremy leaving does (avatar_left)", async ({
  page,
  ledger,
}) => {
  const { sessionId } = await startConversation(page);
  await jeremyVideo(page);
  await expect(captions(page)).toContainText("Hello", { timeout: 20_000 });
  await rooms.removeParticipant(sessionId, "jeremy-face");
  await expect(page.getByTestId("conversation-ended")).toHaveAttribute(
    "data-reason",
    "avatar_left",
    { timeout: 20_000 },
  );
  await expect
    .poll(async () => (await ledger.session(sessionId)).status, { timeout: 20_000 })
    .toBe("ENDED");
  expect((await ledger.session(sessionId)).endReason).toBe("avatar_left");
});

test("pause and resume with a face of its own: the face goes with the room and comes back with the next", async ({
  page,
  ledger,
}) => {
  const { sessionId } = await startConversation(page, { context: CONTEXT });
  await expect(captions(page)).toContainText("tell me a little about yourself", {
    timeout: 30_000,
  });
  await page.getByTestId("pause").click();
  await expect(page.getByRole("heading", { name: "Paused" })).toBeVisible();
  for (const health of [STACK.workerHealthUrl, STACK.faceHealthUrl]) {
    await expect
      .poll(async () => (await (await fetch(`${health}/worker`)).json()).active_jobs, {
        timeout: 20_000,
      })
      .toBe(0);
  }
  await page.getByTestId("resume").click();
  await expect(status(page)).toHaveAttribute("data-state", "talking", { timeout: 30_000 });
  await expect(captions(page)).toContainText("Welcome back!", { timeout: 20_000 });
  const faces = (await rooms.listParticipants(`${sessionId}.2`)).filter(
    (p) => p.attributes["lk.publish_on_behalf"] === "jeremy",
  );
  expect(faces.map((p) => p.identity)).toEqual(["jeremy-face"]);

  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("conversation-ended")).toHaveAttribute("data-reason", "hangup");
  // The summary shows once the server has answered that the session ended.
  await expect(page.getByTestId("summary")).toBeVisible();
  expect(await ledger.session(sessionId)).toMatchObject({ status: "ENDED", endReason: "hangup" });
});

test("hold to talk with a face of its own: nothing is a turn until released", async ({ page }) => {
  await startConversation(page, { context: CONTEXT, holdToTalk: true });
  await expect(status(page)).toHaveAttribute("data-state", "talking", { timeout: 30_000 });
  await expect(captions(page)).toContainText("tell me a little about yourself", {
    timeout: 30_000,
  });
  const hold = page.getByRole("button", { name: "Hold to talk" });
  const box = (await hold.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(7000);
  await expect(captions(page)).not.toContainText("What draws you to the Analyst role");
  await page.mouse.up();
  await expect(captions(page)).toContainText("What draws you to the Analyst role", {
    timeout: 15_000,
  });
  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("conversation-ended")).toHaveAttribute("data-reason", "hangup");
});

test("a hang-up while the face is mid-line keeps the line: the brain ends it when the face cannot say it stopped", async ({
  page,
  ledger,
}) => {
  // Hold to talk, never held: the looping fake microphone cannot cut his first line short.
  const { sessionId } = await startConversation(page, { context: CONTEXT, holdToTalk: true });
  await expect(page.getByTestId("jeremy-stage")).toHaveAttribute("data-voice-subscribed", "true", {
    timeout: 30_000,
  });
  // His first line takes seconds to say; the person hangs up as soon as it starts.
  await expect(page.getByTestId("turn-status")).toHaveAttribute("data-state", "speaking", {
    timeout: 30_000,
  });
  await page.waitForTimeout(1_000);
  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("conversation-ended")).toHaveAttribute("data-reason", "hangup");
  await expect
    .poll(async () => (await ledger.session(sessionId)).transcript.map((line) => line.text), {
      timeout: 30_000,
    })
    .toContainEqual(expect.stringMatching(/^Hello Ada/));
});

test.describe("measured in the page", () => {
  // The probe meters Jeremy's voice in an AudioWorklet loaded from a blob, which the app's
  // Content-Security-Policy (rightly) forbids.
  test.use({ bypassCSP: true });

  test("barge-in: pressing Hold to talk while the face talks stops its voice and its mouth, and the line is cut", async ({
    page,
    ledger,
  }) => {
    await installProbe(page.context());
    const { sessionId } = await startConversation(page, { context: CONTEXT, holdToTalk: true });
    await jeremyVideo(page);

    // A second into his greeting, the person presses Hold to talk and holds it: both his voice
    // and his mouth stop.
    await bargeIn(page);
    await releaseOnceSpoken(page);

    // He goes on with the interview.
    await expect(captions(page)).toContainText("What draws you to the Analyst role", {
      timeout: 20_000,
    });
    await page.getByTestId("hang-up").click();
    await expect(page.getByTestId("conversation-ended")).toHaveAttribute("data-reason", "hangup");
    // His opening ends by asking the person about themselves: cut off a second in, he never got
    // there. What he said once the person let go is kept.
    await expect
      .poll(async () => JSON.stringify((await ledger.session(sessionId)).transcript), {
        timeout: 20_000,
      })
      .toContain("What draws you to the Analyst role");
    const said = (await ledger.session(sessionId)).transcript
      .filter((line) => line.role === "assistant")
      .map((line) => line.text)
      .join("\n");
    expect(said).not.toContain("tell me a little about yourself");
  });
});
