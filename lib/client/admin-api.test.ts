import { afterEach, describe, expect, it, vi } from "vitest";

import { adminCall, knowledgePath } from "./admin-api";

/** Stubs fetch with one answer and returns the stub, to read what was sent. */
function answer(status: number, body: unknown) {
  const fetch = vi.fn<typeof globalThis.fetch>(async () => Response.json(body, { status }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("adminCall", () => {
  it("sends a plain body as JSON", async () => {
    const fetch = answer(201, { document: { id: "doc_1" } });
    const result = await adminCall("POST", "/api/x", { url: "https://a.test/" });
    expect(result).toEqual({ ok: true, body: { document: { id: "doc_1" } } });
    const init = fetch.mock.calls[0]?.[1];
    expect(init?.headers).toEqual({ "content-type": "application/json" });
    expect(init?.body).toBe('{"url":"https://a.test/"}');
  });

  it("sends a FormData as it is, leaving its content-type (and boundary) to fetch", async () => {
    const fetch = answer(201, {});
    const form = new FormData();
    form.append("file", new File(["%PDF-1.4"], "a.pdf", { type: "application/pdf" }));
    await adminCall("POST", "/api/x", form);
    const init = fetch.mock.calls[0]?.[1];
    expect(init?.body).toBe(form);
    expect(init?.headers).toBeUndefined();
  });

  it("gives the server's message on a refusal", async () => {
    const message = "This PDF has no text layer (a scan?); only the text in a PDF is read.";
    answer(400, { error: { code: "BAD_REQUEST", message } });
    expect(await adminCall("POST", "/api/x", new FormData())).toEqual({ ok: false, message });
  });

  it("names the status when the server gives no message", async () => {
    answer(502, null);
    expect(await adminCall("GET", "/api/x")).toEqual({
      ok: false,
      message: "The server answered 502.",
    });
  });
});

describe("knowledgePath", () => {
  it("encodes each part after the base path", () => {
    expect(knowledgePath("kb_1", "documents", "doc 2", "refetch")).toBe(
      "/api/admin/knowledge/kb_1/documents/doc%202/refetch",
    );
  });
});
