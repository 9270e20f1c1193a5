import "server-only";

import { getDb } from "@/lib/db";
import { getProvider, getProviderNamed } from "@/lib/providers";
import { liveWorkerCapacity, WORKER_STALE_MS } from "@/lib/sessions/capacity";
import { OPEN_STATUSES } from "@/lib/sessions/statuses";

type PartStatus = "ok" | "down";

export interface HealthReport {
  status: PartStatus;
  provider: string;
  database: PartStatus;
  /** Present when something is down: which part, and what to do about it. */
  error?: { code: "SERVICE_UNAVAILABLE"; message: string };
  /** What an operator must act on although the app works: open sessions nothing here can stop. */
  warnings?: string[];
}

/** Checks the database and the provider; names whatever is down. */
export async function checkHealth(): Promise<HealthReport> {
  const provider = getProvider();
  const [database, providerHealth, workers, warnings] = await Promise.all([
    pingDatabase(),
    provider.health().catch((error: unknown) => ({ ok: false, detail: String(error) })),
    workerHealth(provider.workerAgentName),
    unstoppableSessions().catch(() => []),
  ]);

  const problems: string[] = [];
  if (!database.ok) problems.push(`database: ${database.detail}`);
  if (!providerHealth.ok)
    problems.push(`provider ${provider.name}: ${providerHealth.detail ?? "down"}`);
  if (!workers.ok) problems.push(`provider ${provider.name}: ${workers.detail}`);

  return {
    status: problems.length === 0 ? "ok" : "down",
    provider: provider.name,
    database: database.ok ? "ok" : "down",
    ...(warnings.length > 0 ? { warnings } : {}),
    ...(problems.length > 0
      ? { error: { code: "SERVICE_UNAVAILABLE" as const, message: problems.join("; ") } }
      : {}),
  };
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
    if ((await liveWorkerCapacity(await getDb(), agentName)) > 0) return { ok: true };
    return {
      ok: false,
      detail: `no "${agentName}" avatar worker has reported in the last ${WORKER_STALE_MS / 1000} s; start one (\`npm run worker\`; \`npm run dev\` starts it)`,
    };
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
