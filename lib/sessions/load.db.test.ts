import { beforeEach, describe, expect, it } from "vitest";

import { peerHeaders } from "@/lib/http/peer-address";
import { sleep } from "@/lib/sleep";
import { loadApp } from "@/test/app";
import { EQUOS_VERSIONS, setUpEquosApp } from "@/test/equos-app";
import { clearLedger, type SessionBody } from "@/test/sessions";

// The fake runs in this process, which the load keeps busy: give its answers time.

describe.each(EQUOS_VERSIONS)("with Equos API %s", (version) => {
  const ctx = setUpEquosApp({ EQUOS_TIMEOUT_MS: "20000" }, version);
  beforeEach(() => clearLedger(ctx.app));

  /**
   * One person's conversation: start (trying again while refused), talk for up to `talkMs`,
   * then hang up.
   */
  async function cycle(index: number, talkMs = 50): Promise<string> {
    const browser = ctx.app.browser();
    const headers = peerHeaders(`198.51.100.${index % 250}`);
    for (;;) {
      const started = await browser.call<SessionBody>(
        "POST /api/sessions",
        {},
        { json: {}, headers },
      );
      if (started.status === 429) {
        await sleep(300 + Math.random() * 300);
        continue;
      }
      expect(started.status).toBe(201);
      const id = started.body.session.id;
      await sleep(Math.random() * talkMs);
      const stopped = await browser.call<SessionBody>(
        "POST /api/sessions/:id/stop",
        { id },
        { json: {}, headers },
      );
      expect(stopped.body.session.status).toBe("ENDED");
      return id;
    }
  }

  async function expectAllEndedOnce(ids: string[]) {
    const rows = await (await ctx.app.db()).session.findMany({ where: { id: { in: ids } } });
    expect(rows).toHaveLength(ids.length);
    expect(rows.every((row) => row.status === "ENDED" && row.endReason === "hangup")).toBe(true);
    expect(ctx.fake.callsTo("create")).toHaveLength(ids.length);
    const stops = ctx.fake.stopCallsPerSession();
    expect(stops.size).toBe(ids.length);
    expect([...stops.values()].every((count) => count === 1)).toBe(true);
    expect(new Set(rows.map((row) => row.providerSessionId))).toEqual(new Set(stops.keys()));
    expect(ctx.fake.running()).toHaveLength(0);
  }

  describe("load", () => {
    it("100 concurrent start/stop cycles: every session ENDED, one create and one stop each", async () => {
      ctx.fake.latencyMs = 10;
      const ids = await Promise.all(Array.from({ length: 100 }, (_, i) => cycle(i)));
      expect(new Set(ids).size).toBe(100);
      await expectAllEndedOnce(ids);
    });

    it(
      "100 concurrent cycles under a cap of 10: never more than 10 running at the provider",
      { timeout: 120_000 },
      async () => {
        ctx.app = await loadApp(ctx.env({ EQUOS_TIMEOUT_MS: "20000", MAX_ACTIVE_SESSIONS: "10" }));
        ctx.fake.latencyMs = 10;
        try {
          // Conversations long enough that the cap is reached, not only never passed.
          const ids = await Promise.all(Array.from({ length: 100 }, (_, i) => cycle(i, 400)));
          await expectAllEndedOnce(ids);
          expect(ctx.fake.peakRunning).toBe(10);
        } finally {
          ctx.app = await loadApp(ctx.env({ EQUOS_TIMEOUT_MS: "20000" }));
        }
      },
    );
  });
});
