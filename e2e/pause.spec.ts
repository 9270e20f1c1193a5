import { readFile } from "node:fs/promises";

import { RoomServiceClient } from "livekit-server-sdk";

import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./support/accessibility";
import { captions, startAnswer, startConversation, status } from "./support/conversation-page";
import { STACK } from "./support/stack";

const rooms = new RoomServiceClient(STACK.livekitHttp, STACK.apiKey, STACK.apiSecret);
const CONTEXT = "Candidate Name is Ada Lovelace\nCompany Name is XYZ Consult\nJob title is Analyst";

const activeJobs = async () =>
  (await (await fetch(`${STACK.workerHealthUrl}/worker`)).json()).active_jobs as number;
const sessionRooms = async (sessionId: string) =>
  (await rooms.listRooms()).filter((room) => room.name.startsWith(sessionId));

test("pause stops Jeremy and the bill; resume brings him back where the conversation was; the end shows what was said", async ({
  page,
  ledger,
}) => {
  const { sessionId } = await startConversation(page, { context: CONTEXT });
  await expect(captions(page)).toContainText("tell me a little about yourself", {
    timeout: 30_000,
  });
  // A typed answer moves the interview on to its second question.
  await page.getByTestId("mute").click();
  await page.getByTestId("typed-turn").fill("I am a data analyst.");
  await page.getByTestId("typed-turn").press("Enter");
  await expect(captions(page)).toContainText("What draws you to the Analyst role", {
    timeout: 20_000,
  });

  // Pause: the page says so, the ledger says PAUSED, the room and Jeremy's job are gone.
  await page.getByTestId("pause").click();
  await expect(page.getByRole("heading", { name: "Paused" })).toBeVisible();
  await expect(page.getByTestId("resume")).toBeFocused();
  expect(await ledger.session(sessionId)).toMatchObject({ status: "PAUSED", endReason: null });
  expect(await sessionRooms(sessionId)).toEqual([]);
  await expect.poll(activeJobs, { timeout: 20_000 }).toBe(0);
  // The transcript so far is kept, line by line as it was said.
  await expect
    .poll(async () => (await ledger.session(sessionId)).transcript.map((line) => line.text))
    .toContain("I am a data analyst.");

  // Resume: Jeremy is back, welcomes the person, and carries on from the question he had asked.
  await page.getByTestId("resume").click();
  await expect(status(page)).toHaveAttribute("data-state", "talking", { timeout: 20_000 });
  await expect(captions(page)).toContainText("Welcome back!", { timeout: 20_000 });
  await expect(captions(page)).toContainText("What draws you to the Analyst role");
  await expect(captions(page)).not.toContainText("Hello Ada");
  expect(await ledger.session(sessionId)).toMatchObject({ status: "ACTIVE" });
  expect((await sessionRooms(sessionId)).map((room) => room.name)).toEqual([`${sessionId}.2`]);

  await page.getByTestId("mute").click();
  await page.getByTestId("typed-turn").fill("I like finding patterns.");
  await page.getByTestId("typed-turn").press("Enter");
  await expect(captions(page)).toContainText("Tell me about a challenge", { timeout: 20_000 });

  // Hang up: how long it lasted and what was said, to download, and a way to talk again.
  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("conversation-ended")).toHaveAttribute("data-reason", "hangup");
  await expect(page.getByTestId("summary")).toContainText("You talked with Jeremy for");
  const shown = page.getByTestId("ended-transcript");
  await expect(shown).toContainText("You: I am a data analyst.");
  await expect(shown).toContainText("Jeremy: Welcome back!");
  await expect(shown).toContainText("Tell me about a challenge", { timeout: 10_000 });

  const downloading = page.waitForEvent("download");
  await page.getByTestId("download-transcript").click();
  const file = await readFile((await (await downloading).path())!, "utf8");
  expect(file).toMatch(/^Jeremy: Hello Ada!/);
  expect(file).toContain("You: I like finding patterns.");

  // The ledger: one transcript across both stretches, in order, each line once.
  const ended = await ledger.session(sessionId);
  expect(ended).toMatchObject({ status: "ENDED", endReason: "hangup" });
  const seqs = ended.transcript.map((line) => line.seq);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  expect(new Set(seqs).size).toBe(seqs.length);
  expect(ended.transcript.filter((line) => line.text.startsWith("Welcome back!"))).toHaveLength(1);

  // Talk again starts a new conversation.
  const again = page.waitForResponse(startAnswer);
  await page.getByTestId("talk-again").click();
  const next = (await (await again).json()) as { session: { id: string } };
  expect(next.session.id).not.toBe(sessionId);
  await expect(status(page)).toHaveAttribute("data-state", "talking", { timeout: 20_000 });
  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("conversation-ended")).toBeVisible();
});

test("closing the tab while paused ends nothing more; coming back offers to resume it", async ({
  page,
  context,
  ledger,
}, testInfo) => {
  const { sessionId } = await startConversation(page);
  await expect(status(page)).toHaveAttribute("data-state", "talking", { timeout: 20_000 });
  await page.getByTestId("pause").click();
  await expect(page.getByRole("heading", { name: "Paused" })).toBeVisible();
  await page.close({ runBeforeUnload: true });
  // A stop beacon from the closing page would have landed by now: none was sent.
  await new Promise((resolve) => setTimeout(resolve, 4000));
  expect(await ledger.session(sessionId)).toMatchObject({ status: "PAUSED", endReason: null });

  // Back on the page in the same browser: the paused conversation is offered, and resumes.
  const again = await context.newPage();
  await again.goto("/");
  await expect(again.getByTestId("paused-notice")).toContainText("is paused");
  await expectNoAxeViolations(again, "landing with a paused conversation", testInfo);
  await again.getByTestId("resume-paused").click();
  await expect(status(again)).toHaveAttribute("data-state", "talking", { timeout: 20_000 });
  await expect(captions(again)).toContainText("Welcome back!", { timeout: 20_000 });
  expect(await ledger.session(sessionId)).toMatchObject({ status: "ACTIVE" });
  await again.getByTestId("hang-up").click();
  await expect(again.getByTestId("conversation-ended")).toBeVisible();
  await again.getByTestId("close-conversation").click();
  // Ended: nothing is offered any more.
  await again.reload();
  await expect(again.getByTestId("start-conversation")).toBeEnabled();
  await expect(again.getByTestId("paused-notice")).toHaveCount(0);
});
