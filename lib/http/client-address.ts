import { createHash } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";

import { peerAddress } from "./peer-address";

/** Where the client's address comes from, and how far to trust it. */
export interface AddressTrust {
  /** The header a trusted proxy or platform sets; null: the socket (no proxy declared). */
  header: string | null;
  /** Which entry of a comma-separated list is ours: this many from the right (1 = last). */
  hopsFromRight: number;
  /** Secret salt for the stored hash, so the ledger's keys cannot be matched to addresses. */
  salt: string;
}

/**
 * The client's address: the socket's when no proxy is declared, else what the deployment's
 * trusted header reports. Each proxy appends to X-Forwarded-For, so the entry `hopsFromRight`
 * from the right is the one the outermost trusted proxy wrote; entries left of it come from the
 * client and could be forged.
 */
export function clientAddress(headers: Headers, trust: AddressTrust): string | null {
  if (trust.header === null) return peerAddress(headers);
  const entries = (headers.get(trust.header) ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = entries.at(-Math.min(trust.hopsFromRight, entries.length));
  return entry ? entry.slice(0, 100) : null;
}

/**
 * The key start limits count by: a salted hash of the address, with an IPv6 address reduced to
 * its /64 (one subscriber's network, which it can rotate through freely). Requests without an
 * address share one key, so leaving the header out is no way around the limit.
 */
export function clientKey(address: string | null, salt: string): string {
  return createHash("sha256")
    .update(`client:${salt}:${address === null ? "unknown" : bucket(address)}`)
    .digest("hex");
}

function bucket(raw: string): string {
  const address = unwrap(raw);
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return raw.toLowerCase();
  const groups = expandIPv6(address);
  const mappedV4 = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mappedV4)
    return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join(".");
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/** "[2001:db8::1]:443" → "2001:db8::1"; "192.0.2.1:8080" → "192.0.2.1". */
function unwrap(raw: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(raw);
  if (bracketed) return bracketed[1]!;
  const v4WithPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(raw);
  return (v4WithPort ? v4WithPort[1]! : raw).replace(/%.*$/, ""); // and no zone id
}

/** The eight 16-bit groups of an IPv6 address (with an embedded IPv4 tail, if any). */
function expandIPv6(address: string): number[] {
  let text = address.toLowerCase();
  const v4Tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4Tail) {
    const [a, b, c, d] = v4Tail[1]!.split(".").map(Number) as [number, number, number, number];
    text = `${text.slice(0, -v4Tail[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const parse = (part: string) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}
