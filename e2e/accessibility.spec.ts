import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./support/accessibility";
import { launchChromium } from "./support/browser";
import { captions, startConversation, status } from "./support/conversation-page";
import { STACK } from "./support/stack";

// axe-core (WCAG 2.0/2.1 A and AA, best practices) at every state a person can see, at desktop
// and phone sizes, with and without the reduced-motion preference.
const SIZES = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 375, height: 812 },
] as const;
const MOTIONS = ["no-preference", "reduce"] as const;
const VARIANTS = SIZES.flatMap((size) =>
  MOTIONS.map((reducedMotion) => ({
    name: `${size.name}${reducedMotion === "reduce" ? ", reduced motion" : ""}`,
    options: { viewport: { width: size.width, height: size.height }, reducedMotion },
  })),
);

for (const variant of VARIANTS) {
  test.describe(`accessibility at ${variant.name}`, () => {
    test.use(variant.options);

    test("landing, options open, and the denied-microphone notice", async ({ page }, testInfo) => {
      await page.goto("/");
      await expect(page.getByTestId("start-conversation")).toBeEnabled();
      await expectNoAxeViolations(page, "landing", testInfo);

      await page.getByText("Conversation options").click();
      await expect(page.getByLabel(/Context for Jeremy/)).toBeVisible();
      await expectNoAxeViolations(page, "options open", testInfo);

      // A browser of its own, without the flag that accepts permission prompts: the prompt is refused.
      const browser = await launchChromium();
      try {
        // axe's frame handling needs a page from an explicit context.
        const context = await browser.newContext({ baseURL: STACK.appUrl, ...variant.options });
        const denied = await context.newPage();
        await denied.goto("/");
        await denied.getByTestId("start-conversation").click();
        const notice = denied.getByTestId("microphone-problem");
        await expect(notice).toContainText("microphone access is blocked");
        await expectNoAxeViolations(denied, "microphone denied", testInfo);
        await notice.getByRole("button", { name: "Try again" }).click();
        await expect(notice).toBeVisible();
        await expect(denied.getByTestId("start-conversation")).toBeEnabled();
        await expectNoAxeViolations(denied, "microphone denied, after trying again", testInfo);
      } finally {
        await browser.close();
      }
    });

    test("the operator page: sign-in, a refused token, then the usage page", async ({
      page,
    }, testInfo) => {
      await page.goto("/admin");
      await expect(page.getByRole("heading", { name: "Operator sign-in" })).toBeVisible();
      await expectNoAxeViolations(page, "operator sign-in", testInfo);
      await page.getByLabel(/Admin token/).fill("not-the-token");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.locator("main").getByRole("alert")).toBeVisible();
      await expectNoAxeViolations(page, "operator sign-in, token refused", testInfo);
      await page.getByLabel(/Admin token/).fill(STACK.adminToken);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByTestId("usage-chart").locator("svg").first()).toBeVisible();
      await expectNoAxeViolations(page, "operator page", testInfo);
    });

    test("hold to talk: chosen in the options, then held in the conversation", async ({
      page,
    }, testInfo) => {
      await page.goto("/");
      await page.getByText("Conversation options").click();
      await page.getByLabel(/Hold to talk/).check();
      await expectNoAxeViolations(page, "options, hold to talk chosen", testInfo);
      await page.getByTestId("start-conversation").click();
      await expect(status(page)).toHaveAttribute("data-state", "talking", { timeout: 30_000 });
      const hold = page.getByRole("button", { name: "Hold to talk" });
      await hold.hover();
      await page.mouse.down();
      await expect(hold).toHaveAttribute("aria-pressed", "true");
      await expectNoAxeViolations(page, "hold to talk, held", testInfo);
      await page.mouse.up();
      await page.getByTestId("hang-up").click();
      await expect(page.getByTestId("conversation-ended")).toBeVisible({ timeout: 20_000 });
    });

    test("a conversation: live with captions and a typed turn, paused, resumed, hang-up confirmation, ending, ended with its transcript", async ({
      page,
      context,
    }, testInfo) => {
      await startConversation(page);
      await expect(status(page)).toHaveAttribute("data-state", "talking", { timeout: 30_000 });
      await expect(captions(page)).toContainText("Hello", { timeout: 30_000 });
      await page.getByTestId("typed-turn").fill("I like puzzles.");
      await expectNoAxeViolations(page, "live conversation, a turn typed", testInfo);
      await page.getByTestId("typed-turn").press("Enter");
      await expect(captions(page).locator('[data-speaker="you"]')).toContainText("I like puzzles.");
      await expectNoAxeViolations(page, "live conversation with captions", testInfo);

      await page.getByRole("button", { name: "Pause" }).click();
      await expect(page.getByRole("heading", { name: "Paused" })).toBeVisible();
      await expectNoAxeViolations(page, "paused", testInfo);
      await page.getByRole("button", { name: "Resume" }).click();
      await expect(status(page)).toHaveAttribute("data-state", "talking", { timeout: 30_000 });

      await page.keyboard.press("Escape");
      await expect(page.getByRole("alertdialog", { name: "End the conversation?" })).toBeVisible();
      await expectNoAxeViolations(page, "hang-up confirmation", testInfo);
      await page.getByRole("button", { name: "Keep talking" }).click();

      // Offline, the hang-up keeps trying: "Ending the conversation…" stays on screen.
      await context.setOffline(true);
      await page.getByTestId("hang-up").click();
      await expect(page.getByTestId("stop-pending")).toContainText("You're offline");
      await expectNoAxeViolations(page, "ending", testInfo);
      await context.setOffline(false);

      await expect(page.getByTestId("summary")).toBeVisible({ timeout: 20_000 });
      await expect(page.getByTestId("ended-transcript")).toContainText("I like puzzles.");
      await expectNoAxeViolations(page, "ended, with the transcript", testInfo);
    });
  });
}

test("accessibility while connecting and while Jeremy is joining, at every size and motion", async ({
  browser,
  stack,
}, testInfo) => {
  await stack.stopWorker();
  try {
    for (const variant of VARIANTS) {
      const context = await browser.newContext({ baseURL: STACK.appUrl, ...variant.options });
      try {
        const page = await context.newPage();
        await startConversation(page);
        await expect(status(page)).toHaveAttribute("data-state", "joining");
        await expect(page.getByText("Jeremy is joining…")).toBeVisible();
        await expectNoAxeViolations(page, `joining (${variant.name})`, testInfo);
        await page.getByTestId("hang-up").click();
        await expect(page.getByTestId("summary")).toBeVisible();

        // LiveKit unreachable for this page: it stays "Connecting…".
        await page.routeWebSocket(/:7890\//, (socket) => socket.close());
        await startConversation(page);
        await expect(page.getByText("Connecting…")).toBeVisible();
        await expectNoAxeViolations(page, `connecting (${variant.name})`, testInfo);
        await page.getByTestId("hang-up").click();
        await expect(page.getByTestId("summary")).toBeVisible();
      } finally {
        await context.close();
      }
    }
  } finally {
    await stack.restartWorker();
  }
});
