import { describe, expect, it } from "vitest";

import { sleep } from "@/lib/sleep";

import { createGate } from "./gate";

describe("createGate", () => {
  it("runs at most `limit` tasks at once, all of them in the end, in order", async () => {
    const gate = createGate(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const task = (i: number) => async () => {
      running += 1;
      peak = Math.max(peak, running);
      await sleep(5);
      order.push(i);
      running -= 1;
      return i;
    };
    const results = await Promise.all([0, 1, 2, 3, 4].map((i) => gate(task(i))));
    expect(results).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(order.slice(2)).toEqual([2, 3, 4]);
  });

  it("frees its place when a task fails", async () => {
    const gate = createGate(1);
    await expect(gate(async () => Promise.reject(new Error("no")))).rejects.toThrow("no");
    await expect(gate(async () => 7)).resolves.toBe(7);
  });
});
