import { NextResponse } from "next/server";
import { z } from "zod";

import { adminCookie, adminCookieFrom, isAdminToken } from "@/lib/admin/auth";
import {
  countSignInAttempt,
  createSignIn,
  forgetSignInAttempt,
  signOut,
} from "@/lib/admin/sign-in";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json-body";
import { clientKeyOf } from "@/lib/http/request-client";
import { route } from "@/lib/http/route";
import { sleep } from "@/lib/sleep";

const signInBody = z.strictObject({ token: z.string().min(1).max(512) });

/**
 * Signs an operator in to /admin with ADMIN_TOKEN: records the sign-in and sets the HttpOnly
 * cookie that names it. Wrong attempts are limited per client (lib/admin/sign-in.ts).
 */
export const POST = route(async (request: Request) => {
  const adminToken = env.ADMIN_TOKEN;
  if (!adminToken) throw new AppError("NOT_FOUND", "Not found.");
  const { token } = parseInput(signInBody, await readJsonBody(request, { maxBytes: 1024 }));
  const db = await getDb();
  const attempt = await countSignInAttempt(db, clientKeyOf(request));
  if (!isAdminToken(token)) {
    await sleep(500); // a guess costs time
    throw new AppError("UNAUTHORIZED", "That is not the admin token.");
  }
  await forgetSignInAttempt(db, attempt);
  const response = new NextResponse(null, { status: 204 });
  response.cookies.set(adminCookie(await createSignIn(db, adminToken)));
  return response;
});

/** Signs the operator out: the sign-in is deleted, so its cookie opens nothing any more. */
export const DELETE = route(async (request: Request) => {
  await signOut(await getDb(), adminCookieFrom(request));
  const response = new NextResponse(null, { status: 204 });
  response.cookies.set(adminCookie(null));
  return response;
});
