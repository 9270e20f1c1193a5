// Knowledge bases end to end: an operator makes one on /admin, offers it to visitors, uploads a
// Markdown file and finds its passage; a visitor chooses the base for a conversation, which the
// ledger records; deleting the base takes it off the landing page.
import path from "node:path";

import type { Page } from "@playwright/test";

import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./support/accessibility";
import { startAnswer } from "./support/conversation-page";
import { STACK } from "./support/stack";

const MARKER = "The keeper of the Skerryvore lighthouse feeds the gulls at noon.";
const HANDBOOK = `# Lighthouses\n\n${MARKER}\n\n# Harbours\n\nBoats come in with the tide.\n`;

async function signIn(page: Page) {
  await page.goto("/admin");
  await page.getByLabel(/Admin token/).fill(STACK.adminToken);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Usage", level: 1 })).toBeVisible();
}

async function openOptions(page: Page) {
  await page.goto("/");
  await page.getByText("Conversation options").click();
  await expect(page.getByLabel(/Your name/)).toBeVisible();
}

test("an operator offers a knowledge base, and a visitor's conversation searches it", async ({
  page,
  ledger,
}, testInfo) => {
  const name = `Lighthouses ${Date.now()}`;
  await signIn(page);
  const panel = page.getByRole("region", { name: "Knowledge bases" });
  await panel.getByLabel("New base's name").fill(name);
  await panel.getByLabel("Offer on the landing page").check();
  const created = page.waitForResponse(
    (res) => res.url().endsWith("/api/admin/knowledge") && res.request().method() === "POST",
  );
  await panel.getByRole("button", { name: "Create base" }).click();
  expect((await created).status()).toBe(201);
  const baseId = ((await (await created).json()) as { base: { id: string } }).base.id;
  const row = page.getByTestId("knowledge-bases").locator("tr", { hasText: name });
  await expect(row.getByLabel(`Offer ${name} on the landing page`)).toBeChecked();

  // The new base opens: upload a Markdown file, whose name becomes the title.
  const base = page.getByTestId("knowledge-base");
  await expect(base.getByRole("heading", { name })).toBeVisible();
  await base.getByLabel(/Upload a Markdown/).setInputFiles({
    name: "lighthouses.md",
    mimeType: "text/markdown",
    buffer: Buffer.from(HANDBOOK),
  });
  await expect(base.getByLabel("Title")).toHaveValue("lighthouses.md");
  await base.getByRole("button", { name: "Add document" }).click();
  const document = base.getByTestId("knowledge-documents").locator("tr", {
    hasText: "lighthouses.md",
  });
  // Title, kind, size, passages: one passage under each heading.
  await expect(document.getByRole("cell").nth(1)).toHaveText("Markdown");
  await expect(document.getByRole("cell").nth(3)).toHaveText("2");
  await expect(row.getByRole("cell").nth(2)).toHaveText("1");

  // What Jeremy would find for a word of the marker: that passage, with heading and source.
  await base.getByLabel(/Try a question/).fill("gulls");
  await base.getByRole("button", { name: "Search" }).click();
  const found = base.getByTestId("knowledge-found").getByRole("listitem");
  await expect(found).toHaveCount(1);
  await expect(found).toContainText("Lighthouses");
  await expect(found).toContainText("from lighthouses.md");
  await expect(found).toContainText(MARKER);
  await expectNoAxeViolations(page, "knowledge bases", testInfo);
  const file = path.resolve("test-results", "screenshots", "knowledge-admin.png");
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach("knowledge-admin", { path: file, contentType: "image/png" });

  // The visitor is offered the base, unchecked, and chooses it.
  await openOptions(page);
  const choice = page.getByRole("checkbox", { name });
  await expect(choice).not.toBeChecked();
  await expectNoAxeViolations(page, "options with knowledge offered", testInfo);
  await choice.check();
  const started = page.waitForResponse(startAnswer);
  await page.getByTestId("start-conversation").click();
  const response = await started;
  expect(response.status()).toBe(201);
  expect(response.request().postDataJSON()).toMatchObject({ knowledge: [baseId] });
  const sessionId = ((await response.json()) as { session: { id: string } }).session.id;
  await expect(page.getByTestId("conversation-overlay")).toBeVisible();
  expect((await ledger.session(sessionId)).knowledgeBaseIds).toEqual([baseId]);
  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("summary")).toBeVisible({ timeout: 20_000 });

  // The choice is remembered for the next visit.
  await openOptions(page);
  await expect(page.getByRole("checkbox", { name })).toBeChecked();

  // Deleted on /admin (still signed in; after a confirm), it is offered no more.
  await page.goto("/admin");
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(row).toHaveCount(0);
  await openOptions(page);
  await expect(page.getByRole("checkbox", { name })).toHaveCount(0);
});
