import "server-only";

// What a conversation's knowledge is about, as its section headings: the worker's scripted
// interviewer asks about them when there is no model (and so no search).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  KNOWLEDGE_TOPIC_MAX_CHARACTERS as TOPIC_MAX_CHARACTERS,
  MAX_KNOWLEDGE_TOPICS as MAX_TOPICS,
} from "@/lib/contract";

export { MAX_TOPICS, TOPIC_MAX_CHARACTERS };

/**
 * The distinct section headings of the bases' ready documents, oldest document and first section
 * first; each one line of at most TOPIC_MAX_CHARACTERS.
 */
export async function knowledgeTopics(db: PrismaClient, baseIds: string[]): Promise<string[]> {
  if (baseIds.length === 0) return [];
  const rows = await db.$queryRaw<Array<{ heading: string }>>`
    SELECT p."heading"
    FROM "KnowledgePassage" p
    JOIN "KnowledgeDocument" d ON d."id" = p."documentId"
    WHERE p."baseId" = ANY(${baseIds}) AND p."heading" IS NOT NULL AND d."status" = 'ready'
    GROUP BY p."heading"
    ORDER BY MIN(d."createdAt"), MIN(p."seq")
    LIMIT ${MAX_TOPICS * 2}`;
  const topics = new Set<string>();
  for (const { heading } of rows) {
    const topic = oneLine(heading);
    if (topic) topics.add(topic);
    if (topics.size === MAX_TOPICS) break;
  }
  return [...topics];
}

function oneLine(text: string): string {
  const flat = text
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (flat.length <= TOPIC_MAX_CHARACTERS) return flat;
  const cut = flat.slice(0, TOPIC_MAX_CHARACTERS);
  const space = cut.lastIndexOf(" ");
  return (space > TOPIC_MAX_CHARACTERS / 2 ? cut.slice(0, space) : cut).trim();
}
