// Playwright fixtures: `stack` is the running product (started once per worker process), and
// `api` reads the ledger through the admin API, as an operator would.
import { test as base, expect, type APIRequestContext } from "@playwright/test";

import { freshPostgresDatabase } from "./support/postgres";
import { STACK, startStack, type Stack } from "./support/stack";

export interface LedgerSession {
  id: string;
  status: string;
  endReason: string | null;
  face: string;
  knowledgeBaseIds: string[];
  toolIds: string[];
  durationSeconds: number | null;
  transcript: Array<{ seq: number; role: string; text: string }>;
}

export const test = base.extend<{ ledger: Ledger }, { stack: Stack }>({
  stack: [
    async ({}, provide) => {
      const livekitBinary = process.env.LIVEKIT_SERVER_BIN;
      if (!livekitBinary) throw new Error("Run the end-to-end tests with `npm run test:e2e`.");
      const databaseUrl = process.env.DATABASE_URL
        ? await freshPostgresDatabase(process.env.DATABASE_URL)
        : undefined;
      const stack = await startStack({ livekitBinary, databaseUrl });
      await provide(stack);
      await stack.stop();
    },
    { scope: "worker", timeout: 120_000, auto: true },
  ],
  // Browser errors end up in the test's output, so a failure shows what the page saw.
  page: async ({ page }, provide) => {
    page.on("pageerror", (error) => console.log(`[page error] ${error.stack ?? error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") console.log(`[console error] ${message.text()}`);
    });
    await provide(page);
  },
  ledger: async ({ request }, provide) => {
    await provide(new Ledger(request));
  },
});

export class Ledger {
  constructor(private readonly request: APIRequestContext) {}

  async session(id: string): Promise<LedgerSession> {
    const res = await this.request.get(`${STACK.apiUrl}/api/admin/sessions/${id}`, {
      headers: { authorization: `Bearer ${STACK.adminToken}` },
    });
    expect(res.status()).toBe(200);
    return (await res.json()).session as LedgerSession;
  }

  async count(): Promise<number> {
    const res = await this.request.get(`${STACK.apiUrl}/api/admin/sessions?limit=500`, {
      headers: { authorization: `Bearer ${STACK.adminToken}` },
    });
    return ((await res.json()).sessions as unknown[]).length;
  }
}

export { expect };
