// The product as a deployment that has outgrown one machine runs it (deploy/README.md): Redis,
// two LiveKit nodes sharing it (deploy/livekit.yaml) behind a load balancer, two Jeremy workers
// (each registered with a different node), two `next start` instances of the production build
// behind a load balancer, and one PostgreSQL. Everything on this machine, on its own ports.
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { networkInterfaces } from "node:os";
import path from "node:path";

import { RoomServiceClient } from "livekit-server-sdk";
import pg from "pg";

import { OFFERING_ROOM } from "@/lib/workers/capacity-report";
import { CAPACITY_REPORT_SECONDS } from "@/lib/contract";
import { sleep } from "@/lib/sleep";

import { kill, spawnLogged, STACK, stackEnv, waitUntil } from "../../support/stack";

import { AppBalancer } from "./app-balancer";
import { Balancer } from "./balancer";

const LOG_DIR = path.resolve("test-results", "cluster");
/** READY_STALE_MS of lib/sessions/capacity.ts: a readiness older than this is not believed. */
const READY_STALE_SECONDS = 1.5 * CAPACITY_REPORT_SECONDS;

export const CLUSTER = {
  /** The page's address: the app's load balancer. */
  appUrl: "http://localhost:3200",
  apiUrl: "http://127.0.0.1:3200",
  appBalancerPort: 3200,
  appPorts: [3201, 3202],
  redisPort: 7990,
  nodes: [
    { name: "node-a", port: 7900, tcpPort: 7901, udpPort: 7902 },
    { name: "node-b", port: 7910, tcpPort: 7911, udpPort: 7912 },
  ],
  /**
   * LiveKit's load balancer, the LIVEKIT_URL of the app and the page. The production build's
   * Content-Security-Policy names the LiveKit URL it was built with (the end-to-end tests'
   * ws://127.0.0.1:7890), so the balancer listens there.
   */
  livekitBalancerPort: 7890,
  /** One per worker, each preferring a different node (and failing over to the other). */
  workerBalancerPorts: [7921, 7922],
  workerHealthPorts: [8191, 8192],
  logDir: LOG_DIR,
} as const;

export type NodeIndex = 0 | 1;

/**
 * The address the LiveKit nodes advertise for media: this machine's first address that is not
 * loopback (WebRTC ignores loopback). Inside the test's network namespace, its veth address.
 */
export function mediaAddress(): string {
  if (process.env.CLUSTER_NODE_IP) return process.env.CLUSTER_NODE_IP;
  for (const addresses of Object.values(networkInterfaces()))
    for (const address of addresses ?? [])
      if (address.family === "IPv4" && !address.internal) return address.address;
  throw new Error(
    "No network address other than loopback for LiveKit to advertise: run the cluster test " +
      "inside a network namespace with one (see .ci/in-namespace.sh), or set CLUSTER_NODE_IP.",
  );
}

/**
 * deploy/livekit.yaml with its one line to edit, the app's webhook address, pointed at this
 * test's app balancer (everything else that differs per node comes from the environment).
 */
function livekitConfig(): string {
  const file = readFileSync("deploy/livekit.yaml", "utf8");
  const example = "https://jeremy.example.com/api/livekit/webhook";
  if (!file.includes(example)) throw new Error(`deploy/livekit.yaml no longer names ${example}`);
  return file.replace(example, `${CLUSTER.apiUrl}/api/livekit/webhook`);
}

export interface ClusterOptions {
  livekitBinary: string;
  databaseUrl: string;
}

/** Starts everything; resolves once both workers have offered the app their room. */
export async function startCluster(options: ClusterOptions) {
  const nodeIp = mediaAddress();
  const env = stackEnv({
    DATABASE_URL: options.databaseUrl,
    APP_URL: CLUSTER.apiUrl,
    LIVEKIT_URL: `ws://127.0.0.1:${CLUSTER.livekitBalancerPort}`,
    // Both instances sweep the ledger; claims keep them from ending a session twice.
    SWEEP_INTERVAL_SECONDS: "5",
  });
  const cluster = new Cluster(options, env, nodeIp);
  try {
    await cluster.start();
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return cluster;
}

export class Cluster {
  readonly rooms = new RoomServiceClient(
    `http://127.0.0.1:${CLUSTER.livekitBalancerPort}`,
    STACK.apiKey,
    STACK.apiSecret,
  );
  readonly appBalancer = new AppBalancer([...CLUSTER.appPorts]);
  readonly livekitBalancer = new Balancer({
    upstreams: CLUSTER.nodes.map((node) => node.port),
    mode: "rotate",
  });
  private readonly workerBalancers = [
    new Balancer({ upstreams: [CLUSTER.nodes[0].port, CLUSTER.nodes[1].port], mode: "prefer" }),
    new Balancer({ upstreams: [CLUSTER.nodes[1].port, CLUSTER.nodes[0].port], mode: "prefer" }),
  ];
  private redis?: ChildProcess;
  private readonly nodes: Array<ChildProcess | undefined> = [undefined, undefined];
  private readonly workers: Array<ChildProcess | undefined> = [undefined, undefined];
  private readonly apps: Array<ChildProcess | undefined> = [undefined, undefined];

  constructor(
    private readonly options: ClusterOptions,
    readonly env: Record<string, string>,
    readonly nodeIp: string,
  ) {}

  async start() {
    this.redis = spawnLogged(
      "redis",
      "redis-server",
      [
        "--port",
        String(CLUSTER.redisPort),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
      ],
      {},
      LOG_DIR,
    );
    await this.livekitBalancer.listen(CLUSTER.livekitBalancerPort);
    await this.workerBalancers[0]!.listen(CLUSTER.workerBalancerPorts[0]);
    await this.workerBalancers[1]!.listen(CLUSTER.workerBalancerPorts[1]);
    await this.appBalancer.listen(CLUSTER.appBalancerPort);
    await Promise.all([this.startNode(0), this.startNode(1)]);
    await Promise.all([this.startApp(0), this.startApp(1)]);
    await Promise.all([this.startWorker(0), this.startWorker(1)]);
  }

  /** Starts LiveKit node `i` with deploy/livekit.yaml and its own environment. */
  async startNode(i: NodeIndex) {
    const node = CLUSTER.nodes[i];
    this.nodes[i] = spawnLogged(
      node.name,
      this.options.livekitBinary,
      ["--config-body", livekitConfig()],
      {
        NODE_IP: this.nodeIp,
        REDIS_HOST: `127.0.0.1:${CLUSTER.redisPort}`,
        LIVEKIT_KEYS: `${STACK.apiKey}: ${STACK.apiSecret}`,
        LIVEKIT_WEBHOOK_API_KEY: STACK.apiKey,
        LIVEKIT_PORT: String(node.port),
        LIVEKIT_RTC_TCP_PORT: String(node.tcpPort),
        UDP_PORT: String(node.udpPort),
      },
      LOG_DIR,
    );
    await waitUntil(`http://127.0.0.1:${node.port}`, () => true, 30_000);
  }

  /** Starts app instance `i` (`next start` on the production build). */
  async startApp(i: NodeIndex) {
    const port = CLUSTER.appPorts[i]!;
    this.apps[i] = spawnLogged(
      `app-${i + 1}`,
      process.execPath,
      ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
      this.env,
      LOG_DIR,
    );
    await waitUntil(`http://127.0.0.1:${port}/api/health`, () => true, 60_000);
  }

  /** Starts worker `i`, connected through its own balancer (preferring node `i`). */
  async startWorker(i: NodeIndex) {
    const name = `worker-${i + 1}`;
    const offersBefore = this.logCount(name, OFFERING_ROOM);
    this.workers[i] = spawnLogged(
      name,
      process.execPath,
      ["--import", "tsx", "avatar-worker/main.ts", "start"],
      {
        ...this.env,
        LIVEKIT_URL: `ws://127.0.0.1:${CLUSTER.workerBalancerPorts[i]}`,
        JEREMY_HEALTH_PORT: String(CLUSTER.workerHealthPorts[i]),
        JEREMY_IDLE_PROCESSES: "1",
      },
      LOG_DIR,
    );
    await waitUntil(`http://127.0.0.1:${CLUSTER.workerHealthPorts[i]}`, (s) => s === 200, 60_000);
    const deadline = Date.now() + 60_000;
    while (this.logCount(name, OFFERING_ROOM) <= offersBefore) {
      if (Date.now() > deadline) throw new Error(`${name} never offered the app its room`);
      await sleep(100);
    }
  }

  /** Kills LiveKit node `i` at once (SIGKILL), as a machine that dies. */
  async killNode(i: NodeIndex) {
    await kill(this.nodes[i], "SIGKILL");
    this.nodes[i] = undefined;
  }

  /** Kills worker `i` and its job processes at once, as a crash would. */
  async killWorker(i: NodeIndex) {
    await kill(this.workers[i], "SIGKILL");
    this.workers[i] = undefined;
  }

  /** Kills app instance `i` at once. */
  async killApp(i: NodeIndex) {
    await kill(this.apps[i], "SIGKILL");
    this.apps[i] = undefined;
  }

  /** Conversations worker `i` runs now, from its own health endpoint (null when it is down). */
  async activeJobs(i: NodeIndex): Promise<number | null> {
    try {
      const res = await fetch(`http://127.0.0.1:${CLUSTER.workerHealthPorts[i]}/worker`);
      return ((await res.json()) as { active_jobs: number }).active_jobs;
    } catch {
      return null;
    }
  }

  /**
   * Conversations the app believes the live workers can begin at once, counted as its start does
   * (lib/sessions/capacity.ts, checkAvatarReady): the warm processes in the workers' fresh reports,
   * less the conversations begun since the oldest of those reports (a report made before a start
   * may still offer the process that start took). A worker whose processes are all warming offers
   * none. A start made while this is 0 is refused with AVATAR_WARMING.
   */
  async readyToBegin(): Promise<number> {
    const client = new pg.Client({ connectionString: this.options.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ offered: string; begun: string }>(
        `WITH ready AS (
           SELECT "readyProcesses", "seenAt" FROM "AvatarWorker"
           WHERE "readyProcesses" > 0 AND "seenAt" >= now() - make_interval(secs => $1)
         )
         SELECT (SELECT COALESCE(SUM("readyProcesses"), 0) FROM ready) AS offered,
                (SELECT COUNT(*) FROM "Session"
                 WHERE status IN ('STARTING', 'ACTIVE')
                   AND ("createdAt" > (SELECT MIN("seenAt") FROM ready)
                        OR "resumedAt" > (SELECT MIN("seenAt") FROM ready))) AS begun`,
        [READY_STALE_SECONDS],
      );
      return Number(rows[0]?.offered ?? 0) - Number(rows[0]?.begun ?? 0);
    } finally {
      await client.end();
    }
  }

  /** Ids of the ledger's sessions in `status`, through the admin API. */
  async sessions(status: string): Promise<string[]> {
    const res = await fetch(`${CLUSTER.apiUrl}/api/admin/sessions?limit=500&status=${status}`, {
      headers: { authorization: `Bearer ${STACK.adminToken}` },
    });
    if (!res.ok) throw new Error(`GET /api/admin/sessions answered ${res.status}`);
    return ((await res.json()) as { sessions: Array<{ id: string }> }).sessions.map((s) => s.id);
  }

  /** The node hosting `room`, from the nodes' own logs ("selected node for room"). */
  nodeOf(room: string): NodeIndex | null {
    const ids = CLUSTER.nodes.map((node) => this.nodeIds(node.name));
    for (const node of CLUSTER.nodes) {
      for (const line of this.log(node.name).split("\n")) {
        if (!line.includes("selected node for room") || !line.includes(`"${room}"`)) continue;
        const selected = /"selectedNodeID": "([^"]+)"/.exec(line)?.[1];
        const index = ids.findIndex((known) => selected && known.includes(selected));
        if (index >= 0) return index as NodeIndex;
      }
    }
    return null;
  }

  /** The worker that ran `room`'s conversation, from the workers' own logs. */
  workerOf(room: string): NodeIndex | null {
    for (const i of [0, 1] as const) if (this.log(`worker-${i + 1}`).includes(room)) return i;
    return null;
  }

  log(name: string): string {
    try {
      return readFileSync(path.join(LOG_DIR, `${name}.log`), "utf8");
    } catch {
      return "";
    }
  }

  async stop() {
    await Promise.all([...this.apps, ...this.workers].map((child) => kill(child)));
    await Promise.all(this.nodes.map((child) => kill(child)));
    await kill(this.redis);
    await Promise.all([
      this.appBalancer.close(),
      this.livekitBalancer.close(),
      ...this.workerBalancers.map((balancer) => balancer.close()),
    ]);
  }

  /** Every node id this node has had (a restarted node gets a new one). */
  private nodeIds(name: string): string[] {
    return [...this.log(name).matchAll(/starting LiveKit server.*?"nodeID": "([^"]+)"/g)].map(
      (match) => match[1]!,
    );
  }

  private logCount(name: string, text: string): number {
    return this.log(name).split(text).length - 1;
  }
}
