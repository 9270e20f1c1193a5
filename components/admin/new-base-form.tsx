"use client";

import { type FormEvent, useId, useState } from "react";

import { adminCall } from "@/lib/client/admin-api";
import type { BaseView } from "@/lib/knowledge/store";

import { ERROR_TEXT, FIELD, PRIMARY_BUTTON } from "./admin-styles";

/** Creates a knowledge base; what was typed stays put when the server refuses it. */
export function NewBaseForm({ onCreated }: { onCreated: (base: BaseView) => void }) {
  const id = useId();
  const [name, setName] = useState("");
  const [isPublic, setIsPublic] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await adminCall<{ base: BaseView }>("POST", "/api/admin/knowledge", {
      name,
      isPublic,
    });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    if (result.body) onCreated(result.body.base);
    setName("");
    setIsPublic(false);
  };

  return (
    <form
      onSubmit={(event) => void create(event)}
      aria-label="New knowledge base"
      className="flex flex-wrap items-end gap-3"
    >
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-name`} className="text-sm text-zinc-300">
          New base&apos;s name
        </label>
        <input
          id={`${id}-name`}
          value={name}
          required
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
          className={FIELD}
        />
      </div>
      <label className="flex items-center gap-2 py-2 text-sm text-zinc-200">
        <input
          type="checkbox"
          checked={isPublic}
          onChange={(event) => setIsPublic(event.target.checked)}
          className="size-4 accent-amber-400"
        />
        Offer on the landing page
      </label>
      <button type="submit" disabled={busy} className={PRIMARY_BUTTON}>
        {busy ? "Creating…" : "Create base"}
      </button>
      {error && (
        <p role="alert" className={`w-full ${ERROR_TEXT}`}>
          {error}
        </p>
      )}
    </form>
  );
}
