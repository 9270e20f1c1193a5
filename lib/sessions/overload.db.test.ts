// Refused starts are refused before they wait on anything shared, and a crowd is answered busy:
// with the global start lock held by someone else (another instance's slow start, say), a client
// over its own limit hears 429 at once, and the others 503 with Retry-After, never 500.
// PostgreSQL only: the embedded PGlite has one connection, so there nothing can hold the lock
// while another request is answered.
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { peerHeaders } from "@/lib/http/peer-address";
import { loadApp } from "@/test/app";
import { setUpEquosApp } from "@/test/equos-app";
import { clearLedger } from "@/test/sessions";

type Answer = { error?: { code: string; message: string } };

describe.runIf(process.env.TEST_DATABASE === "postgres")(
  "starts while the start lock is held",
  () => {
    const ctx = setUpEquosApp({}, "v3");
    afterAll(async () => {
      ctx.app = await loadApp(ctx.env());
    });
    beforeEach(() => clearLedger(ctx.app));

    const start = (headers: Record<string, string>) =>
      ctx.app.browser().call<Answer>("POST /api/sessions", {}, { json: {}, headers });

    /** Holds the lock every limit-checking start takes first, until `release()`. */
    async function holdStartLock() {
      const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await holder.connect();
      await holder.query("BEGIN");
      await holder.query("SELECT pg_advisory_xact_lock(hashtext('start:global'))");
      return async () => {
        await holder.query("ROLLBACK");
        await holder.end();
      };
    }

    it("refuses a client over its limit at once, and answers the rest 503 with Retry-After", async () => {
      ctx.app = await loadApp(ctx.env({ START_LIMIT_PER_CLIENT: "1", MAX_ACTIVE_SESSIONS: "10" }));
      const a = peerHeaders("203.0.113.80");
      expect((await start(a)).status).toBe(201);

      const release = await holdStartLock();
      try {
        const refused = await start(a);
        expect(refused.status).toBe(429);
        expect(refused.body.error?.code).toBe("RATE_LIMITED");

        // More than the gate lets through at once: some wait for the lock, some for the gate.
        const crowd = await Promise.all(
          Array.from({ length: 6 }, (_, i) => start(peerHeaders(`203.0.113.${90 + i}`))),
        );
        for (const answer of crowd) {
          expect(answer.status).toBe(503);
          expect(answer.body.error?.code).toBe("SERVICE_UNAVAILABLE");
          expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
        }
      } finally {
        await release();
      }
      expect((await start(peerHeaders("203.0.113.90"))).status).toBe(201);
      expect(ctx.fake.callsTo("create")).toHaveLength(2);
    });
  },
);
