import { formatDuration } from "./use-countdown";
import type { PauseState } from "./use-pause";

interface PausedPanelProps {
  state: Extract<PauseState, { phase: "paused" | "resuming" }>;
  pauseMaxSeconds: number;
  /** The name of the face the conversation shows. */
  avatarName: string;
  onResume: () => void;
  onEnd: () => void;
}

/** The paused conversation: nothing is billed; resume to carry on, or end it. */
export function PausedPanel({
  state,
  pauseMaxSeconds,
  avatarName,
  onResume,
  onEnd,
}: PausedPanelProps) {
  const resuming = state.phase === "resuming";
  return (
    <div
      data-testid="conversation-paused"
      className="short:gap-2 short:p-3 flex flex-col items-center gap-4 p-8 text-center"
    >
      <h2 id="conversation-title" className="text-2xl font-semibold">
        Paused
      </h2>
      <p className="text-zinc-300">
        {avatarName} has stepped out, and the time is not counted. Resume within{" "}
        {formatDuration(pauseMaxSeconds)} to carry on where you were.
      </p>
      {state.phase === "paused" && state.error && (
        <p role="alert" className="text-sm text-red-200">
          {state.error}
        </p>
      )}
      <div className="flex gap-3">
        <button
          type="button"
          data-testid="resume"
          onClick={onResume}
          disabled={resuming}
          autoFocus
          className="rounded-full bg-amber-400 px-6 py-2.5 font-semibold text-zinc-950 hover:bg-amber-300 focus-visible:ring-4 focus-visible:ring-amber-200 focus-visible:outline-none disabled:opacity-70"
        >
          {!resuming ? "Resume" : state.warming ? `${avatarName} is getting ready…` : "Resuming…"}
        </button>
        <button
          type="button"
          data-testid="end-paused"
          onClick={onEnd}
          className="rounded-full border border-zinc-600 px-6 py-2.5 font-semibold text-zinc-100 hover:bg-zinc-800 focus-visible:ring-4 focus-visible:ring-amber-200 focus-visible:outline-none"
        >
          End
        </button>
      </div>
    </div>
  );
}
