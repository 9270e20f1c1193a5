"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

/** Sign-in with ADMIN_TOKEN; the server answers with an HttpOnly cookie. */
export function AdminSignIn() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const signIn = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const token = String(new FormData(event.currentTarget).get("token") ?? "");
    const response = await fetch("/api/admin/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token }),
    }).catch(() => null);
    setBusy(false);
    if (response?.ok) return router.refresh();
    const body = (await response?.json().catch(() => null)) as {
      error?: { message?: string };
    } | null;
    setError(body?.error?.message ?? "Could not reach the server.");
  };

  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-4 p-6">
      <h1 className="text-2xl font-semibold">Operator sign-in</h1>
      <form onSubmit={(event) => void signIn(event)} className="flex flex-col gap-3">
        <label htmlFor="admin-token" className="text-sm text-zinc-300">
          Admin token (ADMIN_TOKEN)
        </label>
        <input
          id="admin-token"
          name="token"
          type="password"
          required
          autoComplete="current-password"
          className="rounded-xl border border-zinc-700 bg-zinc-900 px-3 py-2 text-zinc-100 focus-visible:ring-2 focus-visible:ring-amber-300 focus-visible:outline-none"
        />
        {error && (
          <p role="alert" className="text-sm text-red-200">
            {error}
          </p>
        )}
        <button
          type="submit"
          disabled={busy}
          className="rounded-full bg-amber-400 px-6 py-2.5 font-semibold text-zinc-950 hover:bg-amber-300 focus-visible:ring-4 focus-visible:ring-amber-200 focus-visible:outline-none disabled:opacity-70"
        >
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
