// The knowledge bases a visitor may choose: the public ones only, as id and name, never cached.
import { beforeAll, describe, expect, it } from "vitest";

import { loadApp } from "@/test/app";

const ADMIN_TOKEN = "admin-token-for-tests-0123456789";
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
let app: Awaited<ReturnType<typeof loadApp>>;

beforeAll(async () => {
  app = await loadApp({ NODE_ENV: "test", AVATAR_PROVIDER: "local", ADMIN_TOKEN });
}, 30_000);

async function newBase(name: string, isPublic: boolean) {
  const res = await app
    .browser()
    .call<{ base: { id: string } }>(
      "POST /api/admin/knowledge",
      {},
      { json: { name, isPublic }, headers: admin },
    );
  expect(res.status).toBe(201);
  return res.body.base.id;
}

const publicBases = () =>
  app.browser().call<{ bases: Array<{ id: string; name: string }> }>("GET /api/knowledge");

describe("GET /api/knowledge", () => {
  it("lists the public bases, oldest first, by id and name, to anyone, uncached", async () => {
    const before = (await publicBases()).body.bases;
    const handbook = await newBase("Handbook", true);
    await newBase("Operator notes", false);
    const prices = await newBase("Prices", true);

    const res = await publicBases();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body.bases).toEqual([
      ...before,
      { id: handbook, name: "Handbook" },
      { id: prices, name: "Prices" },
    ]);
  });

  it("stops offering a base made private or deleted", async () => {
    const hidden = await newBase("Soon private", true);
    const deleted = await newBase("Soon gone", true);
    const patched = await app
      .browser()
      .call(
        "PATCH /api/admin/knowledge/:id",
        { id: hidden },
        { json: { isPublic: false }, headers: admin },
      );
    expect(patched.status).toBe(200);
    const gone = await app
      .browser()
      .call("DELETE /api/admin/knowledge/:id", { id: deleted }, { headers: admin });
    expect(gone.status).toBe(204);

    const ids = (await publicBases()).body.bases.map((base) => base.id);
    expect(ids).not.toContain(hidden);
    expect(ids).not.toContain(deleted);
  });
});
