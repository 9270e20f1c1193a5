"use client";

import { useEffect, useRef } from "react";

/** Escape asks before ending: "End the conversation?" */
export function HangUpConfirm({
  onConfirm,
  onCancel,
}: {
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const keepTalking = useRef<HTMLButtonElement>(null);
  useEffect(() => keepTalking.current?.focus(), []);
  return (
    <div
      role="alertdialog"
      aria-labelledby="hang-up-title"
      className="absolute inset-0 z-10 flex items-center justify-center bg-black/70 p-6"
    >
      <div className="w-full max-w-sm space-y-4 rounded-2xl border border-zinc-700 bg-zinc-900 p-6 text-center">
        <p id="hang-up-title" className="text-lg font-semibold">
          End the conversation?
        </p>
        <div className="flex justify-center gap-3">
          <button
            ref={keepTalking}
            type="button"
            onClick={onCancel}
            className="rounded-full border border-zinc-600 px-4 py-2 font-medium hover:bg-zinc-800 focus-visible:ring-2 focus-visible:ring-amber-300 focus-visible:outline-none"
          >
            Keep talking
          </button>
          <button
            type="button"
            data-testid="confirm-hang-up"
            onClick={onConfirm}
            className="rounded-full bg-red-600 px-4 py-2 font-semibold text-white hover:bg-red-700 focus-visible:ring-2 focus-visible:ring-red-200 focus-visible:outline-none"
          >
            Hang up
          </button>
        </div>
      </div>
    </div>
  );
}
