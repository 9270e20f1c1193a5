// Loads the real route handlers with a chosen environment and calls them as a browser would,
// cookies included. Each load starts from fresh modules, so lib/env.ts reads the new values.
import { NextRequest } from "next/server";
import { vi } from "vitest";

import { resetSingletons } from "@/lib/singletons";

const BASE_URL = "http://localhost:3000";

type Handler = (
  request: NextRequest,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

const routes = {
  "POST /api/sessions": () => import("@/app/api/sessions/route").then((m) => m.POST),
  "GET /api/sessions/:id": () => import("@/app/api/sessions/[id]/route").then((m) => m.GET),
  "POST /api/sessions/:id/stop": () =>
    import("@/app/api/sessions/[id]/stop/route").then((m) => m.POST),
  "POST /api/sessions/:id/pause": () =>
    import("@/app/api/sessions/[id]/pause/route").then((m) => m.POST),
  "POST /api/sessions/:id/resume": () =>
    import("@/app/api/sessions/[id]/resume/route").then((m) => m.POST),
  "GET /api/sessions/:id/transcript": () =>
    import("@/app/api/sessions/[id]/transcript/route").then((m) => m.GET),
  "POST /api/sessions/:id/heartbeat": () =>
    import("@/app/api/sessions/[id]/heartbeat/route").then((m) => m.POST),
  "GET /api/cron/reap": () => import("@/app/api/cron/reap/route").then((m) => m.GET),
  "POST /api/livekit/webhook": () => import("@/app/api/livekit/webhook/route").then((m) => m.POST),
  "GET /api/health": () => import("@/app/api/health/route").then((m) => m.GET),
  "GET /api/faces": () => import("@/app/api/faces/route").then((m) => m.GET),
  "GET /api/knowledge": () => import("@/app/api/knowledge/route").then((m) => m.GET),
  "POST /api/worker/capacity": () => import("@/app/api/worker/capacity/route").then((m) => m.POST),
  "POST /api/worker/sessions/:id/avatar-job": () =>
    import("@/app/api/worker/sessions/[id]/avatar-job/route").then((m) => m.POST),
  "POST /api/worker/sessions/:id/knowledge": () =>
    import("@/app/api/worker/sessions/[id]/knowledge/route").then((m) => m.POST),
  "POST /api/worker/sessions/:id/tools/:name": () =>
    import("@/app/api/worker/sessions/[id]/tools/[name]/route").then((m) => m.POST),
  "GET /api/tools": () => import("@/app/api/tools/route").then((m) => m.GET),
  "GET /api/admin/tools": () => import("@/app/api/admin/tools/route").then((m) => m.GET),
  "POST /api/admin/tools": () => import("@/app/api/admin/tools/route").then((m) => m.POST),
  "PATCH /api/admin/tools/:id": () =>
    import("@/app/api/admin/tools/[id]/route").then((m) => m.PATCH),
  "DELETE /api/admin/tools/:id": () =>
    import("@/app/api/admin/tools/[id]/route").then((m) => m.DELETE),
  "POST /api/worker/sessions/:id/transcript": () =>
    import("@/app/api/worker/sessions/[id]/transcript/route").then((m) => m.POST),
  "POST /api/admin/session": () => import("@/app/api/admin/session/route").then((m) => m.POST),
  "DELETE /api/admin/session": () => import("@/app/api/admin/session/route").then((m) => m.DELETE),
  "GET /api/admin/usage": () => import("@/app/api/admin/usage/route").then((m) => m.GET),
  "GET /api/admin/sessions": () => import("@/app/api/admin/sessions/route").then((m) => m.GET),
  "GET /api/admin/sessions/:id": () =>
    import("@/app/api/admin/sessions/[id]/route").then((m) => m.GET),
  "POST /api/admin/sessions/:id/stop": () =>
    import("@/app/api/admin/sessions/[id]/stop/route").then((m) => m.POST),
  "GET /api/admin/knowledge": () => import("@/app/api/admin/knowledge/route").then((m) => m.GET),
  "POST /api/admin/knowledge": () => import("@/app/api/admin/knowledge/route").then((m) => m.POST),
  "PATCH /api/admin/knowledge/:id": () =>
    import("@/app/api/admin/knowledge/[id]/route").then((m) => m.PATCH),
  "DELETE /api/admin/knowledge/:id": () =>
    import("@/app/api/admin/knowledge/[id]/route").then((m) => m.DELETE),
  "GET /api/admin/knowledge/:id/documents": () =>
    import("@/app/api/admin/knowledge/[id]/documents/route").then((m) => m.GET),
  "POST /api/admin/knowledge/:id/documents": () =>
    import("@/app/api/admin/knowledge/[id]/documents/route").then((m) => m.POST),
  "DELETE /api/admin/knowledge/:id/documents/:documentId": () =>
    import("@/app/api/admin/knowledge/[id]/documents/[documentId]/route").then((m) => m.DELETE),
  "POST /api/admin/knowledge/:id/documents/:documentId/refetch": () =>
    import("@/app/api/admin/knowledge/[id]/documents/[documentId]/refetch/route").then(
      (m) => m.POST,
    ),
  "GET /api/admin/knowledge/:id/search": () =>
    import("@/app/api/admin/knowledge/[id]/search/route").then((m) => m.GET),
} as const;

export type RouteName = keyof typeof routes;

/** Every route the tests can call, as "METHOD /path/:param". */
export const ROUTE_NAMES = Object.keys(routes) as RouteName[];

/** Closes the database the loaded app opened, if any, and forgets what it built on it. */
export async function closeApp() {
  await resetSingletons();
}

export interface TestResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** Loads the app with `env` on top of the test process's environment. */
export async function loadApp(env: Record<string, string | undefined>) {
  await closeApp();
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  vi.resetModules();

  const handlers = new Map<RouteName, Handler>();
  for (const name of Object.keys(routes) as RouteName[]) {
    handlers.set(name, (await routes[name]()) as Handler);
  }
  return {
    /** A browser with its own cookie jar. */
    browser: () => new TestBrowser(handlers),
    db: async () => (await import("@/lib/db")).getDb(),
  };
}

interface RequestOptions {
  query?: Record<string, string>;
  json?: unknown;
  /** A stream is sent as it is pulled (with no Content-Length), a form as multipart. */
  body?: string | Uint8Array | FormData | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
  cookies?: boolean;
}

export class TestBrowser {
  private cookies = new Map<string, string>();

  constructor(private readonly handlers: Map<RouteName, Handler>) {}

  async call<T = Record<string, unknown>>(
    name: RouteName,
    params: Record<string, string> = {},
    options: RequestOptions = {},
  ): Promise<TestResponse<T>> {
    const [method, pattern] = name.split(" ") as [string, string];
    const filled = pattern.replace(/:(\w+)/g, (_, key: string) =>
      encodeURIComponent(params[key] ?? ""),
    );
    const path = options.query ? `${filled}?${new URLSearchParams(options.query)}` : filled;
    const headers = new Headers(options.headers);
    if (options.json !== undefined && !headers.has("content-type")) {
      headers.set("content-type", "application/json");
    }
    if (options.cookies !== false && this.cookies.size > 0) {
      headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    }
    const body = (options.json !== undefined ? JSON.stringify(options.json) : options.body) as
      BodyInit | undefined;
    const duplex = body instanceof ReadableStream ? { duplex: "half" as const } : {};
    const request = new NextRequest(new URL(path, BASE_URL), { method, headers, body, ...duplex });
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No handler loaded for ${name}`);
    const response = await handler(request, { params: Promise.resolve(params) });
    this.keepCookies(response.headers);
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text ? JSON.parse(text) : {}) as T,
    };
  }

  private keepCookies(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const index = pair.indexOf("=");
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
  }
}
