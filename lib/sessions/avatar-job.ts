import { roomNameFor } from "@/lib/livekit/rooms";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

import { LIVE_STATUSES } from "./statuses";

/**
 * Gives the session's current room to avatar job `jobId`, unless another job has it. LiveKit
 * dispatches a room again when the node hosting it dies (the room comes back on another node,
 * with its dispatch) or when the worker running it misses its pings; a second Jeremy in the room
 * would push the first out (they share an identity) and write the transcript twice. The first
 * job to claim a room keeps it: a later one is refused (409) and leaves before joining. Asking
 * again with the same job is fine; a resumed session's new room is claimed afresh.
 */
export async function claimAvatarJob(
  db: PrismaClient,
  sessionId: string,
  room: string,
  jobId: string,
): Promise<void> {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { status: true, _count: { select: { segments: true } } },
  });
  if (!session) throw new AppError("NOT_FOUND", "No such session.");
  if (!LIVE_STATUSES.includes(session.status)) {
    throw new AppError(
      "CONFLICT",
      `The session is ${session.status.toLowerCase()}: no avatar is wanted.`,
    );
  }
  // The room the conversation runs in now: one more than the stretches already over.
  if (room !== roomNameFor(sessionId, session._count.segments + 1)) {
    throw new AppError("CONFLICT", `${room} is not the session's current room.`);
  }
  // One conditional write, so two jobs claiming at once cannot both win.
  const { count } = await db.session.updateMany({
    where: {
      id: sessionId,
      status: { in: LIVE_STATUSES },
      OR: [{ avatarJobRoom: null }, { avatarJobRoom: { not: room } }, { avatarJobId: jobId }],
    },
    data: { avatarJobId: jobId, avatarJobRoom: room },
  });
  if (count === 0) {
    throw new AppError("CONFLICT", "Another avatar job has this conversation's room.");
  }
}
