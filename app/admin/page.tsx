import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";

import { AdminDashboard } from "@/components/admin/admin-dashboard";
import { AdminSignIn } from "@/components/admin/admin-sign-in";
import { ADMIN_COOKIE, isAdminCookie } from "@/lib/admin/auth";
import { listSessions, unfinishedSessions } from "@/lib/admin/sessions";
import { usageReport } from "@/lib/admin/usage";
import { BRAND } from "@/lib/brand";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { listBases } from "@/lib/knowledge/store";
import { listTools } from "@/lib/tools/store";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: `Usage · ${BRAND.productName}`,
  robots: { index: false, follow: false },
};

/**
 * The operator page: usage over the last 30 days, sessions by end reason, the sessions that
 * still bill or wait to be resumed (with Stop), recent sessions and their transcripts, the
 * knowledge bases with their documents, and the operator tools. Exists only when ADMIN_TOKEN is
 * set; reads what the admin API reads and changes state only through it (Stop calls POST
 * /api/admin/sessions/{id}/stop; the knowledge bases, /api/admin/knowledge; the tools,
 * /api/admin/tools).
 */
export default async function AdminPage() {
  if (!env.ADMIN_TOKEN) notFound();
  if (!(await isAdminCookie((await cookies()).get(ADMIN_COOKIE)?.value))) return <AdminSignIn />;

  const db = await getDb();
  const [usage, recent, unfinished, knowledge, tools] = await Promise.all([
    usageReport(db, { days: 30, costs: env.COST_PER_MINUTE }),
    listSessions(db, { limit: 50 }),
    unfinishedSessions(db),
    listBases(db),
    listTools(db),
  ]);
  return (
    <AdminDashboard
      usage={usage}
      recent={recent.sessions}
      unfinished={unfinished}
      knowledge={knowledge}
      tools={tools}
    />
  );
}
