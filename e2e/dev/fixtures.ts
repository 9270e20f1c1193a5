// Fixtures for the development-mode suite: `devStack` is `npm run dev` itself, started once
// per worker process; `ledger` reads sessions through the admin API, as an operator would.
import { test as base, expect, type APIRequestContext } from "@playwright/test";

import { DEV, startDevStack, type DevStack } from "../support/dev-stack";

export const test = base.extend<{ devLedger: DevLedger }, { devStack: DevStack }>({
  devStack: [
    async ({}, provide) => {
      const stack = await startDevStack();
      await provide(stack);
      await stack.stop();
    },
    { scope: "worker", timeout: 180_000, auto: true },
  ],
  devLedger: async ({ request }, provide) => {
    await provide(new DevLedger(request));
  },
});

export class DevLedger {
  constructor(private readonly request: APIRequestContext) {}

  async session(id: string) {
    const res = await this.request.get(`${DEV.apiUrl}/api/admin/sessions/${id}`, {
      headers: { authorization: `Bearer ${DEV.adminToken}` },
    });
    expect(res.status()).toBe(200);
    return (await res.json()).session as {
      status: string;
      endReason: string | null;
      durationSeconds: number | null;
      transcript: Array<{ role: string; text: string }>;
    };
  }
}

export { expect };
