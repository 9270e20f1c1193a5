import { describe, expect, it } from "vitest";

import { equosStatusError, equosTransportError } from "./errors";

describe("Equos failures, one mapping for both API versions", () => {
  it.each([
    [401, "", "error", false],
    [403, "", "error", false],
    [400, "", "error", false],
    [402, "", "quota", false],
    [403, JSON.stringify({ message: "FREEMIUM_LIMIT reached" }), "quota", false],
    [403, JSON.stringify({ code: "FREEMIUM_LIMIT", message: "no" }), "quota", false],
    [404, "", "not_found", false],
    [429, "", "unavailable", true],
    [500, "", "unavailable", true],
    [503, "", "unavailable", true],
    [504, "", "timeout", true],
  ] as const)("%i %s → %s", (status, body, failure, retryable) => {
    const error = equosStatusError(status, body, "POST /v3/conversations");
    expect(error).toMatchObject({ failure, retryable });
    expect(error.message).toContain(`POST /v3/conversations failed with ${status}`);
  });

  it("maps a timeout to timeout and anything else unanswered to unavailable", () => {
    const timedOut = equosTransportError(new DOMException("t", "TimeoutError"), "GET /x", 100);
    expect(timedOut).toMatchObject({ failure: "timeout", retryable: true });
    const refused = equosTransportError(new TypeError("fetch failed"), "GET /x", 100);
    expect(refused).toMatchObject({ failure: "unavailable", retryable: true });
  });
});
