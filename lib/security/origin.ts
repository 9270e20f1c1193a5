import { AppError } from "@/lib/errors";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Refuses (403) a state-changing request that another site's page may have sent. A browser
 * names the sending page in Origin on every POST, fetch and navigator.sendBeacon alike; it must
 * be one of `appOrigins` (APP_ORIGIN) or, when those are not configured, have the host the
 * request was sent to. Without Origin, Sec-Fetch-Site decides: same-origin or absent (a server
 * or an old browser calling) passes, anything else is refused.
 */
export function checkSameOrigin(request: Request, appOrigins?: readonly string[]): void {
  if (!STATE_CHANGING.has(request.method.toUpperCase())) return;
  // A bearer-authenticated caller (LiveKit, the worker, operators, cron) has no ambient
  // credential a foreign page could ride on, and no page can add Authorization to a
  // cross-origin request without a CORS preflight, which this app never grants.
  if (request.headers.has("authorization")) return;
  if (!isSameOrigin(request, appOrigins)) {
    throw new AppError("FORBIDDEN", "This request came from another website, so it was refused.");
  }
}

function isSameOrigin(request: Request, appOrigins?: readonly string[]): boolean {
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  if (origin === null) return site === null || site === "same-origin";
  // "null" is what sandboxed frames and privacy-sensitive redirects send: trust only the browser.
  if (origin === "null") return site === "same-origin";
  if (appOrigins && appOrigins.length > 0) return appOrigins.includes(origin);
  return sameHost(origin, request.headers.get("host") ?? new URL(request.url).host);
}

function sameHost(origin: string, host: string): boolean {
  try {
    const from = new URL(origin);
    // Parse the Host header under the origin's scheme, so default ports compare equal.
    return from.host === new URL(`${from.protocol}//${host}`).host;
  } catch {
    return false;
  }
}
