// The one error type. Every failure a client can see is an AppError with a code; its response
// is always `{ "error": { "code", "message" } }` with the matching status.

const STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  PROVIDER_ERROR: 502,
  PROVIDER_UNAVAILABLE: 503,
  PROVIDER_QUOTA_EXCEEDED: 503,
  SERVICE_UNAVAILABLE: 503,
  AVATAR_BUSY: 503,
  AVATAR_WARMING: 503,
  PROVIDER_TIMEOUT: 504,
} as const;

export type ErrorCode = keyof typeof STATUS;

interface AppErrorOptions {
  cause?: unknown;
  retryAfterSeconds?: number;
}

// Recognised by a brand, not by class identity: under `next dev` the instrumentation hook and the
// route handlers load separate copies of this module, so `instanceof` fails across them.
const APP_ERROR = Symbol.for("talk-to-jeremy.AppError");

export class AppError extends Error {
  readonly [APP_ERROR] = true;
  readonly code: ErrorCode;
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return STATUS[this.code];
  }

  toResponse(): Response {
    const headers = new Headers({ "Cache-Control": "no-store" });
    if (this.retryAfterSeconds !== undefined) {
      headers.set("Retry-After", String(Math.max(1, Math.ceil(this.retryAfterSeconds))));
    }
    return Response.json(
      { error: { code: this.code, message: this.message } },
      { status: this.status, headers },
    );
  }
}

/** True for an AppError from any copy of this module. */
export function isAppError(error: unknown): error is AppError {
  return typeof error === "object" && error !== null && APP_ERROR in error;
}

/** Turns anything thrown in a route into a response; unexpected errors are logged, not shown. */
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    if (error.status >= 500) console.error(`[${error.code}] ${error.message}`, error.cause ?? "");
    return error.toResponse();
  }
  console.error("Unexpected error in a route handler", error);
  return new AppError(
    "INTERNAL",
    "Something went wrong on our side. Please try again.",
  ).toResponse();
}
