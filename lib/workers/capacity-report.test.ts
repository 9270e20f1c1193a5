import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import type { CapacityReport } from "@/lib/contract";

import { type CapacityReporter, reportCapacity } from "./capacity-report";

const stops: Array<() => unknown> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

/** An app that records the capacity reports it receives. */
async function fakeApp() {
  const reports: CapacityReport[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      reports.push(JSON.parse(body) as CapacityReport);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  stops.push(() => server.close());
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, reports };
}

/** A reporter to `appUrl`, as a worker with `maxSessions` room would be. */
const reporterTo = (appUrl: string, extra: Partial<CapacityReporter> = {}): CapacityReporter => ({
  appUrl,
  apiKey: "devkey",
  apiSecret: "talk-to-jeremy-dev-secret-not-for-production",
  agentName: "jeremy",
  maxSessions: 3,
  ...extra,
});

describe("reportCapacity", () => {
  it("offers room within about a second of registering, even when it registered mid-report", async () => {
    const app = await fakeApp();
    const env = reporterTo(app.url);
    // Not registered for the first report; registered by the time it has been sent.
    let calls = 0;
    const reporter = reportCapacity(env, () =>
      calls++ === 0 ? null : { activeJobs: 0, readyProcesses: 1 },
    );
    stops.push(() => reporter.stop());
    await expect
      .poll(() => app.reports.find((report) => report.maxSessions === 3), { timeout: 3_000 })
      .toBeDefined();
    expect(app.reports[0]).toMatchObject({ maxSessions: 0, activeJobs: 0, readyProcesses: 0 });
  });

  it("tells the app within about a second when a job begins or a process warms, not a period later", async () => {
    const app = await fakeApp();
    const env = reporterTo(app.url);
    let now = { activeJobs: 0, readyProcesses: 1 };
    const reporter = reportCapacity(env, () => now);
    stops.push(() => reporter.stop());
    await expect.poll(() => app.reports.length, { timeout: 3_000 }).toBe(1);
    // A job takes the warm process; its replacement is still warming.
    now = { activeJobs: 1, readyProcesses: 0 };
    await expect
      .poll(() => app.reports.at(-1), { timeout: 2_000 })
      .toMatchObject({ activeJobs: 1, readyProcesses: 0 });
    now = { activeJobs: 1, readyProcesses: 1 };
    await expect
      .poll(() => app.reports.at(-1), { timeout: 2_000 })
      .toMatchObject({ activeJobs: 1, readyProcesses: 1 });
    expect(app.reports).toHaveLength(3);
  });

  it("sends a failed report again within about a second", async () => {
    let refuse = true;
    const reports: CapacityReport[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        if (refuse) return void res.writeHead(502).end();
        reports.push(JSON.parse(body) as CapacityReport);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    stops.push(() => server.close());
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const env = reporterTo(url);
    const reporter = reportCapacity(env, () => ({ activeJobs: 0, readyProcesses: 2 }));
    stops.push(() => reporter.stop());
    await new Promise((resolve) => setTimeout(resolve, 300));
    refuse = false;
    await expect.poll(() => reports.length, { timeout: 2_500 }).toBeGreaterThan(0);
    expect(reports[0]).toMatchObject({ readyProcesses: 2 });
  });

  it("names the face worker a brain needs, and says nothing of one otherwise", async () => {
    const app = await fakeApp();
    const face = reportCapacity(reporterTo(app.url, { agentName: "jeremy-face" }), () => ({
      activeJobs: 0,
      readyProcesses: 1,
    }));
    const brain = reportCapacity(reporterTo(app.url, { faceAgentName: "jeremy-face" }), () => ({
      activeJobs: 0,
      readyProcesses: 1,
    }));
    stops.push(
      () => face.stop(),
      () => brain.stop(),
    );
    await expect.poll(() => app.reports.length, { timeout: 3_000 }).toBe(2);
    const byAgent = Object.fromEntries(app.reports.map((report) => [report.agentName, report]));
    expect(byAgent["jeremy"]).toMatchObject({ faceAgentName: "jeremy-face" });
    expect(byAgent["jeremy-face"]).not.toHaveProperty("faceAgentName");
  });
});
