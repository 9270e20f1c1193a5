"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";

import type { AdminSessionView } from "@/lib/admin/sessions";
import type { UsageReport } from "@/lib/admin/usage";
import type { BaseView } from "@/lib/knowledge/store";
import type { ToolView } from "@/lib/tools/store";

import { KnowledgePanel } from "./knowledge-panel";
import { SessionTable } from "./session-table";
import { ToolsPanel } from "./tools-panel";

// The chart library loads only here, only in the browser: the public page never carries it.
const UsageChart = dynamic(() => import("./usage-chart"), {
  ssr: false,
  loading: () => <div className="h-60" aria-hidden="true" />,
});

interface AdminDashboardProps {
  usage: UsageReport;
  recent: AdminSessionView[];
  unfinished: AdminSessionView[];
  knowledge: BaseView[];
  tools: ToolView[];
}

export function AdminDashboard({
  usage,
  recent,
  unfinished,
  knowledge,
  tools,
}: AdminDashboardProps) {
  const router = useRouter();
  const signOut = async () => {
    await fetch("/api/admin/session", { method: "DELETE" }).catch(() => null);
    router.refresh();
  };
  const sessions = Object.values(usage.endReasons).reduce((total, count) => total + count, 0);

  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-8 p-4 sm:p-8">
      <header className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Usage</h1>
        <button
          type="button"
          onClick={() => void signOut()}
          className="rounded-full border border-zinc-600 px-4 py-2 text-sm font-medium text-zinc-100 hover:bg-zinc-800 focus-visible:ring-2 focus-visible:ring-amber-300 focus-visible:outline-none"
        >
          Sign out
        </button>
      </header>

      <dl data-testid="usage-totals" className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <Figure label="Billed, last 30 days" value={minutes(usage.billedSeconds)} />
        <Figure label="Sessions, last 30 days" value={String(sessions)} />
        {usage.estimatedCost !== null && (
          <Figure label="Estimated cost" value={usage.estimatedCost.toFixed(2)} />
        )}
      </dl>

      <section aria-labelledby="chart-title" className="flex flex-col gap-2">
        <h2 id="chart-title" className="text-lg font-semibold">
          Billed minutes per day
        </h2>
        <div data-testid="usage-chart" role="img" aria-label={chartSummary(usage)}>
          <UsageChart days={usage.days} />
        </div>
      </section>

      <section aria-labelledby="reasons-title" className="flex flex-col gap-2">
        <h2 id="reasons-title" className="text-lg font-semibold">
          Sessions by end reason
        </h2>
        <table data-testid="end-reasons" className="w-full max-w-md text-left text-sm">
          <thead className="text-zinc-300">
            <tr>
              <th className="py-1 font-medium">Reason</th>
              <th className="py-1 text-right font-medium">Sessions</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(usage.endReasons).map(([reason, count]) => (
              <tr key={reason} className="border-t border-zinc-800">
                <td className="py-1">{reason}</td>
                <td className="py-1 text-right tabular-nums">{count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <SessionTable
        title="Running, paused, or failing to stop"
        testId="unfinished-sessions"
        sessions={unfinished}
        empty="None: nothing is billing."
      />
      <SessionTable
        title="Recent sessions"
        testId="recent-sessions"
        sessions={recent}
        empty="No sessions yet."
      />
      <KnowledgePanel bases={knowledge} />
      <ToolsPanel tools={tools} />
    </main>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-2xl border border-zinc-800 bg-zinc-900/60 p-4">
      <dt className="text-sm text-zinc-300">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

function minutes(seconds: number): string {
  return `${Math.round((seconds / 60) * 10) / 10} min`;
}

/** The chart in words, for screen readers. */
function chartSummary(usage: UsageReport): string {
  const busiest = usage.days.reduce((top, day) => (day.seconds > top.seconds ? day : top));
  return busiest.seconds === 0
    ? "Nothing billed in the last 30 days."
    : `${minutes(usage.billedSeconds)} billed in the last 30 days; the busiest day was ${busiest.day} with ${minutes(busiest.seconds)}.`;
}
