// A start that comes while the worker's job processes are all still warming (just after another
// conversation took the warm one) is refused with AVATAR_WARMING and nothing is made; the page
// says Jeremy is getting ready, asks again, and Jeremy comes: no one waits in an empty room.
import type { Browser, Response } from "@playwright/test";

import { expect, test } from "./fixtures";
import { jeremyVideo, startAnswer } from "./support/conversation-page";

async function newPerson(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

const isStart = (res: Response) =>
  res.url().endsWith("/api/sessions") && res.request().method() === "POST";

test("a start while the worker's only job process is warming waits visibly, then Jeremy comes", async ({
  browser,
  stack,
  ledger,
}) => {
  test.setTimeout(180_000);
  await stack.restartWorker({ JEREMY_IDLE_PROCESSES: "1" });
  try {
    const sessionsBefore = await ledger.count();
    const first = await newPerson(browser);
    await first.goto("/");
    const firstAnswer = first.waitForResponse(startAnswer);
    await first.getByTestId("start-conversation").click();
    expect((await firstAnswer).status()).toBe(201);

    // At once, while the process that replaces the one this conversation took is warming.
    const second = await newPerson(browser);
    const refusals: string[] = [];
    second.on("response", (res) => {
      if (isStart(res) && res.status() === 503)
        void res.json().then((body: { error: { code: string } }) => refusals.push(body.error.code));
    });
    await second.goto("/");
    const secondAnswer = second.waitForResponse(startAnswer);
    await second.getByTestId("start-conversation").click();
    await expect(second.getByTestId("start-conversation")).toHaveText("Jeremy is getting ready…");
    const started = await secondAnswer;
    expect(started.status()).toBe(201);
    expect(refusals.length).toBeGreaterThan(0);
    expect(new Set(refusals)).toEqual(new Set(["AVATAR_WARMING"]));

    // Both see Jeremy; the refused starts made no session.
    await jeremyVideo(first);
    await jeremyVideo(second);
    const { session } = (await started.json()) as { session: { id: string } };
    for (const page of [first, second]) {
      await page.getByTestId("hang-up").click();
      await expect(page.getByTestId("conversation-ended")).toHaveAttribute("data-reason", "hangup");
    }
    // The page shows the end at once; the ledger has it once the server's stop has finished.
    await expect.poll(async () => (await ledger.session(session.id)).status).toBe("ENDED");
    expect(await ledger.count()).toBe(sessionsBefore + 2);
    await first.context().close();
    await second.context().close();
  } finally {
    await stack.restartWorker();
  }
});
