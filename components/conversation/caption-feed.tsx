import { BRAND } from "@/lib/brand";

import type { CaptionLine } from "./use-captions";

/**
 * Jeremy's words as captions (and the user's), announced to screen readers once per line: the
 * log holds finished lines; the line he is saying shows beneath it word by word as he says it,
 * hidden from screen readers until it joins the log.
 */
export function CaptionFeed({
  lines,
  saying,
  hidden,
}: {
  lines: CaptionLine[];
  saying: string | null;
  hidden: boolean;
}) {
  return (
    // Focusable: once the lines overflow it scrolls, and holds nothing else a keyboard could reach.
    // In a short window it gives up height before Jeremy does (shrink 3), down to a few lines;
    // beside the video it takes what the column leaves.
    <div
      data-testid="captions"
      hidden={hidden}
      tabIndex={0}
      className="short:min-h-12 short:py-2 side:max-h-none side:flex-1 max-h-32 min-h-16 w-full shrink-[3] space-y-1.5 overflow-y-auto rounded-2xl bg-black/40 px-4 py-3 text-left text-sm focus-visible:ring-2 focus-visible:ring-amber-300 focus-visible:outline-none sm:max-h-40"
    >
      <div role="log" aria-live="polite" aria-label="Captions" className="space-y-1.5">
        {lines.length === 0 && <p className="text-zinc-400">Captions will appear here.</p>}
        {lines.slice(-6).map((line) => (
          <p
            key={line.id}
            data-speaker={line.speaker}
            className={line.speaker === "jeremy" ? "text-zinc-100" : "text-amber-200/90"}
          >
            <span className="font-semibold">
              {line.speaker === "jeremy" ? `${BRAND.avatarName}: ` : "You: "}
            </span>
            {line.text}
          </p>
        ))}
      </div>
      {saying && (
        <p aria-hidden="true" data-testid="caption-saying" className="text-zinc-100">
          <span className="font-semibold">{`${BRAND.avatarName}: `}</span>
          {saying}
        </p>
      )}
    </div>
  );
}
