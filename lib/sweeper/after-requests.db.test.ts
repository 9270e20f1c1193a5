// Serverless reaping: no timer, no cron; any request sweeps once its response is sent.
import { describe, expect, it } from "vitest";

import { sleep } from "@/lib/sleep";
import { setUpEquosApp } from "@/test/equos-app";
import { clearLedger, startSession } from "@/test/sessions";

const ctx = setUpEquosApp({
  SWEEP_MODE: "requests",
  SWEEP_INTERVAL_SECONDS: "1",
  HEARTBEAT_TIMEOUT_SECONDS: "1",
});

describe("sweeps after requests (SWEEP_MODE=requests)", () => {
  it("an abandoned session ends heartbeat_lost once any request arrives after its timeout", async () => {
    await clearLedger(ctx.app);
    const id = await startSession(ctx.app.browser());
    await sleep(2200); // past the heartbeat timeout and one interval: nothing swept meanwhile
    const db = await ctx.app.db();
    expect((await db.session.findUniqueOrThrow({ where: { id } })).status).toBe("ACTIVE");

    // Anyone's request, to any route.
    expect((await ctx.app.browser().call("GET /api/health")).status).toBe(200);
    await expect
      .poll(async () => db.session.findUniqueOrThrow({ where: { id } }), { timeout: 5_000 })
      .toMatchObject({ status: "ENDED", endReason: "heartbeat_lost" });
    expect(ctx.fake.running()).toHaveLength(0);
  });
});
