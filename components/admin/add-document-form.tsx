"use client";

import { type ChangeEvent, type FormEvent, useId, useRef, useState } from "react";

import { adminCall, knowledgePath } from "@/lib/client/admin-api";
import type { DocumentView } from "@/lib/knowledge/store";

import { ERROR_TEXT, FIELD, PRIMARY_BUTTON } from "./admin-styles";

type Kind = "markdown" | "text";
/** The largest document the server takes (app/api/admin/knowledge/schema.ts): 2 MiB. */
const MAX_BYTES = 2 * 1024 * 1024;

/**
 * Adds a document to a base: a .md or .txt file read here in the browser, or text pasted with a
 * title. On a refusal everything typed or loaded stays, beside the server's reason.
 */
export function AddDocumentForm(props: { baseId: string; onAdded: () => void }) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<Kind>("markdown");
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setError(null);
    if (file.size > MAX_BYTES) {
      return setError(`${file.name} is larger than 2 MB, the most one document may be.`);
    }
    setText(await file.text());
    setKind(/\.(md|markdown)$/i.test(file.name) ? "markdown" : "text");
    // The file's name, unless the operator already typed a title of their own.
    if (title.trim() === "" || title === fileName) setTitle(file.name);
    setFileName(file.name);
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setAdded(null);
    const result = await adminCall<{ document: DocumentView }>(
      "POST",
      knowledgePath(props.baseId, "documents"),
      { title: title.trim(), kind, text },
    );
    setBusy(false);
    if (!result.ok) return setError(result.message);
    const document = result.body?.document;
    if (document) setAdded(`Added ${document.title}: ${document.passages} passages.`);
    setTitle("");
    setText("");
    setFileName(null);
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
          Upload a Markdown (.md) or text (.txt) file
        </label>
        <input
          id={`${id}-file`}
          ref={fileInput}
          type="file"
          accept=".md,.markdown,.txt,text/markdown,text/plain"
          onChange={(event) => void readFile(event)}
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
      </div>
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
