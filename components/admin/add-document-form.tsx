"use client";

import { type ChangeEvent, type FormEvent, useId, useRef, useState } from "react";

import { adminCall, knowledgePath } from "@/lib/client/admin-api";
import type { DocumentView } from "@/lib/knowledge/store";

import { ERROR_TEXT, FIELD, PRIMARY_BUTTON, QUIET_BUTTON } from "./admin-styles";
import { size } from "./document-table";

type Kind = "markdown" | "text";
/** The largest file the server takes (app/api/admin/knowledge/[id]/documents/schema.ts). */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Adds a document to a base: a file (PDF, .md or .txt) the server reads, or text pasted with a
 * title; the table shows it being read. On a refusal everything typed or chosen stays, beside the
 * server's reason.
 */
export function AddDocumentForm(props: { baseId: string; onAdded: () => void }) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<Kind>("markdown");
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    setError(null);
    if (chosen.size > MAX_FILE_BYTES) {
      event.target.value = "";
      return setError(`${chosen.name} is larger than 10 MB, the most one file may be.`);
    }
    // The file's name (as much of it as a title may hold), unless the operator typed their own.
    if (title.trim() === "" || title === file?.name.slice(0, 200)) {
      setTitle(chosen.name.slice(0, 200));
    }
    setFile(chosen);
  };

  const forget = () => {
    if (title === file?.name.slice(0, 200)) setTitle("");
    setFile(null);
    if (fileInput.current) fileInput.current.value = "";
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setAdded(null);
    const result = await adminCall<{ document: DocumentView }>(
      "POST",
      knowledgePath(props.baseId, "documents"),
      file ? upload(file, title.trim()) : { title: title.trim(), kind, text },
    );
    setBusy(false);
    if (!result.ok) return setError(result.message);
    const document = result.body?.document;
    if (document) setAdded(`Added ${document.title}; reading it now.`);
    setTitle("");
    setText("");
    setFile(null);
    if (fileInput.current) fileInput.current.value = "";
    props.onAdded();
  };

  return (
    <form
      onSubmit={(event) => void add(event)}
      aria-labelledby={`${id}-legend`}
      className="flex flex-col gap-3"
    >
      <h4 id={`${id}-legend`} className="text-sm font-semibold">
        Add a document
      </h4>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-file`} className="text-sm text-zinc-300">
          Upload a file: PDF, Markdown (.md) or text (.txt), at most 10 MB
        </label>
        <input
          id={`${id}-file`}
          ref={fileInput}
          type="file"
          accept=".pdf,.md,.markdown,.txt,application/pdf,text/markdown,text/plain"
          onChange={choose}
          className="text-sm text-zinc-300 file:mr-3 file:rounded-full file:border-0 file:bg-zinc-800 file:px-3 file:py-1.5 file:text-zinc-100 focus-visible:ring-2 focus-visible:ring-amber-300 focus-visible:outline-none"
        />
      </div>
      <div className="flex flex-wrap gap-3">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor={`${id}-title`} className="text-sm text-zinc-300">
            Title
          </label>
          <input
            id={`${id}-title`}
            value={title}
            required
            maxLength={200}
            onChange={(event) => setTitle(event.target.value)}
            className={FIELD}
          />
        </div>
        {!file && (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-kind`} className="text-sm text-zinc-300">
              Kind
            </label>
            <select
              id={`${id}-kind`}
              value={kind}
              onChange={(event) => setKind(event.target.value === "text" ? "text" : "markdown")}
              className={FIELD}
            >
              <option value="markdown">Markdown</option>
              <option value="text">Plain text</option>
            </select>
          </div>
        )}
      </div>
      {file ? (
        <div className="flex flex-wrap items-center gap-3">
          <p data-testid="chosen-file" className="text-sm text-zinc-300">
            {file.name} ({size(file.size)}) is read by the server when you add it.
          </p>
          <button type="button" onClick={forget} className={QUIET_BUTTON}>
            Paste text instead
          </button>
        </div>
      ) : (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-text`} className="text-sm text-zinc-300">
            Text <span className="text-zinc-400">(paste it, or upload a file above)</span>
          </label>
          <textarea
            id={`${id}-text`}
            value={text}
            required
            rows={6}
            onChange={(event) => setText(event.target.value)}
            className={`resize-y font-mono text-sm ${FIELD}`}
          />
        </div>
      )}
      {error && (
        <p role="alert" className={ERROR_TEXT}>
          {error}
        </p>
      )}
      <p role="status" className="text-sm text-zinc-300 empty:hidden">
        {added}
      </p>
      <div>
        <button type="submit" disabled={busy} className={PRIMARY_BUTTON}>
          {busy ? "Adding…" : "Add document"}
        </button>
      </div>
    </form>
  );
}

/** A file as the server's multipart upload takes it; it tells the kind from the file itself. */
function upload(file: File, title: string): FormData {
  const form = new FormData();
  form.append("file", file);
  form.append("title", title);
  return form;
}
