import "server-only";

// A URL's host resolved once and checked, so that the connection goes to the very addresses that
// were checked: a second DNS answer (a rebinding attack) never reaches the socket.
import { lookup } from "node:dns/promises";
import { isIP, type LookupFunction } from "node:net";

import { AppError } from "@/lib/errors";

import { isPublicAddress } from "./public-address";

export interface Resolved {
  addresses: Array<{ address: string; family: number }>;
  /** For node:http's `lookup` option: answers with `addresses`, never asks DNS again. */
  lookup: LookupFunction;
}

/**
 * Resolves `url`'s host and refuses it unless every address is public or the host is one of
 * `allowedHosts` (KNOWLEDGE_ALLOWED_HOSTS).
 */
export async function resolveHost(
  url: URL,
  allowedHosts: ReadonlySet<string>,
  signal: AbortSignal,
): Promise<Resolved> {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const addresses = isIP(host)
    ? [{ address: host, family: isIP(host) }]
    : await abortable(lookupAll(host), signal);
  if (!allowedHosts.has(url.hostname)) {
    const refused = addresses.find(({ address }) => !isPublicAddress(address));
    if (refused) {
      const where = refused.address === host ? host : `${url.hostname} (${refused.address})`;
      throw new AppError(
        "BAD_REQUEST",
        `Invalid request: url: ${where} is a private, loopback or otherwise local address; only public addresses are fetched (an operator may allow a host with KNOWLEDGE_ALLOWED_HOSTS).`,
      );
    }
  }
  const lookupPinned: LookupFunction = (_hostname, options, callback) => {
    const [first] = addresses;
    if (options.all) callback(null, addresses);
    else callback(null, first!.address, first!.family);
  };
  return { addresses, lookup: lookupPinned };
}

async function lookupAll(host: string) {
  try {
    const addresses = await lookup(host, { all: true, verbatim: true });
    if (addresses.length > 0) return addresses;
  } catch {
    // Reported below as the one thing the operator can act on.
  }
  throw new AppError("BAD_REQUEST", `Invalid request: url: no address found for ${host}.`);
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
