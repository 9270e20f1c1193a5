// A conversation with knowledge bases, in the browser against the real stack: offline, the
// scripted interviewer asks about the material's topics; with a model (a fake OpenAI-compatible
// server on a real socket, standing in for the paid API), the model calls search_knowledge, the
// app answers with the passage, and Jeremy's captioned reply names its source.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import type { APIRequestContext, Page } from "@playwright/test";

import { COULD_NOT_LOOK_UP, SEARCH_TOOL_NAME } from "@/avatar-worker/knowledge/knowledge-tool";
import { FakeOpenAi } from "@/test/fake-openai";
import { passOn } from "@/test/pass-on";

import { expect, test } from "./fixtures";
import { captions, startConversation } from "./support/conversation-page";
import { STACK } from "./support/stack";

const CONTEXT = "Candidate Name is Ada Lovelace\nCompany Name is XYZ Consult\nJob title is Analyst";
const MARKER = "The quarterly review happens on the second Tuesday of March.";
const HANDBOOK = `# Responsibilities

Analysts build the weekly sales report for the regional managers.

# Calendar

${MARKER}
`;
const admin = { authorization: `Bearer ${STACK.adminToken}` };

/** An operator's public base holding the handbook, made through the admin API. */
async function handbookBase(request: APIRequestContext): Promise<string> {
  const made = await request.post(`${STACK.apiUrl}/api/admin/knowledge`, {
    headers: admin,
    data: { name: `Analyst handbook ${Date.now()}`, isPublic: true },
  });
  expect(made.status()).toBe(201);
  const id = ((await made.json()) as { base: { id: string } }).base.id;
  const added = await request.post(`${STACK.apiUrl}/api/admin/knowledge/${id}/documents`, {
    headers: admin,
    data: { title: "Analyst handbook", text: HANDBOOK },
  });
  // Taken at once, then read in the background: ready once its passages are stored.
  expect(added.status()).toBe(202);
  const documentId = ((await added.json()) as { document: { id: string } }).document.id;
  await expect
    .poll(async () => {
      const listed = await request.get(`${STACK.apiUrl}/api/admin/knowledge/${id}/documents`, {
        headers: admin,
      });
      const { documents } = (await listed.json()) as {
        documents: Array<{ id: string; status: string }>;
      };
      return documents.find((document) => document.id === documentId)?.status;
    })
    .toBe("ready");
  return id;
}

/** The page's start asks for these knowledge bases, as a landing page that offers them would. */
async function startWith(page: Page, knowledge: string[]) {
  await page.route("**/api/sessions", async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    const body = { ...(request.postDataJSON() as Record<string, unknown>), knowledge };
    await route.continue({ postData: JSON.stringify(body) });
  });
  // Hold to talk, never held: the (looping) fake microphone is published muted from the start,
  // so only the typed turns are turns (an open microphone's words could cut a reply off).
  const started = await startConversation(page, { context: CONTEXT, holdToTalk: true });
  await expect(captions(page)).toContainText("tell me a little about yourself", {
    timeout: 30_000,
  });
  return started;
}

async function say(page: Page, text: string) {
  await page.getByTestId("typed-turn").fill(text);
  await page.getByTestId("typed-turn").press("Enter");
  await expect(captions(page).locator('[data-speaker="you"]').last()).toContainText(text);
}

test("offline, the scripted interviewer asks about the topics of the conversation's knowledge", async ({
  page,
  request,
  ledger,
}) => {
  const base = await handbookBase(request);
  const { sessionId } = await startWith(page, [base]);
  expect((await ledger.session(sessionId)).knowledgeBaseIds).toEqual([base]);

  await say(page, "I studied statistics.");
  await expect(captions(page)).toContainText("What draws you to the Analyst role", {
    timeout: 20_000,
  });
  await say(page, "The people and the data.");
  await expect(captions(page)).toContainText("The material I was given covers Responsibilities.", {
    timeout: 20_000,
  });
  await say(page, "I built reports before.");
  await expect(captions(page)).toContainText("The material I was given covers Calendar.", {
    timeout: 20_000,
  });
  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("conversation-ended")).toHaveAttribute("data-reason", "hangup");
});

/**
 * The worker's way to the app, passed on as it is, except that while `searchesHang` the app's
 * knowledge route never answers (its database stalled, say).
 */
async function appPassage() {
  const state = { searchesHang: false };
  const server: Server = createServer((req, res) => {
    if (state.searchesHang && req.url?.endsWith("/knowledge")) return; // never answered
    void passOn(req, res, STACK.appPort, req.headers, (upstream) => req.pipe(upstream)).catch(() =>
      res.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { state, url, close };
}

test.describe("with a model", () => {
  test.describe.configure({ mode: "serial" });
  let fake: FakeOpenAi;
  let passage: Awaited<ReturnType<typeof appPassage>>;

  test.beforeAll(async ({ stack }) => {
    fake = await FakeOpenAi.start();
    passage = await appPassage();
    await stack.restartWorker({ ...fake.workerEnv(), APP_URL: passage.url });
  });
  test.afterAll(async ({ stack }) => {
    await stack.restartWorker();
    await fake?.close();
    await passage?.close();
  });
  test.beforeEach(() => {
    fake.chats.length = 0;
    fake.chatRules.length = 0;
    fake.chatAnswers.length = 0;
    fake.chatAnswers.push({ reply: "Hello Ada, tell me a little about yourself." });
  });

  test("the model searches the knowledge; the passage reaches it and Jeremy's captioned reply names the source", async ({
    page,
    request,
    ledger,
  }) => {
    const base = await handbookBase(request);
    fake.chatRules.push({
      lastUserSays: "When is the quarterly review?",
      answer: {
        callTool: { name: SEARCH_TOOL_NAME, arguments: { query: "quarterly review" } },
        afterTool: (result) => {
          const { passages } = JSON.parse(result) as {
            passages: Array<{ text: string; source: string }>;
          };
          const best = passages[0];
          return best
            ? `According to the ${best.source}: ${best.text}`
            : "I could not find that in the material.";
        },
      },
    });
    const { sessionId } = await startWith(page, [base]);
    await say(page, "When is the quarterly review?");

    const reply = `According to the Analyst handbook: ${MARKER}`;
    await expect(captions(page).locator('[data-speaker="jeremy"]').last()).toContainText(reply, {
      timeout: 30_000,
    });
    // The model was offered the tool, called it, and was sent the passage with its source.
    const withResult = fake.chats.find((chat) => chat.toolResults.length > 0);
    expect(withResult?.tools).toContain(SEARCH_TOOL_NAME);
    expect(withResult?.toolResults[0]).toContain(MARKER);
    expect(withResult?.toolResults[0]).toContain("Analyst handbook");
    expect(withResult?.toolResults[0]).toMatch(/never instructions/);

    await page.getByTestId("hang-up").click();
    await expect(page.getByTestId("conversation-ended")).toHaveAttribute("data-reason", "hangup");
    await expect
      .poll(async () => (await ledger.session(sessionId)).transcript.map((line) => line.text), {
        timeout: 20_000,
      })
      .toContain(reply);
    // The operator's transcript shows the call; the person's own summary does not.
    const tool = (await ledger.session(sessionId)).transcript.find((line) => line.role === "tool");
    expect(tool?.text).toMatch(/^search_knowledge \{"query":"quarterly review"\} → /);
    expect(tool?.text).toContain("Analyst handbook");
    await expect(page.getByTestId("ended-transcript")).toContainText(reply);
    await expect(page.getByTestId("ended-transcript")).not.toContainText("search_knowledge");
  });

  test("a conversation with no knowledge offers the model no tool", async ({ page }) => {
    fake.chatRules.push({
      lastUserSays: "Anything to look up?",
      answer: { reply: "Nothing to look up here." },
    });
    await startWith(page, []);
    await say(page, "Anything to look up?");
    await expect(captions(page)).toContainText("Nothing to look up here.", { timeout: 30_000 });
    expect(fake.chats.length).toBeGreaterThan(0);
    for (const chat of fake.chats) expect(chat.tools).toEqual([]);
    await page.getByTestId("hang-up").click();
  });

  test("a search the app cannot answer in time: Jeremy says he couldn't look it up, and the conversation goes on", async ({
    page,
    request,
  }) => {
    const base = await handbookBase(request);
    fake.chatRules.push({
      lastUserSays: "When is the quarterly review?",
      answer: {
        callTool: { name: SEARCH_TOOL_NAME, arguments: { query: "quarterly review" } },
        afterTool: () => "Let's carry on. What do you enjoy about reporting?",
      },
    });
    await startWith(page, [base]);
    passage.state.searchesHang = true;
    try {
      await say(page, "When is the quarterly review?");
      await expect(captions(page)).toContainText(COULD_NOT_LOOK_UP, { timeout: 30_000 });
      await expect(captions(page)).toContainText("What do you enjoy about reporting?", {
        timeout: 30_000,
      });
    } finally {
      passage.state.searchesHang = false;
    }
    // The model was told the search failed, as data, and was not handed any passage.
    const told = fake.chats.find((chat) => chat.toolResults.length > 0);
    expect(told?.toolResults[0]).toMatch(/search failed/);
    expect(told?.toolResults[0]).not.toContain(MARKER);
    await page.getByTestId("hang-up").click();
  });
});
