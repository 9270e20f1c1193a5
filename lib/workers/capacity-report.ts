// Tells the app how many jobs this worker takes and how many it can begin at once (warm job
// processes), every few seconds and within moments of either changing, so that the app starts a
// conversation only while some worker has room and can begin it (lib/sessions/capacity.ts). The
// brain (Jeremy's worker) reports conversations, the face worker faces; a brain that
// needs a face worker names its agent name, so the app counts the faces too.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

import { AccessToken } from "livekit-server-sdk";

import {
  CAPACITY_REPORT_PATH,
  CAPACITY_REPORT_SECONDS,
  WORKER_REPORT_IDENTITY,
  type CapacityReport,
} from "@/lib/contract";

/** Who reports, and where to. */
export interface CapacityReporter {
  /** The app's base URL, as the worker reaches it. */
  appUrl: string;
  /** The LiveKit API key pair, which signs the reports. */
  apiKey: string;
  apiSecret: string;
  /** The name LiveKit dispatches this worker's jobs by. */
  agentName: string;
  /** Jobs this worker runs at once. */
  maxSessions: number;
  /** The face worker each of this worker's conversations needs, if any (its agent name). */
  faceAgentName?: string;
  /** The hosted faces this worker can attach (its vendors' keys are set), if any. */
  hostedFaces?: string[];
}

/** Logged once, when the app has first been told of this worker's room and a warm process. */
export const OFFERING_ROOM = "Offering the app";

/** While the app cannot be reached (it may still be starting), ask again this often. */
const RETRY_MS = 1000;
/** How often the worker looks for a change worth telling the app at once. */
const CHANGE_CHECK_MS = 500;

/** What runs here now: conversations, and those it could begin without a wait. */
export interface WorkerLoad {
  activeJobs: number;
  readyProcesses: number;
}

/**
 * Starts reporting. `load` says what runs here now, or null until the worker has registered
 * with LiveKit: until then it offers no room.
 */
export function reportCapacity(
  reporter: CapacityReporter,
  load: () => WorkerLoad | null,
): { stop(): void } {
  const workerId = `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
  const url = new URL(CAPACITY_REPORT_PATH, reporter.appUrl);
  let timer: NodeJS.Timeout | undefined;
  let failing = false;
  let announced = false;
  let stopped = false;
  /** What the app was last told (successfully), and when the next report is due regardless. */
  let told = "";
  let dueAt = 0;

  const current = (): CapacityReport => {
    const now = load();
    return {
      workerId,
      agentName: reporter.agentName,
      maxSessions: now === null ? 0 : reporter.maxSessions,
      activeJobs: now?.activeJobs ?? 0,
      readyProcesses: now?.readyProcesses ?? 0,
      ...(reporter.faceAgentName ? { faceAgentName: reporter.faceAgentName } : {}),
      ...(reporter.hostedFaces?.length ? { hostedFaces: reporter.hostedFaces } : {}),
    };
  };
  const summary = (report: CapacityReport) =>
    `${report.maxSessions}/${report.activeJobs}/${report.readyProcesses}`;

  /** Sends one report; resolves what it said. */
  const send = async (): Promise<CapacityReport> => {
    const token = new AccessToken(reporter.apiKey, reporter.apiSecret, {
      identity: WORKER_REPORT_IDENTITY,
      ttl: 60,
    });
    const report = current();
    const res = await fetch(url, {
      method: "POST",
      headers: {
        authorization: `Bearer ${await token.toJwt()}`,
        "content-type": "application/json",
      },
      body: JSON.stringify(report),
      signal: AbortSignal.timeout(5000),
    });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    told = summary(report);
    return report;
  };

  const loop = async () => {
    if (stopped) return;
    // Between reports, look for a change (a job begun or ended, a process warmed) and tell the
    // app at once: its view decides whether a start is refused, so it must not lag by a period.
    if (!failing && Date.now() < dueAt && summary(current()) === told) {
      timer = setTimeout(() => void loop(), CHANGE_CHECK_MS);
      timer.unref();
      return;
    }
    let ok = true;
    let offeredRoom = false;
    try {
      const report = await send();
      offeredRoom = report.maxSessions > 0;
      if (failing) console.log(`Reporting capacity to ${url} again.`);
      if (offeredRoom && report.readyProcesses > 0 && !announced) {
        announced = true;
        console.log(`${OFFERING_ROOM} ${reporter.maxSessions} jobs to ${url}.`);
      }
    } catch (error) {
      ok = false;
      // Once, not every second: the app may simply still be starting.
      if (!failing)
        console.warn(`Could not report capacity to ${url} (${String(error)}); retrying.`);
    }
    failing = !ok;
    if (stopped) return;
    // Until a report has offered room (the worker had registered when it was sent), report
    // again every second: the app must learn of the room the moment there is some, not one
    // full interval after a report sent just before registering. A failed report is tried
    // again within a second too, so a lost one never leaves the app with an old view.
    dueAt = Date.now() + (ok && offeredRoom ? CAPACITY_REPORT_SECONDS * 1000 : RETRY_MS);
    timer = setTimeout(() => void loop(), ok && offeredRoom ? CHANGE_CHECK_MS : RETRY_MS);
    timer.unref();
  };
  void loop();

  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
