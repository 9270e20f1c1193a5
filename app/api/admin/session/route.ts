import { NextResponse } from "next/server";
import { z } from "zod";

import { adminCookie, isAdminToken } from "@/lib/admin/auth";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json-body";
import { route } from "@/lib/http/route";
import { sleep } from "@/lib/sleep";

const signInBody = z.strictObject({ token: z.string().min(1).max(512) });

/** Signs an operator in to /admin with ADMIN_TOKEN: sets the HttpOnly sign-in cookie. */
export const POST = route(async (request: Request) => {
  if (!env.ADMIN_TOKEN) throw new AppError("NOT_FOUND", "Not found.");
  const { token } = parseInput(signInBody, await readJsonBody(request, { maxBytes: 1024 }));
  if (!isAdminToken(token)) {
    await sleep(500); // a guess costs time
    throw new AppError("UNAUTHORIZED", "That is not the admin token.");
  }
  const response = new NextResponse(null, { status: 204 });
  response.cookies.set(adminCookie(true));
  return response;
});

/** Signs the operator out. */
export const DELETE = route(async () => {
  const response = new NextResponse(null, { status: 204 });
  response.cookies.set(adminCookie(false));
  return response;
});
