// The API's error contract under `next dev` is the production build's: the one error shape
// with the right status, never a 500 for a refusal.
import { request as playwrightRequest } from "@playwright/test";

import { postStart } from "../support/conversation-page";
import { DEV } from "../support/dev-stack";

import { expect, test } from "./fixtures";

const json = { "content-type": "application/json" };

test("under npm run dev: a stranger gets 403, an unknown id 404, bad JSON 400, a wrong body type 415", async ({
  request,
}) => {
  test.setTimeout(120_000);
  const started = await postStart(request, `${DEV.apiUrl}/api/sessions`, { headers: json });
  expect(started.status()).toBe(201);
  const { session } = (await started.json()) as { session: { id: string } };
  const path = `${DEV.apiUrl}/api/sessions/${session.id}`;

  // A browser without the owner cookie.
  const stranger = await playwrightRequest.newContext();
  try {
    for (const [method, url] of [
      ["post", `${path}/heartbeat`],
      ["get", path],
      ["post", `${path}/stop`],
    ] as const) {
      const res = await stranger[method](url, {
        headers: json,
        data: method === "get" ? undefined : {},
      });
      expect(res.status(), `${method.toUpperCase()} ${url}`).toBe(403);
      expect(await res.json()).toEqual({
        error: { code: "FORBIDDEN", message: expect.any(String) },
      });
    }
  } finally {
    await stranger.dispose();
  }

  const unknown = await request.get(`${DEV.apiUrl}/api/sessions/ses_${"0".repeat(32)}`);
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.code).toBe("NOT_FOUND");

  const badJson = await request.post(`${DEV.apiUrl}/api/sessions`, {
    headers: json,
    data: "{not json",
  });
  expect(badJson.status()).toBe(400);
  expect((await badJson.json()).error.code).toBe("BAD_REQUEST");

  const wrongType = await request.post(`${DEV.apiUrl}/api/sessions`, {
    headers: { "content-type": "application/xml" },
    data: "<start/>",
  });
  expect(wrongType.status()).toBe(415);
  expect((await wrongType.json()).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");

  // The owner can still end it.
  const stopped = await request.post(`${path}/stop`, { headers: json, data: { reason: "hangup" } });
  expect(stopped.status()).toBe(200);
  expect((await stopped.json()).session.status).toBe("ENDED");
});
