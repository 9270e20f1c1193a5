"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { BRAND } from "@/lib/brand";
import { adminCall, knowledgePath } from "@/lib/client/admin-api";
import type { BaseView } from "@/lib/knowledge/store";

import { DANGER_BUTTON, ERROR_TEXT, QUIET_BUTTON } from "./admin-styles";
import { KnowledgeBaseDetail } from "./knowledge-base-detail";
import { NewBaseForm } from "./new-base-form";

/**
 * The knowledge bases: make one, offer it on the landing page or stop, delete it, and open one
 * to see, add and search its documents. Every change goes through the admin API.
 */
export function KnowledgePanel({ bases }: { bases: BaseView[] }) {
  const router = useRouter();
  const [openId, setOpenId] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = bases.find((base) => base.id === openId);

  const change = async (base: BaseView, method: "PATCH" | "DELETE", body?: unknown) => {
    setBusyId(base.id);
    setError(null);
    const result = await adminCall(method, knowledgePath(base.id), body);
    setBusyId(null);
    if (!result.ok) setError(`${base.name}: ${result.message}`);
    router.refresh();
    return result.ok;
  };
  const remove = async (base: BaseView) => {
    const documents = base.documents === 1 ? "its 1 document" : `its ${base.documents} documents`;
    if (!window.confirm(`Delete the knowledge base "${base.name}" and ${documents}?`)) return;
    if ((await change(base, "DELETE")) && openId === base.id) setOpenId(null);
  };

  return (
    <section aria-labelledby="knowledge-title" className="flex flex-col gap-3">
      <h2 id="knowledge-title" className="text-lg font-semibold">
        Knowledge bases
      </h2>
      <p className="text-sm text-zinc-300">
        Documents {BRAND.avatarName} can look things up in during a conversation. Visitors may
        choose the bases offered on the landing page.
      </p>
      <NewBaseForm
        onCreated={(base) => {
          setOpenId(base.id);
          router.refresh();
        }}
      />
      {error && (
        <p role="alert" className={ERROR_TEXT}>
          {error}
        </p>
      )}
      {bases.length === 0 ? (
        <p className="text-sm text-zinc-300">No knowledge bases yet.</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table data-testid="knowledge-bases" className="w-full min-w-[32rem] text-left text-sm">
            <thead className="text-zinc-300">
              <tr>
                <th className="py-1 pr-3 font-medium">Name</th>
                <th className="py-1 pr-3 font-medium">On the landing page</th>
                <th className="py-1 pr-3 text-right font-medium">Documents</th>
                <th className="py-1 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {bases.map((base) => (
                <tr key={base.id} className="border-t border-zinc-800">
                  <td className="py-1.5 pr-3">{base.name}</td>
                  <td className="py-1.5 pr-3">
                    <input
                      type="checkbox"
                      aria-label={`Offer ${base.name} on the landing page`}
                      checked={base.isPublic}
                      disabled={busyId === base.id}
                      onChange={(event) =>
                        void change(base, "PATCH", { isPublic: event.target.checked })
                      }
                      className="size-4 accent-amber-400"
                    />
                  </td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{base.documents}</td>
                  <td className="flex justify-end gap-2 py-1.5">
                    <button
                      type="button"
                      aria-expanded={openId === base.id}
                      onClick={() => setOpenId(openId === base.id ? null : base.id)}
                      className={QUIET_BUTTON}
                    >
                      {openId === base.id ? "Close" : "Open"}
                      <span className="sr-only"> {base.name}</span>
                    </button>
                    <button
                      type="button"
                      disabled={busyId === base.id}
                      onClick={() => void remove(base)}
                      className={DANGER_BUTTON}
                    >
                      Delete<span className="sr-only"> {base.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && <KnowledgeBaseDetail key={open.id} base={open} onChanged={() => router.refresh()} />}
    </section>
  );
}
