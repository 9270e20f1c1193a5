// Playwright fixtures for the cluster test: `cluster` is the whole deployment (started once),
// and `conversations` opens as many pages as a test needs, each its own person.
import { test as base, expect, type Browser, type Page } from "@playwright/test";

import type { LedgerSession } from "../fixtures";
import { freshPostgresDatabase } from "../support/postgres";
import { STACK } from "../support/stack";

import { PIN_HEADER } from "./support/app-balancer";
import { CLUSTER, startCluster, type Cluster } from "./support/cluster";

export const test = base.extend<{ people: People }, { cluster: Cluster }>({
  cluster: [
    async ({}, provide) => {
      const livekitBinary = process.env.LIVEKIT_SERVER_BIN;
      const adminUrl = process.env.DATABASE_URL;
      if (!livekitBinary || !adminUrl)
        throw new Error("Run the cluster test with `npm run test:cluster`.");
      const cluster = await startCluster({
        livekitBinary,
        databaseUrl: await freshPostgresDatabase(adminUrl, "jeremy_cluster"),
      });
      await provide(cluster);
      await cluster.stop();
    },
    { scope: "worker", timeout: 180_000, auto: true },
  ],
  people: async ({ browser }, provide) => {
    const people = new People(browser);
    await provide(people);
    await people.close();
  },
});

/** People in their own browser contexts (own cookies), each on the page. */
export class People {
  private readonly pages: Page[] = [];

  constructor(private readonly browser: Browser) {}

  /** A new person on the page; their start goes through app instance `app`. */
  async open(app: 0 | 1): Promise<Page> {
    const context = await this.browser.newContext();
    const page = await context.newPage();
    page.on("pageerror", (error) => console.log(`[page error] ${error.message}`));
    // The load balancer sends everything else round the instances in turn.
    await page.route("**/api/sessions", (route) =>
      route.request().method() === "POST"
        ? route.continue({ headers: { ...route.request().headers(), [PIN_HEADER]: String(app) } })
        : route.fallback(),
    );
    this.pages.push(page);
    return page;
  }

  async close() {
    await Promise.all(this.pages.map((page) => page.context().close()));
  }
}

/** The ledger, read through the admin API behind the app's load balancer. */
export async function ledgerSession(id: string): Promise<LedgerSession> {
  const res = await fetch(`${CLUSTER.apiUrl}/api/admin/sessions/${id}`, {
    headers: { authorization: `Bearer ${STACK.adminToken}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { session: LedgerSession }).session;
}

export { expect };
