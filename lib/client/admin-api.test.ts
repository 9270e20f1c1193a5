import { afterEach, describe, expect, it, vi } from "vitest";

import { adminCall, knowledgePath, toolPath } from "./admin-api";

afterEach(() => vi.unstubAllGlobals());

const answer = (response: Response | Error) =>
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => {
      if (response instanceof Error) throw response;
      return response;
    }),
  );

describe("the operator page's admin calls", () => {
  it("give the body of a success, and nothing for a 204", async () => {
    answer(Response.json({ base: { id: "kb_1" } }, { status: 201 }));
    expect(await adminCall("POST", "/api/admin/knowledge", { name: "x" })).toEqual({
      ok: true,
      body: { base: { id: "kb_1" } },
    });
    answer(new Response(null, { status: 204 }));
    expect(await adminCall("DELETE", "/api/admin/knowledge/kb_1")).toEqual({
      ok: true,
      body: null,
    });
  });

  it("give the server's own message for a refusal, or say what went wrong without one", async () => {
    answer(
      Response.json({ error: { code: "CONFLICT", message: "Delete one first." } }, { status: 409 }),
    );
    expect(await adminCall("POST", "/x", {})).toEqual({ ok: false, message: "Delete one first." });
    answer(new Response("<html>Bad gateway</html>", { status: 502 }));
    expect(await adminCall("GET", "/x")).toEqual({
      ok: false,
      message: "The server answered 502.",
    });
    answer(new TypeError("Failed to fetch"));
    expect(await adminCall("GET", "/x")).toEqual({
      ok: false,
      message: "Could not reach the server.",
    });
  });

  it("send a body as JSON, and escape ids in paths", async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal("fetch", fetch);
    await adminCall("PATCH", knowledgePath("kb/../x", "documents"), { isPublic: true });
    expect(fetch).toHaveBeenCalledWith("/api/admin/knowledge/kb%2F..%2Fx/documents", {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: '{"isPublic":true}',
    });
    expect([toolPath(), toolPath("tool_1/../x")]).toEqual([
      "/api/admin/tools",
      "/api/admin/tools/tool_1%2F..%2Fx",
    ]);
  });

  it("send a FormData as it is, leaving its content-type (with the boundary) to the browser", async () => {
    const fetch = vi.fn(async () => Response.json({}, { status: 201 }));
    vi.stubGlobal("fetch", fetch);
    const form = new FormData();
    form.append("file", new File(["%PDF-1.4"], "a.pdf", { type: "application/pdf" }));
    await adminCall("POST", knowledgePath("kb_1", "documents"), form);
    expect(fetch).toHaveBeenCalledWith("/api/admin/knowledge/kb_1/documents", {
      method: "POST",
      body: form,
    });
  });
});
