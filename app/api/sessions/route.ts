import { NextResponse, type NextRequest } from "next/server";

import { parseInput } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json-body";
import { clientKeyOf } from "@/lib/http/request-client";
import { route } from "@/lib/http/route";
import { getSessionService } from "@/lib/sessions";
import { ownerKeyForStart, setOwnerCookie } from "@/lib/sessions/owner-cookie";

import { START_BODY_MAX_BYTES, startSessionBody } from "./schema";

/** Starts a conversation with Jeremy. */
export const POST = route(async (request: NextRequest) => {
  const body = await readJsonBody(request, { maxBytes: START_BODY_MAX_BYTES });
  const input = parseInput(startSessionBody, body === undefined ? {} : body);
  const ownerKey = ownerKeyForStart(request);

  const started = await getSessionService().start(input, {
    ownerKey,
    clientKey: clientKeyOf(request),
  });

  const response = NextResponse.json(started, {
    status: 201,
    headers: { "Cache-Control": "no-store" },
  });
  setOwnerCookie(request, response, ownerKey);
  return response;
});
