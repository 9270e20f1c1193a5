"use client";

import { useEffect, useState } from "react";

import { fetchTranscript, type TranscriptLine } from "@/lib/client/conversation-api";

/** Lines may reach the server a moment after the end (the avatar hands over its last one). */
const LATE_LINE_WAIT_MS = 2500;

/**
 * The ended conversation's transcript, as the server keeps it: read at once, and once more a
 * moment later in case the last line was still on its way. Null until the first answer.
 */
export function useTranscript(sessionId: string): TranscriptLine[] | null {
  const [lines, setLines] = useState<TranscriptLine[] | null>(null);
  useEffect(() => {
    let current = true;
    const read = () =>
      fetchTranscript(sessionId)
        .then((found) => current && setLines(found))
        .catch(() => current && setLines((known) => known ?? []));
    void read();
    const again = setTimeout(() => void read(), LATE_LINE_WAIT_MS);
    return () => {
      current = false;
      clearTimeout(again);
    };
  }, [sessionId]);
  return lines;
}

/** The transcript as a plain-text file's contents: one "Name: line" per line. */
export function transcriptText(lines: TranscriptLine[], avatarName: string): string {
  return lines
    .map((line) => `${line.role === "user" ? "You" : avatarName}: ${line.text}`)
    .join("\n")
    .concat("\n");
}
