import { describe, expect, it } from "vitest";

import { everyPage, PAGE_SIZE } from "./shared";

/** A list of `total` rows that answers at most `cap` a page, recording the skips asked. */
function list(total: number, cap = PAGE_SIZE) {
  const skips: number[] = [];
  const read = (skip: number, take: number) => {
    skips.push(skip);
    const size = Math.min(take, cap);
    const rows = Array.from(
      { length: Math.max(0, Math.min(size, total - skip)) },
      (_, i) => skip + i,
    );
    return Promise.resolve({ total, take: size, rows });
  };
  return { read, skips };
}

describe("everyPage", () => {
  it.each([0, 1, 49, 50, 51, 120])("reads all of %i rows, 50 a page", async (total) => {
    const { read, skips } = list(total);
    expect(await everyPage(read)).toHaveLength(total);
    expect(skips).toEqual(
      Array.from({ length: Math.max(1, Math.ceil(total / 50)) }, (_, i) => i * 50),
    );
  });

  it("does not stop early when the API answers smaller pages than asked", async () => {
    const { read, skips } = list(45, 20);
    expect(await everyPage(read)).toEqual(Array.from({ length: 45 }, (_, i) => i));
    expect(skips).toEqual([0, 20, 40]);
  });

  it("fails rather than answer part of a list that never ends", async () => {
    const endless = (skip: number) =>
      Promise.resolve({ total: Infinity, take: 50, rows: Array<number>(50).fill(skip) });
    await expect(everyPage(endless)).rejects.toMatchObject({ failure: "error" });
  });
});
