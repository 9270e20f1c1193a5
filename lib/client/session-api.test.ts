import { afterEach, describe, expect, it, vi } from "vitest";

import { stopSessionUntilConfirmed, type StopRetry } from "./session-api";

const view = (status: string) => ({ session: { id: "ses_1", status, endReason: "hangup" } });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("stopSessionUntilConfirmed", () => {
  it("keeps asking while the server answers 202, and resolves only on 200", async () => {
    vi.useFakeTimers();
    const answers = [
      Response.json(view("STOP_FAILED"), { status: 202 }),
      Response.json(view("ACTIVE"), { status: 202 }),
      Response.json(view("ENDED"), { status: 200 }),
    ];
    const fetch = vi.fn(async () => answers.shift()!);
    vi.stubGlobal("fetch", fetch);
    const retries: StopRetry[] = [];

    const stopped = stopSessionUntilConfirmed("ses_1", "hangup", (retry) => retries.push(retry));
    await vi.runAllTimersAsync();

    await expect(stopped).resolves.toMatchObject({ status: "ENDED" });
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(retries).toEqual([
      { attempt: 1, offline: false, serverPending: true },
      { attempt: 2, offline: false, serverPending: true },
    ]);
  });

  it("retries a server error as unreachable, and gives up on a refusal", async () => {
    vi.useFakeTimers();
    const answers = [
      new Response("", { status: 503 }),
      Response.json({ error: { code: "FORBIDDEN", message: "Not yours." } }, { status: 403 }),
    ];
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => answers.shift()!),
    );
    const retries: StopRetry[] = [];
    const stopped = stopSessionUntilConfirmed("ses_1", "hangup", (retry) => retries.push(retry));
    const outcome = expect(stopped).rejects.toMatchObject({ code: "FORBIDDEN" });
    await vi.runAllTimersAsync();
    await outcome;
    expect(retries).toEqual([{ attempt: 1, offline: false, serverPending: false }]);
  });
});
