// The worker's transcript hand-over against the app's real route: an interrupted (empty) line and
// a backlog larger than the app's body limit still arrive whole, and a batch the app refuses
// never holds back the lines after it.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { TRANSCRIPT_BODY_MAX_BYTES } from "@/lib/contract";
import { setUpEquosApp } from "@/test/equos-app";

import { readWorkerEnv } from "../env";
import { reportTranscript } from "./report-transcript";
import { Transcript } from "./transcript";

const closes: Array<() => unknown> = [];
afterEach(() => {
  for (const close of closes.splice(0)) close();
});

/** Serves `answer` on a real socket, recording each request body's size. */
async function serve(answer: (req: IncomingMessage, body: Buffer, res: ServerResponse) => unknown) {
  const sizes: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      sizes.push(body.length);
      void answer(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closes.push(() => server.close());
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sizes };
}

describe("handing the transcript to the app", () => {
  const ctx = setUpEquosApp();

  /** The app's transcript route, on a socket. */
  const appOnSocket = () =>
    serve(async (req, body, res) => {
      const id = decodeURIComponent(req.url?.split("/")[4] ?? "");
      const answer = await ctx.app.browser().call(
        "POST /api/worker/sessions/:id/transcript",
        { id },
        {
          body: new Uint8Array(body),
          headers: {
            authorization: req.headers.authorization ?? "",
            "content-type": "application/json",
          },
        },
      );
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(JSON.stringify(answer.body));
    });

  it(
    "sends no empty line, and a backlog over the body limit in batches that fit",
    { timeout: 120_000 },
    async () => {
      const app = await appOnSocket();
      const session = await ctx.app
        .browser()
        .call<{ session: { id: string } }>("POST /api/sessions", {}, { json: {} });
      const id = session.body.session.id;
      const transcript = new Transcript();
      transcript.add("assistant", "Hello! I'm Jeremy.");
      // LiveKit Agents records "" for a reply interrupted before any of it went out.
      transcript.add("assistant", "");
      for (let i = 0; i < 700; i++) transcript.add("user", `${i} ${"x".repeat(3990)}`);

      const env = readWorkerEnv({ NODE_ENV: "test", APP_URL: app.url });
      const lines = transcript.unsent();
      const { handed, error } = await reportTranscript(env, id, lines, () => {});
      expect(error).toBeUndefined();
      expect(handed).toBe(lines.length);

      expect(app.sizes.length).toBeGreaterThan(1);
      expect(Math.max(...app.sizes)).toBeLessThanOrEqual(TRANSCRIPT_BODY_MAX_BYTES);
      const stored = await (
        await ctx.app.db()
      ).transcriptLine.findMany({ where: { sessionId: id }, orderBy: { seq: "asc" } });
      expect(stored).toHaveLength(701);
      expect(stored.every((line) => line.text.length > 0)).toBe(true);
      expect(stored.map((line) => line.seq)).toEqual(stored.map((_, i) => i));
    },
  );

  it("counts a batch the app refuses as handed over, so later lines still go", async () => {
    const bodies: string[] = [];
    const app = await serve((_, body, res) => {
      bodies.push(body.toString());
      // The first report is refused for good, as a 4xx says; later ones are taken.
      if (bodies.length === 1) return res.writeHead(400).end('{"error":{"code":"BAD_REQUEST"}}');
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"stored":1,"refused":[]}');
    });
    const env = readWorkerEnv({ NODE_ENV: "test", APP_URL: app.url });
    const transcript = new Transcript();
    const handOver = async () => {
      const { handed } = await reportTranscript(
        env,
        "ses_0123456789abcdef0123456789abcdef",
        transcript.unsent(),
        () => {},
      );
      transcript.markSent(handed);
    };
    transcript.add("assistant", "First.");
    await handOver();
    transcript.add("user", "Second.");
    await handOver();
    expect(bodies.map((body) => (JSON.parse(body) as { lines: unknown[] }).lines.length)).toEqual([
      1, 1,
    ]);
    expect(bodies[1]).toContain("Second.");
    expect(transcript.unsent()).toEqual([]);
  });
});
