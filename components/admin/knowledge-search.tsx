"use client";

import { type FormEvent, useId, useState } from "react";

import { BRAND } from "@/lib/brand";
import { adminCall, knowledgePath } from "@/lib/client/admin-api";
import type { Found } from "@/lib/knowledge/store";

import { ERROR_TEXT, FIELD, QUIET_BUTTON } from "./admin-styles";

/** Searches a base as a conversation would, so an operator sees what Jeremy would find. */
export function KnowledgeSearch({ baseId }: { baseId: string }) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<Found[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const search = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const q = new URLSearchParams({ q: query.trim() });
    const result = await adminCall<{ passages: Found[] }>(
      "GET",
      `${knowledgePath(baseId, "search")}?${q}`,
    );
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setFound(result.body?.passages ?? []);
  };

  return (
    <div className="flex flex-col gap-3">
      <form
        role="search"
        aria-label={`Search what ${BRAND.avatarName} would find`}
        onSubmit={(event) => void search(event)}
        className="flex flex-wrap items-end gap-3"
      >
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor={`${id}-q`} className="text-sm text-zinc-300">
            Try a question {BRAND.avatarName} might look up
          </label>
          <input
            id={`${id}-q`}
            type="search"
            value={query}
            required
            maxLength={500}
            onChange={(event) => setQuery(event.target.value)}
            className={FIELD}
          />
        </div>
        <button type="submit" disabled={busy} className={`py-2 ${QUIET_BUTTON}`}>
          {busy ? "Searching…" : "Search"}
        </button>
      </form>
      {error && (
        <p role="alert" className={ERROR_TEXT}>
          {error}
        </p>
      )}
      {found !== null && (
        <div aria-live="polite">
          {found.length === 0 ? (
            <p className="text-sm text-zinc-300">No passage matches.</p>
          ) : (
            <ol data-testid="knowledge-found" className="flex flex-col gap-2">
              {found.map((passage, i) => (
                <li
                  key={`${passage.documentId}-${i}`}
                  className="rounded-xl bg-zinc-950/60 p-3 text-sm"
                >
                  <p className="font-semibold">{passage.heading ?? "(no heading)"}</p>
                  <p className="text-xs text-zinc-400">from {passage.source}</p>
                  <p className="mt-1 whitespace-pre-line text-zinc-200">{passage.text}</p>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </div>
  );
}
