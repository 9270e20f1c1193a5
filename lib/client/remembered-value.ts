"use client";

// A choice the person made on the landing page (a face, a way of taking turns, knowledge bases,
// tools), remembered across visits in localStorage. Where storage is blocked, the choice still
// holds for this visit.
import { useSyncExternalStore } from "react";

export interface RememberedValue {
  /**
   * The text stored, or null: the server, and the first render in the browser (which must match
   * it), see null; the remembered value follows straight after.
   */
  useStored(): string | null;
  remember(value: string): void;
}

export function rememberedValue(storageKey: string): RememberedValue {
  const listeners = new Set<() => void>();
  /** This visit's choice, for when storage is blocked. */
  let chosen: string | null = null;
  const read = (): string | null => {
    if (chosen !== null) return chosen;
    try {
      return localStorage.getItem(storageKey);
    } catch {
      return null; // storage may be blocked
    }
  };
  const subscribe = (onChange: () => void) => {
    listeners.add(onChange);
    return () => {
      listeners.delete(onChange);
    };
  };
  return {
    useStored: () => useSyncExternalStore(subscribe, read, () => null),
    remember(value) {
      chosen = value;
      try {
        localStorage.setItem(storageKey, value);
      } catch {
        // not remembered; it still applies to this visit
      }
      for (const listener of listeners) listener();
    },
  };
}

/**
 * Of the ids remembered (as JSON), those still offered, in the order offered, at most `max`. An
 * id the site stopped offering is forgotten silently; anything unreadable is no choice at all.
 */
export function offeredIds(
  remembered: string | null,
  offered: ReadonlyArray<{ id: string }>,
  max: number,
): string[] {
  let ids: unknown;
  try {
    ids = JSON.parse(remembered ?? "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(ids)) return [];
  return offered
    .filter((choice) => ids.includes(choice.id))
    .map((choice) => choice.id)
    .slice(0, max);
}

/** The remembered ids among `offered` (none by default), and a setter that remembers new ones. */
export function useRememberedIds(
  store: RememberedValue,
  offered: ReadonlyArray<{ id: string }>,
  max: number,
): [string[], (ids: string[]) => void] {
  return [
    offeredIds(store.useStored(), offered, max),
    (ids) => store.remember(JSON.stringify(ids)),
  ];
}
