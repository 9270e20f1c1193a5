// Small helpers for tests that drive sessions through the route handlers.
import { expect } from "vitest";

import type { PrismaClient } from "@/lib/generated/prisma/client";

import type { TestBrowser } from "./app";

export type SessionBody = {
  session: { id: string; status: string; endReason: string | null };
};

/** Starts a session as `browser` and returns its id. */
export async function startSession(browser: TestBrowser, headers: Record<string, string> = {}) {
  const res = await browser.call<SessionBody>("POST /api/sessions", {}, { json: {}, headers });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.session.id;
}

/** Runs one sweep through GET /api/cron/reap. */
export async function sweep(browser: TestBrowser, cronSecret: string) {
  const res = await browser.call<{ report: Record<string, number> }>(
    "GET /api/cron/reap",
    {},
    { headers: { authorization: `Bearer ${cronSecret}` } },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.report;
}

/** Empties the ledger, so that a session one test left running is not swept in the next. */
export async function clearLedger(app: { db: () => Promise<PrismaClient> }) {
  const db = await app.db();
  await db.transcriptLine.deleteMany();
  await db.session.deleteMany();
}
