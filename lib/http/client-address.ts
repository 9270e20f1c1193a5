/**
 * The client's address as reported by the header the deployment trusts (its proxy or platform
 * sets it). Proxies append to X-Forwarded-For, so the last entry is the one our proxy wrote;
 * earlier entries come from the client and could be forged.
 */
export function clientAddress(headers: Headers, trustedHeader: string): string | null {
  const value = headers.get(trustedHeader);
  if (!value) return null;
  const last = value.split(",").at(-1)?.trim() ?? "";
  return last === "" ? null : last.slice(0, 100);
}
