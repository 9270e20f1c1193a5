import { addressTrust } from "@/lib/env";

import { clientAddress, clientKey } from "./client-address";

/** The key per-client limits count `request` by (see addressTrust in lib/env.ts). */
export function clientKeyOf(request: Request): string {
  return clientKey(clientAddress(request.headers, addressTrust), addressTrust.salt);
}
