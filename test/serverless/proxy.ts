// The platform's router, in small: each request goes to a random instance, and every few
// requests the chosen instance is first killed and started again, so that request pays a cold
// start, as on a serverless host. An instance is only reclaimed while it serves nothing.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { passOn } from "../pass-on";

import type { Instance } from "./instances";

/** Send a request to this instance (0-based), for a test that must choose. */
export const PIN_HEADER = "x-test-instance";

export interface ProxyOptions {
  /** The chance that a request lands on a freshly restarted instance. */
  coldStartChance: number;
  random?: () => number;
}

export class RandomProxy {
  /** Status of every answer, by path, for the test to check that nothing failed. */
  readonly answers: Array<{ method: string; path: string; status: number; instance: number }> = [];
  private readonly server = createServer((req, res) => void this.handle(req, res));
  private port = 0;

  constructor(
    private readonly instances: Instance[],
    private readonly options: ProxyOptions,
  ) {}

  /** From now on every request reaches the instance it names or draws, warm. */
  stopColdStarts() {
    this.options.coldStartChance = 0;
  }

  async listen() {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async close() {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const random = this.options.random ?? Math.random;
    const pinned = req.headers[PIN_HEADER];
    const instance =
      this.instances[pinned ? Number(pinned) : Math.floor(random() * this.instances.length)]!;
    if (
      !instance.restarting &&
      instance.inFlight === 0 &&
      random() < this.options.coldStartChance
    ) {
      void instance.restart().catch(() => undefined);
    }
    instance.inFlight += 1;
    try {
      await instance.whenReady();
      const status = await this.pass(req, res, instance);
      this.answers.push({
        method: req.method ?? "",
        path: req.url ?? "",
        status,
        instance: instance.index,
      });
    } catch (error) {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`proxy: ${String(error)}`);
      this.answers.push({
        method: req.method ?? "",
        path: req.url ?? "",
        status: 502,
        instance: instance.index,
      });
    } finally {
      instance.inFlight -= 1;
    }
  }

  private pass(req: IncomingMessage, res: ServerResponse, instance: Instance) {
    const headers = { ...req.headers };
    delete headers[PIN_HEADER];
    return passOn(req, res, instance.port, headers, (upstream) => req.pipe(upstream));
  }
}
