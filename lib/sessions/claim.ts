import type { Prisma, PrismaClient, Session } from "@/lib/generated/prisma/client";

/**
 * Where a write made under a stop claim applies: the row, only while the claim it took is still
 * the latest. A claimant that stalled past CLAIM_LEASE_MS (another took over) matches nothing.
 */
export function underClaim(row: Pick<Session, "id" | "stopClaim">) {
  return { id: row.id, stopClaim: row.stopClaim };
}

/** The claim `row` was taken under is no longer ours: another process took the session over. */
export class LostClaim extends Error {
  constructor(id: string) {
    super(`The stop claim on ${id} was taken over by another process; this one writes nothing`);
    this.name = "LostClaim";
  }
}

/** Updates `row` while its claim is still ours; null when another claimant took it over. */
export async function updateUnderClaim(
  db: PrismaClient | Prisma.TransactionClient,
  row: Pick<Session, "id" | "stopClaim">,
  data: Prisma.SessionUpdateManyMutationInput,
): Promise<Session | null> {
  const [updated] = await db.session.updateManyAndReturn({ where: underClaim(row), data });
  return updated ?? null;
}
