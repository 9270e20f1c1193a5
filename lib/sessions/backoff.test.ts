import { describe, expect, it } from "vitest";

import { nextStopAttemptAt } from "./backoff";
import type { SessionSettings } from "./types";

const settings = {
  stopAttempts: 3,
  sweep: { stopRetryBaseSeconds: 10, stopRetryMaxSeconds: 600 },
} as SessionSettings;

describe("nextStopAttemptAt", () => {
  it("waits the base delay after a round of attempts, doubling each round up to the maximum", () => {
    const now = new Date("2026-11-21T10:00:00Z");
    const wait = (attempts: number) =>
      (nextStopAttemptAt(settings, attempts, now).getTime() - now.getTime()) / 1000;
    expect([1, 3, 4, 6, 9, 12, 15, 18, 21, 300].map(wait)).toEqual([
      10, 10, 20, 20, 40, 80, 160, 320, 600, 600,
    ]);
  });
});
