// Vendors' faces (LemonSlice, Beyond Presence, Anam) chosen on the landing page: our brain
// attaches each (LemonSlice with LiveKit's own plugin, the others with our start calls in the
// plugins' shape), which calls the vendor's API; a fake of that API (e2e/support/fake-avatar-vendor.ts)
// answers as the vendor does and sends our drawn face into the room with the token it was given.
// The plugin, the avatar protocol, LiveKit and the browser are real; only the renderer is ours.
import type { Page } from "@playwright/test";
import { RoomServiceClient, TrackSource } from "livekit-server-sdk";

import {
  FakeAvatarVendor,
  type VendorBehaviour,
  type VendorId,
} from "./support/fake-avatar-vendor";

import { installProbe } from "@/test/av-sync/page";

import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./support/accessibility";
import {
  bargeIn,
  captions,
  jeremyVideo,
  releaseOnceSpoken,
  startAnswer,
  status,
} from "./support/conversation-page";
import { STACK } from "./support/stack";

const rooms = new RoomServiceClient(STACK.livekitHttp, STACK.apiKey, STACK.apiSecret);
const CONTEXT = "Candidate Name is Ada Lovelace\nCompany Name is XYZ Consult\nJob title is Analyst";
const NAMES: Record<VendorId, string> = {
  lemonslice: "LemonSlice",
  bey: "Beyond Presence",
  anam: "Anam",
};
const VENDORS = Object.keys(NAMES) as VendorId[];
const fakes = {} as Record<VendorId, FakeAvatarVendor>;

test.beforeAll(async ({ stack }) => {
  test.setTimeout(180_000);
  for (const vendor of VENDORS) fakes[vendor] = await FakeAvatarVendor.start(vendor);
  await stack.restartWorker(Object.assign({}, ...VENDORS.map((v) => fakes[v].workerEnv())));
});
test.afterAll(async ({ stack }) => {
  test.setTimeout(120_000);
  await stack.restartWorker();
  await Promise.all(VENDORS.map((vendor) => fakes[vendor].close()));
});
test.beforeEach(() => {
  for (const vendor of VENDORS) fakes[vendor].behaviour = { kind: "normal" };
});

/** Starts a conversation with a vendor's face, chosen among the options on the landing page. */
async function startWith(page: Page, vendor: VendorId | "jeremy", holdToTalk = false) {
  await page.goto("/");
  await page.getByText("Conversation options").click();
  const faces = page.getByRole("group", { name: "Face" });
  await faces.getByLabel(vendor === "jeremy" ? "Jeremy" : NAMES[vendor], { exact: true }).check();
  if (holdToTalk) await page.getByLabel(/Hold to talk/).check();
  await page.getByLabel(/Context for Jeremy/).fill(CONTEXT);
  const started = page.waitForResponse(startAnswer);
  await page.getByTestId("start-conversation").click();
  const response = await started;
  expect(response.status()).toBe(201);
  const body = (await response.json()) as { session: { id: string; face: string } };
  expect(body.session.face).toBe(vendor);
  return { sessionId: body.session.id };
}

test.describe("each vendor's face, seen and heard", () => {
  // The probe meters the voice in an AudioWorklet loaded from a blob, which the app's
  // Content-Security-Policy (rightly) forbids.
  test.use({ bypassCSP: true });

  for (const vendor of VENDORS) {
    test(`${NAMES[vendor]}'s face, chosen on the landing page: its avatar speaks for the brain, stops when the person barges in, and leaves at the hang-up`, async ({
      page,
      ledger,
    }) => {
      const fake = fakes[vendor];
      const callsBefore = fake.calls.length;
      await installProbe(page.context());
      const { sessionId } = await startWith(page, vendor, true);
      const video = await jeremyVideo(page);
      expect(video.playing).toBe(true);
      expect(video.changedPixels).toBeGreaterThan(50);
      await expect(status(page)).toHaveAttribute("data-state", "talking");
      await expect(page.getByTestId("jeremy-stage")).toHaveAttribute(
        "data-voice-subscribed",
        "true",
      );
      await expect(
        page.getByRole("heading", { name: `Talking with ${NAMES[vendor]}` }),
      ).toBeVisible();

      // What the vendor was sent: our key, our avatar, and a token for this room on its behalf.
      const calls = fake.calls.slice(callsBefore);
      expect(calls.every((call) => call.status >= 200 && call.status < 300)).toBe(true);
      expect(calls[0]!.credential).toBe(fake.apiKey);
      expect(JSON.stringify(calls[0]!.body)).toContain(fake.avatarId);
      const avatar = fake.avatars.at(-1)!;
      expect(avatar).toMatchObject({ room: sessionId, agentIdentity: "jeremy" });

      // In the room: the brain with no tracks; the vendor's avatar, on its behalf, with both.
      const people = await rooms.listParticipants(sessionId);
      const inRoom = people.find((p) => p.identity === avatar.identity);
      expect(people.find((p) => p.identity === "jeremy")?.tracks ?? ["missing"]).toEqual([]);
      expect(inRoom?.attributes).toMatchObject({ "lk.publish_on_behalf": "jeremy" });
      expect(inRoom?.tracks.map((track) => track.source).sort()).toEqual(
        [TrackSource.CAMERA, TrackSource.MICROPHONE].sort(),
      );

      // A second into his greeting, the person presses Hold to talk: voice and mouth stop.
      await bargeIn(page);
      await releaseOnceSpoken(page);
      // He goes on with the interview.
      await expect(captions(page)).toContainText("What draws you to the Analyst role", {
        timeout: 20_000,
      });

      await page.getByTestId("hang-up").click();
      await expect(page.getByTestId("conversation-ended")).toHaveAttribute("data-reason", "hangup");
      // The summary shows once the server has answered that the session ended.
      await expect(page.getByTestId("summary")).toBeVisible();
      expect(await ledger.session(sessionId)).toMatchObject({
        status: "ENDED",
        endReason: "hangup",
        face: vendor,
      });
      // Nothing is left running (billing) at the vendor: one avatar came, and it has gone.
      await expect.poll(() => fake.running().length, { timeout: 20_000 }).toBe(0);
      expect(fake.avatars.filter((one) => one.room === sessionId)).toHaveLength(1);

      // The choice is remembered.
      await page.goto("/");
      await page.getByText("Conversation options").click();
      await expect(
        page.getByRole("group", { name: "Face" }).getByLabel(NAMES[vendor]),
      ).toBeChecked();
    });
  }
});

test("Jeremy chosen among the vendors' faces: drawn by us, and no vendor is called", async ({
  page,
  ledger,
}) => {
  const callsBefore = VENDORS.map((vendor) => fakes[vendor].calls.length);
  const { sessionId } = await startWith(page, "jeremy");
  await jeremyVideo(page);
  await expect(page.getByRole("heading", { name: "Talking with Jeremy" })).toBeVisible();
  await expect(captions(page)).toContainText("Hello Ada! I'm Jeremy from XYZ Consult.", {
    timeout: 30_000,
  });
  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("summary")).toBeVisible();
  expect(await ledger.session(sessionId)).toMatchObject({ endReason: "hangup", face: "jeremy" });
  expect(VENDORS.map((vendor) => fakes[vendor].calls.length)).toEqual(callsBefore);
});

const FAILURES: Array<[VendorId, string, VendorBehaviour]> = [
  [
    "lemonslice",
    "refuses the key (401)",
    { kind: "refuse", status: 401, error: "Invalid API key" },
  ],
  ["lemonslice", "is rate limited (429)", { kind: "refuse", status: 429, error: "Slow down" }],
  ["lemonslice", "does not answer", { kind: "hang" }],
  [
    "bey",
    "is out of credits (402)",
    { kind: "refuse", status: 402, error: "Insufficient credits" },
  ],
  ["bey", "is down (503)", { kind: "refuse", status: 503, error: "Try again later" }],
  ["bey", "does not answer", { kind: "hang" }],
  ["anam", "refuses the key (401)", { kind: "refuse", status: 401, error: "Invalid API key" }],
  ["anam", "is down (503)", { kind: "refuse", status: 503, error: "Try again later" }],
];

for (const [vendor, what, behaviour] of FAILURES) {
  test(`${NAMES[vendor]} ${what}: the conversation ends as face_failed, and nothing runs at the vendor`, async ({
    page,
    ledger,
  }) => {
    const fake = fakes[vendor];
    fake.behaviour = behaviour;
    const before = fake.calls.length;
    const { sessionId } = await startWith(page, vendor);
    await expect(page.getByTestId("conversation-ended")).toHaveAttribute(
      "data-reason",
      "face_failed",
      { timeout: 30_000 },
    );
    await expect(
      page.getByRole("heading", { name: `${NAMES[vendor]} could not start` }),
    ).toBeVisible();
    await expect(page.getByTestId("summary")).toBeVisible();
    expect(await ledger.session(sessionId)).toMatchObject({
      status: "ENDED",
      endReason: "face_failed",
      face: vendor,
    });
    // A refusal is final; a failure that may pass (429, 5xx, no answer) is tried once more.
    const final = behaviour.kind === "refuse" && [401, 402].includes(behaviour.status);
    expect(fake.calls.length - before).toBe(final ? 1 : 2);
    expect(fake.running()).toEqual([]);
  });
}

test("a vendor that never sends its avatar: the person is told it could not join", async ({
  page,
  ledger,
}) => {
  fakes.bey.behaviour = { kind: "no-avatar" };
  const { sessionId } = await startWith(page, "bey");
  await expect(page.getByTestId("conversation-ended")).toHaveAttribute(
    "data-reason",
    "avatar_timeout",
    { timeout: 40_000 },
  );
  await expect
    .poll(async () => (await ledger.session(sessionId)).endReason, { timeout: 20_000 })
    .toBe("avatar_timeout");
  expect(fakes.bey.running()).toEqual([]);
});

for (const vendor of ["lemonslice", "anam"] as const) {
  test(`${NAMES[vendor]}'s avatar leaving mid-conversation ends it as avatar_left`, async ({
    page,
    ledger,
  }) => {
    fakes[vendor].behaviour = { kind: "leave-after", ms: 12_000 };
    const { sessionId } = await startWith(page, vendor);
    await jeremyVideo(page);
    await expect(page.getByTestId("conversation-ended")).toHaveAttribute(
      "data-reason",
      "avatar_left",
      { timeout: 40_000 },
    );
    await expect
      .poll(async () => (await ledger.session(sessionId)).endReason, { timeout: 20_000 })
      .toBe("avatar_left");
    expect(fakes[vendor].running()).toEqual([]);
  });
}

test("the choice of face on the landing page: accessible, and on screen at a laptop's and a phone's size", async ({
  page,
}, testInfo) => {
  for (const size of [
    { width: 1280, height: 650 },
    { width: 375, height: 553 },
  ]) {
    await page.setViewportSize(size);
    await page.goto("/");
    await page.getByText("Conversation options").click();
    const faces = page.getByRole("group", { name: "Face" });
    // Every configured face, the default first and chosen for a fresh visitor.
    await expect(faces.getByRole("radio")).toHaveCount(4);
    await expect(faces.getByRole("radio").first()).toHaveAccessibleName("Jeremy");
    await expect(faces.getByRole("radio").first()).toBeChecked();
    const last = faces.getByRole("radio").last();
    await last.scrollIntoViewIfNeeded();
    await expect(last).toBeInViewport();
    await expectNoAxeViolations(page, `face choice at ${size.width}×${size.height}`, testInfo);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth),
    ).toBe(false);
  }
});
