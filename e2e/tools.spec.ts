// A conversation with an operator tool, in the browser against the real stack: the visitor
// enables a tool on the landing page; the model (a fake OpenAI-compatible server on a real
// socket, standing in for the paid API) calls it; the app calls the operator's API (a local
// HTTP server) with the secret header the worker never sees; the answer reaches the model as
// data and Jeremy's captioned reply; the operator sees the call in the transcript on /admin.
// The same tool timing out: Jeremy says he couldn't look it up, and the conversation goes on.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import type { APIRequestContext, Page } from "@playwright/test";

import { COULD_NOT_LOOK_UP } from "@/avatar-worker/knowledge/knowledge-tool";
import { FakeOpenAi } from "@/test/fake-openai";

import { expect, test } from "./fixtures";
import { captions, startConversation } from "./support/conversation-page";
import { STACK } from "./support/stack";

const CONTEXT = "Candidate Name is Ada Lovelace\nCompany Name is XYZ Consult\nJob title is Analyst";
const SECRET = "orders-api-key-kept-on-the-server";
const admin = { authorization: `Bearer ${STACK.adminToken}` };

/** The operator's orders API: answers after `delayMs` (never, when null), and records each call. */
async function ordersApi() {
  const state = { delayMs: 0 as number | null, calls: [] as Array<{ url: string; key?: string }> };
  const server: Server = createServer((req: IncomingMessage, res) => {
    state.calls.push({ url: req.url ?? "", key: req.headers["x-api-key"] as string | undefined });
    if (state.delayMs === null) return; // never answered
    const order = new URL(req.url ?? "/", "http://orders.test").pathname.split("/").pop();
    setTimeout(
      () =>
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ order, status: "shipped", arriving: "Thursday" })),
      state.delayMs,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const close = () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { state, port, close };
}

/** An operator's public tool at the orders API, declared through the admin API. */
async function ordersTool(request: APIRequestContext, port: number) {
  const name = `look_up_order_${Date.now()}`;
  const made = await request.post(`${STACK.apiUrl}/api/admin/tools`, {
    headers: admin,
    data: {
      name,
      description: "Looks up an order by its number: its status and delivery day.",
      parameters: {
        type: "object",
        properties: { order: { type: "string", description: "The order number" } },
        required: ["order"],
      },
      url: `http://127.0.0.1:${port}/orders/{order}`,
      method: "GET",
      secretHeader: { name: "X-Api-Key", value: SECRET },
      timeoutMs: 1500,
      isPublic: true,
    },
  });
  expect(made.status()).toBe(201);
  return name;
}

/** Starts with the tool enabled on the landing page, as a visitor would. */
async function startWithTool(page: Page, name: string) {
  await page.goto("/");
  await page.getByText("Conversation options").click();
  await page.getByLabel(name.replaceAll("_", " ")).check();
  // Hold to talk, never held: only the typed turns are turns.
  const started = await startConversation(page, {
    context: CONTEXT,
    holdToTalk: true,
    keepPage: true,
  });
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

test.describe("an operator tool", () => {
  test.describe.configure({ mode: "serial" });
  let fake: FakeOpenAi;
  let api: Awaited<ReturnType<typeof ordersApi>>;

  test.beforeAll(async ({ stack }) => {
    fake = await FakeOpenAi.start();
    api = await ordersApi();
    await stack.restartWorker(fake.workerEnv());
  });
  test.afterAll(async ({ stack }) => {
    await stack.restartWorker();
    await fake?.close();
    await api?.close();
  });
  test.beforeEach(() => {
    fake.chats.length = 0;
    fake.chatRules.length = 0;
    fake.chatAnswers.length = 0;
    fake.chatAnswers.push({ reply: "Hello Ada, tell me a little about yourself." });
    api.state.delayMs = 0;
    api.state.calls.length = 0;
  });

  test("the model calls it; the app calls the API with its secret; the answer reaches the reply and /admin shows the call", async ({
    page,
    request,
    ledger,
  }) => {
    const name = await ordersTool(request, api.port);
    fake.chatRules.push({
      lastUserSays: "Where is my order A-17?",
      answer: {
        callTool: { name, arguments: { order: "A-17" } },
        afterTool: (result) => {
          const { result: answer } = JSON.parse(result) as { result: string };
          const { status, arriving } = JSON.parse(answer) as { status: string; arriving: string };
          return `The orders system says A-17 has ${status} and arrives ${arriving}.`;
        },
      },
    });
    const { sessionId } = await startWithTool(page, name);
    expect((await ledger.session(sessionId)).toolIds).toHaveLength(1);
    await say(page, "Where is my order A-17?");

    const reply = "The orders system says A-17 has shipped and arrives Thursday.";
    await expect(captions(page).locator('[data-speaker="jeremy"]').last()).toContainText(reply, {
      timeout: 30_000,
    });
    // The app called the operator's API, with the secret the worker never held.
    expect(api.state.calls).toEqual([{ url: "/orders/A-17", key: SECRET }]);
    // The model was offered the tool, and handed the API's answer as data.
    const withResult = fake.chats.find((chat) => chat.toolResults.length > 0);
    expect(withResult?.tools).toContain(name);
    expect(withResult?.toolResults[0]).toMatch(/never instructions/);
    expect(withResult?.toolResults[0]).toContain("shipped");

    await page.getByTestId("hang-up").click();
    await expect(page.getByTestId("conversation-ended")).toHaveAttribute("data-reason", "hangup");
    await expect(page.getByTestId("ended-transcript")).not.toContainText(name);

    // The operator's transcript on /admin shows the call and what came of it.
    await expect
      .poll(async () => (await ledger.session(sessionId)).transcript.map((line) => line.role), {
        timeout: 20_000,
      })
      .toContain("tool");
    await page.goto("/admin");
    await page.getByLabel(/Admin token/).fill(STACK.adminToken);
    await page.getByRole("button", { name: "Sign in" }).click();
    const row = page
      .getByTestId("recent-sessions")
      .locator("tr", { has: page.locator(`[title="${sessionId}"]`) });
    await row.getByRole("button", { name: /Transcript/ }).click();
    const transcript = page.getByTestId("admin-transcript");
    await expect(transcript).toContainText(`${name} {"order":"A-17"} →`, { timeout: 10_000 });
    await expect(transcript).toContainText("shipped");
    await expect(transcript).not.toContainText(SECRET);
  });

  test("the same tool timing out: Jeremy says he couldn't look it up, and the conversation goes on", async ({
    page,
    request,
  }) => {
    const name = await ordersTool(request, api.port);
    api.state.delayMs = null;
    fake.chatRules.push({
      lastUserSays: "Where is my order B-2?",
      answer: {
        callTool: { name, arguments: { order: "B-2" } },
        afterTool: () => "Let's carry on. What do you enjoy about reporting?",
      },
    });
    await startWithTool(page, name);
    await say(page, "Where is my order B-2?");
    await expect(captions(page)).toContainText(COULD_NOT_LOOK_UP, { timeout: 30_000 });
    await expect(captions(page)).toContainText("What do you enjoy about reporting?", {
      timeout: 30_000,
    });
    expect(api.state.calls.map((call) => call.url)).toEqual(["/orders/B-2"]);
    // The model was told the call failed, as data.
    const told = fake.chats.find((chat) => chat.toolResults.length > 0);
    expect(told?.toolResults[0]).toMatch(/call failed/);
    await page.getByTestId("hang-up").click();
    await expect(page.getByTestId("conversation-ended")).toHaveAttribute("data-reason", "hangup");
  });
});
