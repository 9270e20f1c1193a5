import { isBeingRead } from "@/lib/knowledge/document-status";
import type { DocumentView } from "@/lib/knowledge/store";

/**
 * Where a document's reading stands, under its title: a progress bar while it is read, why it
 * failed, or why a page's last fetch did not replace its passages. Nothing once it is ready.
 */
export function DocumentState({ document }: { document: DocumentView }) {
  if (isBeingRead(document)) {
    const percent = Math.round(document.progress * 100);
    const doing = document.status === "processing" ? "Reading" : "Fetching again";
    const labelId = `${document.id}-progress`;
    return (
      <span className="mt-1 flex items-center gap-2 text-xs text-zinc-300">
        <progress
          value={document.progress}
          max={1}
          aria-labelledby={labelId}
          className="h-1.5 w-32 accent-amber-400"
        />
        <span id={labelId}>{`${doing} ${percent}%`}</span>
      </span>
    );
  }
  if (document.status === "failed") {
    return (
      <span data-testid="document-failure" className="mt-1 block text-xs text-red-200">
        {`Failed: ${document.failure}`}
      </span>
    );
  }
  if (document.failure) {
    return (
      <span data-testid="document-failure" className="mt-1 block text-xs text-amber-200">
        {`Not updated: ${document.failure}`}
      </span>
    );
  }
  return null;
}
