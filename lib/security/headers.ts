// Security headers for every response. next.config.mjs imports this file at build time (the
// headers become part of the build), so it must stay free of server-only imports.

export interface SecurityHeaderOptions {
  /** The LiveKit server the page connects to, or null when the provider hosts the rooms. */
  livekitUrl: string | null;
  /** Also allow LiveKit Cloud hosts: rooms hosted by the provider, or region failover. */
  livekitCloud: boolean;
  /** More connect-src sources (CSP_CONNECT_SRC). */
  extraConnectSrc: readonly string[];
  /** Where the avatar's picture on the landing page may come from (see avatarImageSources). */
  imageSources?: readonly string[];
  mode: "development" | "test" | "production";
}

const LIVEKIT_CLOUD = ["wss://*.livekit.cloud", "https://*.livekit.cloud"];
const LOOPBACK = new Set(["127.0.0.1", "localhost"]);

/** The sources the page may open connections to for a LiveKit URL: its WebSocket and HTTP forms. */
export function livekitSources(url: string): string[] {
  const parsed = new URL(url);
  const secure = parsed.protocol === "wss:" || parsed.protocol === "https:";
  const port = parsed.port ? `:${parsed.port}` : "";
  // The dev server listens on 127.0.0.1; a page opened as localhost may reach it by either name.
  const hosts = LOOPBACK.has(parsed.hostname) ? [...LOOPBACK] : [parsed.hostname];
  return hosts.flatMap((host) => [
    `${secure ? "wss" : "ws"}://${host}${port}`,
    // livekit-client also fetches over HTTP: /rtc/validate, and /settings/regions on Cloud.
    `${secure ? "https" : "http"}://${host}${port}`,
  ]);
}

/**
 * The Content-Security-Policy: only this app's own scripts, styles and media, connections only
 * to the app and the LiveKit server in use, and no framing. Next's inline bootstrap scripts and
 * styles need 'unsafe-inline' (a nonce would make every page dynamic); in development its
 * hot reloading also needs eval and a WebSocket.
 */
export function contentSecurityPolicy(options: SecurityHeaderOptions): string {
  const development = options.mode === "development";
  const livekitHost = options.livekitUrl ? new URL(options.livekitUrl).hostname : "";
  const connect = new Set([
    "'self'",
    ...(options.livekitUrl ? livekitSources(options.livekitUrl) : []),
    ...(options.livekitCloud || livekitHost.endsWith(".livekit.cloud") ? LIVEKIT_CLOUD : []),
    ...options.extraConnectSrc,
    ...(development ? ["ws:"] : []),
  ]);
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", ...(development ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", ...(options.imageSources ?? [])],
    "font-src": ["'self'", "data:"],
    "media-src": ["'self'", "blob:"],
    "connect-src": [...connect],
    "worker-src": ["'self'", "blob:"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "frame-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** Every security header the app sends, in next.config.mjs `headers()` form. */
export function securityHeaders(
  options: SecurityHeaderOptions,
): Array<{ key: string; value: string }> {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(options) },
    {
      key: "Permissions-Policy",
      value: "microphone=(self), camera=(), geolocation=(), display-capture=()",
    },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    // Browsers honour HSTS only over HTTPS, which production deployments are served on.
    ...(options.mode === "production"
      ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
      : []),
  ];
}
