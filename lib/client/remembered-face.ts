"use client";

// Which face the person chose for their conversations, remembered across visits.
import type { FaceView } from "@/lib/faces/types";

import { rememberedValue } from "./remembered-value";

const store = rememberedValue("talk-to-jeremy.face");

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
  return [offeredFace(store.useStored(), faces), store.remember];
}
