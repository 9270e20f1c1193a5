"use client";

// How the person takes turns (automatic, or hold to talk), remembered across visits.
import { rememberedValue } from "./remembered-value";

export type TurnMode = "auto" | "hold";

const store = rememberedValue("talk-to-jeremy.turns");

/**
 * The remembered way of taking turns, and a setter that remembers a new choice. The server (and
 * the first render in the browser, which must match it) sees "auto"; the remembered choice
 * follows straight after.
 */
export function useRememberedTurns(): [TurnMode, (mode: TurnMode) => void] {
  return [store.useStored() === "hold" ? "hold" : "auto", store.remember];
}
