// A document split into passages, the unit Jeremy searches and quotes: each section under a
// Markdown heading (or the whole of a plain text), cut at paragraph breaks into passages of at
// most PASSAGE_MAX_CHARACTERS, each remembering the heading it sits under.

/** The longest passage: a few paragraphs, short enough to hand a model several of. */
export const PASSAGE_MAX_CHARACTERS = 1200;
/** The most passages one document may have (about a 400-page book). */
export const DOCUMENT_MAX_PASSAGES = 2000;

/** How a document was read: its `#` headings are sections in Markdown and web pages. */
export type DocumentKind = "markdown" | "text" | "pdf" | "web";

export interface Passage {
  /** The nearest heading above it (Markdown), or null. */
  heading: string | null;
  text: string;
}

const HEADING = /^ {0,3}(#{1,6})\s+(.+?)\s*#*\s*$/;

/** Splits a document's text into passages, in order. Blank documents have none. */
export function splitIntoPassages(text: string, kind: DocumentKind): Passage[] {
  const passages: Passage[] = [];
  let heading: string | null = null;
  let paragraphs: string[] = [];
  let paragraph: string[] = [];

  const endParagraph = () => {
    const joined = paragraph.join("\n").trim();
    if (joined) paragraphs.push(joined);
    paragraph = [];
  };
  const endSection = () => {
    endParagraph();
    for (const piece of packParagraphs(paragraphs)) passages.push({ heading, text: piece });
    paragraphs = [];
  };

  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    const match = kind === "markdown" || kind === "web" ? HEADING.exec(line) : null;
    if (match) {
      endSection();
      heading = match[2]!.trim();
    } else if (line.trim() === "") {
      endParagraph();
    } else {
      paragraph.push(line);
    }
  }
  endSection();
  return passages;
}

/** Paragraphs gathered into passages of at most PASSAGE_MAX_CHARACTERS (long ones cut at words). */
function packParagraphs(paragraphs: string[]): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const paragraph of paragraphs.flatMap(cutLong)) {
    if (current && current.length + 2 + paragraph.length > PASSAGE_MAX_CHARACTERS) {
      pieces.push(current);
      current = "";
    }
    current = current ? `${current}\n\n${paragraph}` : paragraph;
  }
  if (current) pieces.push(current);
  return pieces;
}

function cutLong(paragraph: string): string[] {
  const pieces: string[] = [];
  let rest = paragraph;
  while (rest.length > PASSAGE_MAX_CHARACTERS) {
    const space = rest.lastIndexOf(" ", PASSAGE_MAX_CHARACTERS);
    const at = space > PASSAGE_MAX_CHARACTERS / 2 ? space : PASSAGE_MAX_CHARACTERS;
    pieces.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/**
 * Whether `text` reads as text: no NUL characters, and hardly any control characters or
 * characters that were not valid UTF-8 (a binary file named `.md` fails this).
 */
export function looksLikeText(text: string): boolean {
  if (text.includes("\u0000")) return false;
  const odd = text.match(/[\u0001-\u0008\u000b\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return odd <= Math.max(2, text.length / 1000);
}
