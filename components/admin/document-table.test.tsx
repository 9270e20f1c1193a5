import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import type { DocumentView } from "@/lib/knowledge/store";

import { DocumentTable, size } from "./document-table";

const document = (overrides: Partial<DocumentView>): DocumentView => ({
  id: "doc_0000000000000001",
  title: "Handbook",
  kind: "markdown",
  bytes: 2048,
  sourceUrl: null,
  status: "ready",
  progress: 1,
  failure: null,
  passages: 3,
  createdAt: "2025-01-01T00:00:00.000Z",
  ...overrides,
});
const WEB = document({
  id: "doc_0000000000000002",
  title: "Opening hours",
  kind: "web",
  sourceUrl: "https://example.com/hours",
});

const render = (documents: DocumentView[], fetching: string | null = null) =>
  renderToStaticMarkup(
    <DocumentTable
      documents={documents}
      fetching={fetching}
      onDelete={() => undefined}
      onFetchAgain={() => undefined}
    />,
  );

describe("the documents table", () => {
  it("shows an upload's kind, size and passages, with Delete and no Fetch again", () => {
    const html = render([document({ kind: "pdf" })]);
    expect(html).toContain('<td class="py-1.5 pr-3">PDF</td>');
    expect(html).toContain("2.0 KB");
    expect(html).toContain('Delete<span class="sr-only"> Handbook</span>');
    expect(html).not.toContain("Fetch again");
    expect(html).not.toContain("<a ");
  });

  it("links a web page to its URL, opened apart without a referrer, and offers Fetch again", () => {
    const html = render([WEB]);
    expect(html).toContain(">Web page</td>");
    expect(html).toMatch(
      /<a href="https:\/\/example.com\/hours" target="_blank" rel="noreferrer"[^>]*>https:\/\/example.com\/hours<\/a>/,
    );
    expect(html).toContain('Fetch again<span class="sr-only"> Opening hours</span>');
  });

  it("while a page is fetched again, says so and holds every Fetch again", () => {
    const other = { ...WEB, id: "doc_0000000000000003", title: "Prices" };
    const html = render([WEB, other], WEB.id);
    expect(html).toContain('Fetching…<span class="sr-only"> Opening hours</span>');
    expect(html.match(/<button type="button" disabled=""/g)).toHaveLength(2);
  });

  it("shows a document being read as a labelled progress bar, and holds its Fetch again", () => {
    const html = render([{ ...WEB, status: "processing", progress: 0.43, passages: 0 }]);
    expect(html).toMatch(
      /<progress value="0.43" max="1" aria-labelledby="doc_0000000000000002-progress"[^>]*><\/progress><span id="doc_0000000000000002-progress">Reading 43%<\/span>/,
    );
    expect(html).toContain('<button type="button" disabled=""');
    const again = render([{ ...WEB, progress: 0.5 }]);
    expect(again).toContain(">Fetching again 50%</span>");
  });

  it("says why a document failed, or why a page's last fetch changed nothing", () => {
    const failed = render([
      document({ status: "failed", progress: 0, failure: "The PDF has no text layer." }),
    ]);
    expect(failed).toContain("Failed: The PDF has no text layer.");
    expect(failed).not.toContain("<progress");
    expect(failed).toContain('Delete<span class="sr-only"> Handbook</span>');
    const stale = render([{ ...WEB, failure: "The page answered 404." }]);
    expect(stale).toContain("Not updated: The page answered 404.");
  });
});

describe("size", () => {
  it("reads as a person would", () => {
    expect([size(812), size(4300), size(2 * 1024 * 1024)]).toEqual(["812 B", "4.2 KB", "2.0 MB"]);
  });
});
