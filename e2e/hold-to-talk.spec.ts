import { expect, test } from "./fixtures";
import { captions, startConversation, status } from "./support/conversation-page";

const CONTEXT = "Candidate Name is Ada Lovelace\nCompany Name is XYZ Consult\nJob title is Analyst";
const SECOND_QUESTION = "What draws you to the Analyst role";
const THIRD_QUESTION = "Tell me about a challenge";

const userLines = (transcript: Array<{ role: string }>) =>
  transcript.filter((line) => line.role === "user").length;

test("hold to talk: nothing is heard until the button is held, and the turn goes on release; the space bar works too, and the choice is remembered", async ({
  page,
  ledger,
}) => {
  test.setTimeout(180_000);
  const { sessionId } = await startConversation(page, { context: CONTEXT, holdToTalk: true });

  await expect(status(page)).toHaveAttribute("data-state", "talking", { timeout: 30_000 });
  await expect(page.getByTestId("mute")).toHaveCount(0);
  const hold = page.getByRole("button", { name: "Hold to talk" });
  await expect(hold).toBeVisible();
  await expect(page.getByTestId("turn-status")).toHaveText("Jeremy is talking", {
    timeout: 20_000,
  });
  await expect(captions(page)).toContainText("tell me a little about yourself", {
    timeout: 30_000,
  });

  // The fake microphone talks all along, but it is not live: no turn, however long.
  await page.waitForTimeout(8000);
  await expect(captions(page)).not.toContainText(SECOND_QUESTION);
  expect(userLines((await ledger.session(sessionId)).transcript)).toBe(0);

  // Held for longer than the microphone's loop (speech, then seconds of silence), which an
  // automatic turn would end and answer: still no reply while held.
  const box = (await hold.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await expect(hold).toHaveAttribute("aria-pressed", "true");
  await page.waitForTimeout(13_000);
  await expect(captions(page)).not.toContainText(SECOND_QUESTION);
  // Released: the turn is sent at once, and Jeremy moves on.
  await page.mouse.up();
  await expect(hold).toHaveAttribute("aria-pressed", "false");
  await expect(captions(page)).toContainText(SECOND_QUESTION, { timeout: 15_000 });
  await expect.poll(async () => userLines((await ledger.session(sessionId)).transcript)).toBe(1);

  // The space bar, with the focus in the conversation (not in a text field).
  await page.getByTestId("conversation-overlay").focus();
  await page.keyboard.down("Space");
  await expect(hold).toHaveAttribute("aria-pressed", "true");
  // Longer than the fake microphone's longest silence (4.5 s after its line, 1.5 s before it):
  // a shorter hold can fall wholly in the silence, and a silent hold is no turn to record.
  await page.waitForTimeout(7000);
  await page.keyboard.up("Space");
  await expect(captions(page)).toContainText(THIRD_QUESTION, { timeout: 15_000 });

  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("conversation-ended")).toBeVisible();
  // One user turn per hold, however long the microphone talked meanwhile.
  await expect.poll(async () => userLines((await ledger.session(sessionId)).transcript)).toBe(2);

  // The choice is remembered for the next visit.
  await page.reload();
  await page.getByText("Conversation options").click();
  await expect(page.getByLabel(/Hold to talk/)).toBeChecked();
});

test.describe("on a touch screen", () => {
  // A phone: touch events, no mouse, no hover.
  test.use({ viewport: { width: 390, height: 664 }, hasTouch: true, isMobile: true });

  test("hold to talk by touch: the turn waits while the finger is down and goes when it lifts", async ({
    page,
    ledger,
  }) => {
    test.setTimeout(120_000);
    await page.goto("/");
    await page.getByText("Conversation options").tap();
    await page.getByLabel(/Hold to talk/).tap();
    await page.getByLabel(/Context for Jeremy/).fill(CONTEXT);
    const starting = page.waitForResponse(
      (res) => res.url().endsWith("/api/sessions") && res.request().method() === "POST",
    );
    await page.getByTestId("start-conversation").tap();
    const sessionId = ((await (await starting).json()) as { session: { id: string } }).session.id;

    const hold = page.getByRole("button", { name: "Hold to talk" });
    await expect(status(page)).toHaveAttribute("data-state", "talking", { timeout: 30_000 });
    await expect(captions(page)).toContainText("tell me a little about yourself", {
      timeout: 30_000,
    });
    await expect(hold).toBeInViewport({ ratio: 1 });

    // Which kind of pointer the button hears: a finger, not a mouse the browser made up.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { pointerTypes: string[] }).pointerTypes = seen;
      document.addEventListener("pointerdown", (event) => seen.push(event.pointerType), true);
    });
    // Playwright's tap() lifts at once; a held finger is a touchStart now and a touchEnd later,
    // sent as the touch screen would send them.
    const touch = await page.context().newCDPSession(page);
    const box = (await hold.boundingBox())!;
    const finger = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await touch.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [finger] });
    await expect(hold).toHaveAttribute("aria-pressed", "true");
    // Held past the microphone's loop and a long press's context menu: still no reply.
    await page.waitForTimeout(13_000);
    await expect(hold).toHaveAttribute("aria-pressed", "true");
    await expect(captions(page)).not.toContainText(SECOND_QUESTION);
    await touch.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await expect(hold).toHaveAttribute("aria-pressed", "false");
    await expect(captions(page)).toContainText(SECOND_QUESTION, { timeout: 15_000 });
    await expect.poll(async () => userLines((await ledger.session(sessionId)).transcript)).toBe(1);
    expect(
      await page.evaluate(() => (window as unknown as { pointerTypes: string[] }).pointerTypes),
    ).toEqual(["touch"]);

    await page.getByTestId("hang-up").tap();
    await expect(page.getByTestId("conversation-ended")).toHaveAttribute("data-reason", "hangup");
  });
});
