import "server-only";

import { getDb } from "@/lib/db";
import { getProvider } from "@/lib/providers";

type PartStatus = "ok" | "down";

export interface HealthReport {
  status: PartStatus;
  provider: string;
  database: PartStatus;
  /** Present when something is down: which part, and what to do about it. */
  error?: { code: "SERVICE_UNAVAILABLE"; message: string };
}

/** Checks the database and the provider; names whatever is down. */
export async function checkHealth(): Promise<HealthReport> {
  const provider = getProvider();
  const [database, providerHealth] = await Promise.all([
    pingDatabase(),
    provider.health().catch((error: unknown) => ({ ok: false, detail: String(error) })),
  ]);

  const problems: string[] = [];
  if (!database.ok) problems.push(`database: ${database.detail}`);
  if (!providerHealth.ok)
    problems.push(`provider ${provider.name}: ${providerHealth.detail ?? "down"}`);

  return {
    status: problems.length === 0 ? "ok" : "down",
    provider: provider.name,
    database: database.ok ? "ok" : "down",
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
