import "server-only";

import { getDb } from "@/lib/db";
import { getProvider, getProviderNamed } from "@/lib/providers";
import { facesNeeded, liveWorkerCapacity, WORKER_STALE_MS } from "@/lib/sessions/capacity";
import { OPEN_STATUSES } from "@/lib/sessions/statuses";

type PartStatus = "ok" | "down";

/** How long one check's answer serves every caller on this instance. */
export const HEALTH_CACHE_MS = 5_000;

/** The parts a conversation needs, in the words anyone may read when one is down. */
const PUBLIC_WORDS = {
  database: "The database is not answering.",
  provider: "The avatar service is not answering.",
  workers: "No avatar worker is running.",
} as const;

type Part = keyof typeof PUBLIC_WORDS;

/** A check's result: the operator's report, and which parts were down. */
export interface HealthCheck {
  report: HealthReport;
  down: Part[];
}

export interface HealthReport {
  status: PartStatus;
  provider: string;
  database: PartStatus;
  /** Present when something is down: which part, and what to do about it. */
  error?: { code: "SERVICE_UNAVAILABLE"; message: string };
  /** What an operator must act on although the app works: open sessions nothing here can stop. */
  warnings?: string[];
}

let latest: { check: Promise<HealthCheck>; until: number } | undefined;

/**
 * The latest check, made at most once per HEALTH_CACHE_MS on this instance however many ask
 * (the route is public: each check lists LiveKit's rooms or calls the provider, and queries the
 * ledger); callers that come while one is under way share it.
 */
export function cachedHealth(): Promise<HealthCheck> {
  if (latest && Date.now() <= latest.until) return latest.check;
  const entry = { check: checkHealth(), until: Infinity };
  void entry.check.then(
    () => (entry.until = Date.now() + HEALTH_CACHE_MS),
    () => (entry.until = 0),
  );
  latest = entry;
  return entry.check;
}

/**
 * The report for someone who is not an operator: which part is down in plain words, without
 * the provider's or the database's own error text (addresses, hosts, hints for the operator)
 * and without the operator's warnings.
 */
export function publicHealth({ report, down }: HealthCheck): HealthReport {
  return {
    status: report.status,
    provider: report.provider,
    database: report.database,
    ...(down.length > 0
      ? {
          error: {
            code: "SERVICE_UNAVAILABLE" as const,
            message: down.map((part) => PUBLIC_WORDS[part]).join(" "),
          },
        }
      : {}),
  };
}

/** Checks the database and the provider; names whatever is down. */
async function checkHealth(): Promise<HealthCheck> {
  const provider = getProvider();
  const [database, providerHealth, workers, warnings] = await Promise.all([
    pingDatabase(),
    provider.health().catch((error: unknown) => ({ ok: false, detail: String(error) })),
    workerHealth(provider.workerAgentName),
    unstoppableSessions().catch(() => []),
  ]);

  const problems: string[] = [];
  const down: Part[] = [];
  if (!database.ok) {
    problems.push(`database: ${database.detail}`);
    down.push("database");
  }
  if (!providerHealth.ok) {
    problems.push(`provider ${provider.name}: ${providerHealth.detail ?? "down"}`);
    down.push("provider");
  }
  if (!workers.ok) {
    problems.push(`provider ${provider.name}: ${workers.detail}`);
    down.push("workers");
  }
  // The detail goes to admins only, so it is logged too: whoever runs the server sees it.
  if (problems.length > 0) console.warn(`Health check: ${problems.join("; ")}`);

  const report: HealthReport = {
    status: problems.length === 0 ? "ok" : "down",
    provider: provider.name,
    database: database.ok ? "ok" : "down",
    ...(warnings.length > 0 ? { warnings } : {}),
    ...(problems.length > 0
      ? { error: { code: "SERVICE_UNAVAILABLE" as const, message: problems.join("; ") } }
      : {}),
  };
  return { report, down };
}

async function pingDatabase(): Promise<{ ok: boolean; detail?: string }> {
  try {
    const db = await getDb();
    await db.$queryRaw`SELECT 1`;
    return { ok: true };
  } catch (error) {
    console.error("Health check: database unreachable", error);
    return { ok: false, detail: "unreachable (see the server log)" };
  }
}

/** Whether some avatar worker has reported lately, for providers whose avatars run on them. */
async function workerHealth(
  agentName: string | undefined,
): Promise<{ ok: boolean; detail?: string }> {
  if (!agentName) return { ok: true };
  try {
    const db = await getDb();
    if ((await liveWorkerCapacity(db, agentName)) === 0) {
      return {
        ok: false,
        detail: `no "${agentName}" avatar worker has reported in the last ${WORKER_STALE_MS / 1000} s; start one (\`npm run worker\`; \`npm run dev\` starts it)`,
      };
    }
    for (const face of await facesNeeded(db, agentName)) {
      if ((await liveWorkerCapacity(db, face)) > 0) continue;
      return {
        ok: false,
        detail: `the "${agentName}" workers need a "${face}" face worker (JEREMY_FACE=worker), and none has reported in the last ${WORKER_STALE_MS / 1000} s; start one (\`npm run face\`)`,
      };
    }
    return { ok: true };
  } catch {
    return { ok: true }; // the database check reports the database
  }
}

/** Open sessions started by a provider this deployment is not configured for. */
async function unstoppableSessions(): Promise<string[]> {
  const db = await getDb();
  const open = await db.session.groupBy({
    by: ["provider"],
    where: { status: { in: OPEN_STATUSES } },
    _count: { _all: true },
  });
  return open
    .filter((group) => !getProviderNamed(group.provider))
    .map(
      ({ provider, _count }) =>
        `${_count._all} open session${_count._all === 1 ? "" : "s"} of the ${provider} provider, ` +
        `which is not configured here: set its variables so they can be stopped ` +
        `(they may still be billing; see /api/admin/sessions).`,
    );
}
