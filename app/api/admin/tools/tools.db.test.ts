// Operator tools through the admin API, on PGlite and on PostgreSQL: declared, listed, changed and
// deleted; a secret header's value never shown again; a schema, a URL or a host that will not
// work refused when declared, with nothing written.
import { beforeAll, describe, expect, it } from "vitest";

import { loadApp } from "@/test/app";

const ADMIN_TOKEN = "admin-token-for-tests-0123456789";
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
let app: Awaited<ReturnType<typeof loadApp>>;

type Tool = {
  id: string;
  name: string;
  url: string;
  method: string;
  secretHeaderName: string | null;
  isPublic: boolean;
  timeoutMs: number;
  calls: number;
};
type Answer = { tool?: Tool; tools?: Tool[]; error?: { code: string; message: string } };

const ORDERS = {
  name: "look_up_order",
  description: "Looks up an order by its number: its status and delivery date.",
  parameters: {
    type: "object",
    properties: { order: { type: "string", description: "The order number" } },
    required: ["order"],
  },
  url: "https://api.shop.example/orders/{order}",
  method: "GET",
  secretHeader: { name: "X-Api-Key", value: "key-that-stays-on-the-server" },
};

beforeAll(async () => {
  app = await loadApp({
    NODE_ENV: "test",
    AVATAR_PROVIDER: "local",
    ADMIN_TOKEN,
    TOOL_ALLOWED_HOSTS: "api.shop.example,api2.shop.example",
  });
}, 30_000);

const declare = (json: unknown) =>
  app.browser().call<Answer>("POST /api/admin/tools", {}, { json, headers: admin });

describe("operator tools (admin API)", () => {
  it("is for operators only", async () => {
    expect((await app.browser().call("GET /api/admin/tools")).status).toBe(401);
    expect((await app.browser().call("POST /api/admin/tools", {}, { json: ORDERS })).status).toBe(
      401,
    );
  });

  it("declares a tool, lists it without its secret, offers it once public, changes and deletes it", async () => {
    const made = await declare(ORDERS);
    expect(made.status).toBe(201);
    expect(made.body.tool).toMatchObject({
      name: "look_up_order",
      method: "GET",
      secretHeaderName: "X-Api-Key",
      isPublic: false,
      timeoutMs: 5000,
      calls: 0,
    });
    const id = made.body.tool!.id;
    const listed = await app.browser().call<Answer>("GET /api/admin/tools", {}, { headers: admin });
    expect(listed.body.tools!.map((tool) => tool.id)).toContain(id);
    expect(JSON.stringify(listed.body)).not.toContain("key-that-stays-on-the-server");
    // Not offered to visitors until the operator says so.
    const offered = async () =>
      (await app.browser().call<{ tools: Array<{ id: string }> }>("GET /api/tools")).body.tools;
    expect((await offered()).map((tool) => tool.id)).not.toContain(id);

    const changed = await app
      .browser()
      .call<Answer>(
        "PATCH /api/admin/tools/:id",
        { id },
        { json: { isPublic: true, timeoutMs: 2000, secretHeader: null }, headers: admin },
      );
    expect(changed.status).toBe(200);
    expect(changed.body.tool).toMatchObject({
      isPublic: true,
      timeoutMs: 2000,
      secretHeaderName: null,
    });
    expect(await offered()).toContainEqual({
      id,
      name: "look_up_order",
      description: ORDERS.description,
    });
    const row = await (await app.db()).operatorTool.findUniqueOrThrow({ where: { id } });
    expect(row.secretHeaderValue).toBeNull();

    const deleted = await app
      .browser()
      .call("DELETE /api/admin/tools/:id", { id }, { headers: admin });
    expect(deleted.status).toBe(204);
    expect((await offered()).map((tool) => tool.id)).not.toContain(id);
    const again = await app
      .browser()
      .call<Answer>("DELETE /api/admin/tools/:id", { id }, { headers: admin });
    expect(again.status).toBe(404);
  });

  it("refuses what would not work, saying why, and writes nothing", async () => {
    const before = await (await app.db()).operatorTool.count();
    for (const [change, message] of [
      [{ url: "https://evil.example/x" }, "evil.example is not in TOOL_ALLOWED_HOSTS"],
      [{ url: "ftp://api.shop.example/x" }, "url: must be an http:// or https:// URL"],
      [{ url: "https://api.shop.example:99999/x" }, "url: is not a URL"],
      [{ url: "https://user:pw@api.shop.example/x" }, "must not carry a user name or password"],
      [{ url: "https://{host}/x" }, "url: must name its host itself"],
      [{ name: "Look Up" }, "name: must be lower-case letters"],
      [{ name: "search_knowledge" }, "is the knowledge search's own name"],
      [{ parameters: { type: "string" } }, 'must have "type": "object"'],
      [{ parameters: { type: "object", requried: ["x"] } }, "is not a valid JSON Schema"],
      [
        { parameters: { type: "object", properties: { x: { type: "strin" } } } },
        "is not a valid JSON Schema",
      ],
      [{ parameters: { type: "object", description: "x".repeat(5000) } }, "at most 4096 bytes"],
      [{ method: "DELETE" }, "method"],
      [{ timeoutMs: 60_000 }, "timeoutMs"],
      [{ secretHeader: { name: "Host", value: "x" } }, "is set by the app itself"],
      [{ secretHeader: { name: "X-Key", value: "a\nb" } }, "must be one line of text"],
      [{ description: "" }, "description"],
      [{ extra: 1 }, "extra"],
    ] as const) {
      const res = await declare({ ...ORDERS, name: "refused_tool", ...change });
      expect(res.status, JSON.stringify(change)).toBe(400);
      expect(res.body.error?.message).toContain(message);
    }
    expect(await (await app.db()).operatorTool.count()).toBe(before);
  });

  it("keeps tool names unique", async () => {
    const first = await declare({ ...ORDERS, name: "unique_tool" });
    expect(first.status).toBe(201);
    const second = await declare({ ...ORDERS, name: "unique_tool" });
    expect(second.status).toBe(409);
    expect(second.body.error?.message).toBe('A tool named "unique_tool" already exists.');
    const other = await declare({
      ...ORDERS,
      name: "other_tool",
      url: "https://api2.shop.example/x",
    });
    const renamed = await app
      .browser()
      .call<Answer>(
        "PATCH /api/admin/tools/:id",
        { id: other.body.tool!.id },
        { json: { name: "unique_tool" }, headers: admin },
      );
    expect(renamed.status).toBe(409);
  });

  it("sends a tool's secret to another host only when the operator gives it again", async () => {
    const made = await declare({ ...ORDERS, name: "moving_tool" });
    const id = made.body.tool!.id;
    const move = (json: unknown) =>
      app.browser().call<Answer>("PATCH /api/admin/tools/:id", { id }, { json, headers: admin });
    const refused = await move({ url: "https://api2.shop.example/orders/{order}" });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toContain("needs its secret header again");
    // Another path on the same host keeps it; another host with a new secret takes that.
    expect((await move({ url: "https://api.shop.example/v2/orders/{order}" })).status).toBe(200);
    const moved = await move({
      url: "https://api2.shop.example/orders/{order}",
      secretHeader: { name: "X-Api-Key", value: "the-second-host-key" },
    });
    expect(moved.status).toBe(200);
    const row = await (await app.db()).operatorTool.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      url: "https://api2.shop.example/orders/{order}",
      secretHeaderValue: "the-second-host-key",
    });
  });
});
