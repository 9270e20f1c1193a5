// The session API as one browser uses it, from Node: start, keep the owner cookie the app sets,
// and send it back to stop. Node's fetch sends no Origin, as a server-side caller would not.
import { STACK } from "@/e2e/support/stack";
import { sleep } from "@/lib/sleep";

export interface StartedSession {
  session: { id: string };
  connection: { serverUrl: string; participantToken: string; participantIdentity: string };
}

// 127.0.0.1 rather than localhost: `next start -H 127.0.0.1` does not answer on ::1.
export const APP_URL = `http://127.0.0.1:${STACK.appPort}`;

export class SessionClient {
  private cookie: string | undefined;

  constructor(private readonly baseUrl = APP_URL) {}

  async start(body: { profile?: string; context?: string; userName?: string } = {}) {
    let res = await this.post(body);
    // As a client honouring Retry-After: the worker may still be warming a job process.
    for (let tries = 0; res.status === 503 && tries < 20; tries++) {
      const refusal = (await res.clone().json()) as { error?: { code?: string } };
      if (refusal.error?.code !== "AVATAR_WARMING") break;
      await sleep(Number(res.headers.get("retry-after") ?? 3) * 1000);
      res = await this.post(body);
    }
    if (res.status !== 201) throw new Error(`start: HTTP ${res.status} ${await res.text()}`);
    const owner = res.headers.getSetCookie().find((c) => c.startsWith("jeremy_owner="));
    if (owner) this.cookie = owner.split(";")[0];
    return (await res.json()) as StartedSession;
  }

  private post(body: object) {
    return fetch(`${this.baseUrl}/api/sessions`, {
      method: "POST",
      headers: this.headers(),
      body: JSON.stringify(body),
    });
  }

  /** The page's "still here" signal; without it the sweeper ends the session after 45 s. */
  async heartbeat(id: string) {
    const res = await fetch(`${this.baseUrl}/api/sessions/${encodeURIComponent(id)}/heartbeat`, {
      method: "POST",
      headers: this.headers(),
      body: "{}",
    });
    await res.arrayBuffer();
  }

  /** Sends a heartbeat every 15 s, as the page does, until the returned function is called. */
  keepAlive(id: string): () => void {
    const timer = setInterval(() => void this.heartbeat(id).catch(() => undefined), 15_000);
    return () => clearInterval(timer);
  }

  async stop(id: string) {
    const res = await fetch(`${this.baseUrl}/api/sessions/${encodeURIComponent(id)}/stop`, {
      method: "POST",
      headers: this.headers(),
      body: JSON.stringify({ reason: "hangup" }),
    });
    if (res.status !== 200) throw new Error(`stop ${id}: HTTP ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  }

  private headers(): Record<string, string> {
    return {
      "content-type": "application/json",
      ...(this.cookie ? { cookie: this.cookie } : {}),
    };
  }
}

/** Resolves once the worker runs no conversation (each benchmark starts from a quiet worker). */
export async function waitForIdleWorker(
  timeoutMs = 30_000,
  workerHealthUrl: string = STACK.workerHealthUrl,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const jobs = await fetch(`${workerHealthUrl}/worker`)
      .then(async (res) => ((await res.json()) as { active_jobs: number }).active_jobs)
      .catch(() => -1);
    if (jobs === 0) return;
    if (Date.now() > deadline) throw new Error(`the worker still had ${jobs} job(s) running`);
    await sleep(250);
  }
}
