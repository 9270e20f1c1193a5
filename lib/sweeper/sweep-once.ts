import "server-only";

import { getSessionService } from "@/lib/sessions";
import type { SweepOptions } from "@/lib/sessions/sweep";

/** One sweep of the ledger, logging what it did when it did anything. */
export async function sweepOnce(options?: SweepOptions): Promise<void> {
  const report = await getSessionService().sweep(options);
  const handled = Object.entries(report).filter(([, count]) => count > 0);
  if (handled.length > 0) console.log(`Sweep: ${JSON.stringify(Object.fromEntries(handled))}`);
}
