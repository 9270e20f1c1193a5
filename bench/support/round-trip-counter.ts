// Counts the app's database round trips: a TCP relay between the app and PostgreSQL that reads
// the client's side of the wire protocol. A round trip ends with a Sync (extended protocol, what
// node-postgres sends for a query with parameters) or is one simple Query.
import net from "node:net";

export interface RoundTripCounter {
  /** A DATABASE_URL like `databaseUrl`, through the relay. */
  url: string;
  /** Round trips relayed so far, all connections together. */
  roundTrips(): number;
  close(): Promise<void>;
}

const SSL_REQUEST_CODE = 80877103;

/** Starts a relay to `databaseUrl`'s server on a free port of this machine. */
export async function countRoundTrips(databaseUrl: string): Promise<RoundTripCounter> {
  const target = new URL(databaseUrl);
  let count = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    let pending = Buffer.alloc(0);
    let started = false;
    client.on("data", (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        // Before the session starts, messages have a length but no type byte.
        const header = started ? 5 : 4;
        if (pending.length < header) break;
        const length = pending.readInt32BE(started ? 1 : 0);
        const size = started ? length + 1 : length;
        if (pending.length < size) break;
        if (!started) {
          // An SSL request is answered and followed by the real start-up message.
          started = pending.readInt32BE(4) !== SSL_REQUEST_CODE;
        } else if (pending[0] === 0x53 /* Sync */ || pending[0] === 0x51 /* Query */) {
          count += 1;
        }
        pending = pending.subarray(size);
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    roundTrips: () => count,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
