// A stand-in for LemonSlice's session API, for tests: a real HTTP server on loopback that takes
// the call LiveKit's LemonSlice plugin makes (POST /api/liveai/sessions, `X-API-Key`, a JSON body
// with the LiveKit URL and a token for the avatar) and answers as LemonSlice does
// (`{ "session_id": … }`). Then, as LemonSlice would send its renderer, it sends our own face
// (face-worker/face-session.ts) into the room with the token it was given, so the plugin, the
// avatar protocol, LiveKit and the browser are all real, and only the vendor's renderer is ours.
// It records every call and every avatar session, and can be told to refuse, hang, send no
// avatar, or have its avatar leave early.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { Room } from "@livekit/rtc-node";
import { z } from "zod";

import { runFace } from "@/face-worker/face-session";
import { PUBLISH_ON_BEHALF } from "@/face-worker/protocol";

export const LEMONSLICE_PATH = "/api/liveai/sessions";

const createBody = z
  .object({
    transport_type: z.literal("livekit"),
    properties: z.object({
      livekit_url: z.url({ protocol: /^wss?$/ }),
      livekit_token: z.string().regex(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      livekit_session_id: z.string().optional(),
    }),
    agent_id: z.string().min(1).optional(),
    agent_image_url: z.url().optional(),
    idle_timeout: z.number().int().positive().optional(),
  })
  .refine((body) => !body.agent_id !== !body.agent_image_url, {
    message: "exactly one of agent_id and agent_image_url",
  });

export interface RecordedLemonSliceCall {
  path: string;
  apiKey: string | undefined;
  body: unknown;
  status: number;
}

/** One avatar the fake sent into a room. */
export interface FakeAvatarSession {
  id: string;
  agentId: string | undefined;
  room: string;
  identity: string;
  /** The agent the avatar speaks for (`lk.publish_on_behalf` in its token). */
  agentIdentity: string;
  createdAt: number;
  joinedAt?: number;
  endedAt?: number;
  /** Why the avatar left (the agent left, the room closed, the test told it to). */
  reason?: string;
}

/** How the next creates are answered. */
export type LemonSliceBehaviour =
  | { kind: "normal" }
  | { kind: "refuse"; status: number; error: string }
  | { kind: "hang" }
  | { kind: "no-avatar" }
  | { kind: "leave-after"; ms: number };

export class FakeLemonSlice {
  readonly apiKey = `ls_test_${randomBytes(8).toString("hex")}`;
  readonly agentId = "agent_fake_jeremy";
  readonly calls: RecordedLemonSliceCall[] = [];
  readonly sessions: FakeAvatarSession[] = [];
  behaviour: LemonSliceBehaviour = { kind: "normal" };
  private readonly server = createServer((req, res) => void this.handle(req, res));
  private readonly rooms = new Set<Room>();
  private readonly hung = new Set<ServerResponse>();
  private port = 0;

  static async start(): Promise<FakeLemonSlice> {
    const fake = new FakeLemonSlice();
    fake.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** The URL to give the plugin (LEMONSLICE_API_URL). */
  get url() {
    return `http://127.0.0.1:${this.port}${LEMONSLICE_PATH}`;
  }

  /** Avatars in a room now: what LemonSlice would be billing for. */
  running(): FakeAvatarSession[] {
    return this.sessions.filter((session) => session.endedAt === undefined);
  }

  /** The worker's variables that point LemonSlice's plugin here. */
  workerEnv(): Record<string, string> {
    return {
      LEMONSLICE_API_KEY: this.apiKey,
      LEMONSLICE_AGENT_ID: this.agentId,
      LEMONSLICE_API_URL: this.url,
    };
  }

  async close() {
    for (const res of this.hung) res.destroy();
    await Promise.all([...this.rooms].map((room) => room.disconnect()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const apiKey = req.headers["x-api-key"] as string | undefined;
    const text = await readText(req);
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // recorded as sent
    }
    const answer = (status: number, json: unknown) => {
      this.calls.push({ path: req.url ?? "", apiKey, body, status });
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
    };
    if (req.method !== "POST" || req.url !== LEMONSLICE_PATH) {
      return answer(404, { error: "Not found" });
    }
    if (apiKey !== this.apiKey) return answer(401, { error: "Invalid API key" });
    const parsed = createBody.safeParse(body);
    if (!parsed.success) return answer(422, { error: parsed.error.issues[0]?.message });
    const behaviour = this.behaviour;
    if (behaviour.kind === "refuse") return answer(behaviour.status, { error: behaviour.error });
    if (behaviour.kind === "hang") {
      this.calls.push({ path: req.url, apiKey, body, status: 0 });
      this.hung.add(res);
      return;
    }
    const { livekit_url: url, livekit_token: token } = parsed.data.properties;
    const claims = tokenClaims(token);
    const session: FakeAvatarSession = {
      id: `ls_${randomBytes(6).toString("hex")}`,
      agentId: parsed.data.agent_id,
      room: claims.video?.room ?? "",
      identity: claims.sub ?? "",
      agentIdentity: claims.attributes?.[PUBLISH_ON_BEHALF] ?? "",
      createdAt: Date.now(),
    };
    answer(200, { session_id: session.id });
    if (behaviour.kind === "no-avatar") return;
    this.sessions.push(session);
    void this.sendAvatar(session, url, token, behaviour);
  }

  /** What LemonSlice does after answering: its avatar joins the room and speaks for the agent. */
  private async sendAvatar(
    session: FakeAvatarSession,
    url: string,
    token: string,
    behaviour: LemonSliceBehaviour,
  ) {
    const room = new Room();
    this.rooms.add(room);
    try {
      await room.connect(url, token, { autoSubscribe: true, dynacast: false });
      session.joinedAt = Date.now();
      if (behaviour.kind === "leave-after") {
        setTimeout(() => void room.disconnect(), behaviour.ms);
      }
      const ran = await runFace(
        room,
        { agentIdentity: session.agentIdentity },
        { fps: 15, log: () => {} },
      );
      session.reason = ran.reason;
    } catch (error) {
      session.reason = `failed: ${String(error)}`;
    } finally {
      await room.disconnect().catch(() => undefined);
      this.rooms.delete(room);
      session.endedAt = Date.now();
    }
  }
}

interface TokenClaims {
  sub?: string;
  video?: { room?: string };
  attributes?: Record<string, string>;
}

/** The claims of a LiveKit token (read, not verified: LemonSlice cannot, and need not). */
function tokenClaims(token: string): TokenClaims {
  const payload = token.split(".")[1] ?? "";
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as TokenClaims;
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
