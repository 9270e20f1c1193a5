import { AppError } from "@/lib/errors";
import { isProviderError } from "@/lib/providers/errors";

/** What a client is told when the avatar provider fails; the detail stays in the logs. */
export function providerFailureToAppError(error: unknown): unknown {
  if (!isProviderError(error)) return error;
  const cause = { cause: error };
  switch (error.failure) {
    case "unavailable":
      return new AppError(
        "PROVIDER_UNAVAILABLE",
        "The avatar service is unavailable right now. Please try again in a moment.",
        { ...cause, retryAfterSeconds: 5 },
      );
    case "timeout":
      return new AppError("PROVIDER_TIMEOUT", "The avatar service did not answer in time.", cause);
    case "quota":
      return new AppError(
        "PROVIDER_QUOTA_EXCEEDED",
        "The avatar service's usage limit has been reached. Please try again later.",
        cause,
      );
    default:
      return new AppError(
        "PROVIDER_ERROR",
        "The avatar service could not handle the request.",
        cause,
      );
  }
}

export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 1000);
}
