// One request passed on to a server on this machine, for the tests' small load balancers
// (test/serverless/proxy.ts, e2e/cluster/support/app-balancer.ts).
import {
  request,
  type ClientRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";

/**
 * Sends `req` (its body written by `send`) to 127.0.0.1:`port` and streams the answer into
 * `res`; resolves the answer's status once it has been passed on, or the client has gone.
 */
export function passOn(
  req: IncomingMessage,
  res: ServerResponse,
  port: number,
  headers: IncomingHttpHeaders,
  send: (upstream: ClientRequest) => void,
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const upstream = request(
      { host: "127.0.0.1", port, method: req.method, path: req.url, headers },
      (answer) => {
        const status = answer.statusCode ?? 502;
        res.writeHead(status, answer.headers);
        answer.pipe(res);
        answer.on("end", () => resolve(status));
        // A client that went away (a closed tab's beacon) leaves the answer unread: no "end".
        res.on("close", () => resolve(status));
        answer.on("error", reject);
      },
    );
    upstream.on("error", reject);
    send(upstream);
  });
}
