import { createHash } from "node:crypto";

/** Client addresses are kept only as a hash: enough to count starts, not to identify anyone. */
export function hashClientAddress(address: string): string {
  return createHash("sha256").update(`client:${address}`).digest("hex");
}
