"use client";

import { BRAND } from "@/lib/brand";

import { transcriptText, useTranscript } from "./use-transcript";

/** What was said in the ended conversation, with a download of it as a text file. */
export function ConversationSummary({ sessionId }: { sessionId: string }) {
  const lines = useTranscript(sessionId);
  if (lines === null) return null;
  if (lines.length === 0) {
    return <p className="text-sm text-zinc-400">Nothing was said in this conversation.</p>;
  }

  const download = () => {
    const file = new Blob([transcriptText(lines, BRAND.avatarName)], { type: "text/plain" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(file);
    link.download = `conversation-with-${BRAND.avatarName.toLowerCase()}-${lines[0]!.at.slice(0, 10)}.txt`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    // In a short window the transcript gives up height (and scrolls) so Talk again stays in view.
    <section aria-labelledby="summary-title" className="flex min-h-0 w-full flex-col text-left">
      <h3 id="summary-title" className="mb-2 text-sm font-semibold text-zinc-300">
        What was said
      </h3>
      <ol
        data-testid="ended-transcript"
        tabIndex={0}
        aria-label="Transcript"
        className="max-h-56 min-h-16 space-y-1.5 overflow-y-auto rounded-xl border border-zinc-800 bg-zinc-900/60 p-3 text-sm focus-visible:ring-2 focus-visible:ring-amber-300 focus-visible:outline-none"
      >
        {lines.map((line, index) => (
          <li key={index}>
            <span className="font-semibold text-zinc-100">
              {line.role === "user" ? "You" : BRAND.avatarName}:
            </span>{" "}
            <span className="text-zinc-300">{line.text}</span>
          </li>
        ))}
      </ol>
      <button
        type="button"
        data-testid="download-transcript"
        onClick={download}
        className="mt-2 self-start rounded-full border border-zinc-600 px-4 py-2 text-sm font-medium text-zinc-100 hover:bg-zinc-800 focus-visible:ring-2 focus-visible:ring-amber-300 focus-visible:outline-none"
      >
        Download transcript
      </button>
    </section>
  );
}
