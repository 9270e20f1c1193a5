// A stand-in for the Equos API v1 (sessions), for tests: a real HTTP server on loopback that
// speaks the documented contract (../shared/reference/provider-apis.md). It checks the API key,
// validates bodies, records every call, and can be told to fail, hang, or run out of quota.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { z } from "zod";

export type FakeEquosRoute = "create" | "stop" | "get" | "list";

export interface RecordedCall {
  route: FakeEquosRoute | "unknown";
  method: string;
  path: string;
  apiKey: string | undefined;
  body: unknown;
}

interface Fault {
  times: number;
  status?: number;
  body?: unknown;
  hang?: boolean;
  /** With `hang` on create: create the session first, then never answer (a lost response). */
  afterCreating?: boolean;
}

const createBody = z.strictObject({
  name: z.string().min(1),
  client: z.string().optional(),
  avatar: z.union([
    z.strictObject({ id: z.string().min(1) }),
    z.strictObject({
      identity: z.string().min(1),
      name: z.string().min(1),
      refImage: z.string().min(1),
    }),
  ]),
  agent: z
    .union([
      z.strictObject({ id: z.string().min(1) }),
      z.strictObject({
        provider: z.enum(["openai", "gemini", "elevenlabs"]),
        model: z.string().optional(),
        voice: z.string().optional(),
        instructions: z.string().optional(),
        greetingMsg: z.string().optional(),
      }),
    ])
    .optional(),
  consumerIdentity: z
    .strictObject({ identity: z.string().min(1), name: z.string().min(1) })
    .optional(),
  host: z.strictObject({ serverUrl: z.string().min(1), accessToken: z.string().min(1) }).optional(),
  maxDuration: z.number().int().positive().optional(),
  additionalCtx: z.string().optional(),
  templateVars: z.record(z.string(), z.string()).optional(),
});

interface FakeSession {
  id: string;
  name: string;
  status: string;
  client?: string;
  host: { serverUrl: string };
  avatar: { id: string; identity: string; name: string; thumbnailUrl: string | null };
  maxDuration: number | null;
  startedAt: string;
  endedAt: string | null;
}

export class FakeEquos {
  readonly apiKey = `eq_test_${randomBytes(8).toString("hex")}`;
  readonly calls: RecordedCall[] = [];
  readonly sessions = new Map<string, FakeSession>();
  /** Leave the consumer token out of create responses, as a broken API might. */
  omitConsumerToken = false;
  /** Milliseconds every answer takes, so that concurrent callers overlap. */
  latencyMs = 0;
  /** The most sessions that were running at once. */
  peakRunning = 0;
  /** List every session whatever `client` asks for, as an API that ignored the filter would. */
  ignoreClientFilter = false;
  private readonly faults = new Map<FakeEquosRoute, Fault[]>();
  private readonly server = createServer((req, res) => void this.handle(req, res));
  private port = 0;

  static async start(): Promise<FakeEquos> {
    const fake = new FakeEquos();
    // Outlast the client's idle keep-alive (undici: 4 s), so the server never closes a socket
    // just as the client reuses it (an ECONNRESET a real load balancer would not cause).
    fake.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  callsTo(route: FakeEquosRoute) {
    return this.calls.filter((call) => call.route === route);
  }

  /** How many stop calls each Equos session received. */
  stopCallsPerSession(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const call of this.callsTo("stop")) {
      const id = decodeURIComponent(call.path.split("/")[3] ?? "");
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }

  /** A session created as if by a start whose answer never reached the app; returns its id. */
  createUnseen(client: string): string {
    const created = this.createSession({
      name: `Talk to Jeremy ${client}`,
      client,
      avatar: { id: "avatar_jeremy" },
    });
    if ("error" in created) throw new Error(created.error);
    return created.id;
  }

  running() {
    return [...this.sessions.values()].filter((session) => session.endedAt === null);
  }

  /** The next `times` calls to `route` fail as described (or hang, never answering). */
  failNext(route: FakeEquosRoute, fault: Fault) {
    this.faults.set(route, [...(this.faults.get(route) ?? []), fault]);
  }

  /** Answers starts the way Equos does when a free plan's quota is used up. */
  exhaustQuota(times = 1) {
    this.failNext("create", {
      times,
      status: 403,
      body: {
        message: "FREEMIUM_LIMIT: the free plan's session minutes are used up",
        code: "FREEMIUM_LIMIT",
      },
    });
  }

  reset() {
    this.calls.length = 0;
    this.sessions.clear();
    this.faults.clear();
    this.omitConsumerToken = false;
    this.latencyMs = 0;
    this.peakRunning = 0;
    this.ignoreClientFilter = false;
  }

  async close() {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", this.url);
    const raw = await readBody(req);
    const body = raw === "" ? undefined : safeJson(raw);
    const route = routeOf(req.method ?? "", url.pathname);
    const apiKey = req.headers["x-api-key"];
    this.calls.push({
      route,
      method: req.method ?? "",
      path: url.pathname + url.search,
      apiKey: typeof apiKey === "string" ? apiKey : undefined,
      body,
    });

    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    if (apiKey !== this.apiKey)
      return send(res, 401, { message: "Invalid API key", code: "UNAUTHORIZED" });
    if (route === "unknown") return send(res, 404, { message: "Not found" });

    const fault = this.takeFault(route);
    if (fault?.hang && fault.afterCreating && route === "create") {
      this.createSession(body);
      return; // created, but the answer is lost: only a search by our tag can find it
    }
    if (fault?.hang) return; // never answer; the client's timeout must end the call
    if (fault)
      return send(res, fault.status ?? 500, fault.body ?? { message: "Internal server error" });

    if (route === "create") return this.create(res, body);
    const id = decodeURIComponent(url.pathname.split("/")[3] ?? "");
    if (route === "list") return this.list(res, url.searchParams);
    const session = this.sessions.get(id);
    if (!session) return send(res, 404, { message: `Session ${id} not found` });
    if (route === "stop") {
      if (body !== undefined && (typeof body !== "object" || body === null)) {
        return send(res, 400, { message: "Body must be a JSON object" });
      }
      session.endedAt ??= new Date().toISOString();
      session.status = "ended";
    }
    return send(res, 200, session);
  }

  private create(res: ServerResponse, body: unknown) {
    const created = this.createSession(body);
    if ("error" in created) {
      return send(res, 400, { message: created.error, code: "VALIDATION_ERROR" });
    }
    const { id, session, request } = created;
    send(res, 201, {
      session,
      ...(this.omitConsumerToken || request.host
        ? {}
        : { consumerAccessToken: `consumer-token-${id}` }),
      remoteAgentAccessToken: `agent-token-${id}`,
    });
  }

  private createSession(body: unknown) {
    const parsed = createBody.safeParse(body);
    if (!parsed.success) return { error: `Invalid session request: ${parsed.error.message}` };
    const request = parsed.data;
    const id = `eqs_${randomBytes(8).toString("hex")}`;
    const avatar =
      "id" in request.avatar
        ? { id: request.avatar.id, identity: "equos-avatar", name: "Jeremy", thumbnailUrl: null }
        : {
            id: `av_${id}`,
            identity: request.avatar.identity,
            name: request.avatar.name,
            thumbnailUrl: null,
          };
    const session: FakeSession = {
      id,
      name: request.name,
      status: "starting",
      client: request.client,
      host: { serverUrl: request.host?.serverUrl ?? "wss://fake-equos.livekit.test" },
      avatar,
      maxDuration: request.maxDuration ?? null,
      startedAt: new Date().toISOString(),
      endedAt: null,
    };
    this.sessions.set(id, session);
    this.peakRunning = Math.max(this.peakRunning, this.running().length);
    return { id, session, request };
  }

  private list(res: ServerResponse, query: URLSearchParams) {
    const skip = Number(query.get("skip") ?? 0);
    const take = Number(query.get("take") ?? 20);
    const client = query.get("client");
    const all = [...this.sessions.values()].filter(
      (s) => client === null || this.ignoreClientFilter || s.client === client,
    );
    send(res, 200, { skip, take, total: all.length, sessions: all.slice(skip, skip + take) });
  }

  private takeFault(route: FakeEquosRoute): Fault | undefined {
    const queue = this.faults.get(route);
    const fault = queue?.[0];
    if (!queue || !fault) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) queue.shift();
    return fault;
  }
}

function routeOf(method: string, path: string): FakeEquosRoute | "unknown" {
  if (method === "POST" && path === "/v1/sessions") return "create";
  if (method === "GET" && path === "/v1/sessions") return "list";
  if (method === "PATCH" && /^\/v1\/sessions\/[^/]+\/stop$/.test(path)) return "stop";
  if (method === "GET" && /^\/v1\/sessions\/[^/]+$/.test(path)) return "get";
  return "unknown";
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
