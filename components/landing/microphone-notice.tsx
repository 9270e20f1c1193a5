import { BRAND } from "@/lib/brand";
import type { MicrophoneCheck } from "@/lib/client/microphone";

const MESSAGES: Record<Exclude<MicrophoneCheck, "granted">, { title: string; body: string }> = {
  denied: {
    title: `${BRAND.avatarName} can't hear you: microphone access is blocked.`,
    body: "Allow the microphone for this site, then try again. In Chrome or Edge, click the icon left of the address and switch Microphone to Allow. In Safari, open Settings for This Website. In Firefox, click the microphone icon in the address bar and remove the block.",
  },
  missing: {
    title: "No microphone was found.",
    body: "Connect a microphone or headset (or check that it is switched on), then try again.",
  },
  unsupported: {
    title: "This browser can't share a microphone here.",
    body: "Open the page in a current version of Chrome, Edge, Firefox or Safari, over https or on localhost.",
  },
  failed: {
    title: "Your microphone could not be opened.",
    body: "Another app may be using it. Close it, or pick another microphone in your system settings, then try again.",
  },
};

/** Says plainly why no conversation started, and how to fix it. Nothing was started or billed. */
export function MicrophoneNotice({
  problem,
  onRetry,
}: {
  problem: Exclude<MicrophoneCheck, "granted">;
  onRetry: () => void;
}) {
  const message = MESSAGES[problem];
  return (
    <div
      role="alert"
      data-testid="microphone-problem"
      className="w-full space-y-3 rounded-2xl border border-amber-500/40 bg-amber-950/40 p-5 text-left"
    >
      <p className="font-semibold text-amber-100">{message.title}</p>
      <p className="text-sm text-amber-100/80">{message.body}</p>
      <button
        type="button"
        onClick={onRetry}
        className="rounded-full border border-amber-300/60 px-4 py-1.5 text-sm font-medium text-amber-100 hover:bg-amber-300/10 focus-visible:ring-2 focus-visible:ring-amber-200 focus-visible:outline-none"
      >
        Try again
      </button>
    </div>
  );
}
