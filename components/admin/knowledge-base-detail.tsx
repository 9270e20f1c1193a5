"use client";

import { useEffect, useState } from "react";

import { adminCall, knowledgePath } from "@/lib/client/admin-api";
import { isBeingRead } from "@/lib/knowledge/document-status";
import type { BaseView, DocumentView } from "@/lib/knowledge/store";

import { ERROR_TEXT } from "./admin-styles";
import { AddDocumentForm } from "./add-document-form";
import { AddWebPageForm } from "./add-web-page-form";
import { DocumentTable } from "./document-table";
import { KnowledgeSearch } from "./knowledge-search";

/** How often the documents are read again while any of them is being read. */
const POLL_MS = 1000;

/**
 * One base opened: its documents (with Delete, and Fetch again for a web page; their progress
 * followed while they are read), forms to add a document or a web page, and a search to try it.
 */
export function KnowledgeBaseDetail(props: { base: BaseView; onChanged: () => void }) {
  const { base, onChanged } = props;
  const [documents, setDocuments] = useState<DocumentView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fetching, setFetching] = useState<string | null>(null);

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

  // Documents are read after they are added: follow them until none is being read.
  const reading = documents?.some(isBeingRead) ?? false;
  useEffect(() => {
    if (!reading) return;
    const timer = setTimeout(() => setVersion((n) => n + 1), POLL_MS);
    return () => clearTimeout(timer);
  }, [reading, documents]);

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
  const fetchAgain = async (document: DocumentView) => {
    setError(null);
    setFetching(document.id);
    const path = knowledgePath(base.id, "documents", document.id, "refetch");
    const result = await adminCall("POST", path);
    setFetching(null);
    if (!result.ok) return setError(`${document.title}: ${result.message}`);
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
        <DocumentTable
          documents={documents}
          fetching={fetching}
          onDelete={(document) => void remove(document)}
          onFetchAgain={(document) => void fetchAgain(document)}
        />
      )}
      <AddDocumentForm baseId={base.id} onAdded={changed} />
      <AddWebPageForm baseId={base.id} onAdded={changed} />
      <KnowledgeSearch baseId={base.id} />
    </section>
  );
}
