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

describe("createGate with a longest wait", () => {
  it("fails a task that waited too long for its turn, without running it", async () => {
    const gate = createGate(1, { maxWaitMs: 20, tooLong: () => new Error("busy") });
    let release!: () => void;
    const first = gate(() => new Promise<string>((resolve) => (release = () => resolve("one"))));
    let ran = false;
    const second = gate(async () => {
      ran = true;
    });
    await expect(second).rejects.toThrow("busy");
    expect(ran).toBe(false);
    release();
    await expect(first).resolves.toBe("one");
    // The place is free again: the next task runs at once.
    await expect(gate(async () => 3)).resolves.toBe(3);
  });
});
