"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { BRAND } from "@/lib/brand";
import { adminCall, toolPath } from "@/lib/client/admin-api";
import type { ToolView } from "@/lib/tools/store";

import { ERROR_TEXT } from "./admin-styles";
import { NewToolForm } from "./new-tool-form";
import { ToolTable } from "./tool-table";

/**
 * The operator tools: declare one, offer it to visitors or stop, delete it. Every change goes
 * through the admin API.
 */
export function ToolsPanel({ tools }: { tools: ToolView[] }) {
  const router = useRouter();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const change = async (tool: ToolView, method: "PATCH" | "DELETE", body?: unknown) => {
    setBusyId(tool.id);
    setError(null);
    const result = await adminCall(method, toolPath(tool.id), body);
    setBusyId(null);
    if (!result.ok) setError(`${tool.name}: ${result.message}`);
    router.refresh();
  };
  const remove = (tool: ToolView) => {
    const question = `Delete the tool "${tool.name}"? Conversations that have it can no longer call it.`;
    if (window.confirm(question)) void change(tool, "DELETE");
  };

  return (
    <section aria-labelledby="tools-title" className="flex flex-col gap-3">
      <h2 id="tools-title" className="text-lg font-semibold">
        Tools
      </h2>
      <p className="text-sm text-zinc-300">
        Your own HTTP APIs that {BRAND.avatarName} may call during a conversation, with arguments
        the model chooses; the app calls only hosts listed in TOOL_ALLOWED_HOSTS.
      </p>
      {error && (
        <p role="alert" className={ERROR_TEXT}>
          {error}
        </p>
      )}
      {tools.length === 0 ? (
        <p className="text-sm text-zinc-300">No tools yet.</p>
      ) : (
        <ToolTable
          tools={tools}
          busyId={busyId}
          onOffer={(tool, isPublic) => void change(tool, "PATCH", { isPublic })}
          onDelete={remove}
        />
      )}
      <NewToolForm onCreated={() => router.refresh()} />
    </section>
  );
}
