// Knowledge bases end to end: an operator makes one on /admin, offers it to visitors, uploads a
// Markdown file and finds its passage; a visitor chooses the base for a conversation, which the
// ledger records; deleting the base takes it off the landing page. Then the other sources: a PDF,
// a web page served on 127.0.0.1 (KNOWLEDGE_ALLOWED_HOSTS in the stack's env) fetched again after
// it changed, and what the server refuses, shown beside the form.
import path from "node:path";

import type { Page } from "@playwright/test";

import { startPageServer } from "@/test/page-server";
import { makePdf } from "@/test/pdf";

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
  await base.getByLabel(/Upload a file/).setInputFiles({
    name: "lighthouses.md",
    mimeType: "text/markdown",
    buffer: Buffer.from(HANDBOOK),
  });
  await expect(base.getByLabel("Title", { exact: true })).toHaveValue("lighthouses.md");
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

async function createBase(page: Page, name: string) {
  const panel = page.getByRole("region", { name: "Knowledge bases" });
  await panel.getByLabel("New base's name").fill(name);
  await panel.getByRole("button", { name: "Create base" }).click();
  const base = page.getByTestId("knowledge-base");
  await expect(base.getByRole("heading", { name })).toBeVisible();
  return base;
}

/** A page whose text an operator changes between fetches; answered a second late. */
const FERRY_PAGE = `<!doctype html><html><head><title>Ferry times</title></head><body><main>
  <h1>Ferry times</h1><p>The ferry to the island leaves at dawn from the north pier.</p>
</main></body></html>`;
const NEW_FERRY_PAGE = `<!doctype html><html><head><title>Ferry times</title></head><body><main>
  <h1>Summer</h1><p>The ferry now sails at midnight, from the south pier.</p>
  <h1>Winter</h1><p>No crossings from November to March.</p>
</main></body></html>`;

test("an operator adds a PDF and a web page, fetches the page again, and sees refusals", async ({
  page,
}, testInfo) => {
  let ferryPage = FERRY_PAGE;
  const server = await startPageServer({
    "/ferry": (_request, response) => {
      setTimeout(
        () => response.writeHead(200, { "content-type": "text/html" }).end(ferryPage),
        1000,
      );
    },
  });
  try {
    const name = `Harbour ${Date.now()}`;
    await signIn(page);
    const base = await createBase(page, name);
    const fileForm = base.getByRole("form", { name: "Add a document" });
    const documents = base.getByTestId("knowledge-documents");
    const search = async (words: string) => {
      await base.getByLabel(/Try a question/).fill(words);
      await base.getByRole("button", { name: "Search" }).click();
    };

    // A PDF goes to the server as the file itself, which reads its text layer.
    await fileForm.getByLabel(/Upload a file/).setInputFiles({
      name: "tides.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(makePdf(["Spring tides", "The heron waits by the sluice gate."])),
    });
    await expect(fileForm.getByLabel("Title", { exact: true })).toHaveValue("tides.pdf");
    await expect(fileForm.getByTestId("chosen-file")).toContainText("tides.pdf");
    const uploaded = page.waitForResponse(
      (res) => res.url().endsWith("/documents") && res.request().method() === "POST",
    );
    await fileForm.getByRole("button", { name: "Add document" }).click();
    expect((await uploaded).status()).toBe(201);
    expect((await (await uploaded).request().allHeaders())["content-type"]).toMatch(
      /^multipart\/form-data/,
    );
    const pdf = ((await (await uploaded).json()) as { document: { passages: number } }).document;
    expect(pdf.passages).toBeGreaterThan(0);
    const pdfRow = documents.locator("tr", { hasText: "tides.pdf" });
    await expect(pdfRow.getByRole("cell").nth(1)).toHaveText("PDF");
    await expect(pdfRow.getByRole("cell").nth(3)).toHaveText(String(pdf.passages));
    await expect(fileForm.getByRole("status")).toHaveText(
      `Added tides.pdf: ${pdf.passages} passages.`,
    );
    await search("heron");
    await expect(base.getByTestId("knowledge-found")).toContainText("from tides.pdf");

    // A scan (a page with no text layer) is refused; the server's reason shows, the choice stays.
    await fileForm.getByLabel(/Upload a file/).setInputFiles({
      name: "scan.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(makePdf([])),
    });
    await fileForm.getByLabel("Title", { exact: true }).fill("Scanned letter");
    await fileForm.getByRole("button", { name: "Add document" }).click();
    await expect(fileForm.getByRole("alert")).toContainText("This PDF has no text layer (a scan?)");
    await expect(fileForm.getByLabel("Title", { exact: true })).toHaveValue("Scanned letter");
    await expect(fileForm.getByTestId("chosen-file")).toContainText("scan.pdf");
    await expect(documents.locator("tbody tr")).toHaveCount(1);

    // A web page by URL: the server fetches it (the form is busy meanwhile) and keeps the URL.
    const webForm = base.getByRole("form", { name: "Add a web page" });
    const missing = `http://127.0.0.1:${server.port}/gone`;
    await webForm.getByLabel("Page URL").fill(missing);
    await webForm.getByRole("button", { name: "Add page" }).click();
    await expect(webForm.getByRole("alert")).toContainText(`The page at ${missing} answered 404`);
    await expect(webForm.getByLabel("Page URL")).toHaveValue(missing);

    const url = `http://127.0.0.1:${server.port}/ferry`;
    await webForm.getByLabel("Page URL").fill(url);
    await webForm.getByRole("button", { name: "Add page" }).click();
    await expect(webForm.getByRole("button", { name: "Fetching…" })).toBeDisabled();
    const webRow = documents.locator("tr", { hasText: "Ferry times" });
    await expect(webRow.getByRole("cell").nth(1)).toHaveText("Web page");
    await expect(webRow.getByRole("link", { name: url })).toHaveAttribute("href", url);
    await expect(webRow.getByRole("link", { name: url })).toHaveAttribute("rel", "noreferrer");
    await expect(webRow.getByRole("cell").nth(3)).toHaveText("1");
    await expect(webForm.getByLabel("Page URL")).toHaveValue("");

    // The page changes; Fetch again replaces its passages with the new text.
    ferryPage = NEW_FERRY_PAGE;
    const refetched = page.waitForResponse((res) => res.url().endsWith("/refetch"));
    await webRow.getByRole("button", { name: "Fetch again Ferry times" }).click();
    await expect(webRow.getByRole("button", { name: "Fetching… Ferry times" })).toBeDisabled();
    expect((await refetched).status()).toBe(200);
    await expect(webRow.getByRole("cell").nth(3)).toHaveText("2");
    await search("midnight");
    const found = base.getByTestId("knowledge-found").getByRole("listitem");
    await expect(found).toHaveCount(1);
    await expect(found).toContainText("from Ferry times");
    await expect(found).toContainText("sails at midnight");
    await search("dawn");
    await expect(base.getByText("No passage matches.")).toBeVisible();
    await expectNoAxeViolations(page, "knowledge sources", testInfo);

    page.once("dialog", (dialog) => void dialog.accept());
    const row = page.getByTestId("knowledge-bases").locator("tr", { hasText: name });
    await row.getByRole("button", { name: `Delete ${name}` }).click();
    await expect(row).toHaveCount(0);
  } finally {
    await server.close();
  }
});
