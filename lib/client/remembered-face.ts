"use client";

// Which face the person chose for their conversations, remembered across visits.
import { useSyncExternalStore } from "react";

import type { FaceView } from "@/lib/faces/types";

const STORAGE_KEY = "talk-to-jeremy.face";
const listeners = new Set<() => void>();
/** This visit's choice, for when storage is blocked. */
let chosen: string | null = null;

function read(): string | null {
  if (chosen) return chosen;
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage may be blocked
  }
}

function remember(face: string): void {
  chosen = face;
  try {
    localStorage.setItem(STORAGE_KEY, face);
  } catch {
    // not remembered; it still applies to this visit
  }
  for (const listener of listeners) listener();
}

/**
 * The remembered face if it is still offered, else the default (the first); undefined when no
 * face is offered. A face the site stopped offering is forgotten silently, not an error.
 */
export function offeredFace(remembered: string | null, faces: FaceView[]): string | undefined {
  return faces.find((face) => face.id === remembered)?.id ?? faces[0]?.id;
}

/**
 * The remembered face among `faces`, and a setter that remembers a new choice. The server (and
 * the first render in the browser, which must match it) sees the default; the remembered choice
 * follows straight after.
 */
export function useRememberedFace(faces: FaceView[]): [string | undefined, (face: string) => void] {
  const remembered = useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    read,
    () => null,
  );
  return [offeredFace(remembered, faces), remember];
}
