// What the worker-route tests need to speak as the avatar worker: its LiveKit-signed token (for
// one room, or none), a capacity report so starts go ahead, and what a session was dispatched with.
import { AccessToken, AgentDispatchClient } from "livekit-server-sdk";

import type { loadApp } from "./app";
import { LIVEKIT_TEST_KEYS } from "./livekit-server";

/** The worker's authorization header, scoped to `room` when given. */
export async function signed(identity: string, room?: string) {
  const token = new AccessToken(LIVEKIT_TEST_KEYS.apiKey, LIVEKIT_TEST_KEYS.apiSecret, {
    identity,
    ttl: 60,
  });
  if (room) token.addGrant({ room, roomJoin: false });
  return { authorization: `Bearer ${await token.toJwt()}` };
}

/** A worker with room for 8 conversations, so the app starts sessions. */
export async function reportCapacity(app: Awaited<ReturnType<typeof loadApp>>) {
  return app.browser().call(
    "POST /api/worker/capacity",
    {},
    {
      json: {
        workerId: "w",
        agentName: "jeremy",
        maxSessions: 8,
        activeJobs: 0,
        readyProcesses: 8,
      },
      headers: await signed("jeremy-worker"),
    },
  );
}

/** What the session's avatar agent was dispatched with. */
export async function dispatched(livekitUrl: string, id: string): Promise<Record<string, unknown>> {
  const dispatches = await new AgentDispatchClient(
    livekitUrl.replace("ws", "http"),
    LIVEKIT_TEST_KEYS.apiKey,
    LIVEKIT_TEST_KEYS.apiSecret,
  ).listDispatch(id);
  return JSON.parse(dispatches[0]!.metadata) as Record<string, unknown>;
}
