// The LiveKit dev key pair is public: in production it proves nothing, so the routes that
// verify LiveKit signatures are off unless real LiveKit keys are configured.
import { AccessToken } from "livekit-server-sdk";
import { describe, expect, it } from "vitest";

import { LIVEKIT_DEV_DEFAULTS } from "@/lib/env";
import { setUpEquosApp } from "@/test/equos-app";
import { signWebhook, webhookBody } from "@/test/livekit-webhook";

// Equos-hosted rooms in production: no LIVEKIT_* at all.
const ctx = setUpEquosApp({ NODE_ENV: "production", CLIENT_IP_HEADER: "x-real-ip" });

async function devWorkerToken(room: string) {
  const token = new AccessToken(LIVEKIT_DEV_DEFAULTS.apiKey, LIVEKIT_DEV_DEFAULTS.apiSecret, {
    identity: "jeremy-worker",
    ttl: 60,
  });
  token.addGrant({ room, roomJoin: false });
  return token.toJwt();
}

describe("production without LiveKit keys", () => {
  it("has no webhook route: an event signed with the dev key pair is 404 and ends nothing", async () => {
    const res = await ctx.app
      .browser()
      .call<{ session: { id: string } }>(
        "POST /api/sessions",
        {},
        { json: {}, headers: { "x-real-ip": "203.0.113.7" } },
      );
    expect(res.status).toBe(201);
    const id = res.body.session.id;
    const body = webhookBody({ event: "room_finished", room: id });
    const forged = await ctx.app.browser().call(
      "POST /api/livekit/webhook",
      {},
      {
        body,
        headers: {
          "content-type": "application/webhook+json",
          authorization: await signWebhook(body, LIVEKIT_DEV_DEFAULTS),
        },
      },
    );
    expect(forged.status).toBe(404);
    const row = await (await ctx.app.db()).session.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("ACTIVE");
  });

  it("has no worker route: a transcript signed with the dev key pair is 404", async () => {
    const id = `ses_${"a".repeat(32)}`;
    const res = await ctx.app.browser().call(
      "POST /api/worker/sessions/:id/transcript",
      { id },
      {
        json: { lines: [] },
        headers: { authorization: `Bearer ${await devWorkerToken(id)}` },
      },
    );
    expect(res.status).toBe(404);
  });
});
