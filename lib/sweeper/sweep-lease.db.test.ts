// The lease that lets one request per interval sweep, across every instance.
import { expect, it } from "vitest";

import { sleep } from "@/lib/sleep";
import { setUpEquosApp } from "@/test/equos-app";

const ctx = setUpEquosApp({ SWEEP_MODE: "requests", SWEEP_INTERVAL_SECONDS: "30" });

const burst = () =>
  Promise.all(Array.from({ length: 20 }, () => ctx.app.browser().call("GET /api/health")));

it("sweeps at most once per interval, however many requests arrive", async () => {
  const db = await ctx.app.db();
  await db.sweepLease.deleteMany();
  await burst();
  await expect.poll(() => db.sweepLease.count()).toBe(1);
  const first = await db.sweepLease.findUniqueOrThrow({ where: { id: 1 } });

  await sleep(1100); // past this instance's own throttle, well inside the interval
  await burst();
  await sleep(200);
  expect(await db.sweepLease.findUniqueOrThrow({ where: { id: 1 } })).toEqual(first);
});
