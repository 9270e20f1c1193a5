import "server-only";

import { AppError } from "@/lib/errors";
import type {
  PrismaClient,
  Session,
  SessionStatus,
  TranscriptLine,
} from "@/lib/generated/prisma/client";
import { isSessionId } from "@/lib/sessions/ids";
import { OPEN_STATUSES } from "@/lib/sessions/statuses";
import { SAID_ORDER } from "@/lib/sessions/transcript";
import { toSessionView, type SessionView } from "@/lib/sessions/view";

/** What an operator sees of a session: the client's view plus the ledger's bookkeeping. */
export interface AdminSessionView extends SessionView {
  providerSessionId: string | null;
  createdAt: string;
  lastSeenAt: string | null;
  stopAttempts: number;
  lastProviderError: string | null;
  /** The knowledge bases the conversation could search. */
  knowledgeBaseIds: string[];
  /** The operator tools the conversation's model could call. */
  toolIds: string[];
}

function toAdminView(row: Session): AdminSessionView {
  return {
    ...toSessionView(row),
    providerSessionId: row.providerSessionId,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
    stopAttempts: row.stopAttempts,
    lastProviderError: row.lastProviderError,
    knowledgeBaseIds: row.knowledgeBaseIds,
    toolIds: row.toolIds,
  };
}

/** The most recent sessions, newest first, and usage since midnight UTC. */
export async function listSessions(
  db: PrismaClient,
  options: { limit: number; status?: SessionStatus },
) {
  const midnight = new Date();
  midnight.setUTCHours(0, 0, 0, 0);
  const [rows, today, open] = await Promise.all([
    db.session.findMany({
      where: options.status ? { status: options.status } : {},
      orderBy: { createdAt: "desc" },
      take: options.limit,
    }),
    db.session.aggregate({
      where: { createdAt: { gte: midnight } },
      _count: true,
      _sum: { durationSeconds: true },
    }),
    db.session.count({ where: { status: { in: OPEN_STATUSES } } }),
  ]);
  return {
    sessions: rows.map(toAdminView),
    usage: {
      sessionsToday: today._count,
      endedSecondsToday: today._sum.durationSeconds ?? 0,
      open,
    },
  };
}

/** Sessions that may still bill or that wait to be resumed, oldest first: an operator's worries. */
export async function unfinishedSessions(db: PrismaClient): Promise<AdminSessionView[]> {
  const rows = await db.session.findMany({
    where: { status: { in: [...OPEN_STATUSES, "PAUSED"] } },
    orderBy: { createdAt: "asc" },
    take: 100,
  });
  return rows.map(toAdminView);
}

/** One session with its transcript. */
export async function getSessionWithTranscript(db: PrismaClient, id: string) {
  const row = isSessionId(id)
    ? await db.session.findUnique({
        where: { id },
        include: { transcript: { orderBy: SAID_ORDER } },
      })
    : null;
  if (!row) throw new AppError("NOT_FOUND", "No session with that id.");
  return {
    ...toAdminView(row),
    transcript: row.transcript.map((line: TranscriptLine) => ({
      seq: line.seq,
      role: line.role,
      text: line.text,
      at: line.at.toISOString(),
    })),
  };
}
