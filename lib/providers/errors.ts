/** How a provider call failed, in terms the session service can act on. */
export type ProviderFailure =
  | "unavailable" // could not reach the provider, or it said it is overloaded
  | "timeout" // no answer in time
  | "quota" // the account's plan or credit is used up
  | "not_found" // the provider does not know the session
  | "error"; // anything else the provider got wrong or refused

// A brand rather than class identity: see AppError in lib/errors.ts.
const PROVIDER_ERROR = Symbol.for("talk-to-jeremy.ProviderError");

export class ProviderError extends Error {
  readonly [PROVIDER_ERROR] = true;
  readonly failure: ProviderFailure;
  /** True when trying the same idempotent call again may succeed. */
  readonly retryable: boolean;
  /**
   * True when the provider answered with a refusal (a 4xx): the request did nothing. Any other
   * failure of a start (no answer, a 5xx, a 2xx we could not use) may have left a session
   * running, so the ledger keeps looking for it.
   */
  readonly refused: boolean;

  constructor(
    failure: ProviderFailure,
    message: string,
    options: { cause?: unknown; retryable?: boolean; refused?: boolean } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "ProviderError";
    this.failure = failure;
    this.retryable = options.retryable ?? (failure === "unavailable" || failure === "timeout");
    this.refused = options.refused ?? false;
  }
}

/** True for a ProviderError from any copy of this module. */
export function isProviderError(error: unknown): error is ProviderError {
  return typeof error === "object" && error !== null && PROVIDER_ERROR in error;
}
