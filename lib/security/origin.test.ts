import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";

import { checkSameOrigin } from "./origin";

const APP = "http://localhost:3000";

function request(method: string, headers: Record<string, string>, url = `${APP}/api/sessions`) {
  return new Request(url, { method, headers });
}

function verdict(req: Request, appOrigins?: string[]) {
  try {
    checkSameOrigin(req, appOrigins);
    return "allowed";
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(403);
    return "refused";
  }
}

describe("checkSameOrigin", () => {
  it.each([
    ["fetch from the app's own page", { origin: APP, "sec-fetch-site": "same-origin" }],
    [
      "navigator.sendBeacon from the app's page",
      { origin: APP, "sec-fetch-site": "same-origin", "content-type": "text/plain;charset=UTF-8" },
    ],
    ["a same-origin request whose Origin was withheld", { "sec-fetch-site": "same-origin" }],
    ["a server-side caller (no Origin, no Sec-Fetch-Site)", {}],
    [
      "a page reached by its IP under the same Host",
      { origin: "http://localhost:3000", host: "localhost:3000" },
    ],
    [
      "an https origin on its default port",
      { origin: "https://jeremy.example", host: "jeremy.example" },
    ],
    ["an upper-case Host", { origin: "https://jeremy.example", host: "Jeremy.Example" }],
    [
      "a bearer-authenticated caller from anywhere",
      { origin: "https://evil.example", authorization: "Bearer x" },
    ],
  ])("allows %s", (_, headers) => {
    expect(verdict(request("POST", headers))).toBe("allowed");
  });

  it.each([
    ["another site's page", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
    ["another port on the same host", { origin: "http://localhost:3001" }],
    ["the same host on the default port", { origin: "https://localhost" }],
    ["a sibling subdomain", { origin: "http://api.localhost:3000", "sec-fetch-site": "same-site" }],
    ["a form posted from elsewhere without Origin", { "sec-fetch-site": "cross-site" }],
    ["a same-site request without Origin", { "sec-fetch-site": "same-site" }],
    ["a sandboxed frame (Origin: null)", { origin: "null", "sec-fetch-site": "cross-site" }],
    ["Origin: null from a browser too old to say where from", { origin: "null" }],
    ["a user typing the URL (Sec-Fetch-Site: none)", { "sec-fetch-site": "none" }],
    ["a malformed Origin", { origin: "not a url" }],
  ])("refuses %s", (_, headers) => {
    expect(verdict(request("POST", headers))).toBe("refused");
  });

  it.each(["PUT", "PATCH", "DELETE", "post"])("checks %s too", (method) => {
    expect(verdict(request(method, { origin: "https://evil.example" }))).toBe("refused");
  });

  it.each(["GET", "HEAD", "OPTIONS"])("lets %s through: it changes nothing", (method) => {
    expect(verdict(request(method, { origin: "https://evil.example" }))).toBe("allowed");
  });

  it("compares with APP_ORIGIN, not the Host header, when configured behind a proxy", () => {
    const origins = ["https://jeremy.example", "https://www.jeremy.example"];
    const internal = { host: "10.0.0.5:3000" };
    expect(
      verdict(request("POST", { ...internal, origin: "https://jeremy.example" }), origins),
    ).toBe("allowed");
    expect(
      verdict(request("POST", { ...internal, origin: "https://www.jeremy.example" }), origins),
    ).toBe("allowed");
    expect(verdict(request("POST", { ...internal, origin: "http://10.0.0.5:3000" }), origins)).toBe(
      "refused",
    );
    expect(verdict(request("POST", { ...internal, origin: "https://evil.example" }), origins)).toBe(
      "refused",
    );
  });
});
