// Stand-ins for the avatar vendors' APIs (LemonSlice, Beyond Presence, Anam), for tests: a real
// HTTP server on loopback that takes the start call each vendor documents (./fake-vendor-apis.ts),
// checks its key and body, and answers as the vendor does. Then, as the vendor would send its
// renderer, it sends our own face (face-worker/face-session.ts) into the room with the LiveKit
// token it was given: the plugin or our start call, the avatar protocol, LiveKit and the browser
// are all real, and only the vendor's renderer is ours. It records every call and every avatar,
// and can be told to refuse, hang, send no avatar, or have its avatar leave early.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { Room } from "@livekit/rtc-node";

import { runFace } from "@/face-worker/face-session";
import { PUBLISH_ON_BEHALF } from "@/face-worker/protocol";

import { VENDOR_APIS, type VendorApi, type VendorId } from "./fake-vendor-apis";

export type { VendorId } from "./fake-vendor-apis";

export interface RecordedVendorCall {
  path: string;
  /** The key (or token) the call carried, as the vendor reads it. */
  credential: string | undefined;
  body: unknown;
  /** What was answered (0: nothing, the fake hung). */
  status: number;
}

/** One avatar the fake sent into a room. */
export interface FakeAvatar {
  id: string;
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

/** How the next start calls are answered. */
export type VendorBehaviour =
  | { kind: "normal" }
  | { kind: "refuse"; status: number; error: string }
  | { kind: "hang" }
  | { kind: "no-avatar" }
  | { kind: "leave-after"; ms: number };

export class FakeAvatarVendor {
  readonly apiKey: string;
  /** The vendor's avatar (agent, avatar or persona) the worker is configured with. */
  readonly avatarId = "avatar_fake_jeremy";
  readonly calls: RecordedVendorCall[] = [];
  readonly avatars: FakeAvatar[] = [];
  behaviour: VendorBehaviour = { kind: "normal" };
  private readonly api: VendorApi;
  private readonly server = createServer((req, res) => void this.handle(req, res));
  private readonly rooms = new Set<Room>();
  private readonly hung = new Set<ServerResponse>();
  private port = 0;

  private constructor(readonly vendor: VendorId) {
    this.api = VENDOR_APIS[vendor];
    this.apiKey = `${vendor}_test_${randomBytes(8).toString("hex")}`;
  }

  static async start(vendor: VendorId): Promise<FakeAvatarVendor> {
    const fake = new FakeAvatarVendor(vendor);
    fake.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  get origin() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The worker's variables that point it here. */
  workerEnv(): Record<string, string> {
    return this.api.workerEnv(this);
  }

  /** Avatars in a room now: what the vendor would be billing for. */
  running(): FakeAvatar[] {
    return this.avatars.filter((avatar) => avatar.endedAt === undefined);
  }

  async close() {
    for (const res of this.hung) res.destroy();
    await Promise.all([...this.rooms].map((room) => room.disconnect()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const text = await readText(req);
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // recorded as sent
    }
    const path = req.url ?? "";
    const call = { path, credential: this.api.credential(req.headers), body };
    const answer = (status: number, json: unknown) => {
      this.calls.push({ ...call, status });
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
    };
    const route = this.api.routes[path];
    if (req.method !== "POST" || !route) return answer(404, { error: "Not found" });
    // The first call of a start is where a vendor refuses, or hangs.
    const behaviour = this.behaviour;
    if (route.first && behaviour.kind === "refuse") {
      return answer(behaviour.status, { error: behaviour.error });
    }
    if (route.first && behaviour.kind === "hang") {
      this.calls.push({ ...call, status: 0 });
      this.hung.add(res);
      return;
    }
    const outcome = route.take(this, call.credential, body);
    if ("refused" in outcome) return answer(outcome.status, { error: outcome.refused });
    answer(outcome.status, outcome.json);
    if (outcome.launch && behaviour.kind !== "no-avatar") {
      void this.sendAvatar(outcome.launch.url, outcome.launch.token, behaviour);
    }
  }

  /** What the vendor does after answering: its avatar joins the room and speaks for the agent. */
  private async sendAvatar(url: string, token: string, behaviour: VendorBehaviour) {
    const claims = tokenClaims(token);
    const avatar: FakeAvatar = {
      id: `av_${randomBytes(6).toString("hex")}`,
      room: claims.video?.room ?? "",
      identity: claims.sub ?? "",
      agentIdentity: claims.attributes?.[PUBLISH_ON_BEHALF] ?? "",
      createdAt: Date.now(),
    };
    this.avatars.push(avatar);
    const room = new Room();
    this.rooms.add(room);
    try {
      await room.connect(url, token, { autoSubscribe: true, dynacast: false });
      avatar.joinedAt = Date.now();
      if (behaviour.kind === "leave-after") {
        setTimeout(() => void room.disconnect(), behaviour.ms);
      }
      const ran = await runFace(
        room,
        { agentIdentity: avatar.agentIdentity },
        { fps: 15, log: () => {} },
      );
      avatar.reason = ran.reason;
    } catch (error) {
      avatar.reason = `failed: ${String(error)}`;
    } finally {
      await room.disconnect().catch(() => undefined);
      this.rooms.delete(room);
      avatar.endedAt = Date.now();
    }
  }
}

interface TokenClaims {
  sub?: string;
  video?: { room?: string };
  attributes?: Record<string, string>;
}

/** The claims of a LiveKit token (read, not verified: the vendor cannot, and need not). */
function tokenClaims(token: string): TokenClaims {
  const payload = token.split(".")[1] ?? "";
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as TokenClaims;
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
