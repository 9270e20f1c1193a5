// The load balancer in front of the LiveKit nodes' signal ports, in small: a TCP proxy that
// hands each new connection to the next node that accepts it. Media never passes through it:
// browsers and workers send it straight to the node hosting the room (its NODE_IP and ports).
import { connect, createServer, type Socket } from "node:net";

export interface BalancerOptions {
  /** The nodes' signal ports on this machine. */
  upstreams: number[];
  /**
   * `rotate`: each connection starts with the next node (spreads browsers and the app's API
   * calls); `prefer`: always the first node that accepts (pins a worker to one node while it
   * is up, and fails it over to another when it is not).
   */
  mode: "rotate" | "prefer";
}

export class Balancer {
  /** Connections handed to each upstream port. */
  readonly handed = new Map<number, number>();
  private next = 0;
  private readonly sockets = new Set<Socket>();
  private readonly server = createServer((client) => this.handle(client));

  constructor(private readonly options: BalancerOptions) {}

  async listen(port: number) {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, "127.0.0.1", resolve);
    });
  }

  async close() {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private handle(client: Socket) {
    this.track(client);
    client.on("error", () => client.destroy());
    client.pause();
    const { upstreams, mode } = this.options;
    const first = mode === "rotate" ? this.next++ % upstreams.length : 0;
    const order = upstreams.map((_, i) => upstreams[(first + i) % upstreams.length]!);
    const attempt = (i: number) => {
      if (i >= order.length || client.destroyed) return client.destroy();
      const port = order[i]!;
      const upstream = connect(port, "127.0.0.1");
      let connected = false;
      const end = () => {
        client.destroy();
        upstream.destroy();
      };
      upstream.on("error", () => {
        // Refused: that node is down, so try the next. Once connected, an error ends both.
        if (connected) return end();
        upstream.destroy();
        attempt(i + 1);
      });
      upstream.once("connect", () => {
        connected = true;
        this.handed.set(port, (this.handed.get(port) ?? 0) + 1);
        this.track(upstream);
        upstream.on("close", end);
        client.on("error", end).on("close", end);
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    attempt(0);
  }

  private track(socket: Socket) {
    this.sockets.add(socket);
    socket.once("close", () => this.sockets.delete(socket));
  }
}
