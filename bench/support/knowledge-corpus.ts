// The knowledge benchmark's documents and queries: pseudo-random English-like text, the same on
// every run (seeded), so figures from two runs search the same passages with the same queries.
import { seededRandom } from "@/face-worker/face/random";

const VOCABULARY_SIZE = 4000;
const ONSETS = ["b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w"];
const CLUSTERS = ["br", "ch", "cl", "dr", "gr", "pl", "sh", "st", "th", "tr"];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou"];
const CODAS = ["", "", "", "n", "r", "s", "t", "l", "nd", "st"];
// The English stop words these syllables can spell: websearch_to_tsquery would drop them.
const STOP_WORDS = new Set(["before", "there", "these", "those"]);

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;

/** Distinct words of two to four syllables, at least five letters, none an English stop word. */
export function vocabulary(random: () => number): string[] {
  const words = new Set<string>();
  while (words.size < VOCABULARY_SIZE) {
    let word = "";
    const syllables = 2 + Math.floor(random() * 3);
    for (let s = 0; s < syllables; s++) {
      const onset = random() < 0.2 ? pick(random, CLUSTERS) : pick(random, ONSETS);
      word += onset + pick(random, VOWELS) + (s === syllables - 1 ? pick(random, CODAS) : "");
    }
    if (word.length >= 5 && !STOP_WORDS.has(word)) words.add(word);
  }
  return [...words];
}

/**
 * Draws words as content words fall in real text (Zipf–Mandelbrot, 1 / (rank + 10)): the
 * commonest is in most passages, a rare one in about one passage in a hundred.
 */
function textWords(words: readonly string[], random: () => number): () => string {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= words.length; rank++) cumulative.push((total += 1 / (rank + 10)));
  return () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return words[low]!;
  };
}

export interface Corpus {
  /** Markdown documents of `sections` `#` sections, each about 1,000 characters. */
  documents: Array<{ title: string; text: string }>;
  /** One to three vocabulary words each, drawn evenly: common, rare, and some that find nothing. */
  queries: string[];
}

// Three paragraphs of about 340 characters: one passage of at most 1,200 per section.
const PARAGRAPH_CHARACTERS = 300;
const PARAGRAPHS_PER_SECTION = 3;

/** `documentCount` documents and `queryCount` queries, the same for the same `seed`. */
export function knowledgeCorpus(
  seed: number,
  documentCount: number,
  sections: number,
  queryCount: number,
): Corpus {
  const random = seededRandom(seed);
  const words = vocabulary(random);
  const word = textWords(words, random);
  const sentence = () => {
    const length = 5 + Math.floor(random() * 8);
    const said = Array.from({ length }, word).join(" ");
    return `${said[0]!.toUpperCase()}${said.slice(1)}.`;
  };
  const paragraph = () => {
    let text = sentence();
    while (text.length < PARAGRAPH_CHARACTERS) text += ` ${sentence()}`;
    return text;
  };
  const documents = Array.from({ length: documentCount }, (_, index) => {
    const parts: string[] = [];
    for (let s = 0; s < sections; s++) {
      const heading = Array.from({ length: 2 + Math.floor(random() * 3) }, word).join(" ");
      parts.push(`# ${heading}`, ...Array.from({ length: PARAGRAPHS_PER_SECTION }, paragraph));
    }
    return { title: `Document ${index + 1}`, text: `${parts.join("\n\n")}\n` };
  });
  const queries = Array.from({ length: queryCount }, () =>
    Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, words)).join(" "),
  );
  return { documents, queries };
}
