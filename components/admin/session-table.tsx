"use client";

import { useRouter } from "next/navigation";
import { Fragment, useState } from "react";

import type { AdminSessionView } from "@/lib/admin/sessions";

interface SessionTableProps {
  title: string;
  testId: string;
  sessions: AdminSessionView[];
  empty: string;
}

type Transcript = Array<{ seq: number; role: string; text: string }>;

/** Sessions with their state, a Stop for any not over, and each one's transcript on request. */
export function SessionTable({ title, testId, sessions, empty }: SessionTableProps) {
  const router = useRouter();
  const [open, setOpen] = useState<{ id: string; lines: Transcript | null } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const stop = async (id: string) => {
    setError(null);
    const response = await fetch(`/api/admin/sessions/${encodeURIComponent(id)}/stop`, {
      method: "POST",
    }).catch(() => null);
    if (!response?.ok) setError(`Could not stop ${id}; it stays in the list.`);
    router.refresh();
  };

  const showTranscript = async (id: string) => {
    if (open?.id === id) return setOpen(null);
    setOpen({ id, lines: null });
    const response = await fetch(`/api/admin/sessions/${encodeURIComponent(id)}`).catch(() => null);
    const body = (await response?.json().catch(() => null)) as {
      session?: { transcript?: Transcript };
    } | null;
    setOpen({ id, lines: body?.session?.transcript ?? [] });
  };

  return (
    <section aria-labelledby={`${testId}-title`} className="flex flex-col gap-2">
      <h2 id={`${testId}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      {error && (
        <p role="alert" className="text-sm text-red-200">
          {error}
        </p>
      )}
      {sessions.length === 0 ? (
        <p className="text-sm text-zinc-300">{empty}</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table data-testid={testId} className="w-full min-w-[40rem] text-left text-sm">
            <thead className="text-zinc-300">
              <tr>
                <th className="py-1 pr-3 font-medium">Session</th>
                <th className="py-1 pr-3 font-medium">Provider</th>
                <th className="py-1 pr-3 font-medium">Face</th>
                <th className="py-1 pr-3 font-medium">Status</th>
                <th className="py-1 pr-3 font-medium">Ended because</th>
                <th className="py-1 pr-3 text-right font-medium">Talked</th>
                <th className="py-1 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <Fragment key={session.id}>
                  <tr className="border-t border-zinc-800">
                    <td className="py-1.5 pr-3 font-mono text-xs" title={session.id}>
                      {session.id.slice(0, 12)}…
                    </td>
                    <td className="py-1.5 pr-3">{session.provider}</td>
                    <td className="py-1.5 pr-3">{session.face}</td>
                    <td className="py-1.5 pr-3">{session.status}</td>
                    <td className="py-1.5 pr-3">{session.endReason ?? "—"}</td>
                    <td className="py-1.5 pr-3 text-right tabular-nums">
                      {session.talkedSeconds} s
                    </td>
                    <td className="flex justify-end gap-2 py-1.5">
                      <button
                        type="button"
                        aria-expanded={open?.id === session.id}
                        onClick={() => void showTranscript(session.id)}
                        className="rounded-full border border-zinc-600 px-3 py-1 text-xs text-zinc-100 hover:bg-zinc-800 focus-visible:ring-2 focus-visible:ring-amber-300 focus-visible:outline-none"
                      >
                        Transcript<span className="sr-only"> of {session.id}</span>
                      </button>
                      {session.status !== "ENDED" && session.status !== "FAILED" && (
                        <button
                          type="button"
                          onClick={() => void stop(session.id)}
                          className="rounded-full bg-red-700 px-3 py-1 text-xs font-semibold text-white hover:bg-red-800 focus-visible:ring-2 focus-visible:ring-red-200 focus-visible:outline-none"
                        >
                          Stop<span className="sr-only"> {session.id}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                  {open?.id === session.id && (
                    <tr>
                      <td colSpan={7} className="pb-3">
                        <TranscriptLines lines={open.lines} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Who said a transcript line; `tool`: a function tool the avatar's model called. */
const SPEAKERS: Record<string, string> = { user: "User", assistant: "Avatar", tool: "Tool" };

function TranscriptLines({ lines }: { lines: Transcript | null }) {
  if (lines === null) return <p className="text-zinc-300">Loading…</p>;
  if (lines.length === 0) return <p className="text-zinc-300">No transcript.</p>;
  return (
    <ol data-testid="admin-transcript" className="space-y-1 rounded-xl bg-zinc-900/60 p-3">
      {lines.map((line) => (
        <li key={line.seq}>
          <span className="font-semibold">{SPEAKERS[line.role] ?? line.role}:</span>{" "}
          <span className="text-zinc-300">{line.text}</span>
        </li>
      ))}
    </ol>
  );
}
