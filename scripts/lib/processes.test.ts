import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { stopProcess, waitForHttp } from "./processes.mjs";

let status = 503;
const server = createServer((_request, response) => {
  response.writeHead(status);
  response.end("busy");
});
let url = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const node = (code: string) => spawn(process.execPath, ["-e", code], { stdio: "ignore" });

describe("the process toolkit", () => {
  it("waits for an answer `ok` accepts, and says what it last heard when none comes", async () => {
    await waitForHttp(url); // any status will do by default
    await expect(
      waitForHttp(url, { ok: (s) => s === 200, timeoutMs: 300, intervalMs: 50 }),
    ).rejects.toThrow(/not ready within 300 ms \(HTTP 503: busy\)/);
    status = 200;
    await waitForHttp(url, { ok: (s) => s === 200, timeoutMs: 300 });
  });

  it("gives up at once when the server it waits for exits", async () => {
    const child = node("process.exit(3)");
    await new Promise((resolve) => child.once("exit", resolve));
    await expect(
      waitForHttp("http://127.0.0.1:9/", { child, timeoutMs: 30_000, intervalMs: 50 }),
    ).rejects.toThrow(/exited before it answered/);
  });

  it("stops a process that ignores SIGTERM with SIGKILL after the grace period", async () => {
    const child = node("process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)");
    await new Promise((resolve) => setTimeout(resolve, 300)); // let it install the handler
    await stopProcess(child, { graceMs: 200 });
    expect(child.signalCode).toBe("SIGKILL");
  });
});
