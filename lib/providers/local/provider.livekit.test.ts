import { AgentDispatchClient } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { LIVEKIT_TEST_KEYS, liveKitBinary, startLiveKit } from "@/test/livekit-server";

import { createLocalProvider } from "./provider";

// Against a real LiveKit server: the room the local provider creates is how a sweep finds a
// session whose start never finished, and the job it dispatches carries the maximum duration
// the worker enforces.
const binary = liveKitBinary();
let livekit: Awaited<ReturnType<typeof startLiveKit>>;

beforeAll(async () => {
  if (binary) livekit = await startLiveKit(binary);
}, 30_000);
afterAll(async () => {
  await livekit?.stop();
});

describe.skipIf(!binary)("local provider with a real LiveKit server", () => {
  const provider = () =>
    createLocalProvider({ url: livekit.url, ...LIVEKIT_TEST_KEYS, agentName: "jeremy" });
  const id = `ses_${"1".repeat(32)}`;

  it("dispatches Jeremy with the session's maximum duration", async () => {
    await provider().start({
      sessionId: id,
      profile: "echo",
      face: "jeremy",
      context: null,
      userName: null,
      maxDurationSeconds: 123,
    });
    const dispatches = await new AgentDispatchClient(
      livekit.url.replace("ws", "http"),
      LIVEKIT_TEST_KEYS.apiKey,
      LIVEKIT_TEST_KEYS.apiSecret,
    ).listDispatch(id);
    expect(dispatches.map((d) => d.agentName)).toEqual(["jeremy"]);
    expect(JSON.parse(dispatches[0]!.metadata)).toMatchObject({
      sessionId: id,
      maxDurationSeconds: 123,
    });
  });

  it("finds the room of a session by its id, and nothing once it is stopped", async () => {
    expect(await provider().findRunning(id)).toEqual([id]);
    expect(await provider().findRunning(`ses_${"2".repeat(32)}`)).toEqual([]);
    await provider().stop(id);
    expect(await provider().findRunning(id)).toEqual([]);
  });
});
