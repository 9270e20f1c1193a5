// Everything at once: Equos refuses every stop for a minute, the app restarts twice, and the
// browser dies. Every session started still ends, and Equos is left running nothing.
import { sleep } from "@/lib/sleep";
import { FAKE_CHARACTER, FakeEquos } from "@/test/fake-equos";

import { expect, test } from "./fixtures";
import { launchKillableChromium } from "./support/browser";
import { startConversation } from "./support/conversation-page";
import { STACK } from "./support/stack";

const FAULT_MS = 60_000;

test("stops failing for 60 s, two app restarts and a killed browser: every session ends, none left at Equos", async ({
  stack,
  ledger,
}) => {
  test.setTimeout(300_000);
  const fake = await FakeEquos.start();
  // Equos with our own LiveKit; fast sweeps, so the test waits seconds rather than minutes.
  const equos = {
    AVATAR_PROVIDER: "equos",
    EQUOS_API_URL: fake.url,
    EQUOS_API_KEY: fake.apiKey,
    EQUOS_CHARACTER_ID: FAKE_CHARACTER.id,
    EQUOS_TIMEOUT_MS: "4000",
    STARTING_TIMEOUT_SECONDS: "10",
    HEARTBEAT_TIMEOUT_SECONDS: "10",
    SWEEP_INTERVAL_SECONDS: "2",
    STOP_RETRY_BASE_SECONDS: "2",
    STOP_RETRY_MAX_SECONDS: "5",
    PROVIDER_STOP_ATTEMPTS: "2",
    // The fake Equos never joins the room: the page must not end sessions by itself here.
    AVATAR_JOIN_TIMEOUT_SECONDS: "120",
  };
  const browser = await launchKillableChromium([
    "--use-fake-ui-for-media-stream",
    "--autoplay-policy=no-user-gesture-required",
  ]);
  try {
    await stack.restartApp(equos);
    const context = await browser.browser.newContext({ baseURL: STACK.appUrl });
    const pages = await Promise.all([0, 1, 2].map(() => context.newPage()));
    const ids: string[] = [];
    for (const page of pages) ids.push((await startConversation(page)).sessionId);
    expect(fake.running()).toHaveLength(3);

    fake.failNext("stop", { times: 100_000, status: 503 });
    const faultsEnd = Date.now() + FAULT_MS;

    // One person hangs up: the stop fails, the page keeps asking, the server keeps trying.
    await pages[0]!.getByTestId("hang-up").click();
    await expect(pages[0]!.getByTestId("stop-pending")).toBeVisible();
    await stack.restartApp(equos);
    // The browser dies: no beacon, no more heartbeats, LiveKit loses the people.
    await browser.kill();
    await stack.restartApp(equos);

    await sleep(Math.max(0, faultsEnd - Date.now()));
    expect(fake.running().length).toBeGreaterThan(0); // nothing could stop them meanwhile
    fake.clearFaults();

    await expect
      .poll(async () => Promise.all(ids.map(async (id) => (await ledger.session(id)).status)), {
        timeout: 90_000,
        intervals: [1000],
      })
      .toEqual(["ENDED", "ENDED", "ENDED"]);
    expect(fake.running()).toHaveLength(0);
    expect((await ledger.session(ids[0]!)).endReason).toBe("hangup");
  } finally {
    await browser.close();
    await stack.restartApp();
    await fake.close();
  }
});
