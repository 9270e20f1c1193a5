// A small web server on 127.0.0.1 for tests of what the app fetches: each path answered by its
// own handler, 404 for any other.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type PageHandler = (request: IncomingMessage, response: ServerResponse) => void;

/** Starts the server; `close` drops every open connection too. */
export async function startPageServer(pages: Record<string, PageHandler>) {
  const server = createServer((request, response) => {
    const handler = pages[new URL(request.url ?? "/", "http://page.test").pathname];
    if (handler) handler(request, response);
    else response.writeHead(404, { "content-type": "text/plain" }).end("Not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A page that never ends: writes `chunk` after `chunk` (every `intervalMs`, or as fast as the
 * client reads) until the client hangs up. Resolves with the bytes written when it does.
 */
export function endlessPage(
  response: ServerResponse,
  options: { contentType: string; chunk: string; intervalMs?: number },
): Promise<number> {
  let written = 0;
  response.writeHead(200, { "content-type": options.contentType });
  const write = () => {
    while (!response.destroyed) {
      written += Buffer.byteLength(options.chunk);
      const more = response.write(options.chunk);
      if (options.intervalMs !== undefined) return void setTimeout(write, options.intervalMs);
      if (!more) return void response.once("drain", write);
    }
  };
  write();
  return new Promise((resolve) => response.once("close", () => resolve(written)));
}
