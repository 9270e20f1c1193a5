import "server-only";

// A web page as the Markdown-ish text passages are cut from: its main content (Firefox's reader
// view, @mozilla/readability, on linkedom's DOM), headings kept as `#` lines so that each
// section's passages remember their heading, paragraphs and list items as paragraphs.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

import { AppError } from "@/lib/errors";

export interface PageText {
  /** The page's title, or null if it has none. */
  title: string | null;
  /** Markdown: `#` headings and paragraphs. */
  text: string;
}

const SKIPPED = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "SVG",
  "CANVAS",
  "IFRAME",
  "NAV",
  "FOOTER",
  "ASIDE",
  "FORM",
  "BUTTON",
  "SELECT",
  "HEAD",
  "TITLE",
]);
const BLOCKS = new Set([
  "ADDRESS",
  "ARTICLE",
  "BLOCKQUOTE",
  "DD",
  "DIV",
  "DL",
  "DT",
  "FIGCAPTION",
  "FIGURE",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "TABLE",
  "TD",
  "TH",
  "TR",
  "UL",
]);
const HEADING = /^H([1-6])$/;

/** The readable text of an HTML page. */
export function htmlText(html: string): PageText {
  const { document } = parseHTML(html);
  const title = oneLine(document.querySelector("title")?.textContent ?? "") || null;
  let article: Node | null | undefined = null;
  try {
    // Readability changes the document it reads; the fallback reads a fresh one.
    article = new Readability<Node>(document, {
      serializer: (node) => node,
      maxElemsToParse: 50_000,
    }).parse()?.content;
  } catch {
    // A page too large to rank: all of it is read instead.
  }
  // linkedom builds no <body> around content whose tags the page left out (as HTML allows), and
  // Readability then finds nothing: the whole document is read instead.
  try {
    return { title, text: markdown(article ?? parseHTML(html).document) };
  } catch (error) {
    // Elements nested tens of thousands deep (no page people read) overflow the walk.
    if (error instanceof RangeError) {
      throw new AppError("BAD_REQUEST", "This page is nested too deeply to read.");
    }
    throw error;
  }
}

function markdown(root: Node): string {
  const blocks: string[] = [];
  let inline = "";
  const flush = () => {
    const paragraph = inline.replace(/[ \t]*\n[ \t]*/g, "\n").trim();
    if (paragraph) blocks.push(paragraph);
    inline = "";
  };
  const walk = (node: Node, preformatted: boolean) => {
    if (node.nodeType === 3) {
      const text = node.textContent ?? "";
      inline += preformatted ? text : text.replace(/\s+/g, " ");
      return;
    }
    // The document itself, or a fragment: its children.
    if (node.nodeType === 9 || node.nodeType === 11) {
      for (const child of Array.from(node.childNodes)) walk(child, preformatted);
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIPPED.has(tag)) return;
    const level = HEADING.exec(tag)?.[1];
    if (level) {
      flush();
      const heading = oneLine(node.textContent ?? "");
      if (heading) blocks.push(`${"#".repeat(Number(level))} ${heading}`);
      return;
    }
    if (tag === "BR") {
      inline += "\n";
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    if (tag === "LI") inline += "- ";
    for (const child of Array.from(node.childNodes)) walk(child, preformatted || tag === "PRE");
    if (block) flush();
  };
  walk(root, false);
  flush();
  return blocks.join("\n\n");
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
