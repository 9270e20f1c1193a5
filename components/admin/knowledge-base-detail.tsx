"use client";

import { useEffect, useState } from "react";

import { adminCall, knowledgePath } from "@/lib/client/admin-api";
import type { BaseView, DocumentView } from "@/lib/knowledge/store";

import { ERROR_TEXT, DANGER_BUTTON } from "./admin-styles";
import { AddDocumentForm } from "./add-document-form";
import { KnowledgeSearch } from "./knowledge-search";

/** One base opened: its documents (with Delete), a form to add one, and a search to try it. */
export function KnowledgeBaseDetail(props: { base: BaseView; onChanged: () => void }) {
  const { base, onChanged } = props;
  const [documents, setDocuments] = useState<DocumentView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Bumped after a change, to read the documents again.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    void adminCall<{ documents: DocumentView[] }>("GET", knowledgePath(base.id, "documents")).then(
      (result) => {
        if (!current) return;
        if (result.ok) setDocuments(result.body?.documents ?? []);
        else setError(result.message);
      },
    );
    return () => {
      current = false;
    };
  }, [base.id, version]);

  const changed = () => {
    setVersion((n) => n + 1);
    onChanged();
  };
  const remove = async (document: DocumentView) => {
    if (!window.confirm(`Delete "${document.title}" from ${base.name}?`)) return;
    setError(null);
    const result = await adminCall("DELETE", knowledgePath(base.id, "documents", document.id));
    if (!result.ok) setError(`${document.title}: ${result.message}`);
    changed();
  };

  return (
    <section
      aria-labelledby={`${base.id}-title`}
      data-testid="knowledge-base"
      className="flex flex-col gap-4 rounded-2xl border border-zinc-800 bg-zinc-900/60 p-4"
    >
      <h3 id={`${base.id}-title`} className="font-semibold">
        {base.name}
      </h3>
      {error && (
        <p role="alert" className={ERROR_TEXT}>
          {error}
        </p>
      )}
      {documents === null ? (
        <p className="text-sm text-zinc-300">Loading…</p>
      ) : documents.length === 0 ? (
        <p className="text-sm text-zinc-300">No documents yet.</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table
            data-testid="knowledge-documents"
            className="w-full min-w-[32rem] text-left text-sm"
          >
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
                  <td className="py-1.5 pr-3">{document.title}</td>
                  <td className="py-1.5 pr-3">{KIND_LABELS[document.kind] ?? document.kind}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{size(document.bytes)}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{document.passages}</td>
                  <td className="flex justify-end py-1.5">
                    <button
                      type="button"
                      onClick={() => void remove(document)}
                      className={DANGER_BUTTON}
                    >
                      Delete<span className="sr-only"> {document.title}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddDocumentForm baseId={base.id} onAdded={changed} />
      <KnowledgeSearch baseId={base.id} />
    </section>
  );
}

const KIND_LABELS: Record<string, string> = { markdown: "Markdown", text: "Plain text" };

/** A byte count as a person reads it: 812 B, 4.2 KB, 1.9 MB. */
export function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
