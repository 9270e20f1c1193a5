import { describe, expect, it } from "vitest";

import { CallBudget } from "./call-budget";

describe("a conversation's model calls", () => {
  it("allows at most the limit in any minute, and room comes back as the minute passes", () => {
    let now = 1_000_000;
    const budget = new CallBudget(3, () => now);
    const start = now;
    for (let call = 0; call < 3; call++) {
      expect(budget.take()).toBe(true);
      now += 1_000;
    }
    expect(budget.hasRoom()).toBe(false);
    expect(budget.take()).toBe(false);
    // The first call is a minute old: one more may go, not two.
    now = start + 60_000;
    expect(budget.take()).toBe(true);
    expect(budget.take()).toBe(false);
  });

  it("counts nothing it refused", () => {
    let now = 0;
    const budget = new CallBudget(1, () => now);
    budget.take();
    for (let i = 0; i < 100; i++) budget.take();
    now = 60_000;
    expect(budget.take()).toBe(true);
  });
});
