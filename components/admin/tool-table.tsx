import type { ToolView } from "@/lib/tools/store";

import { DANGER_BUTTON } from "./admin-styles";

interface ToolTableProps {
  tools: ToolView[];
  /** The tool being changed or deleted: its controls wait. */
  busyId: string | null;
  onOffer: (tool: ToolView, isPublic: boolean) => void;
  onDelete: (tool: ToolView) => void;
}

/** The declared tools: what each calls and how, whether visitors may enable it, its calls. */
export function ToolTable({ tools, busyId, onOffer, onDelete }: ToolTableProps) {
  return (
    <div className="relative overflow-x-auto">
      <table data-testid="tools" className="w-full min-w-[40rem] text-left text-sm">
        <thead className="text-zinc-300">
          <tr>
            <th className="py-1 pr-3 font-medium">Name</th>
            <th className="py-1 pr-3 font-medium">Request</th>
            <th className="py-1 pr-3 font-medium">Offered to visitors</th>
            <th className="py-1 pr-3 font-medium">Secret header</th>
            <th className="py-1 pr-3 text-right font-medium">Timeout</th>
            <th className="py-1 pr-3 text-right font-medium">Calls</th>
            <th className="py-1 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tools.map((tool) => (
            <tr key={tool.id} className="border-t border-zinc-800 align-top">
              <td className="py-1.5 pr-3">
                <span className="font-mono">{tool.name}</span>
                <span className="line-clamp-2 max-w-60 text-xs text-zinc-400">
                  {tool.description}
                </span>
              </td>
              {/* A long URL breaks anywhere, but not into a column a few letters wide. */}
              <td className="min-w-48 py-1.5 pr-3">
                <span className="font-mono text-xs">{tool.method}</span>{" "}
                <span className="font-mono text-xs break-all">{tool.url}</span>
              </td>
              <td className="py-1.5 pr-3">
                <input
                  type="checkbox"
                  aria-label={`Offer ${tool.name} to visitors`}
                  checked={tool.isPublic}
                  disabled={busyId === tool.id}
                  onChange={(event) => onOffer(tool, event.target.checked)}
                  className="size-4 accent-amber-400"
                />
              </td>
              <td className="py-1.5 pr-3 font-mono text-xs">
                {tool.secretHeaderName ?? <span className="font-sans text-zinc-400">none</span>}
              </td>
              <td className="py-1.5 pr-3 text-right whitespace-nowrap tabular-nums">
                {seconds(tool.timeoutMs)}
              </td>
              <td className="py-1.5 pr-3 text-right tabular-nums">{tool.calls}</td>
              <td className="flex justify-end py-1.5">
                <button
                  type="button"
                  disabled={busyId === tool.id}
                  onClick={() => onDelete(tool)}
                  className={DANGER_BUTTON}
                >
                  Delete<span className="sr-only"> {tool.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A timeout as a person reads it: 5000 → "5 s", 2500 → "2.5 s". */
export function seconds(ms: number): string {
  return `${ms / 1000} s`;
}
