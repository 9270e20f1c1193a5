import type { z } from "zod";

import { parseInput } from "./parse-input";
import { readJsonBody } from "./read-json-body";

/**
 * A small JSON body the page may also send with `navigator.sendBeacon` (as text/plain), checked
 * against its schema; an empty body is checked as `{}`.
 */
export async function readBeaconBody<T extends z.ZodType>(
  request: Request,
  schema: T,
  maxBytes: number,
): Promise<z.output<T>> {
  const body = await readJsonBody(request, { maxBytes, allowTextPlain: true });
  return parseInput(schema, body === undefined ? {} : body);
}
