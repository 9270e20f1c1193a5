import { expect, test } from "./fixtures";
import { launchChromium } from "./support/browser";
import { startConversation } from "./support/conversation-page";
import { STACK } from "./support/stack";

test("a denied microphone is explained, can be retried, and never starts a session", async ({
  ledger,
}) => {
  // A browser of its own, without the flag that accepts permission prompts: the prompt is refused.
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ baseURL: STACK.appUrl });
    const sessionsBefore = await ledger.count();
    const starts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().endsWith("/api/sessions"))
        starts.push(request.url());
    });

    await page.goto("/");
    await page.getByTestId("start-conversation").click();
    const notice = page.getByTestId("microphone-problem");
    await expect(notice).toContainText("microphone access is blocked");
    await expect(notice).toContainText("Allow");
    await notice.getByRole("button", { name: "Try again" }).click();
    await expect(notice).toBeVisible();

    expect(starts).toEqual([]);
    expect(await ledger.count()).toBe(sessionsBefore);
    await expect(page.getByTestId("conversation-overlay")).toHaveCount(0);
  } finally {
    await browser.close();
  }
});

test("the microphone picker lists the devices, and the choice is remembered", async ({ page }) => {
  await startConversation(page);
  const picker = page.getByTestId("microphone-picker");
  await expect(picker.locator("option")).not.toHaveCount(0);
  const labels = await picker.locator("option").allTextContents();
  expect(labels.some((label) => /fake/i.test(label))).toBe(true);

  const values = await picker
    .locator("option")
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  const chosen = values.at(-1)!;
  await picker.selectOption(chosen);
  expect(await page.evaluate(() => localStorage.getItem("talk-to-jeremy.microphone"))).toBe(chosen);
  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("conversation-ended")).toBeVisible();
});

test("the microphone level meter moves while the user speaks", async ({ page }) => {
  await startConversation(page);
  const meter = page.getByTestId("mic-level");
  await expect
    .poll(async () => Number(await meter.getAttribute("aria-valuenow")), { timeout: 20_000 })
    .toBeGreaterThan(10);
  await page.getByTestId("mute").click();
  await expect.poll(async () => Number(await meter.getAttribute("aria-valuenow"))).toBe(0);
  await page.getByTestId("hang-up").click();
});
