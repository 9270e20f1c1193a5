import { existsSync, readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

// Vercel Cron calls GET /api/cron/reap on this schedule. Hobby plans refuse to deploy anything
// more frequent than daily, so the schedule shipped is daily: there the page's heartbeat and
// LiveKit's webhooks end sessions, and the cron sweep is the backstop. On Pro, "* * * * *".
describe("vercel.json", () => {
  const { crons, functions } = JSON.parse(readFileSync("vercel.json", "utf8")) as {
    crons: Array<{ path: string; schedule: string }>;
    functions: Record<string, { maxDuration: number }>;
  };

  it("schedules the sweep route, which exists", () => {
    expect(crons.map((cron) => cron.path)).toEqual(["/api/cron/reap"]);
    expect(existsSync("app/api/cron/reap/route.ts")).toBe(true);
  });

  it("runs once a day at a fixed time, which every Vercel plan accepts", () => {
    const [minute, hour, ...rest] = crons[0]!.schedule.split(" ");
    expect(minute).toMatch(/^\d{1,2}$/);
    expect(hour).toMatch(/^\d{1,2}$/);
    expect(rest).toEqual(["*", "*", "*"]);
  });

  it("gives every API route a minute: a stop may try Equos 3 times at up to 15 s each", () => {
    expect(functions).toEqual({ "app/api/**/route.ts": { maxDuration: 60 } });
  });
});
