import { ConversationSummary } from "./conversation-summary";
import { formatDuration } from "./use-countdown";
import type { StopState } from "./use-session-stop";

type Finished = Exclude<StopState, { phase: "active" }>;

const titles = (name: string): Record<Finished["reason"], string> => ({
  hangup: "Conversation ended",
  page_closed: "Conversation ended",
  avatar_timeout: `${name} could not join`,
  avatar_left: `${name} left`,
  face_failed: `${name} could not start`,
  max_duration: "Time's up",
});

const explanations = (name: string): Partial<Record<Finished["reason"], string>> => ({
  avatar_timeout:
    "He didn't arrive in time, so we ended the session: you won't be charged for waiting.",
  avatar_left: `${name} left the conversation, so we ended the session.`,
  face_failed: `The service that shows ${name} did not start, so we ended the session. Try another face, or try again later.`,
  max_duration: "This conversation reached its time limit.",
});

interface EndedPanelProps {
  state: Finished;
  sessionId: string;
  /** The name of the face the conversation showed. */
  avatarName: string;
  onClose: () => void;
  onTalkAgain: () => void;
}

/** The end of a conversation: what happened, how long you talked, and what was said. */
export function EndedPanel({
  state,
  sessionId,
  avatarName,
  onClose,
  onTalkAgain,
}: EndedPanelProps) {
  const explanation = explanations(avatarName)[state.reason];
  return (
    <div
      data-testid="conversation-ended"
      data-reason={state.reason}
      className="short:gap-2 short:p-3 flex min-h-0 flex-col items-center gap-4 p-8 text-center"
    >
      <h2 id="conversation-title" className="text-2xl font-semibold">
        {state.phase === "stopping" ? "Ending the conversation…" : titles(avatarName)[state.reason]}
      </h2>
      {explanation && <p className="text-zinc-300">{explanation}</p>}
      {state.phase === "stopping" && (
        <p role="status" data-testid="stop-pending" className="text-sm text-zinc-400">
          {stoppingMessage(state)}
        </p>
      )}
      {state.phase === "stopped" && (
        <p data-testid="summary" className="text-zinc-300">
          {state.session.durationSeconds
            ? `You talked with ${avatarName} for ${formatDuration(state.session.durationSeconds)}.`
            : "The session is closed."}
        </p>
      )}
      {state.phase === "stopped" && <ConversationSummary sessionId={sessionId} />}
      {state.phase === "failed" && <p className="text-sm text-red-200">{state.message}</p>}
      {state.phase !== "stopping" && (
        <div className="flex shrink-0 gap-3">
          <button
            type="button"
            data-testid="talk-again"
            onClick={onTalkAgain}
            className="rounded-full bg-amber-400 px-6 py-2.5 font-semibold text-zinc-950 hover:bg-amber-300 focus-visible:ring-4 focus-visible:ring-amber-200 focus-visible:outline-none"
          >
            Talk again
          </button>
          <button
            type="button"
            data-testid="close-conversation"
            onClick={onClose}
            className="rounded-full border border-zinc-600 px-6 py-2.5 font-semibold text-zinc-100 hover:bg-zinc-800 focus-visible:ring-4 focus-visible:ring-amber-200 focus-visible:outline-none"
          >
            Close
          </button>
        </div>
      )}
    </div>
  );
}

/** Ending usually takes a moment; when it takes longer, say plainly what is going on. */
function stoppingMessage(state: Extract<Finished, { phase: "stopping" }>): string {
  if (state.offline)
    return "You're offline. We'll end the session as soon as your connection is back.";
  if (state.serverPending) {
    return state.attempts > 4
      ? "Ending is taking longer than usual. The server keeps trying until the session is closed; you can leave this page."
      : "Ending…";
  }
  return state.attempts > 1
    ? `Still trying to reach the server (attempt ${state.attempts})…`
    : "One moment…";
}
