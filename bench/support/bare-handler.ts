// The session API's baseline: bare route handlers (node:http, no framework) that answer a start
// and a stop with the same number of database round trips as the app's, on a pool of the same
// size. Its cost per cycle is what the database and HTTP alone cost; the app's is compared with it.
// Run as its own process: `node --import tsx bench/support/bare-handler.ts` with PORT,
// DATABASE_URL, START_ROUND_TRIPS and STOP_ROUND_TRIPS set; it prints "ready" when listening.
import { randomBytes } from "node:crypto";
import http from "node:http";

import pg from "pg";

const port = Number(process.env.PORT);
const startTrips = Math.max(1, Math.round(Number(process.env.START_ROUND_TRIPS)));
const stopTrips = Math.max(1, Math.round(Number(process.env.STOP_ROUND_TRIPS)));
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

await pool.query(
  "CREATE TABLE IF NOT EXISTS bare_cycle (id text PRIMARY KEY, started_at timestamptz NOT NULL, ended_at timestamptz)",
);

/** One write, then reads to make up `trips` round trips. */
async function roundTrips(trips: number, write: string, params: unknown[]) {
  await pool.query(write, params);
  for (let i = 1; i < trips; i++)
    await pool.query("SELECT id FROM bare_cycle WHERE id = $1", params.slice(0, 1));
}

const server = http.createServer((req, res) => {
  const body: Buffer[] = [];
  req.on("data", (chunk: Buffer) => body.push(chunk));
  req.on("end", () => {
    const reply = (status: number, value: unknown) => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
    };
    const stop = /^\/api\/sessions\/([^/]+)\/stop$/.exec(req.url ?? "");
    const work =
      req.method === "POST" && req.url === "/api/sessions"
        ? (async () => {
            const id = `ses_${randomBytes(16).toString("hex")}`;
            JSON.parse(Buffer.concat(body).toString() || "{}");
            await roundTrips(
              startTrips,
              "INSERT INTO bare_cycle (id, started_at) VALUES ($1, now())",
              [id],
            );
            reply(201, {
              session: { id, status: "ACTIVE" },
              connection: { serverUrl: "", participantToken: "", participantIdentity: "" },
            });
          })()
        : req.method === "POST" && stop
          ? (async () => {
              const id = decodeURIComponent(stop[1]!);
              await roundTrips(stopTrips, "UPDATE bare_cycle SET ended_at = now() WHERE id = $1", [
                id,
              ]);
              reply(200, { session: { id, status: "ENDED" } });
            })()
          : Promise.resolve(reply(404, { error: { code: "NOT_FOUND" } }));
    work.catch((error: unknown) => reply(500, { error: { message: String(error) } }));
  });
});
server.listen(port, "127.0.0.1", () => console.log("ready"));
