import { afterEach, describe, expect, it, vi } from "vitest";

import { sleep } from "@/lib/sleep";

import { runEvery } from "./interval";

afterEach(() => {
  vi.useRealTimers();
});

describe("runEvery", () => {
  it("runs the job each interval, never two runs at once", async () => {
    vi.useFakeTimers();
    let running = 0;
    let most = 0;
    let runs = 0;
    const job = async () => {
      runs += 1;
      running += 1;
      most = Math.max(most, running);
      await sleep(2500); // slower than the interval
      running -= 1;
    };
    const timer = runEvery(1000, job);
    await vi.advanceTimersByTimeAsync(10_000);
    timer.stop();
    expect(most).toBe(1);
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(runs).toBeLessThanOrEqual(4);
  });

  it("keeps going after a failed run", async () => {
    vi.useFakeTimers();
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    let runs = 0;
    const timer = runEvery(1000, async () => {
      runs += 1;
      throw new Error("database down");
    });
    await vi.advanceTimersByTimeAsync(3500);
    timer.stop();
    expect(runs).toBe(3);
    expect(errors).toHaveBeenCalledTimes(3);
    errors.mockRestore();
  });
});
