// The server's fetch of an operator's URL, against real servers on 127.0.0.1: what it refuses,
// where it stops reading, and when it gives up.
import { gzipSync } from "node:zlib";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { endlessPage, startPageServer } from "@/test/page-server";

import { fetchPage, parsePageUrl } from "./fetch-page";

let server: Awaited<ReturnType<typeof startPageServer>>;
let endlessWritten: Promise<number> | null = null;
const local = new Set(["localhost"]);

beforeAll(async () => {
  server = await startPageServer({
    "/hello": (_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end("Hello."),
    "/silent": () => undefined,
    "/trickle": (_req, res) => {
      endlessWritten = endlessPage(res, {
        contentType: "text/html",
        chunk: "<p>x",
        intervalMs: 50,
      });
    },
    "/bomb": (_req, res) =>
      res
        .writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" })
        .end(gzipSync(Buffer.alloc(8 * 1024 * 1024, "a"))),
    "/to-hello": (_req, res) => res.writeHead(302, { location: "/hello" }).end(),
    "/to-nowhere": (_req, res) => res.writeHead(302, { location: "http://[::1" }).end(),
    "/to-loopback": (_req, res) =>
      res.writeHead(301, { location: `http://127.0.0.2:${server.port}/hello` }).end(),
  });
});
afterAll(() => server.close());

const at = (path: string, host = "localhost") =>
  parsePageUrl(`http://${host}:${server.port}${path}`);

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown as { code: string; message: string },
  );
  expect(error).not.toBeNull();
  return error!;
}

describe("fetchPage", () => {
  it("fetches an allowed host's page, following a redirect", async () => {
    const page = await fetchPage(at("/to-hello"), { allowedHosts: local });
    expect(page).toMatchObject({ url: at("/hello").href, type: "text/plain" });
    expect(new TextDecoder().decode(page.body)).toBe("Hello.");
  });

  it("refuses a redirect to an address that is no URL as the page's fault, a 400", async () => {
    const error = await failure(fetchPage(at("/to-nowhere"), { allowedHosts: local }));
    expect(error).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/redirected to an address that is not a URL/),
    });
  });

  it("refuses a loopback address unless its host is allowed, and on a redirect hop too", async () => {
    const direct = await failure(fetchPage(at("/hello", "127.0.0.1"), { allowedHosts: local }));
    expect(direct).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/127\.0\.0\.1 is a private/),
    });
    const named = await failure(fetchPage(at("/hello"), { allowedHosts: new Set() }));
    expect(named.message).toMatch(/localhost \(127\.0\.0\.1\) is a private/);
    const hop = await failure(fetchPage(at("/to-loopback"), { allowedHosts: local }));
    expect(hop.message).toMatch(/127\.0\.0\.2 is a private/);
  });

  it.each([
    "file:///etc/passwd",
    "ftp://example.com/",
    "javascript:alert(1)",
    "http://user:pw@example.com/",
    "not a url",
  ])("refuses %s", (url) => {
    expect(() => parsePageUrl(url)).toThrow(/url: must/);
  });

  it("gives up on a server that never answers, in the time allowed", async () => {
    const error = await failure(fetchPage(at("/silent"), { allowedHosts: local, timeoutMs: 300 }));
    expect(error).toMatchObject({
      code: "PROVIDER_TIMEOUT",
      message: expect.stringMatching(/within 0.3 s/),
    });
  });

  it("gives up on a page that trickles forever, and hangs up on it", async () => {
    const error = await failure(fetchPage(at("/trickle"), { allowedHosts: local, timeoutMs: 500 }));
    expect(error.code).toBe("PROVIDER_TIMEOUT");
    expect(await endlessWritten).toBeGreaterThan(0);
  });

  it("stops at the size limit counted after decompression (a gzip bomb)", async () => {
    const error = await failure(
      fetchPage(at("/bomb"), { allowedHosts: local, maxBytes: 1024 * 1024 }),
    );
    expect(error).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: expect.stringMatching(/larger than 1 MiB/),
    });
  });
});
