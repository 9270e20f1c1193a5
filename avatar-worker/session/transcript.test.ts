import { describe, expect, it } from "vitest";

import { lineDate } from "./transcript";

describe("when a line was said", () => {
  const now = new Date("2026-12-02T10:00:10.000Z");
  const began = Date.parse("2026-12-02T10:00:01.000Z");

  it("is when it began to play, for a reply cut short (recorded after the turn that cut it)", () => {
    expect(lineDate({ role: "assistant", interrupted: true, createdAt: began }, now)).toEqual(
      new Date(began),
    );
  });

  it("is when it was recorded, for every other line", () => {
    expect(lineDate({ role: "assistant", interrupted: false, createdAt: began }, now)).toBe(now);
    expect(lineDate({ role: "user", interrupted: false, createdAt: began }, now)).toBe(now);
  });
});
