import "server-only";

// A document's bytes as the text its passages are cut from, whatever it came as: Markdown, plain
// text, a PDF's text layer or a web page's readable text. Binary junk is refused here, before
// anything reaches the database (which refuses a NUL outright).
import { AppError } from "@/lib/errors";

import { htmlText } from "./html-text";
import { type DocumentKind, looksLikeText } from "./passages";
import { pdfText } from "./pdf-text";

/** What a document's bytes are. */
export type Format = "markdown" | "text" | "pdf" | "html";

export interface DocumentText {
  kind: DocumentKind;
  text: string;
  /** The title the document gives itself (an HTML page's), if any. */
  title: string | null;
}

/**
 * Reads `bytes` as `format` (`charset`: a text's declared encoding, UTF-8 if none). Web pages
 * are recorded as kind "web", whatever their format, so that they can be fetched again.
 */
export async function documentText(
  bytes: Uint8Array,
  format: Format,
  options: { web?: boolean; charset?: string | null } = {},
): Promise<DocumentText> {
  const web = options.web ?? false;
  if (format === "pdf") {
    return { kind: web ? "web" : "pdf", text: await pdfText(bytes), title: null };
  }
  const text = decode(bytes, options.charset ?? null);
  if (!looksLikeText(text)) {
    throw new AppError(
      "BAD_REQUEST",
      "This is not text (a binary file?); send Markdown, plain text or a PDF.",
    );
  }
  if (format === "html") return { kind: "web", ...htmlText(text) };
  return { kind: web ? "web" : format, text, title: null };
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
