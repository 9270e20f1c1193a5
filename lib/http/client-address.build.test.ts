// The built app under `next start`, facing clients with no proxy in front: `next start` keeps
// an X-Forwarded-For the client sent, so the per-client limit must count by the connection.
// One address rotating X-Forwarded-For gets no more than START_LIMIT_PER_CLIENT starts.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { copyProject, nextBuild, nextStart, removeCopy, skipTypeCheck } from "@/test/build-copy";
import { FAKE_CHARACTER, FakeEquos } from "@/test/fake-equos";
import { freePort } from "@/test/ports";

let project: string;
let fake: FakeEquos;
let app: Awaited<ReturnType<typeof nextStart>>;

beforeAll(async () => {
  fake = await FakeEquos.start();
  const env = {
    NODE_ENV: "production" as const,
    AVATAR_PROVIDER: "equos",
    EQUOS_API_URL: fake.url,
    EQUOS_API_KEY: fake.apiKey,
    EQUOS_CHARACTER_ID: FAKE_CHARACTER.id,
    PGLITE_DATA_DIR: mkdtempSync(path.join(tmpdir(), "jeremy-address-")),
    START_LIMIT_PER_CLIENT: "2",
    MAX_ACTIVE_SESSIONS: "0",
    DAILY_SESSION_SECONDS: "0",
    MAX_SESSIONS_PER_CLIENT: "0",
    DAILY_SESSION_SECONDS_PER_CLIENT: "0",
    SWEEP_INTERVAL_SECONDS: "0",
  };
  project = copyProject(process.cwd());
  skipTypeCheck(project);
  await nextBuild(project, env);
  app = await nextStart(project, await freePort(), env);
}, 600_000);

afterAll(async () => {
  await app?.stop();
  await fake?.close();
  if (project) removeCopy(project);
});

describe("next start with no proxy declared", () => {
  it("counts a client rotating X-Forwarded-For as the one connection it is", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${app.url}/api/sessions`, {
        method: "POST",
        headers: {
          origin: app.url,
          "content-type": "application/json",
          "x-forwarded-for": `10.9.${i}.${i + 1}`,
          "x-real-ip": `10.8.${i}.${i + 1}`,
        },
        body: "{}",
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 429, 429, 429]);
    expect(fake.callsTo("create")).toHaveLength(2);
  });
});
