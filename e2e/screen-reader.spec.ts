import { expect, test } from "./fixtures";
import { captions, startConversation, status } from "./support/conversation-page";
import { STACK } from "./support/stack";

// What a screen reader gets from the page, read from the accessibility tree and the live region.
const CONTEXT = "Candidate Name is Ada\nCompany Name is XYZ Consult\nJob title is Analyst";

/** Waits until the worker has wound down this test's conversations, so that the next test starts
 *  on a quiet machine. Hang up once Jeremy is there: a job still starting winds down slowly. */
async function untilJeremyIsFree() {
  await expect
    .poll(async () => (await (await fetch(`${STACK.workerHealthUrl}/worker`)).json()).active_jobs, {
      timeout: 30_000,
    })
    .toBe(0);
}

interface CaptionMutation {
  added: string[];
  removed: string[];
  /** Changes inside a line already on screen (its text or its children). */
  changedLine: boolean;
}

test("the captions log announces each line once: lines are appended, never re-created or rewritten", async ({
  page,
}) => {
  // Watch the log from the moment it is rendered, before Jeremy can say anything, however fast
  // he is: the observer is installed with the page, and attaches to the log as it appears.
  await page.addInitScript(() => {
    const seen: CaptionMutation[] = [];
    const win = window as unknown as { captionMutations: CaptionMutation[] };
    win.captionMutations = seen;
    const text = (nodes: NodeList) => [...nodes].map((node) => node.textContent ?? "");
    const watch = (element: Element) =>
      new MutationObserver((records) => {
        for (const record of records) {
          seen.push({
            added: record.target === element ? text(record.addedNodes) : [],
            removed: record.target === element ? text(record.removedNodes) : [],
            changedLine: record.target !== element,
          });
        }
      }).observe(element, { childList: true, subtree: true, characterData: true });
    let watched: Element | null = null;
    new MutationObserver(() => {
      const log = document.querySelector('[role="log"][aria-label="Captions"]');
      if (!log || log === watched) return;
      watched = log;
      seen.push({ added: text(log.childNodes), removed: [], changedLine: false });
      watch(log);
    }).observe(document, { childList: true, subtree: true });
  });
  await startConversation(page, { context: CONTEXT });
  const log = page.getByRole("log", { name: "Captions" });
  await expect(log).toContainText("tell me a little about yourself", { timeout: 30_000 });
  await page.getByTestId("mute").click();
  await page.getByTestId("typed-turn").fill("I love solving problems with data.");
  await page.getByTestId("typed-turn").press("Enter");
  await expect(log).toContainText("What draws you to the Analyst role", { timeout: 20_000 });
  await expect(log).toMatchAriaSnapshot(`
    - log "Captions":
      - paragraph: /Jeremy:\\sHello Ada!/
      - paragraph: /Jeremy:\\s.*tell me a little about yourself/
      - paragraph: "You: I love solving problems with data."
      - paragraph: /Jeremy:\\s.*What draws you to the Analyst role/
  `);

  const mutations = await page.evaluate(
    () => (window as unknown as { captionMutations: CaptionMutation[] }).captionMutations,
  );
  const lines = await captions(page).locator("[data-speaker]").allTextContents();
  // Every line on screen was added exactly once, and nothing else was: no line was replaced by a
  // copy of itself (which a screen reader would read out again), and none was edited in place.
  // (The log is rendered once, showing "Captions will appear here." until the first line.)
  const placeholder = "Captions will appear here.";
  const added = mutations.flatMap((mutation) => mutation.added);
  expect(added.filter((line) => line !== placeholder).sort()).toEqual([...lines].sort());
  expect(added.filter((line) => line === placeholder)).toHaveLength(1);
  expect(mutations.flatMap((mutation) => mutation.removed)).toEqual([placeholder]);
  expect(mutations.filter((mutation) => mutation.changedLine)).toEqual([]);

  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("conversation-ended")).toBeVisible();
  await untilJeremyIsFree();
});

test("the buttons say what they do, and mute says which way it goes", async ({ page }) => {
  await startConversation(page);
  const overlay = page.getByRole("dialog");
  await expect(overlay.getByRole("button", { name: "Hang up", exact: true })).toBeVisible();
  await expect(overlay.getByRole("button", { name: "Hide captions" })).toBeVisible();
  await expect(overlay.getByRole("button", { name: "Send" })).toBeVisible();

  const mute = overlay.getByRole("button", { name: "Mute microphone", exact: true });
  await expect(mute).toBeEnabled({ timeout: 30_000 });
  await mute.click();
  const unmute = overlay.getByRole("button", { name: "Unmute microphone", exact: true });
  await expect(unmute).toBeVisible();
  await unmute.click();
  await expect(mute).toBeVisible();

  await overlay.getByRole("button", { name: "Hide captions" }).click();
  await expect(page.getByRole("log", { name: "Captions" })).toHaveCount(0);
  await overlay.getByRole("button", { name: "Show captions" }).click();
  await expect(page.getByRole("log", { name: "Captions" })).toBeVisible();

  await expect(status(page)).toHaveAttribute("data-state", "talking", { timeout: 30_000 });
  await overlay.getByRole("button", { name: "Hang up", exact: true }).click();
  await expect(page.getByTestId("conversation-ended")).toBeVisible();
  await untilJeremyIsFree();
});

test("the conversation is a labelled dialog, and closing it returns focus to Start", async ({
  page,
}) => {
  await startConversation(page);
  await expect(page.getByRole("dialog", { name: "Talking with Jeremy" })).toBeVisible();
  // While it is open, the page beneath is inert: out of the accessibility tree and out of reach.
  expect(
    await page.getByTestId("start-conversation").evaluate((el) => el.closest("[inert]") !== null),
  ).toBe(true);

  await expect(status(page)).toHaveAttribute("data-state", "talking", { timeout: 30_000 });
  await page.getByTestId("hang-up").click();
  const ended = page.getByRole("dialog", { name: "Conversation ended" });
  await expect(ended).toBeVisible();
  await ended.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Start conversation" })).toBeFocused();
  await untilJeremyIsFree();

  // The same by keyboard alone: Enter starts, Escape asks, Tab and Enter hang up, Escape closes.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Talking with Jeremy" })).toBeVisible();
  await expect(status(page)).toHaveAttribute("data-state", "talking", { timeout: 30_000 });
  await page.keyboard.press("Escape");
  await expect(page.getByRole("alertdialog", { name: "End the conversation?" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Keep talking" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("confirm-hang-up")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Conversation ended" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Start conversation" })).toBeFocused();
  await untilJeremyIsFree();
});
