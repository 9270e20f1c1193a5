"use client";

// Which knowledge bases the person chose for their conversations, remembered across visits.
import { offeredIds, rememberedValue, useRememberedIds } from "./remembered-value";

/** A knowledge base a visitor may choose (GET /api/knowledge). */
export interface KnowledgeChoice {
  id: string;
  name: string;
}

/** The most bases one conversation may search (POST /api/sessions { knowledge }). */
export const KNOWLEDGE_MAX_CHOSEN = 5;

const store = rememberedValue("talk-to-jeremy.knowledge");

/** The remembered bases still offered, in the order offered, at most five. */
export function offeredKnowledge(remembered: string | null, bases: KnowledgeChoice[]): string[] {
  return offeredIds(remembered, bases, KNOWLEDGE_MAX_CHOSEN);
}

/** The remembered choice among `bases` (none by default), and a setter that remembers a new one. */
export function useRememberedKnowledge(
  bases: KnowledgeChoice[],
): [string[], (ids: string[]) => void] {
  return useRememberedIds(store, bases, KNOWLEDGE_MAX_CHOSEN);
}
