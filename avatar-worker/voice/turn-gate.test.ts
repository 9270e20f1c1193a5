import { describe, expect, it } from "vitest";

import { CallBudget } from "./call-budget";
import { BUSY_LINE, TurnGate } from "./turn-gate";

describe("turns once the minute's model calls are spent", () => {
  it("says one short line for the first turn turned away, drops the rest, and says how many", () => {
    let now = 0;
    const budget = new CallBudget(2, () => now);
    const said: string[] = [];
    const logged: string[] = [];
    const gate = new TurnGate(
      budget,
      (line) => said.push(line),
      (line) => logged.push(line),
    );

    const admitted: boolean[] = [];
    for (let turn = 0; turn < 10; turn++) {
      const ok = gate.admit();
      admitted.push(ok);
      if (ok) budget.take();
    }
    expect(admitted).toEqual([true, true, false, false, false, false, false, false, false, false]);
    expect(said).toEqual([BUSY_LINE]);
    expect(logged).toHaveLength(1);

    now = 61_000;
    expect(gate.admit()).toBe(true);
    expect(logged.at(-1)).toMatch(/8 were dropped/);
  });

  it("lets every turn through when there is no model to spare", () => {
    const gate = new TurnGate(
      null,
      () => {},
      () => {},
    );
    for (let turn = 0; turn < 100; turn++) expect(gate.admit()).toBe(true);
  });
});
