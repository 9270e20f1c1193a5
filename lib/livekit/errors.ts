import "server-only";

import { ServerError } from "livekit-server-sdk";

import { ProviderError } from "@/lib/providers/errors";

/** Maps a failed LiveKit server API call onto the provider failure it means for a session. */
export function fromLiveKitError(error: unknown, action: string): ProviderError {
  if (error instanceof ServerError) {
    const detail = `LiveKit ${action} failed with ${error.status}: ${error.message}`;
    const refused = error.status >= 400 && error.status < 500 && error.status !== 429;
    if (error.status === 404 || error.code === "not_found")
      return new ProviderError("not_found", detail, { refused });
    if (error.status === 503) return new ProviderError("unavailable", detail);
    return new ProviderError("error", detail, { retryable: error.status >= 500, refused });
  }
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return new ProviderError("timeout", `LiveKit ${action} timed out`, { cause: error });
  }
  return new ProviderError("unavailable", `LiveKit could not be reached to ${action}`, {
    cause: error,
  });
}
