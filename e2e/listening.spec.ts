// Jeremy with model endpoints: the worker is restarted with LLM_* and STT_* pointing at a fake
// OpenAI-compatible server (a real socket in this process; it stands in for the paid API
// only). The person's fake microphone speaks; the fake transcribes and answers.
import { readFileSync } from "node:fs";
import path from "node:path";

import type { Page } from "@playwright/test";

import { FakeOpenAi, type ChatMessage } from "@/test/fake-openai";
import { APOLOGY } from "@/avatar-worker/voice/endpoint-failures";

import { expect, test } from "./fixtures";
import { captions, startConversation } from "./support/conversation-page";
import { STACK } from "./support/stack";

const CONTEXT = "Candidate Name is Ada Lovelace\nCompany Name is XYZ Consult\nJob title is Analyst";
const GREETING = "Hello Ada, welcome to XYZ Consult. What would you like to talk about?";

let fake: FakeOpenAi;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ stack }) => {
  fake = await FakeOpenAi.start();
  await stack.restartWorker(fake.workerEnv());
});

test.afterAll(async ({ stack }) => {
  await stack.restartWorker();
  await fake?.close();
});

test.beforeEach(() => {
  fake.chats.length = 0;
  fake.transcriptions.length = 0;
  fake.chatAnswers.length = 0;
  fake.chatRules.length = 0;
  fake.transcriptionAnswers.length = 0;
  fake.transcript = "Hello Jeremy.";
});

/** Presses the microphone's mute button (it is enabled once the microphone is live). */
async function toggleMicrophone(page: Page) {
  const button = page.getByTestId("mute");
  await expect(button).toBeEnabled({ timeout: 30_000 });
  await button.click();
}
const jeremyLines = (page: Page) => captions(page).locator('[data-speaker="jeremy"]');
const userLines = (page: Page) => captions(page).locator('[data-speaker="you"]');

function text(message: ChatMessage | undefined): string {
  if (!message) return "";
  if (typeof message.content === "string") return message.content;
  return JSON.stringify(message.content);
}

test("Jeremy hears what the person says and answers with the model; both sides are captioned and kept", async ({
  page,
  ledger,
}) => {
  fake.chatAnswers.push({ reply: GREETING });
  fake.transcript = "I'd rather talk about sailing.";
  fake.chatRules.push({
    lastUserSays: "sailing",
    answer: { reply: "Sailing, lovely. What do you enjoy most about it?" },
  });
  const { sessionId } = await startConversation(page, { context: CONTEXT });

  // Muted until his greeting has begun: the fake microphone talks at any moment of its loop, and
  // a person who speaks before his first word cuts the greeting off uncaptioned (CI saw it once).
  // Barge-in has a test of its own below.
  await toggleMicrophone(page);
  await expect(jeremyLines(page).first()).toContainText("Hello Ada, welcome", { timeout: 30_000 });
  // He listens: no offline note. The person speaks (within the loop's 11 s).
  await expect(page.getByTestId("offline-note")).toHaveCount(0);
  await toggleMicrophone(page);
  await expect(
    userLines(page).filter({ hasText: "I'd rather talk about sailing." }),
  ).not.toHaveCount(0, {
    timeout: 30_000,
  });
  await expect(captions(page)).toContainText("Sailing, lovely.", { timeout: 30_000 });
  await toggleMicrophone(page);

  // The transcriber was sent the person's real speech.
  expect(fake.transcriptions[0]).toMatchObject({ model: "fake-whisper" });
  // (The first utterance may be the tail of a sentence the microphone was already in when it
  // went live, so the longest one is the person's line.)
  expect(Math.max(...fake.transcriptions.map((t) => t.durationMs))).toBeGreaterThan(1000);
  // The model was given the profile, the context and the person's words.
  const reply = fake.chats.find((chat) =>
    chat.messages.some((m) => m.role === "user" && text(m).includes("sailing")),
  );
  expect(reply, "a chat completion carrying the user's turn").toBeDefined();
  expect(reply!.model).toBe("fake-chat");
  expect(reply!.stream).toBe(true);
  const system = text(reply!.messages.find((m) => m.role === "system" || m.role === "developer"));
  expect(system).toContain("job interviewer");
  expect(system).toContain("XYZ Consult");
  expect(system).toContain("Ada Lovelace");
  expect(text(reply!.messages.at(-1))).toContain("I'd rather talk about sailing.");

  // The ledger keeps both sides, in the order said: greeting, the person's words, the reply to
  // them. The reply is recorded once it has played (a hang-up now would cut it short), and the
  // greeting the person cut off is recorded after their turn: the order is by when lines began.
  const afterHeard = async () => {
    const lines = (await ledger.session(sessionId)).transcript;
    const heard = lines.findIndex((line) => line.role === "user");
    return heard < 0 ? [] : lines.slice(heard + 1);
  };
  await expect.poll(afterHeard, { timeout: 20_000 }).toContainEqual(
    expect.objectContaining({
      role: "assistant",
      text: expect.stringMatching(/^Sailing, lovely/),
    }),
  );
  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("conversation-ended")).toBeVisible();
  const lines = (await ledger.session(sessionId)).transcript;
  expect(lines[0]).toMatchObject({ role: "assistant", text: expect.stringMatching(/^Hello Ada/) });
  // One turn may hold several utterances (the person went on before Jeremy answered).
  expect(lines.find((line) => line.role === "user")!.text).toContain(
    "I'd rather talk about sailing.",
  );
});

test("a typed turn reaches the model the same way", async ({ page }) => {
  fake.chatAnswers.push({ reply: GREETING });
  await startConversation(page, { context: CONTEXT });
  await toggleMicrophone(page);
  await expect(jeremyLines(page).first()).toContainText(GREETING, { timeout: 30_000 });

  fake.chatRules.push({
    lastUserSays: "chess",
    answer: { reply: "Chess! How long have you played?" },
  });
  await page.getByTestId("typed-turn").fill("Let's talk about chess.");
  await page.getByTestId("typed-turn").press("Enter");
  await expect(captions(page)).toContainText("How long have you played?", { timeout: 20_000 });
  expect(text(fake.chats.at(-1)!.messages.at(-1))).toContain("Let's talk about chess.");

  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("conversation-ended")).toBeVisible();
});

test("speaking while Jeremy talks interrupts him", async ({ page, ledger }) => {
  fake.chatAnswers.push({ reply: GREETING });
  const { sessionId } = await startConversation(page, { context: CONTEXT });
  await toggleMicrophone(page);
  await expect(jeremyLines(page).first()).toContainText(GREETING, { timeout: 30_000 });

  // A reply that takes him most of a minute to say, ending in a word the person must never hear.
  // A caption shows once its line is over (said in full, or cut off).
  const long = `${"I will tell you everything about our analysts and their projects. ".repeat(10)}Pineapple.`;
  fake.chatRules.push({ lastUserSays: "the team", answer: { reply: long } });
  await page.getByTestId("typed-turn").fill("Tell me about the team.");
  await page.getByTestId("typed-turn").press("Enter");
  const stage = page.getByTestId("jeremy-stage");
  await expect(stage).toHaveAttribute("data-jeremy-speaking", "true", { timeout: 20_000 });

  // The person speaks over him (the fake microphone talks within 11 s of unmuting): he stops,
  // and his line ends where he was cut off, long before he could have said it all.
  await toggleMicrophone(page);
  // His line after the typed turn: however soon he was cut off, it is the start of the reply and
  // no more (were he not cut off, it would only show after the whole reply, ~40 s later).
  const reply = userLines(page)
    .filter({ hasText: "Tell me about the team." })
    .locator('xpath=following-sibling::p[@data-speaker="jeremy"][1]');
  await expect(reply).toBeVisible({ timeout: 20_000 });
  const said = (await reply.textContent())!.replace(/^Jeremy:\s*/, "").trim();
  expect(
    long.startsWith(said) && said.length < long.length,
    `"${said}" is the reply cut short`,
  ).toBe(true);
  await toggleMicrophone(page);

  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("conversation-ended")).toBeVisible();
  // The ledger never counts the whole reply as said: only what he got through, if anything.
  await expect
    .poll(async () => (await ledger.session(sessionId)).transcript.map((line) => line.text))
    .toContain("Tell me about the team.");
  const kept = (await ledger.session(sessionId)).transcript.map((line) => line.text).join("\n");
  expect(kept).not.toContain("Pineapple");
});

test("a model endpoint that fails: Jeremy apologises, the worker log names it, and the next turn works", async ({
  page,
}) => {
  fake.chatAnswers.push({ reply: GREETING });
  await startConversation(page, { context: CONTEXT });
  await toggleMicrophone(page);
  await expect(jeremyLines(page).first()).toContainText(GREETING, { timeout: 30_000 });

  // Every attempt at this turn fails (the worker retries once).
  fake.chatRules.push({ lastUserSays: "salary?", answer: { status: 500 } });
  await page.getByTestId("typed-turn").fill("What is the salary?");
  await page.getByTestId("typed-turn").press("Enter");
  await expect(jeremyLines(page).last()).toContainText(APOLOGY, { timeout: 30_000 });
  await expect
    .poll(() => readFileSync(path.join(STACK.logDir, "worker.log"), "utf8"))
    .toContain(`the language model endpoint at ${fake.baseUrl} failed (HTTP 500`);

  fake.chatRules.push({
    lastUserSays: "salary, then?",
    answer: { reply: "The salary depends on experience." },
  });
  await page.getByTestId("typed-turn").fill("What is the salary, then?");
  await page.getByTestId("typed-turn").press("Enter");
  await expect(captions(page)).toContainText("The salary depends on experience.", {
    timeout: 20_000,
  });

  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("conversation-ended")).toBeVisible();
});
