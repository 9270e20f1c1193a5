// The load balancer in front of the app instances, in small: each request goes to the next
// instance in turn, and to the one after when an instance refuses the connection (it is down),
// as a load balancer with passive health checks does. A test may pin a request to an instance.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

import { passOn } from "@/test/pass-on";

/** Send this request to the instance with this index (0-based), for a test that must choose. */
export const PIN_HEADER = "x-cluster-app";

export interface Answer {
  method: string;
  path: string;
  status: number;
  /** Which instance answered, or -1 when none could. */
  instance: number;
  /** When the request came in, and when its answer was sent (ms since the epoch). */
  sentAt: number;
  at: number;
}

export class AppBalancer {
  readonly answers: Answer[] = [];
  private next = 0;
  private readonly server = createServer((req, res) => void this.handle(req, res));

  constructor(private readonly ports: number[]) {}

  async listen(port: number) {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, "127.0.0.1", resolve);
    });
  }

  async close() {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** Answers to requests whose path starts with `prefix`, from `since` (ms since the epoch). */
  answered(method: string, prefix: string, since = 0): Answer[] {
    return this.answers.filter(
      (answer) => answer.method === method && answer.path.startsWith(prefix) && answer.at >= since,
    );
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const sentAt = Date.now();
    // Bodies are small (JSON, beacons): read it whole, so it can be sent again to another
    // instance if the first refuses the connection.
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of req) chunks.push(chunk as Buffer);
    } catch {
      return res.destroy(); // the client went away mid-request
    }
    const body = Buffer.concat(chunks);
    const pinned = req.headers[PIN_HEADER];
    const first = pinned !== undefined ? Number(pinned) : this.next++ % this.ports.length;
    const headers = { ...req.headers };
    delete headers[PIN_HEADER];
    const record = (status: number, instance: number) =>
      this.answers.push({
        method: req.method ?? "",
        path: req.url ?? "",
        status,
        instance,
        sentAt,
        at: Date.now(),
      });
    for (let i = 0; i < this.ports.length; i++) {
      const instance = (first + i) % this.ports.length;
      try {
        const port = this.ports[instance]!;
        const status = await passOn(req, res, port, headers, (upstream) => upstream.end(body));
        return record(status, instance);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ECONNREFUSED") {
          if (!res.headersSent) res.writeHead(502);
          res.end();
          return record(502, instance);
        }
      }
    }
    res.writeHead(502, { "content-type": "text/plain" }).end("no app instance is up");
    record(502, -1);
  }
}
