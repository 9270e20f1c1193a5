// The socket's address reaches route handlers as a stamp no client can forge: over a real
// socket, a request that sends its own X-Forwarded-For and its own stamp is still known by the
// address it connected from.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

import { describe, expect, it } from "vitest";

import { clientAddress } from "./client-address";
import { PEER_HEADER, peerAddress, stampPeerAddresses } from "./peer-address";

/** What a handler of a server in this process reads from one request sent with `headers`. */
async function seenBy(headers: Record<string, string>) {
  const server = createServer((request: IncomingMessage, response) => {
    const web = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === "string") web.set(name, value);
    }
    response.end(
      JSON.stringify({
        peer: peerAddress(web),
        client: clientAddress(web, { header: null, hopsFromRight: 1, salt: "s" }),
        forwarded: web.get("x-forwarded-for"),
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`, { headers });
    return (await response.json()) as { peer: string | null; client: string | null };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("peer addresses", () => {
  const forged = { "x-forwarded-for": "203.0.113.66", [PEER_HEADER]: "guess 203.0.113.67" };

  it("without stamping, no request has one: a forged stamp is not believed", async () => {
    expect(await seenBy(forged)).toMatchObject({ peer: null, client: null });
  });

  it("with stamping, a request carries its socket's address, whatever it sent", async () => {
    stampPeerAddresses();
    stampPeerAddresses(); // once is enough; again changes nothing
    const seen = await seenBy(forged);
    expect(seen.peer).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(seen.client).toBe(seen.peer);
    expect(seen).toMatchObject({ forwarded: "203.0.113.66" });
  });
});
