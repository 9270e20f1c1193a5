// A stand-in for the Equos API, for tests: a real HTTP server on loopback that speaks the
// documented contract of both API versions (v1 sessions, v3 conversations; see
// ./fake-equos-api.ts). It checks the API key, validates bodies, records every call, and can be
// told to fail, hang, or run out of quota.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { sleep } from "@/lib/sleep";

import {
  asConversation,
  asSession,
  EQUOS_ROOMS_URL,
  routeOf,
  v1CreateBody,
  v3CreateBody,
  type FakeCharacter,
  type FakeConversation,
  type FakeEquosRoute,
  type FakeEquosVersion,
} from "./fake-equos-api";

export type { FakeEquosRoute } from "./fake-equos-api";

export interface RecordedCall {
  route: FakeEquosRoute | "unknown";
  version: FakeEquosVersion | undefined;
  method: string;
  path: string;
  apiKey: string | undefined;
  body: unknown;
}

interface Fault {
  times: number;
  status?: number;
  /** The answer's JSON body; `null` is sent as JSON null. */
  body?: unknown;
  hang?: boolean;
  /**
   * On create: create the conversation first, then never answer (with `hang`: a lost response)
   * or answer `status` (default 201) with `body` (default `{}`: a body the app cannot use).
   */
  afterCreating?: boolean;
}

/** The character every v3 test talks to. */
export const FAKE_CHARACTER: FakeCharacter = {
  id: "char_jeremy",
  name: "Jeremy",
  livekitIdentity: "equos-avatar",
  face: {
    id: "face_jeremy",
    thumbnailUrl: "https://cdn.fake-equos.test/faces/jeremy-thumb.png",
    referenceImgUrl: "https://cdn.fake-equos.test/faces/jeremy.png",
  },
};

export class FakeEquos {
  readonly apiKey = `eq_test_${randomBytes(8).toString("hex")}`;
  readonly calls: RecordedCall[] = [];
  /** Every session (v1) or conversation (v3), by id. */
  readonly sessions = new Map<string, FakeConversation>();
  /** Leave the consumer token out of create responses, as a broken API might. */
  omitConsumerToken = false;
  /** v3: leave `conversation.character` out of start answers (the OpenAPI document does). */
  omitCharacterFromStart = false;
  /** v3: how a successful stop answers: the conversation, JSON null, or an empty body. */
  stopAnswer: "conversation" | "null" | "empty" = "conversation";
  /** Milliseconds every answer takes, so that concurrent callers overlap. */
  latencyMs = 0;
  /** The most sessions that were running at once. */
  peakRunning = 0;
  /** List every session whatever `client` asks for, as an API that ignored the filter would. */
  ignoreClientFilter = false;
  private readonly faults = new Map<FakeEquosRoute, Fault[]>();
  private readonly holds = new Map<FakeEquosRoute, Array<Promise<void>>>();
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

  /**
   * A session created as if by a start whose answer never reached the app; returns its id. v3
   * lists it with `status` while it runs (default "running").
   */
  createUnseen(client: string, status?: string): string {
    const session = this.store({
      name: `Talk to Jeremy ${client}`,
      client,
      avatar: FAKE_CHARACTER,
    });
    session.status = status;
    return session.id;
  }

  /** Lines said in a conversation, as Equos records them (user's or the character's). */
  say(id: string, lines: Array<{ byUser: boolean; text: string }>) {
    const conversation = this.sessions.get(id);
    if (!conversation) throw new Error(`No fake conversation ${id}`);
    conversation.said = [
      ...(conversation.said ?? []),
      ...lines.map((line) => ({ ...line, at: new Date().toISOString() })),
    ];
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

  /**
   * The next call to `route` waits, unanswered, until the returned function is called; then it
   * is answered as it would have been at that moment (a caller stalled mid-request).
   */
  holdNext(route: FakeEquosRoute): () => void {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    this.holds.set(route, [...(this.holds.get(route) ?? []), held]);
    return release;
  }

  /** Ends every fault still queued: the API behaves again. */
  clearFaults() {
    this.faults.clear();
  }

  reset() {
    this.calls.length = 0;
    this.sessions.clear();
    this.faults.clear();
    this.holds.clear();
    this.omitConsumerToken = false;
    this.omitCharacterFromStart = false;
    this.stopAnswer = "conversation";
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
    const matched = routeOf(req.method ?? "", url.pathname);
    const apiKey = req.headers["x-api-key"];
    this.calls.push({
      route: matched?.route ?? "unknown",
      version: matched?.version,
      method: req.method ?? "",
      path: url.pathname + url.search,
      apiKey: typeof apiKey === "string" ? apiKey : undefined,
      body,
    });

    if (this.latencyMs > 0) await sleep(this.latencyMs);
    if (apiKey !== this.apiKey)
      return send(res, 401, { message: "Invalid API key", code: "UNAUTHORIZED" });
    if (!matched) return send(res, 404, { message: "Not found" });
    const { route, version } = matched;
    const held = this.holds.get(route)?.shift();
    if (held) await held;

    const fault = this.takeFault(route);
    if (fault?.afterCreating && route === "create") {
      this.create(version, body);
      // Created, but the answer is lost (hang) or unusable: only a search by our tag finds it.
      if (fault.hang) return;
      return send(res, fault.status ?? 201, "body" in fault ? fault.body : {});
    }
    if (fault?.hang) return; // never answer; the client's timeout must end the call
    if (fault) {
      const answer = "body" in fault ? fault.body : { message: "Internal server error" };
      return send(res, fault.status ?? 500, answer);
    }

    const id = decodeURIComponent(url.pathname.split("/")[3] ?? "");
    if (route === "create") return this.answerCreate(res, version, body);
    if (route === "list") return this.list(res, version, url.searchParams);
    if (route === "character") {
      if (id !== FAKE_CHARACTER.id) return send(res, 404, { message: `Character ${id} not found` });
      return send(res, 200, { ...FAKE_CHARACTER, organizationId: "org_fake" });
    }
    const session = this.sessions.get(id);
    if (!session) return send(res, 404, { message: `Session ${id} not found` });
    if (route === "stop") return this.stop(res, version, session, body);
    return send(res, 200, version === "v1" ? asSession(session) : asConversation(session));
  }

  private answerCreate(res: ServerResponse, version: FakeEquosVersion, body: unknown) {
    const created = this.create(version, body);
    if ("error" in created) {
      return send(res, created.status, { message: created.error, code: "VALIDATION_ERROR" });
    }
    const { session, hosted } = created;
    const tokens = {
      ...(this.omitConsumerToken || hosted
        ? {}
        : { consumerAccessToken: `consumer-token-${session.id}` }),
      remoteAgentAccessToken: `agent-token-${session.id}`,
    };
    if (version === "v1") return send(res, 201, { session: asSession(session), ...tokens });
    const conversation = asConversation(session, !this.omitCharacterFromStart);
    send(res, 201, { conversation, ...tokens });
  }

  private create(
    version: FakeEquosVersion,
    body: unknown,
  ): { session: FakeConversation; hosted: boolean } | { status: number; error: string } {
    if (version === "v1") {
      const parsed = v1CreateBody.safeParse(body);
      if (!parsed.success)
        return { status: 400, error: `Invalid session: ${parsed.error.message}` };
      const request = parsed.data;
      const avatar =
        "id" in request.avatar ? { identity: "equos-avatar", name: "Jeremy" } : request.avatar;
      const session = this.store({
        ...request,
        avatar,
        maxSeconds: request.maxDuration,
        promptCtx: request.additionalCtx,
        consumer: request.consumerIdentity,
      });
      return { session, hosted: request.host !== undefined };
    }
    const parsed = v3CreateBody.safeParse(body);
    if (!parsed.success)
      return { status: 400, error: `Invalid conversation: ${parsed.error.message}` };
    const request = parsed.data;
    if (request.characterId !== FAKE_CHARACTER.id) {
      return { status: 404, error: `Character ${request.characterId} not found` };
    }
    const session = this.store({ ...request, avatar: FAKE_CHARACTER });
    return { session, hosted: request.host !== undefined };
  }

  private store(request: {
    name: string;
    client?: string;
    host?: { serverUrl: string };
    avatar: { identity?: string; livekitIdentity?: string; name: string };
    maxSeconds?: number;
    promptCtx?: string;
    consumer?: { identity: string; name: string };
    characterId?: string;
  }): FakeConversation {
    const id = `eqs_${randomBytes(8).toString("hex")}`;
    const session: FakeConversation = {
      id,
      name: request.name,
      client: request.client,
      serverUrl: request.host?.serverUrl ?? EQUOS_ROOMS_URL,
      avatar: {
        identity: request.avatar.identity ?? request.avatar.livekitIdentity ?? "equos-avatar",
        name: request.avatar.name,
      },
      maxSeconds: request.maxSeconds ?? null,
      promptCtx: request.promptCtx,
      consumer: request.consumer,
      characterId: request.characterId,
      startedAt: new Date().toISOString(),
      endedAt: null,
    };
    this.sessions.set(id, session);
    this.peakRunning = Math.max(this.peakRunning, this.running().length);
    return session;
  }

  private stop(
    res: ServerResponse,
    version: FakeEquosVersion,
    session: FakeConversation,
    body: unknown,
  ) {
    if (version === "v1") {
      if (body !== undefined && (typeof body !== "object" || body === null)) {
        return send(res, 400, { message: "Body must be a JSON object" });
      }
      session.endedAt ??= new Date().toISOString();
      return send(res, 200, asSession(session));
    }
    // v3: "Returns null if already stopped" (the SDK's own words).
    const wasRunning = session.endedAt === null;
    session.endedAt ??= new Date().toISOString();
    if (!wasRunning || this.stopAnswer === "null") return send(res, 200, null);
    if (this.stopAnswer === "empty") return sendEmpty(res, 200);
    return send(res, 200, asConversation(session));
  }

  private list(res: ServerResponse, version: FakeEquosVersion, query: URLSearchParams) {
    const skip = Number(query.get("skip") ?? 0);
    // Equos answers at most 50 rows a page, whatever `take` asks for.
    const take = Math.min(50, Number(query.get("take") ?? 20));
    const client = query.get("client");
    const all = [...this.sessions.values()].filter(
      (s) => client === null || this.ignoreClientFilter || s.client === client,
    );
    const page = all.slice(skip, skip + take);
    if (version === "v1") {
      return send(res, 200, { skip, take, total: all.length, sessions: page.map(asSession) });
    }
    const conversations = page.map((s) => asConversation(s));
    send(res, 200, { skip, take, total: all.length, conversations });
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

function sendEmpty(res: ServerResponse, status: number) {
  res.writeHead(status);
  res.end();
}
