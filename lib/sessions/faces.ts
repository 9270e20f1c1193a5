// Which faces a new session may show: the provider's own, and for a provider whose avatar is our
// worker, the hosted faces (lib/faces/) a live worker has the vendor's keys for.
import { faceNamed } from "@/lib/faces/catalog";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { AvatarProvider } from "@/lib/providers/types";

import { hostedFacesReported } from "./capacity";

/** The ids of the faces a session may show now, the default first. */
export async function facesOffered(
  db: Prisma.TransactionClient | PrismaClient,
  provider: Pick<AvatarProvider, "faces" | "workerAgentName">,
): Promise<string[]> {
  const own = [...provider.faces];
  if (!provider.workerAgentName) return own;
  const hosted = await hostedFacesReported(db, provider.workerAgentName);
  // Only faces this app knows how to show and name (a newer worker may report others).
  return [...own, ...hosted.filter((id) => faceNamed(id)?.hosted && !own.includes(id))];
}
