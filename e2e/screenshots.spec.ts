import path from "node:path";

import { expect, test } from "./fixtures";
import { captions, jeremyVideo, startConversation } from "./support/conversation-page";

const SIZES = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 375, height: 812 },
] as const;

// Screenshots of what people see, kept as test artifacts (test-results/screenshots/).
for (const size of SIZES) {
  test(`screenshots at ${size.name} size: landing and a live conversation`, async ({
    page,
  }, testInfo) => {
    const save = async (name: string) => {
      const file = path.resolve("test-results", "screenshots", `${name}-${size.name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      await testInfo.attach(`${name}-${size.name}`, { path: file, contentType: "image/png" });
    };
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto("/");
    await expect(page.getByRole("img", { name: /Jeremy/ })).toBeVisible();
    await save("landing");

    await page.getByText("Conversation options").click();
    await page
      .getByLabel(/Context for Jeremy/)
      .fill("Company Name is XYZ Consult\nJob title is Analyst");
    await save("options");

    await startConversation(page, {
      context: "Candidate Name is Ada\nCompany Name is XYZ Consult",
    });
    await expect(captions(page)).toContainText("Hello Ada!", { timeout: 30_000 });
    // Jeremy on screen, not the empty frame before his first picture.
    expect((await jeremyVideo(page)).playing).toBe(true);
    // Horizontal overflow would mean the layout does not fit the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      size.width,
    );
    await save("conversation");

    await page.getByTestId("hang-up").click();
    await expect(page.getByTestId("summary")).toBeVisible();
    await save("ended");
  });
}
