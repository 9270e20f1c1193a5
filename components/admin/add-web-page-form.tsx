"use client";

import { type FormEvent, useId, useState } from "react";

import { adminCall, knowledgePath } from "@/lib/client/admin-api";
import type { DocumentView } from "@/lib/knowledge/store";

import { ERROR_TEXT, FIELD, PRIMARY_BUTTON } from "./admin-styles";

/**
 * Adds a web page to a base by its URL; the server fetches it in the background (the table shows
 * how far) and keeps the URL so that it can be fetched again. On a refusal (a URL it will not
 * fetch) the URL and title stay, beside the server's reason.
 */
export function AddWebPageForm(props: { baseId: string; onAdded: () => void }) {
  const id = useId();
  const [url, setUrl] = useState("");
  const [title, setTitle] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setAdded(null);
    const result = await adminCall<{ document: DocumentView }>(
      "POST",
      knowledgePath(props.baseId, "documents"),
      { url: url.trim(), ...(title.trim() ? { title: title.trim() } : {}) },
    );
    setBusy(false);
    if (!result.ok) return setError(result.message);
    const document = result.body?.document;
    if (document) setAdded(`Added ${document.title}; fetching it now.`);
    setUrl("");
    setTitle("");
    props.onAdded();
  };

  return (
    <form
      onSubmit={(event) => void add(event)}
      aria-labelledby={`${id}-legend`}
      aria-busy={busy}
      className="flex flex-col gap-3"
    >
      <h4 id={`${id}-legend`} className="text-sm font-semibold">
        Add a web page
      </h4>
      <div className="flex flex-wrap gap-3">
        <div className="flex min-w-0 flex-[2] flex-col gap-1">
          <label htmlFor={`${id}-url`} className="text-sm text-zinc-300">
            Page URL
          </label>
          <input
            id={`${id}-url`}
            type="url"
            value={url}
            required
            maxLength={2048}
            placeholder="https://"
            onChange={(event) => setUrl(event.target.value)}
            className={FIELD}
          />
        </div>
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor={`${id}-title`} className="text-sm text-zinc-300">
            Page title <span className="text-zinc-400">(optional: the page&rsquo;s own)</span>
          </label>
          <input
            id={`${id}-title`}
            value={title}
            maxLength={200}
            onChange={(event) => setTitle(event.target.value)}
            className={FIELD}
          />
        </div>
      </div>
      {error && (
        <p role="alert" className={ERROR_TEXT}>
          {error}
        </p>
      )}
      <p role="status" className="text-sm text-zinc-300 empty:hidden">
        {busy ? "Adding the page…" : added}
      </p>
      <div>
        <button type="submit" disabled={busy} className={PRIMARY_BUTTON}>
          {busy ? "Adding…" : "Add page"}
        </button>
      </div>
    </form>
  );
}
