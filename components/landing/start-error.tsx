import { BRAND } from "@/lib/brand";
import type { SessionApiError } from "@/lib/client/session-api";

/** Why the conversation could not start, in the server's words, kindly framed. */
export function StartError({ error }: { error: SessionApiError }) {
  const title =
    error.code === "RATE_LIMITED"
      ? "Let's take a short break."
      : error.code === "AVATAR_BUSY" || error.code === "AVATAR_WARMING"
        ? `${BRAND.avatarName} is busy right now.`
        : `${BRAND.avatarName} couldn't start the conversation.`;
  return (
    <div
      role="alert"
      data-testid="start-error"
      data-code={error.code}
      className="w-full space-y-1 rounded-2xl border border-red-500/30 bg-red-950/30 p-5 text-left"
    >
      <p className="font-semibold text-red-100">{title}</p>
      <p className="text-sm text-red-100/80">{error.message}</p>
    </div>
  );
}
