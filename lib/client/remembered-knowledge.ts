"use client";

// Which knowledge bases the person chose for their conversations, remembered across visits.
import { useSyncExternalStore } from "react";

/** A knowledge base a visitor may choose (GET /api/knowledge). */
export interface KnowledgeChoice {
  id: string;
  name: string;
}

/** The most bases one conversation may search (POST /api/sessions { knowledge }). */
export const KNOWLEDGE_MAX_CHOSEN = 5;

const STORAGE_KEY = "talk-to-jeremy.knowledge";
const listeners = new Set<() => void>();
/** This visit's choice (as stored: JSON), for when storage is blocked. */
let chosen: string | null = null;

function read(): string | null {
  if (chosen !== null) return chosen;
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage may be blocked
  }
}

function remember(ids: string[]): void {
  chosen = JSON.stringify(ids);
  try {
    localStorage.setItem(STORAGE_KEY, chosen);
  } catch {
    // not remembered; it still applies to this visit
  }
  for (const listener of listeners) listener();
}

/**
 * The remembered bases that are still offered, in the order offered, at most five. A base the
 * site stopped offering is forgotten silently; anything unreadable is no choice at all.
 */
export function offeredKnowledge(remembered: string | null, bases: KnowledgeChoice[]): string[] {
  let ids: unknown;
  try {
    ids = JSON.parse(remembered ?? "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(ids)) return [];
  return bases
    .filter((base) => ids.includes(base.id))
    .map((base) => base.id)
    .slice(0, KNOWLEDGE_MAX_CHOSEN);
}

/**
 * The remembered choice among `bases` (none by default), and a setter that remembers a new one.
 * The server, and the first render in the browser, see none; the remembered choice follows.
 */
export function useRememberedKnowledge(
  bases: KnowledgeChoice[],
): [string[], (ids: string[]) => void] {
  const remembered = useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    read,
    () => null,
  );
  return [offeredKnowledge(remembered, bases), remember];
}
