// Knowledge bases end to end: an operator makes one on /admin, offers it to visitors, uploads a
// Markdown file and finds its passage; a visitor chooses the base for a conversation, which the
// ledger records; deleting the base takes it off the landing page. Then the other sources, read in
// the background: a PDF, a web page served on 127.0.0.1 (KNOWLEDGE_ALLOWED_HOSTS in the stack's
// env) seen being read, then fetched again after it changed; a scan and a missing page that fail
// saying why, and are deleted; and a URL the server refuses at once, shown beside the form.
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
    // Taken at once (202), read after the answer.
    expect((await uploaded).status()).toBe(202);
    expect((await (await uploaded).request().allHeaders())["content-type"]).toMatch(
      /^multipart\/form-data/,
    );
    const pdf = ((await (await uploaded).json()) as { document: { status: string } }).document;
    expect(pdf.status).toBe("processing");
    await expect(fileForm.getByRole("status")).toHaveText("Added tides.pdf; reading it now.");
    const pdfRow = documents.locator("tr", { hasText: "tides.pdf" });
    await expect(pdfRow.getByRole("cell").nth(1)).toHaveText("PDF");
    await expect(pdfRow.getByRole("cell").nth(3)).toHaveText("1");
    await expect(pdfRow.getByRole("progressbar")).toHaveCount(0);
    await search("heron");
    await expect(base.getByTestId("knowledge-found")).toContainText("from tides.pdf");

    // A scan (a page with no text layer) is taken, then fails once read, saying why; it can be
    // deleted.
    await fileForm.getByLabel(/Upload a file/).setInputFiles({
      name: "scan.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(makePdf([])),
    });
    await fileForm.getByLabel("Title", { exact: true }).fill("Scanned letter");
    await fileForm.getByRole("button", { name: "Add document" }).click();
    const scanRow = documents.locator("tr", { hasText: "Scanned letter" });
    await expect(scanRow.getByTestId("document-failure")).toHaveText(
      "Failed: This PDF has no text layer (a scan?); only the text in a PDF is read.",
    );
    await expect(scanRow.getByRole("cell").nth(3)).toHaveText("0");

    // A web page whose server answers 404 fails the same way.
    const webForm = base.getByRole("form", { name: "Add a web page" });
    const missing = `http://127.0.0.1:${server.port}/gone`;
    await webForm.getByLabel("Page URL").fill(missing);
    await webForm.getByRole("button", { name: "Add page" }).click();
    const missingRow = documents.locator("tr", { has: page.getByRole("link", { name: missing }) });
    await expect(missingRow.getByTestId("document-failure")).toContainText(
      `Failed: The page at ${missing} answered 404`,
    );
    await expectNoAxeViolations(page, "knowledge documents that failed", testInfo);
    for (const row of [scanRow, missingRow]) {
      page.once("dialog", (dialog) => void dialog.accept());
      await row.getByRole("button", { name: /^Delete / }).click();
      await expect(row).toHaveCount(0);
    }
    await expect(documents.locator("tbody tr")).toHaveCount(1);

    // A URL the server will not fetch (a loopback address not allowed) is refused at once, beside
    // the form, the URL kept.
    const refused = `http://[::1]:${server.port}/ferry`;
    await webForm.getByLabel("Page URL").fill(refused);
    await webForm.getByRole("button", { name: "Add page" }).click();
    await expect(webForm.getByRole("alert")).toContainText("::1 is a private, loopback");
    await expect(webForm.getByLabel("Page URL")).toHaveValue(refused);

    // A web page by URL (answered a second late): shown being read, then with the page's title.
    const url = `http://127.0.0.1:${server.port}/ferry`;
    await webForm.getByLabel("Page URL").fill(url);
    await webForm.getByRole("button", { name: "Add page" }).click();
    const webRow = documents.locator("tr", { has: page.getByRole("link", { name: url }) });
    await expect(webRow.getByRole("progressbar", { name: /^Reading \d+%$/ })).toBeVisible();
    await expect(webForm.getByRole("status")).toHaveText(`Added ${url}; fetching it now.`);
    await expect(webRow.getByRole("cell").nth(0)).toContainText("Ferry times");
    await expect(webRow.getByRole("cell").nth(1)).toHaveText("Web page");
    await expect(webRow.getByRole("link", { name: url })).toHaveAttribute("href", url);
    await expect(webRow.getByRole("link", { name: url })).toHaveAttribute("rel", "noreferrer");
    await expect(webRow.getByRole("cell").nth(3)).toHaveText("1");
    await expect(webRow.getByRole("progressbar")).toHaveCount(0);
    await expect(webForm.getByLabel("Page URL")).toHaveValue("");

    // The page changes; Fetch again replaces its passages with the new text.
    ferryPage = NEW_FERRY_PAGE;
    const refetched = page.waitForResponse((res) => res.url().endsWith("/refetch"));
    await webRow.getByRole("button", { name: "Fetch again Ferry times" }).click();
    expect((await refetched).status()).toBe(202);
    await expect(webRow.getByRole("progressbar", { name: /^Fetching again \d+%$/ })).toBeVisible();
    await expect(webRow.getByRole("button", { name: "Fetch again Ferry times" })).toBeDisabled();
    await expect(webRow.getByRole("cell").nth(3)).toHaveText("2");
    await expect(webRow.getByRole("progressbar")).toHaveCount(0);
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
