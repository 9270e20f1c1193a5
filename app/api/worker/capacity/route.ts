import { parseInput } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json-body";
import { route } from "@/lib/http/route";
import { verifyWorkerToken } from "@/lib/livekit/worker-auth";
import { getSessionService } from "@/lib/sessions";

import { CAPACITY_BODY_MAX_BYTES, capacityReportBody } from "./schema";

/** A Jeremy worker says how many conversations it takes; local starts wait for room in one. */
export const POST = route(async (request: Request) => {
  await verifyWorkerToken(request);
  const body = await readJsonBody(request, { maxBytes: CAPACITY_BODY_MAX_BYTES });
  await getSessionService().recordWorkerCapacity(parseInput(capacityReportBody, body));
  return new Response(null, { status: 204 });
});
