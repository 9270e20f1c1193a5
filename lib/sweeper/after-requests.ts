import "server-only";

import { after } from "next/server";

import { getDb } from "@/lib/db";
import { env, sweepMode } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";

import { sweepOnce } from "./sweep-once";

/** A sweep after a response must finish well within a serverless function's time. */
const SWEEP_BUDGET_MS = 5_000;
/** This instance asks for the lease at most this often, so most requests cost nothing. */
const ASK_EVERY_MS = 1_000;

let lastAsked = 0;

/**
 * Where no timer can run (serverless), any request sweeps the ledger once its response is sent
 * (Next's `after`), at most once per SWEEP_INTERVAL_SECONDS across all instances: a row in the
 * database decides which request does it. So an abandoned session ends within the heartbeat
 * timeout plus one interval of any request, with no cron and no timer.
 */
export function sweepAfterResponse(): void {
  if (sweepMode !== "requests" || env.SWEEP_INTERVAL_SECONDS === 0) return;
  const now = Date.now();
  if (now - lastAsked < Math.min(ASK_EVERY_MS, env.SWEEP_INTERVAL_SECONDS * 1000)) return;
  lastAsked = now;
  const sweep = () =>
    sweepIfDue().catch((error: unknown) => console.error("Sweep after a request failed", error));
  try {
    after(sweep);
  } catch {
    void sweep(); // outside a request (a script, a test calling a handler): in the background
  }
}

async function sweepIfDue(): Promise<void> {
  if (!(await takeLease(env.SWEEP_INTERVAL_SECONDS))) return;
  await sweepOnce({ budgetMs: SWEEP_BUDGET_MS });
}

/** One statement: true for exactly one caller per interval, across every instance. */
async function takeLease(intervalSeconds: number): Promise<boolean> {
  const db = await getDb();
  const now = new Date();
  const at = (date: Date) => Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const cutoff = new Date(now.getTime() - intervalSeconds * 1000);
  const taken = await db.$queryRaw<Array<{ id: number }>>`
    INSERT INTO "SweepLease" ("id", "lastSweepAt") VALUES (1, ${at(now)})
    ON CONFLICT ("id") DO UPDATE SET "lastSweepAt" = EXCLUDED."lastSweepAt"
      WHERE "SweepLease"."lastSweepAt" <= ${at(cutoff)}
    RETURNING "id"`;
  return taken.length > 0;
}
