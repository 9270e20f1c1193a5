// Each session is stopped by the provider that started it, whatever AVATAR_PROVIDER says now.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { sleep } from "@/lib/sleep";
import { loadApp } from "@/test/app";
import { equosEnv } from "@/test/equos-app";
import { FakeEquos } from "@/test/fake-equos";
import { clearLedger, startSession, sweep } from "@/test/sessions";

const CRON_SECRET = "cron-secret-for-tests-0123456789";
// Warnings in the health report are the operator's.
const ADMIN_TOKEN = "admin-token-for-tests-0123456789";
const SETTINGS = {
  CRON_SECRET,
  ADMIN_TOKEN,
  HEARTBEAT_TIMEOUT_SECONDS: "1",
  STOP_RETRY_BASE_SECONDS: "1",
  // The ledger must outlive a restart of the app (on PostgreSQL, DATABASE_URL takes precedence).
  PGLITE_DATA_DIR: mkdtempSync(path.join(tmpdir(), "jeremy-row-provider-")),
};

let fake: FakeEquos;
beforeAll(async () => {
  fake = await FakeEquos.start();
});
beforeEach(() => fake.reset());
afterAll(async () => {
  await fake.close();
});

/** An Equos session left open in the ledger, then the app restarted with `local`. */
async function openEquosRowThenSwitch(localEnv: Record<string, string | undefined>) {
  const equosApp = await loadApp(equosEnv(fake, SETTINGS));
  await clearLedger(equosApp);
  const id = await startSession(equosApp.browser());
  expect(fake.running()).toHaveLength(1);
  const app = await loadApp({ ...equosEnv(fake, SETTINGS), AVATAR_PROVIDER: "local", ...localEnv });
  await sleep(1100); // its page has gone quiet
  return { app, id };
}

describe("a ledger holding sessions of another provider", () => {
  it("a sweep in an app configured for local stops open Equos sessions at Equos", async () => {
    const { app, id } = await openEquosRowThenSwitch({});
    const report = await sweep(app.browser(), CRON_SECRET);
    expect(report.heartbeatLost).toBe(1);
    expect(fake.callsTo("stop")).toHaveLength(1);
    expect(fake.running()).toHaveLength(0);
    const row = await (await app.db()).session.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "ENDED", endReason: "heartbeat_lost", provider: "equos" });
  });

  it("a session whose provider is no longer configured stays open, reported, never ended by a guess", async () => {
    const { app, id } = await openEquosRowThenSwitch({ EQUOS_API_KEY: undefined });
    await sweep(app.browser(), CRON_SECRET);
    const row = await (await app.db()).session.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("STOP_FAILED");
    expect(row.endedAt).toBeNull();
    expect(row.lastProviderError).toContain(
      "equos provider that started this session is not configured",
    );
    expect(fake.callsTo("stop")).toHaveLength(0);
    expect(fake.running()).toHaveLength(1);

    const health = await app.browser().call<{
      warnings?: string[];
    }>("GET /api/health", {}, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(health.body.warnings).toEqual([
      expect.stringContaining("1 open session of the equos provider, which is not configured"),
    ]);
  });
});
