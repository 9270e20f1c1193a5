// Several app instances over one database, as several servers (or serverless instances) would
// be: each has its own session service, so its own in-flight stops, and on PostgreSQL its own
// connection pool. Call after loadApp, which chose the environment.
import type { DatabaseHandle } from "@/lib/db/handle";

export async function openInstances(count: number) {
  const { getDb, openDatabase } = await import("@/lib/db");
  const { sessionSettings } = await import("@/lib/sessions");
  const { createSessionService } = await import("@/lib/sessions/service");
  const { getProvider, getProviderNamed } = await import("@/lib/providers");

  // PGlite lives in this process and has one connection; instances share it.
  const handles: DatabaseHandle[] =
    process.env.TEST_DATABASE === "postgres"
      ? await Promise.all(Array.from({ length: count }, () => openDatabase()))
      : [];
  const services = Array.from({ length: count }, (_, index) => {
    const handle = handles[index];
    return createSessionService({
      db: handle ? async () => handle.prisma : getDb,
      provider: getProvider(),
      providerFor: getProviderNamed,
      settings: sessionSettings(),
    });
  });
  return {
    services,
    close: async () => {
      await Promise.all(handles.map((handle) => handle.close()));
    },
  };
}
