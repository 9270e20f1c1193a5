"use client";

// How the person takes turns (automatic, or hold to talk), remembered across visits.
import { useSyncExternalStore } from "react";

export type TurnMode = "auto" | "hold";

const STORAGE_KEY = "talk-to-jeremy.turns";
const listeners = new Set<() => void>();
/** This visit's choice, for when storage is blocked. */
let chosen: TurnMode | null = null;

function read(): TurnMode {
  if (chosen) return chosen;
  try {
    return localStorage.getItem(STORAGE_KEY) === "hold" ? "hold" : "auto";
  } catch {
    return "auto"; // storage may be blocked
  }
}

function remember(mode: TurnMode): void {
  chosen = mode;
  try {
    localStorage.setItem(STORAGE_KEY, mode);
  } catch {
    // not remembered; it still applies to this visit
  }
  for (const listener of listeners) listener();
}

/**
 * The remembered way of taking turns, and a setter that remembers a new choice. The server (and
 * the first render in the browser, which must match it) sees "auto"; the remembered choice
 * follows straight after.
 */
export function useRememberedTurns(): [TurnMode, (mode: TurnMode) => void] {
  const mode = useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    read,
    () => "auto" as const,
  );
  return [mode, remember];
}
