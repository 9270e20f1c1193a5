// A dispatched Jeremy asks the app for the session's room before joining, against the app's real
// route on a socket: the first job has it, a job LiveKit dispatched again does not, and an app
// that cannot answer does not keep Jeremy out.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { setUpEquosApp } from "@/test/equos-app";

import { readWorkerEnv } from "../env";
import { claimRoom } from "./claim-room";

const closes: Array<() => unknown> = [];
afterEach(() => {
  for (const close of closes.splice(0)) close();
});

async function listen(server: ReturnType<typeof createServer>) {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closes.push(() => server.close());
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("claiming the session's room", () => {
  const ctx = setUpEquosApp();

  /** The app's avatar-job route, on a socket. */
  const appOnSocket = () =>
    listen(
      createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (chunk: Buffer) => chunks.push(chunk));
        req.on("end", async () => {
          const id = decodeURIComponent(req.url?.split("/")[4] ?? "");
          const answer = await ctx.app.browser().call(
            "POST /api/worker/sessions/:id/avatar-job",
            { id },
            {
              body: new Uint8Array(Buffer.concat(chunks)),
              headers: {
                authorization: req.headers.authorization ?? "",
                "content-type": "application/json",
              },
            },
          );
          res.writeHead(answer.status, { "content-type": "application/json" });
          res.end(answer.status === 204 ? undefined : JSON.stringify(answer.body));
        });
      }),
    );

  it("gives the room to the first job only", async () => {
    const env = readWorkerEnv({ NODE_ENV: "test", APP_URL: await appOnSocket() });
    const started = await ctx.app
      .browser()
      .call<{ session: { id: string } }>("POST /api/sessions", {}, { json: {} });
    const id = started.body.session.id;
    const first = await claimRoom(env, id, { room: id, jobId: "AJ_first" }, () => {});
    expect(first).toEqual({ outcome: "mine" });
    const again = await claimRoom(env, id, { room: id, jobId: "AJ_again" }, () => {});
    expect(again).toEqual({
      outcome: "taken",
      why: "Another avatar job has this conversation's room.",
    });
  });

  it("joins anyway when the app cannot answer in time, and says so", async () => {
    let asked = 0;
    const url = await listen(
      createServer((_, res) => {
        asked++;
        res.writeHead(503).end();
      }),
    );
    const env = readWorkerEnv({ NODE_ENV: "test", APP_URL: url });
    const logged: string[] = [];
    const claim = await claimRoom(
      env,
      "ses_0123456789abcdef0123456789abcdef",
      { room: "ses_0123456789abcdef0123456789abcdef", jobId: "AJ_x" },
      (line) => logged.push(line),
      1200,
    );
    expect(claim).toEqual({ outcome: "mine" });
    expect(asked).toBeGreaterThan(1);
    expect(logged.join("\n")).toMatch(/could not claim the room .*answered 503.*joining it anyway/);
  });
});
