// Debian's PgBouncer in transaction mode in front of a PostgreSQL server, as the pooled
// connection strings of Vercel's Neon integration, Supabase and most managed poolers behave:
// each transaction may run on a different server connection, and session state does not carry.
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { sleep } from "@/lib/sleep";

import { freePort } from "./ports";

export const PGBOUNCER_MISSING =
  "PgBouncer is not installed. On Debian or Ubuntu: sudo apt-get install pgbouncer " +
  "(macOS: brew install pgbouncer).";

export interface Pooler {
  /** `url`, with the host and port replaced by the pooler's. */
  pooledUrl(url: string): string;
  stop(): Promise<void>;
}

/** Starts PgBouncer in transaction mode in front of the server `directUrl` names. */
export async function startPgBouncer(directUrl: string): Promise<Pooler> {
  const server = new URL(directUrl);
  const user = decodeURIComponent(server.username);
  const password = decodeURIComponent(server.password);
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "jeremy-pgbouncer-"));
  writeFileSync(path.join(dir, "users.txt"), `"${user}" "${password}"\n`);
  writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `* = host=${server.hostname} port=${server.port || 5432}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = scram-sha-256",
      `auth_file = ${path.join(dir, "users.txt")}`,
      "pool_mode = transaction",
      // Few server connections for many clients, so transactions really do move between them.
      "default_pool_size = 4",
      // Hand out server connections in turn, as a busy pooler effectively does, rather than
      // the one just released: session state (a lock, a prepared statement) then never carries.
      "server_round_robin = 1",
      "max_client_conn = 500",
      "ignore_startup_parameters = extra_float_digits,options",
      "",
    ].join("\n"),
  );
  // PgBouncer will not run as root; as root, it switches to the postgres user itself.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    chmodSync(dir, 0o755);
    for (const file of ["users.txt", "pgbouncer.ini"]) chmodSync(path.join(dir, file), 0o644);
  }
  const child = spawn(
    "pgbouncer",
    [...(asRoot ? ["-u", "postgres"] : []), path.join(dir, "pgbouncer.ini")],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let log = "";
  child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const failed = new Promise<never>((_, reject) => {
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === "ENOENT" ? PGBOUNCER_MISSING : String(error))),
    );
    child.on("exit", (code) => reject(new Error(`pgbouncer exited (${code}):\n${log}`)));
  });
  failed.catch(() => undefined);
  await Promise.race([untilListening(port), failed]);

  return {
    pooledUrl(url) {
      const pooled = new URL(url);
      pooled.hostname = "127.0.0.1";
      pooled.port = String(port);
      return pooled.toString();
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function untilListening(port: number, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: "127.0.0.1", port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`pgbouncer did not listen on ${port}`);
    await sleep(50);
  }
}
