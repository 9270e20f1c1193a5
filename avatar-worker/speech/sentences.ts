// Splits a reply into pieces the synthesizer can voice one at a time, so Jeremy starts talking
// after the first sentence is ready instead of after the whole paragraph.

/** Longer sentences are cut at a clause boundary: the first audio should not wait on a long one. */
const MAX_PIECE_CHARS = 200;
/** Titles and Latin abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = /(?:\b(?:mr|mrs|ms|dr|prof|st|jr|sr|vs|etc|e\.g|i\.e)|\b[a-z])\.$/i;

/** Sentences of `text` in order, whitespace-normalised, long ones cut at commas or semicolons. */
export function splitSentences(text: string): string[] {
  const normalised = text.replace(/\s+/g, " ").trim();
  if (!normalised) return [];
  const sentences: string[] = [];
  let current = "";
  // A run of terminal punctuation with any closing quotes or brackets, then a space or the end.
  for (const part of normalised.split(/(?<=[.!?…]+["'”’)\]]*)\s/u)) {
    current = current ? `${current} ${part}` : part;
    if (!ABBREVIATIONS.test(current)) {
      sentences.push(...cutLong(current));
      current = "";
    }
  }
  if (current) sentences.push(...cutLong(current));
  return sentences;
}

function cutLong(sentence: string): string[] {
  const pieces: string[] = [];
  let rest = sentence;
  while (rest.length > MAX_PIECE_CHARS) {
    const window = rest.slice(0, MAX_PIECE_CHARS);
    const cut = Math.max(
      window.lastIndexOf(", "),
      window.lastIndexOf("; "),
      window.lastIndexOf(": "),
    );
    if (cut < MAX_PIECE_CHARS / 4) break;
    pieces.push(rest.slice(0, cut + 1));
    rest = rest.slice(cut + 2);
  }
  pieces.push(rest);
  return pieces;
}
