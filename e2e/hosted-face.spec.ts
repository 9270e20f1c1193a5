// A vendor's face (LemonSlice) chosen on the landing page: our brain attaches it with LiveKit's
// own LemonSlice plugin, which calls the vendor's API; a fake of that API (test/fake-lemonslice.ts)
// answers as LemonSlice does and sends our drawn face into the room with the token the plugin
// made. The plugin, the avatar protocol, LiveKit and the browser are real; only the renderer is
// ours.
import { RoomServiceClient, TrackSource } from "livekit-server-sdk";

import { FakeLemonSlice } from "@/test/fake-lemonslice";

import { expect, test } from "./fixtures";
import { captions, jeremyVideo, startAnswer, status } from "./support/conversation-page";
import { STACK } from "./support/stack";
import type { Page } from "@playwright/test";

const rooms = new RoomServiceClient(STACK.livekitHttp, STACK.apiKey, STACK.apiSecret);
const CONTEXT = "Candidate Name is Ada Lovelace\nCompany Name is XYZ Consult\nJob title is Analyst";
let vendor: FakeLemonSlice;

test.beforeAll(async ({ stack }) => {
  test.setTimeout(180_000);
  vendor = await FakeLemonSlice.start();
  await stack.restartWorker(vendor.workerEnv());
});
test.afterAll(async ({ stack }) => {
  test.setTimeout(120_000);
  await stack.restartWorker();
  await vendor.close();
});
test.beforeEach(() => {
  vendor.behaviour = { kind: "normal" };
});

/** Starts a conversation with LemonSlice's face, chosen among the options on the landing page. */
async function startWithLemonSlice(page: Page) {
  await page.goto("/");
  await page.getByText("Conversation options").click();
  await page.getByRole("radio", { name: /LemonSlice/ }).check();
  await page.getByLabel(/Context for Jeremy/).fill(CONTEXT);
  const started = page.waitForResponse(startAnswer);
  await page.getByTestId("start-conversation").click();
  const response = await started;
  expect(response.status()).toBe(201);
  const body = (await response.json()) as { session: { id: string; face: string } };
  expect(body.session.face).toBe("lemonslice");
  return { sessionId: body.session.id };
}

test("LemonSlice's face, chosen on the landing page: its avatar speaks for the brain; a typed turn, hang-up, and the vendor's session ends", async ({
  page,
  ledger,
}) => {
  const { sessionId } = await startWithLemonSlice(page);
  const video = await jeremyVideo(page);
  expect(video.playing).toBe(true);
  expect(video.changedPixels).toBeGreaterThan(50);
  await expect(status(page)).toHaveAttribute("data-state", "talking");
  await expect(page.getByRole("heading", { name: /LemonSlice/ })).toBeVisible();
  await expect(captions(page)).toContainText("Hello Ada! I'm Jeremy from XYZ Consult.", {
    timeout: 30_000,
  });

  // What the plugin sent LemonSlice: our key, our agent, the LiveKit URL and a token for this room.
  expect(vendor.calls).toHaveLength(1);
  const [call] = vendor.calls;
  expect(call).toMatchObject({ apiKey: vendor.apiKey, status: 200 });
  expect(call!.body).toMatchObject({ transport_type: "livekit", agent_id: vendor.agentId });
  expect(vendor.sessions).toHaveLength(1);
  expect(vendor.sessions[0]).toMatchObject({ room: sessionId, agentIdentity: "jeremy" });

  // In the room: the brain with no tracks; the vendor's avatar, on its behalf, with both.
  const people = await rooms.listParticipants(sessionId);
  const avatar = people.find((p) => p.identity === vendor.sessions[0]!.identity);
  expect(people.find((p) => p.identity === "jeremy")?.tracks ?? ["missing"]).toEqual([]);
  expect(avatar?.attributes).toMatchObject({ "lk.publish_on_behalf": "jeremy" });
  expect(avatar?.tracks.map((track) => track.source).sort()).toEqual(
    [TrackSource.CAMERA, TrackSource.MICROPHONE].sort(),
  );

  await page.getByTestId("mute").click();
  await page.getByTestId("typed-turn").fill("I love solving problems with data.");
  await page.getByTestId("typed-turn").press("Enter");
  await expect(captions(page)).toContainText("What draws you to the Analyst role at XYZ Consult?", {
    timeout: 30_000,
  });

  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("conversation-ended")).toHaveAttribute("data-reason", "hangup");
  // The summary shows once the server has answered that the session ended.
  await expect(page.getByTestId("summary")).toBeVisible();
  expect(await ledger.session(sessionId)).toMatchObject({
    status: "ENDED",
    endReason: "hangup",
    face: "lemonslice",
  });
  // Nothing is left running (billing) at the vendor.
  await expect.poll(() => vendor.running().length, { timeout: 20_000 }).toBe(0);
  expect(vendor.sessions).toHaveLength(1);

  // The choice is remembered.
  await page.goto("/");
  await page.getByText("Conversation options").click();
  await expect(page.getByRole("radio", { name: /LemonSlice/ })).toBeChecked();
});

for (const [name, behaviour] of [
  ["refuses the key (401)", { kind: "refuse", status: 401, error: "Invalid API key" }],
  ["is out of quota (402)", { kind: "refuse", status: 402, error: "Insufficient credits" }],
  ["never sends its avatar", { kind: "no-avatar" }],
] as const) {
  test(`a vendor that ${name}: the conversation ends, and nothing runs at the vendor`, async ({
    page,
    ledger,
  }) => {
    test.setTimeout(90_000);
    vendor.behaviour = behaviour;
    const before = vendor.calls.length;
    const { sessionId } = await startWithLemonSlice(page);
    await expect(page.getByTestId("conversation-ended")).toBeVisible({ timeout: 60_000 });
    await expect
      .poll(async () => (await ledger.session(sessionId)).status, { timeout: 20_000 })
      .toBe("ENDED");
    console.log(
      `${name}: ended ${(await ledger.session(sessionId)).endReason}, page ${await page
        .getByTestId("conversation-ended")
        .getAttribute("data-reason")}`,
    );
    expect(vendor.calls.length).toBeGreaterThan(before);
    expect(vendor.running()).toEqual([]);
  });
}

test("a vendor's avatar that leaves mid-conversation ends it as avatar_left", async ({
  page,
  ledger,
}) => {
  vendor.behaviour = { kind: "leave-after", ms: 12_000 };
  const { sessionId } = await startWithLemonSlice(page);
  await jeremyVideo(page);
  await expect(page.getByTestId("conversation-ended")).toHaveAttribute(
    "data-reason",
    "avatar_left",
    { timeout: 40_000 },
  );
  await expect
    .poll(async () => (await ledger.session(sessionId)).endReason, { timeout: 20_000 })
    .toBe("avatar_left");
  expect(vendor.running()).toEqual([]);
});
