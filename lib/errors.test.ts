import { describe, expect, it, vi } from "vitest";

import { AppError, errorResponse, isAppError } from "./errors";

/** A second copy of lib/errors.ts, as `next dev` loads one for instrumentation and one for routes. */
async function secondCopy() {
  vi.resetModules();
  const copy = await import("./errors");
  expect(copy.AppError).not.toBe(AppError);
  return copy;
}

describe("errors from another copy of the module", () => {
  it("keep their status and shape", async () => {
    const copy = await secondCopy();
    const error = new copy.AppError("FORBIDDEN", "This session belongs to another browser.");

    expect(isAppError(error)).toBe(true);
    const response = errorResponse(error);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: { code: "FORBIDDEN", message: "This session belongs to another browser." },
    });
  });

  it("provider errors are recognised too", async () => {
    const { isProviderError } = await import("@/lib/providers/errors");
    vi.resetModules();
    const copy = await import("@/lib/providers/errors");
    expect(isProviderError(new copy.ProviderError("timeout", "slow"))).toBe(true);
  });

  it("anything else is not an AppError", () => {
    for (const value of [new Error("x"), { code: "FORBIDDEN" }, null, "FORBIDDEN", undefined]) {
      expect(isAppError(value)).toBe(false);
    }
  });
});
