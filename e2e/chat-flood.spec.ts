// A participant is not trusted: anyone holding the session's token (the page's own user, with a
// script) can send Jeremy typed turns on lk.chat, of any size, as fast as they like. Here a
// participant that is not the page joins with the session's own token through @livekit/rtc-node
// and floods lk.chat; Jeremy's worker talks to a fake OpenAI-compatible endpoint (a real socket
// in this process, standing in for the paid API), which records every request the flood causes.
import { Room } from "@livekit/rtc-node";

import { TOPICS } from "@/lib/contract";
import { sleep } from "@/lib/sleep";
import { FakeOpenAi, lastUserText, messageText, type RecordedChat } from "@/test/fake-openai";

import { expect, test } from "./fixtures";
import { STACK } from "./support/stack";

const HUGE_TURN = "Tell me everything about the role. ".repeat(10_000).slice(0, 300_000);
const SHORT_TURNS = 80;
const FLOOD_MS = 20_000;
// Sent once the worker's minute has passed: its call shows the flood is over.
const LAST_TURN = "One last question about the team.";

let fake: FakeOpenAi;

test.beforeAll(async ({ stack }) => {
  fake = await FakeOpenAi.start();
  await stack.restartWorker(fake.workerEnv());
});

test.afterAll(async ({ stack }) => {
  await stack.restartWorker();
  await fake?.close();
});

interface Started {
  session: { id: string };
  connection: { serverUrl: string; participantToken: string };
}

test("a participant flooding lk.chat gets at most 20 model calls, each capped, none with over 2,000 characters of user text", async ({
  request,
}) => {
  test.setTimeout(180_000);
  const response = await request.post(`${STACK.apiUrl}/api/sessions`, { data: {} });
  expect(response.status()).toBe(201);
  const started = (await response.json()) as Started;
  const id = encodeURIComponent(started.session.id);
  // The page's "still here" signal (the request context keeps the owner cookie).
  const heartbeat = setInterval(() => {
    void request.post(`${STACK.apiUrl}/api/sessions/${id}/heartbeat`, { data: {} }).catch(() => {});
  }, 15_000);
  const room = new Room();
  try {
    await room.connect(started.connection.serverUrl, started.connection.participantToken, {
      autoSubscribe: false,
      dynacast: false,
    });
    // Jeremy's greeting is his first model call: by then his session takes typed turns.
    await expect.poll(() => fake.chats.length, { timeout: 60_000 }).toBeGreaterThan(0);
    const greetedAt = fake.chats[0]!.at;
    const send = (text: string) => room.localParticipant!.sendText(text, { topic: TOPICS.chat });

    await send(HUGE_TURN);
    for (let i = 0; i < SHORT_TURNS; i++) {
      await send(`Short turn number ${i}.`);
      await sleep(FLOOD_MS / SHORT_TURNS);
    }
    // One more turn once a minute has passed since the greeting (the worker counts calls per
    // minute): the flood's calls have all been made by the time this one is.
    await sleep(Math.max(0, greetedAt + 61_000 - Date.now()));
    await send(LAST_TURN);
    await expect
      .poll(() => fake.chats.findIndex((chat) => lastUserText(chat.messages) === LAST_TURN), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);

    const flood = fake.chats.filter((chat) => lastUserText(chat.messages) !== LAST_TURN);
    const figures = {
      calls: flood.length,
      longestTurn: Math.max(...flood.map(longestUserMessage)),
      mostUserText: Math.max(...flood.map(userText)),
      largestRequest: Math.max(...flood.map((chat) => JSON.stringify(chat.messages).length)),
      caps: [...new Set(flood.map((chat) => chat.maxTokens))],
    };
    console.log(`flood figures: ${JSON.stringify(figures)}`);
    expect(flood.length, "model calls, the greeting included").toBeLessThanOrEqual(20);
    for (const chat of fake.chats) {
      expect(chat.maxTokens, "every request carries a completion cap").toBeGreaterThan(0);
      expect(longestUserMessage(chat)).toBeLessThanOrEqual(2000);
      expect(
        userText(chat),
        "the person's words in one request, all turns together",
      ).toBeLessThanOrEqual(2000);
    }
  } finally {
    clearInterval(heartbeat);
    await request
      .post(`${STACK.apiUrl}/api/sessions/${id}/stop`, { data: { reason: "hangup" } })
      .catch(() => {});
    await room.disconnect();
  }
});

function longestUserMessage(chat: RecordedChat): number {
  return Math.max(
    0,
    ...chat.messages.filter((m) => m.role === "user").map((m) => messageText(m).length),
  );
}

function userText(chat: RecordedChat): number {
  return chat.messages
    .filter((m) => m.role === "user")
    .reduce((sum, m) => sum + messageText(m).length, 0);
}
