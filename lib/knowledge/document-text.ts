import "server-only";

// A document's bytes as the text its passages are cut from, whatever it came as: Markdown, plain
// text, a PDF's text layer or a web page's readable text. What is cheap to check (a text is text,
// a PDF starts as one) is checked at once, so that a request can be refused before anything is
// kept; the reading that remains (a PDF's pages, an HTML page's main text) can wait for later.
// Binary junk never reaches the database (which refuses a NUL outright).
import { AppError } from "@/lib/errors";

import { htmlText } from "./html-text";
import { type DocumentKind, looksLikeText } from "./passages";
import { pdfText, requirePdfHeader } from "./pdf-text";

/** What a document's bytes are. */
export type Format = "markdown" | "text" | "pdf" | "html";

export interface DocumentText {
  kind: DocumentKind;
  text: string;
  /** The title the document gives itself (an HTML page's), if any. */
  title: string | null;
}

/** Reads the rest of a document; `report` is told how far it has got, from 0 to 1. */
export type ReadRest = (report: (fraction: number) => Promise<void>) => Promise<DocumentText>;

export interface CheckedDocument {
  kind: DocumentKind;
  read: ReadRest;
}

/**
 * Checks `bytes` as `format` at once (`charset`: a text's declared encoding, UTF-8 if none) and
 * returns the reading that remains. Web pages are recorded as kind "web", whatever their format,
 * so that they can be fetched again.
 */
export function checkDocument(
  bytes: Uint8Array,
  format: Format,
  options: { web?: boolean; charset?: string | null } = {},
): CheckedDocument {
  const web = options.web ?? false;
  if (format === "pdf") {
    requirePdfHeader(bytes);
    const kind = web ? "web" : "pdf";
    return {
      kind,
      read: async (report) => ({
        kind,
        text: await pdfText(bytes, { onPage: (read, pages) => report(read / pages) }),
        title: null,
      }),
    };
  }
  const text = decode(bytes, options.charset ?? null);
  if (!looksLikeText(text)) {
    throw new AppError(
      "BAD_REQUEST",
      "This is not text (a binary file?); send Markdown, plain text or a PDF.",
    );
  }
  if (format === "html")
    return { kind: "web", read: async () => ({ kind: "web", ...htmlText(text) }) };
  const kind = web ? "web" : format;
  return { kind, read: async () => ({ kind, text, title: null }) };
}

/** Decodes text in its declared charset (UTF-8 if none or unknown); bad bytes become U+FFFD. */
function decode(bytes: Uint8Array, charset: string | null): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset ?? "utf-8");
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  return decoder.decode(bytes);
}
