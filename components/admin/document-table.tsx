import { isBeingRead } from "@/lib/knowledge/document-status";
import type { DocumentView } from "@/lib/knowledge/store";

import { DANGER_BUTTON, QUIET_BUTTON } from "./admin-styles";
import { DocumentState } from "./document-state";

/**
 * A base's documents: title (and, for a web page, its URL; how far it is read, or why it failed),
 * kind, size and passages, each with Delete, and Fetch again for a web page. `fetching`: the
 * document whose Fetch again is being asked for, if any.
 */
export function DocumentTable(props: {
  documents: DocumentView[];
  fetching: string | null;
  onDelete: (document: DocumentView) => void;
  onFetchAgain: (document: DocumentView) => void;
}) {
  const { documents, fetching } = props;
  return (
    <div className="relative overflow-x-auto">
      <table data-testid="knowledge-documents" className="w-full min-w-[32rem] text-left text-sm">
        <thead className="text-zinc-300">
          <tr>
            <th className="py-1 pr-3 font-medium">Title</th>
            <th className="py-1 pr-3 font-medium">Kind</th>
            <th className="py-1 pr-3 text-right font-medium">Size</th>
            <th className="py-1 pr-3 text-right font-medium">Passages</th>
            <th className="py-1 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => (
            <tr key={document.id} className="border-t border-zinc-800">
              <td className="max-w-[24rem] py-1.5 pr-3">
                {document.title}
                {document.sourceUrl && (
                  <a
                    href={document.sourceUrl}
                    target="_blank"
                    rel="noreferrer"
                    className="block truncate text-xs text-zinc-300 underline hover:text-amber-200 focus-visible:ring-2 focus-visible:ring-amber-300 focus-visible:outline-none"
                  >
                    {document.sourceUrl}
                  </a>
                )}
                <DocumentState document={document} />
              </td>
              <td className="py-1.5 pr-3">{KIND_LABELS[document.kind] ?? document.kind}</td>
              <td className="py-1.5 pr-3 text-right tabular-nums">{size(document.bytes)}</td>
              <td className="py-1.5 pr-3 text-right tabular-nums">{document.passages}</td>
              <td className="py-1.5">
                <div className="flex justify-end gap-2">
                  {document.kind === "web" && document.sourceUrl && (
                    <button
                      type="button"
                      disabled={fetching !== null || isBeingRead(document)}
                      onClick={() => props.onFetchAgain(document)}
                      className={QUIET_BUTTON}
                    >
                      {fetching === document.id ? "Fetching…" : "Fetch again"}
                      <span className="sr-only"> {document.title}</span>
                    </button>
                  )}
                  <button
                    type="button"
                    onClick={() => props.onDelete(document)}
                    className={DANGER_BUTTON}
                  >
                    Delete<span className="sr-only"> {document.title}</span>
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const KIND_LABELS: Record<string, string> = {
  markdown: "Markdown",
  text: "Plain text",
  pdf: "PDF",
  web: "Web page",
};

/** A byte count as a person reads it: 812 B, 4.2 KB, 1.9 MB. */
export function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
