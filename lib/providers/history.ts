// A resumed conversation's past, as providers pass it on to the new avatar session.
import type { HistoryLine, ProviderStartInput } from "./types";

/** At most this many characters of history go to a resumed session (job metadata, promptCtx). */
export const HISTORY_MAX_CHARS = 6000;

/** The latest lines of `history` that fit in `maxChars`, oldest first. */
export function recentHistory(history: HistoryLine[], maxChars = HISTORY_MAX_CHARS): HistoryLine[] {
  const kept: HistoryLine[] = [];
  let size = 0;
  for (let i = history.length - 1; i >= 0; i--) {
    const line = history[i]!;
    size += line.text.length + 12;
    if (size > maxChars) break;
    kept.unshift(line);
  }
  return kept;
}

/**
 * For a resumed session's prompt (Equos's promptCtx): that the conversation resumes after a
 * pause, and what was said, as "User: …" and "You: …" lines. Null for a first start.
 */
export function resumeContext(input: ProviderStartInput): string | null {
  if (!input.resume) return null;
  const said = recentHistory(input.resume.history)
    .map((line) => `${line.role === "user" ? "User" : "You"}: ${line.text}`)
    .join("\n");
  return [
    "This conversation was paused and now resumes. Welcome the person back, then carry on " +
      "from where the conversation was; do not start over.",
    said ? `What was said before the pause:\n${said}` : null,
  ]
    .filter(Boolean)
    .join("\n\n");
}
