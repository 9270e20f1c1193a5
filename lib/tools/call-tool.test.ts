// The app's call of an operator tool, against a real server on 127.0.0.1: how arguments are sent,
// the secret header, what it refuses before calling, and where it stops waiting and reading.
import type { IncomingMessage } from "node:http";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { endlessPage, startPageServer } from "@/test/page-server";

import { callTool, RESPONSE_MAX_BYTES } from "./call-tool";

let server: Awaited<ReturnType<typeof startPageServer>>;
const allowed = new Set(["127.0.0.1"]);
let endlessWritten: Promise<number> | null = null;

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

beforeAll(async () => {
  server = await startPageServer({
    "/echo": async (request, response) => {
      const body = await bodyOf(request);
      response.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify(
          {
            method: request.method,
            url: request.url,
            key: request.headers["x-api-key"] ?? null,
            body: body ? (JSON.parse(body) as unknown) : null,
          },
          null,
          2,
        ),
      );
    },
    "/orders/A%2F1": (_req, res) =>
      res.writeHead(404, { "content-type": "application/json" }).end('{"error":"no such order"}'),
    "/silent": () => undefined,
    "/moved": (_req, res) => res.writeHead(302, { location: "http://169.254.169.254/" }).end(),
    "/image": (_req, res) => res.writeHead(200, { "content-type": "image/png" }).end("PNG"),
    "/endless": (_req, res) => {
      endlessWritten = endlessPage(res, { contentType: "text/plain", chunk: "x".repeat(1024) });
    },
  });
});
afterAll(() => server.close());

const schema = {
  type: "object",
  properties: { order: { type: "string", maxLength: 20 }, verbose: { type: "boolean" } },
  required: ["order"],
  additionalProperties: false,
};

function tool(path: string, overrides: Record<string, unknown> = {}) {
  return {
    url: `http://127.0.0.1:${server.port}${path}`,
    method: "GET",
    parameters: schema,
    secretHeaderName: "X-Api-Key",
    secretHeaderValue: "s3cret",
    timeoutMs: 1000,
    ...overrides,
  };
}

describe("calling an operator tool", () => {
  it("sends a GET's arguments in the query string with the secret header, and hands back compact JSON", async () => {
    const result = await callTool(tool("/echo"), { order: "A 1", verbose: true }, allowed);
    expect(result).toMatchObject({ outcome: "ok", status: 200 });
    expect(JSON.parse(result.answer!.result)).toEqual({
      method: "GET",
      url: "/echo?order=A+1&verbose=true",
      key: "s3cret",
      body: null,
    });
    expect(result.answer!.result).not.toContain("\n");
  });

  it("sends a POST's arguments as a JSON body", async () => {
    const result = await callTool(tool("/echo", { method: "POST" }), { order: "B2" }, allowed);
    expect(JSON.parse(result.answer!.result)).toMatchObject({
      method: "POST",
      body: { order: "B2" },
    });
  });

  it("puts an argument named in the URL into its path, escaped", async () => {
    const result = await callTool(tool("/orders/{order}"), { order: "A/1" }, allowed);
    expect(result).toMatchObject({ outcome: "failed", status: 404 });
    expect(result.answer).toEqual({
      status: 404,
      result: '{"error":"no such order"}',
      truncated: false,
    });
  });

  it("refuses arguments the schema does not allow, without calling", async () => {
    for (const args of [{}, { order: 7 }, { order: "x".repeat(21) }, ["A"]]) {
      const result = await callTool(tool("/echo"), args, allowed);
      expect(result.outcome).toBe("refused");
      expect(result.problem).toMatch(/^Invalid arguments: arguments( must|\/order )/);
    }
  });

  it("calls no host that is not allowed (any more), and no host an argument makes", async () => {
    const refused = await callTool(tool("/echo"), { order: "A" }, new Set(["api.example.com"]));
    expect(refused).toMatchObject({ outcome: "failed", status: null });
    expect(refused.problem).toBe(
      "The tool's url: 127.0.0.1 is not in TOOL_ALLOWED_HOSTS (the hosts operator tools may call).",
    );
    const made = await callTool(
      { ...tool("/echo"), url: "http://{order}/x" },
      { order: "169.254.169.254" },
      allowed,
    );
    expect(made).toMatchObject({ outcome: "failed" });
    expect(made.problem).toContain("169.254.169.254 is not in TOOL_ALLOWED_HOSTS");
  });

  it("lets no argument climb out of the URL's path", async () => {
    for (const order of ["..", ".", ""]) {
      const result = await callTool(tool("/orders/{order}/status"), { order }, allowed);
      expect(result).toMatchObject({ outcome: "refused", status: null });
      expect(result.problem).toBe('Invalid arguments: "order" must not be empty, "." or "..".');
    }
    // A slash is escaped: one segment, whatever it holds.
    const escaped = await callTool(tool("/orders/{order}"), { order: "A/1" }, allowed);
    expect(escaped.status).toBe(404);
  });

  it("sends only the arguments the tool declares", async () => {
    const get = await callTool(tool("/echo"), { order: "A", user: "someone-else" }, allowed);
    expect(JSON.parse(get.answer!.result)).toMatchObject({ url: "/echo?order=A" });
    const post = await callTool(
      tool("/echo", { method: "POST", parameters: { ...schema, additionalProperties: true } }),
      { order: "A", admin: true },
      allowed,
    );
    expect(JSON.parse(post.answer!.result)).toMatchObject({ body: { order: "A" } });
  });

  it("gives up on an API that does not answer in time", async () => {
    const started = performance.now();
    const result = await callTool(tool("/silent"), { order: "A" }, allowed);
    expect(result).toMatchObject({ outcome: "timeout", status: null });
    expect(result.problem).toBe("The API did not answer within 1000 ms.");
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("follows no redirect and reads no binary answer", async () => {
    expect(await callTool(tool("/moved"), { order: "A" }, allowed)).toMatchObject({
      outcome: "failed",
      status: 302,
      problem: "The API answered 302, a redirect (not followed).",
    });
    expect(await callTool(tool("/image"), { order: "A" }, allowed)).toMatchObject({
      outcome: "failed",
      problem: "The API answered with image/png, not text.",
    });
  });

  it("stops reading an answer that never ends, and hands over a cut part", async () => {
    const result = await callTool(tool("/endless"), { order: "A" }, allowed);
    expect(result).toMatchObject({ outcome: "ok", status: 200 });
    expect(result.answer).toMatchObject({ truncated: true });
    expect(result.answer!.result.length).toBe(4000);
    // The connection is closed: the server's writing ends (what it wrote depends on the
    // sockets' buffers, not on us).
    expect(await endlessWritten!).toBeGreaterThan(RESPONSE_MAX_BYTES);
  });

  it("says when the API cannot be reached", async () => {
    const closed = await startPageServer({});
    await closed.close();
    const result = await callTool(
      { ...tool("/echo"), url: `http://127.0.0.1:${closed.port}/echo` },
      { order: "A" },
      allowed,
    );
    expect(result).toMatchObject({ outcome: "failed", status: null });
    expect(result.problem).toContain("ECONNREFUSED");
  });
});
