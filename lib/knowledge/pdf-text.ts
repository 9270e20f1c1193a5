import "server-only";

// A PDF's text layer, page by page, with PDF.js (through unpdf, whose build needs no canvas, no
// worker and no native code). Bounded: a page count and a time limit, checked between pages.
import { getDocumentProxy } from "unpdf";

import { AppError, isAppError } from "@/lib/errors";

/** The most pages read, and how long reading them may take. */
export const PDF_MAX_PAGES = 200;
export const PDF_TIMEOUT_MS = 20_000;

type Pdf = Awaited<ReturnType<typeof getDocumentProxy>>;

/** Whether `bytes` start as a PDF does (the header may follow up to 1 KiB of junk). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  return head.includes("%PDF-");
}

/** Throws the 400 for bytes that are not a PDF at all: the check made before reading one. */
export function requirePdfHeader(bytes: Uint8Array): void {
  if (!looksLikePdf(bytes)) throw notPdf();
}

export interface PdfTextOptions {
  timeoutMs?: number;
  /** Told after each page is read: how many of how many. */
  onPage?: (read: number, pages: number) => Promise<void> | void;
}

/** The text of a PDF, its pages separated by blank lines. 400 for a PDF with no text in it. */
export async function pdfText(bytes: Uint8Array, options: PdfTextOptions = {}): Promise<string> {
  if (!looksLikePdf(bytes)) throw notPdf();
  const deadline = Date.now() + (options.timeoutMs ?? PDF_TIMEOUT_MS);
  let pdf: Pdf;
  // A copy: PDF.js takes the buffer it is given over.
  const loading = getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    pdf = await beforeDeadline(loading, deadline);
  } catch (error) {
    // Past the deadline PDF.js is still parsing: once it has, its work and memory are let go.
    void loading.then((late) => late.loadingTask.destroy()).catch(() => undefined);
    if (isAppError(error)) throw error;
    if ((error as Error).name === "PasswordException") {
      throw new AppError("BAD_REQUEST", "This PDF is password-protected; send one that is not.");
    }
    throw notPdf();
  }
  try {
    if (pdf.numPages > PDF_MAX_PAGES) {
      throw new AppError(
        "PAYLOAD_TOO_LARGE",
        `This PDF has ${pdf.numPages} pages; at most ${PDF_MAX_PAGES} are read. Split it into smaller files.`,
      );
    }
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      pages.push(await beforeDeadline(pageText(pdf, number), deadline));
      await options.onPage?.(number, pdf.numPages);
    }
    const text = pages.join("\n\n").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
    if (text.trim() === "") {
      throw new AppError(
        "BAD_REQUEST",
        "This PDF has no text layer (a scan?); only the text in a PDF is read.",
      );
    }
    return text;
  } finally {
    await pdf.loadingTask.destroy();
  }
}

async function pageText(pdf: Pdf, number: number): Promise<string> {
  const page = await pdf.getPage(number);
  const content = await page.getTextContent();
  page.cleanup();
  return content.items
    .map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : ""))
    .join("");
}

function beforeDeadline<T>(promise: Promise<T>, deadline: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new AppError(
            "PAYLOAD_TOO_LARGE",
            "This PDF took too long to read; split it into smaller files.",
          ),
        ),
      Math.max(0, deadline - Date.now()),
    );
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function notPdf() {
  return new AppError("BAD_REQUEST", "This is not a readable PDF.");
}
