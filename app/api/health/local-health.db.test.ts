// GET /api/health is public: with the local avatar each check lists LiveKit's rooms and queries
// the ledger, so a burst of checks must cost one check.
import { createServer, type Server } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadApp } from "@/test/app";

/** A LiveKit address that refuses to talk, counting how often it is asked. */
let server: Server;
let connections = 0;
beforeAll(async () => {
  server = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const localEnv = () => {
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("not listening");
  return {
    NODE_ENV: "test",
    AVATAR_PROVIDER: "local",
    LIVEKIT_URL: `ws://127.0.0.1:${address.port}`,
    LIVEKIT_API_KEY: "devkey",
    LIVEKIT_API_SECRET: "secret",
    ADMIN_TOKEN: undefined,
  };
};

describe("GET /api/health with the local avatar", () => {
  it("asks LiveKit once for a burst of checks, and tells the public no address", async () => {
    // What one lone check costs (the client may try more than one connection).
    let app = await loadApp(localEnv());
    await app.db();
    connections = 0;
    const lone = await app.browser().call<{ error?: { message: string } }>("GET /api/health");
    expect(lone.status).toBe(503);
    const perCheck = connections;
    expect(perCheck).toBeGreaterThan(0);

    app = await loadApp(localEnv());
    await app.db();
    connections = 0;
    const burst = await Promise.all(
      Array.from({ length: 20 }, () =>
        app.browser().call<{ error?: { message: string } }>("GET /api/health"),
      ),
    );
    const after = await app.browser().call<{ error?: { message: string } }>("GET /api/health");
    expect([...burst, after].map((res) => res.status)).toEqual(Array(21).fill(503));
    expect(connections).toBe(perCheck);

    for (const res of [lone, after]) {
      expect(res.body.error?.message).toContain("The avatar service is not answering.");
      expect(JSON.stringify(res.body)).not.toContain("127.0.0.1");
    }
  }, 120_000);
});
