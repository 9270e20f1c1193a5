// The deployment past one machine (deploy/README.md), tried as people use it: conversations
// through both app instances land on both LiveKit nodes and both workers, and each part can die
// mid-conversation without leaving a session running. Two conversations at most run at once:
// this 2-core machine also runs everything else (more make Jeremy's hearing fall behind).
import type { Page } from "@playwright/test";

import { captions, jeremyVideo, startConversation, status } from "../support/conversation-page";

import { expect, ledgerSession, test, type People } from "./fixtures";
import type { Cluster, NodeIndex } from "./support/cluster";

const NODE = ["node-a", "node-b"];
const WORKER = ["worker-1", "worker-2"];

/** Jeremy's video plays, his voice is subscribed, and his greeting is captioned. */
async function expectJeremy(page: Page) {
  const video = await jeremyVideo(page);
  expect(video).toMatchObject({ width: 512, height: 512, playing: true });
  await expect(status(page)).toHaveAttribute("data-state", "talking");
  await expect(page.getByTestId("jeremy-stage")).toHaveAttribute("data-voice-subscribed", "true");
  await expect(captions(page)).toContainText("Hello", { timeout: 20_000 });
}

/** Types a turn; resolves once a line of Jeremy's follows it in the captions. */
async function expectAnswer(page: Page, turn: string) {
  await page.getByTestId("typed-turn").fill(turn);
  await page.getByTestId("typed-turn").press("Enter");
  const speakers = () =>
    captions(page)
      .locator("p[data-speaker]")
      .evaluateAll((lines, typed) => {
        const mine = lines.findLastIndex((line) => line.textContent?.includes(typed as string));
        return mine >= 0 && lines.slice(mine + 1).some((l) => l.dataset.speaker === "jeremy");
      }, turn);
  await expect.poll(speakers, { timeout: 30_000 }).toBe(true);
}

/**
 * A new person starts a conversation through app instance `app` and sees Jeremy. Waits first for
 * what a start needs: a worker with a warm job process, as the app sees it (after a conversation
 * begins, its worker warms a replacement; until one is warm the app answers AVATAR_WARMING).
 */
async function talkThrough(cluster: Cluster, people: People, app: 0 | 1) {
  await expect
    .poll(() => cluster.readyToBegin(), { timeout: 60_000, intervals: [250] })
    .toBeGreaterThan(0);
  const page = await people.open(app);
  const { sessionId } = await startConversation(page);
  await expectJeremy(page);
  return { page, sessionId };
}

/** The page says Jeremy left, and the ledger agrees; resolves the seconds since `killedAt`. */
async function expectJeremyGone(page: Page, sessionId: string, killedAt: number, timeout: number) {
  await expect(page.getByTestId("conversation-ended")).toHaveAttribute(
    "data-reason",
    "avatar_left",
    { timeout },
  );
  return endedWithin(sessionId, "avatar_left", killedAt, timeout);
}

async function hangUp(page: Page, sessionId: string) {
  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("conversation-ended")).toHaveAttribute("data-reason", "hangup");
  // The summary shows once the server has answered that the session ended.
  await expect(page.getByTestId("summary")).toBeVisible();
  expect(await ledgerSession(sessionId)).toMatchObject({ status: "ENDED", endReason: "hangup" });
}

/** Waits for the ledger to end the session; resolves the seconds since `since`. */
async function endedWithin(sessionId: string, reason: string, since: number, timeout: number) {
  await expect
    .poll(async () => (await ledgerSession(sessionId)).status, { timeout, intervals: [250] })
    .toBe("ENDED");
  expect((await ledgerSession(sessionId)).endReason).toBe(reason);
  return (Date.now() - since) / 1000;
}

test("conversations through both app instances land on both nodes and both workers, each with Jeremy", async ({
  cluster,
  people,
}) => {
  // Two workers, and each node logs one registering with it (through a balancer preferring it).
  for (const node of NODE)
    expect(cluster.log(node), `a worker registered with ${node}`).toContain("worker registered");
  const since = Date.now();
  const placed: Array<{ node: NodeIndex | null; worker: NodeIndex | null }> = [];
  for (let round = 0; round < 2; round++) {
    const running = [];
    for (const app of [0, 1] as const) {
      const { page, sessionId } = await talkThrough(cluster, people, app);
      placed.push({ node: cluster.nodeOf(sessionId), worker: cluster.workerOf(sessionId) });
      running.push({ page, sessionId });
    }
    for (const { page, sessionId } of running) await hangUp(page, sessionId);
  }

  const starts = cluster.appBalancer.answered("POST", "/api/sessions", since);
  expect(
    starts.filter((s) => s.path === "/api/sessions").map((s) => [s.instance, s.status]),
  ).toEqual([
    [0, 201],
    [1, 201],
    [0, 201],
    [1, 201],
  ]);
  const count = (key: "node" | "worker", i: number) => placed.filter((p) => p[key] === i).length;
  console.log(
    `Spread of ${placed.length} conversations: ${NODE[0]} ${count("node", 0)}, ${NODE[1]} ` +
      `${count("node", 1)}; ${WORKER[0]} ${count("worker", 0)}, ${WORKER[1]} ${count("worker", 1)}`,
  );
  for (const i of [0, 1]) {
    expect(count("node", i), `conversations hosted on ${NODE[i]}`).toBeGreaterThan(0);
    expect(count("worker", i), `conversations run by ${WORKER[i]}`).toBeGreaterThan(0);
  }
  // The nodes' webhooks (deploy/livekit.yaml, with the URL from the environment) reached the app:
  // each hung-up room's room_finished. (Checked here, not after the last test: a failed test
  // restarts the cluster, and the answers with it.)
  const webhooks = () =>
    cluster.appBalancer
      .answered("POST", "/api/livekit/webhook", since)
      .filter((answer) => answer.status === 200).length;
  await expect.poll(webhooks, { timeout: 20_000 }).toBeGreaterThan(0);
});

test("a worker dies mid-conversation: its conversation ends in the ledger, the other carries on, new ones go to the other worker", async ({
  cluster,
  people,
}) => {
  // LiveKit picks among the workers that can begin a job at random, weighted by load: a second
  // conversation may land beside the first. Hang it up and start another until one runs on each.
  const first = await talkThrough(cluster, people, 0);
  const victim = { ...first, worker: cluster.workerOf(first.sessionId) };
  let survivor: typeof victim | undefined;
  for (let attempt = 0; attempt < 4 && !survivor; attempt++) {
    const next = await talkThrough(cluster, people, 1);
    const worker = cluster.workerOf(next.sessionId);
    if (worker !== victim.worker) survivor = { ...next, worker };
    else await hangUp(next.page, next.sessionId);
  }
  if (!survivor) throw new Error("four conversations in a row ran on the first one's worker");
  const dead = victim.worker!;

  const killedAt = Date.now();
  await cluster.killWorker(dead);
  const seconds = await expectJeremyGone(victim.page, victim.sessionId, killedAt, 30_000);
  console.log(`${WORKER[dead]} killed: its conversation ended (avatar_left) after ${seconds} s`);

  // The other conversation carries on; a new one goes to the surviving worker.
  await expect(status(survivor.page)).toHaveAttribute("data-state", "talking");
  const { page, sessionId } = await talkThrough(cluster, people, 0);
  expect(cluster.workerOf(sessionId)).toBe(survivor.worker);
  await hangUp(page, sessionId);
  await hangUp(survivor.page, survivor.sessionId);
  await cluster.startWorker(dead);
});

test("an app instance dies: heartbeats, hang-up and the closing tab's beacon go through the other", async ({
  cluster,
  people,
}) => {
  const talking = [];
  for (let i = 0; i < 2; i++) talking.push(await talkThrough(cluster, people, 0));
  const [hangingUp, closing] = talking as [(typeof talking)[0], (typeof talking)[0]];

  const killedAt = Date.now();
  await cluster.killApp(0);
  const deadAt = Date.now();
  // The page reports every 15 s: both pages' next heartbeats are answered by the other instance.
  const heartbeats = (id: string) =>
    cluster.appBalancer.answered("POST", `/api/sessions/${id}/heartbeat`, killedAt);
  for (const { sessionId } of talking)
    await expect
      .poll(() => heartbeats(sessionId).map((a) => [a.instance, a.status]), { timeout: 25_000 })
      .toContainEqual([1, 204]);

  // The balancer records an answer once it has passed it on: the ledger can be ahead of it.
  const stops = (id: string) =>
    cluster.appBalancer
      .answered("POST", `/api/sessions/${id}/stop`)
      .map((answer) => [answer.instance, answer.status < 300]);
  await hangUp(hangingUp.page, hangingUp.sessionId);
  await expect.poll(() => stops(hangingUp.sessionId)).toEqual([[1, true]]);

  await closing.page.close({ runBeforeUnload: true });
  const seconds = await endedWithin(closing.sessionId, "page_closed", Date.now(), 5_000);
  await expect.poll(() => stops(closing.sessionId)).toEqual([[1, true]]);
  console.log(`app-1 killed: the closed tab's session ended ${seconds} s after closing`);
  // Nothing the pages sent once the instance was gone failed. (A request it had taken when it
  // died is answered 502, as a load balancer would; the page's next heartbeat goes elsewhere.)
  const afterKill = cluster.appBalancer.answers.filter((a) => a.sentAt > deadAt);
  expect(afterKill.filter((a) => a.status >= 500)).toEqual([]);
  await cluster.startApp(0);
});

test("a LiveKit node dies mid-conversation: the other node's conversation carries on, the dead node's ends, new ones start on the survivor", async ({
  cluster,
  people,
}) => {
  const running = [];
  for (const app of [0, 1] as const) {
    const { page, sessionId } = await talkThrough(cluster, people, app);
    running.push({ page, sessionId, node: cluster.nodeOf(sessionId) });
  }
  const [victim, survivor] = running as [(typeof running)[0], (typeof running)[0]];
  expect(survivor.node, "the two conversations are hosted on different nodes").not.toBe(
    victim.node,
  );
  const dead = victim.node!;
  const killedAt = Date.now();
  await cluster.killNode(dead);
  // The page's reconnect finds the room gone and Jeremy with it.
  const seconds = await expectJeremyGone(victim.page, victim.sessionId, killedAt, 45_000);
  console.log(`${NODE[dead]} killed: its conversation ended (avatar_left) after ${seconds} s`);

  // The conversation on the other node goes on: still talking, and Jeremy answers a typed turn.
  await expect(status(survivor.page)).toHaveAttribute("data-state", "talking");
  await expectAnswer(survivor.page, "Are you still there, Jeremy?");
  const { page, sessionId } = await talkThrough(cluster, people, 1);
  expect(cluster.nodeOf(sessionId)).toBe(survivor.node);
  await hangUp(page, sessionId);
  await hangUp(survivor.page, survivor.sessionId);
});

test("afterwards nothing is left: no room on any node, no job on any worker, no open session", async ({
  cluster,
}) => {
  // A room the dead node hosted stays listed (in Redis) until the survivor notices the node is
  // gone; a room the page's reconnect opened on the survivor closes after LiveKit's empty timeout.
  await expect
    .poll(async () => (await cluster.rooms.listRooms()).map((room) => room.name), {
      timeout: 90_000,
    })
    .toEqual([]);
  for (const i of [0, 1] as const)
    await expect.poll(() => cluster.activeJobs(i), { timeout: 20_000 }).toBe(0);
  for (const state of ["STARTING", "ACTIVE", "STOP_FAILED"])
    expect(await cluster.sessions(state), `${state} sessions`).toEqual([]);
});
