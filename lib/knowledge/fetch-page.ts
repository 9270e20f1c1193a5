import "server-only";

// Fetches a page an operator named, as carefully as a server fetching a stranger's URL must:
// http(s) only, every hop's host resolved and checked (resolve-host.ts), redirects followed by
// hand, and the whole of it bounded in time and in bytes.
import type { IncomingMessage } from "node:http";
import http from "node:http";
import https from "node:https";
import type { Readable } from "node:stream";
import zlib from "node:zlib";

import { AppError, isAppError } from "@/lib/errors";

import { resolveHost } from "./resolve-host";

/** The most a page may weigh (after decompression), and the time its fetch may take in all. */
export const PAGE_MAX_BYTES = 5 * 1024 * 1024;
export const PAGE_TIMEOUT_MS = 10_000;
export const MAX_REDIRECTS = 5;

/** The content types read: what documents are made of. */
export const PAGE_TYPES = ["text/html", "text/plain", "text/markdown", "application/pdf"] as const;
export type PageType = (typeof PAGE_TYPES)[number];

export interface FetchedPage {
  /** Where the page was found, after redirects. */
  url: string;
  type: PageType;
  charset: string | null;
  body: Uint8Array;
}

export interface FetchPageOptions {
  allowedHosts: ReadonlySet<string>;
  timeoutMs?: number;
  maxBytes?: number;
}

/** Parses an operator's URL: http or https, no user name or password. 400 otherwise. */
export function parsePageUrl(text: string): URL {
  const url = URL.canParse(text) ? new URL(text) : null;
  if (!url || !["http:", "https:"].includes(url.protocol)) {
    throw badUrl("must be an http:// or https:// URL");
  }
  if (url.username || url.password) throw badUrl("must not carry a user name or password");
  url.hash = "";
  return url;
}

/**
 * Refuses `url` at once (a 400) if its host is not public and not allowed: the check every hop of
 * the fetch makes, made before the fetch itself is left for later.
 */
export async function checkPageAddress(url: URL, allowedHosts: ReadonlySet<string>) {
  const signal = AbortSignal.timeout(PAGE_TIMEOUT_MS);
  try {
    await resolveHost(url, allowedHosts, signal);
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError("PROVIDER_TIMEOUT", `${url.hostname} could not be resolved in time.`);
  }
}

/** Fetches `url`, following at most MAX_REDIRECTS redirects, each to a checked host. */
export async function fetchPage(url: URL, options: FetchPageOptions): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? PAGE_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? PAGE_MAX_BYTES;
  const signal = AbortSignal.timeout(timeoutMs);
  let current = url;
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await get(current, options.allowedHosts, signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if ([301, 302, 303, 307, 308].includes(status) && location) {
        response.destroy();
        if (redirects === MAX_REDIRECTS) throw badUrl(`more than ${MAX_REDIRECTS} redirects`);
        current = parsePageUrl(redirectTarget(location, current));
        continue;
      }
      if (status < 200 || status > 299) {
        response.destroy();
        throw new AppError(
          status >= 500 ? "PROVIDER_ERROR" : "BAD_REQUEST",
          `The page at ${current.href} answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ""}.`,
        );
      }
      const { type, charset } = pageType(response);
      const body = await readBounded(response, maxBytes);
      return { url: current.href, type, charset, body };
    }
  } catch (error) {
    if (signal.aborted) {
      throw new AppError(
        "PROVIDER_TIMEOUT",
        `The page at ${current.href} did not arrive within ${timeoutMs / 1000} s.`,
      );
    }
    if (isAppError(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "a network error";
    throw new AppError("PROVIDER_ERROR", `Could not fetch ${current.href}: ${code}.`, {
      cause: error,
    });
  }
}

/** Where a redirect's Location points; one that is no URL at all is the page's fault: a 400. */
function redirectTarget(location: string, from: URL): string {
  try {
    return new URL(location, from).href;
  } catch {
    throw badUrl(`${from.href} redirected to an address that is not a URL`);
  }
}

function badUrl(problem: string) {
  return new AppError("BAD_REQUEST", `Invalid request: url: ${problem}.`);
}

async function get(url: URL, allowedHosts: ReadonlySet<string>, signal: AbortSignal) {
  const { lookup } = await resolveHost(url, allowedHosts, signal);
  return new Promise<IncomingMessage>((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(
      url,
      {
        lookup,
        signal,
        headers: {
          accept: `${PAGE_TYPES.join(", ")};q=0.9, */*;q=0.1`,
          "accept-encoding": "gzip, deflate, br",
          "user-agent": "TalkToJeremy-knowledge/1 (a page an operator added to a knowledge base)",
        },
      },
      resolve,
    );
    request.on("error", reject);
    request.end();
  });
}

function pageType(response: IncomingMessage): { type: PageType; charset: string | null } {
  const [mediaType = "", ...params] = (response.headers["content-type"] ?? "").split(";");
  const type = mediaType.trim().toLowerCase();
  const known = PAGE_TYPES.find((candidate) => candidate === type);
  if (!known) {
    response.destroy();
    throw new AppError(
      "BAD_REQUEST",
      `Invalid request: url: the page is ${type || "of no stated type"}; only HTML, plain text, Markdown and PDF are read.`,
    );
  }
  const charset = params
    .map((param) => /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(param)?.[1])
    .find(Boolean);
  return { type: known, charset: charset ?? null };
}

/** The body, decompressed, refused (and the connection dropped) past `maxBytes`. */
async function readBounded(response: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => {
    response.destroy();
    return new AppError(
      "PAYLOAD_TOO_LARGE",
      `The page is larger than ${maxBytes / (1024 * 1024)} MiB; stopped reading it.`,
    );
  };
  if (Number(response.headers["content-length"] ?? 0) > maxBytes) throw tooLarge();
  const body = decoded(response);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      body.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function decoded(response: IncomingMessage): Readable {
  const encoding = (response.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  const decoder =
    encoding === "gzip" || encoding === "x-gzip"
      ? zlib.createGunzip()
      : encoding === "deflate"
        ? zlib.createInflate()
        : encoding === "br"
          ? zlib.createBrotliDecompress()
          : null;
  if (encoding === "identity") return response;
  if (!decoder) {
    response.destroy();
    throw new AppError("PROVIDER_ERROR", `The page came in an unknown encoding (${encoding}).`);
  }
  response.on("error", (error) => decoder.destroy(error));
  return response.pipe(decoder);
}
