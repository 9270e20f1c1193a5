import path from "node:path";

import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./support/accessibility";
import { captions, postStart, startConversation } from "./support/conversation-page";
import { STACK } from "./support/stack";

const SIZES = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 375, height: 812 },
] as const;

test.describe.configure({ mode: "serial" });

test("the public page does not link to /admin, and /admin asks for the token", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  await expect(page.locator('a[href*="admin"]')).toHaveCount(0);

  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Operator sign-in" })).toBeVisible();
  await expectNoAxeViolations(page, "operator sign-in", testInfo);
  await page.getByLabel(/Admin token/).fill("not-the-token");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText("That is not the admin token.");
  // Nothing of the dashboard reached the page.
  await expect(page.getByTestId("usage-chart")).toHaveCount(0);
});

for (const size of SIZES) {
  test(`/admin at ${size.name} size: usage chart, end reasons, a transcript, and Stop`, async ({
    page,
    ledger,
  }, testInfo) => {
    // A conversation to see: Jeremy greets, the person hangs up.
    const { sessionId } = await startConversation(page);
    await expect(captions(page)).toContainText("Hello", { timeout: 30_000 });
    await page.getByTestId("hang-up").click();
    await expect(page.getByTestId("summary")).toBeVisible({ timeout: 20_000 });
    // And one still running, started through the API, for the Stop button.
    const running = await postStart(page.request, `${STACK.apiUrl}/api/sessions`);
    expect(running.status()).toBe(201);
    const runningId = ((await running.json()) as { session: { id: string } }).session.id;

    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto("/admin");
    await page.getByLabel(/Admin token/).fill(STACK.adminToken);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Usage", level: 1 })).toBeVisible();
    // The chart (lazy-loaded recharts) draws a bar for today's billed minutes.
    await expect(
      page.getByTestId("usage-chart").locator(".recharts-bar-rectangle").first(),
    ).toBeVisible();
    await expect(page.getByTestId("end-reasons")).toContainText("hangup");

    const row = page
      .getByTestId("recent-sessions")
      .locator("tr", { has: page.locator(`[title="${sessionId}"]`) });
    // The face it showed (lib/faces/), beside the provider.
    await expect(row.getByRole("cell", { name: "jeremy", exact: true })).toBeVisible();
    await row.getByRole("button", { name: /Transcript/ }).click();
    await expect(page.getByTestId("admin-transcript")).toContainText("Hello", { timeout: 10_000 });
    // Wide tables scroll inside their own box; the page itself never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      size.width,
    );
    await expectNoAxeViolations(page, `operator page at ${size.name}`, testInfo);
    const file = path.resolve("test-results", "screenshots", `admin-${size.name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(`admin-${size.name}`, { path: file, contentType: "image/png" });

    // Stop, through the admin API: the running session ends with reason admin.
    const unfinished = page.getByTestId("unfinished-sessions");
    await unfinished.getByRole("button", { name: `Stop ${runningId}` }).click();
    await expect(
      page.locator(`[data-testid="unfinished-sessions"] [title="${runningId}"]`),
    ).toHaveCount(0, {
      timeout: 10_000,
    });
    expect(await ledger.session(runningId)).toMatchObject({ status: "ENDED", endReason: "admin" });

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { name: "Operator sign-in" })).toBeVisible();
  });
}
