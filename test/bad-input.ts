// A seeded generator of malformed requests: wrong types, sizes, encodings, ids, headers,
// content types, junk JSON, huge numbers, prototype-pollution keys and unicode. The same seed
// gives the same requests, so a failure can be replayed (FUZZ_SEED=<seed>).

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}

export type Random = ReturnType<typeof seededRandom>;

const UNICODE = [
  "Jérémy",
  "ジェレミー",
  "🧑‍💻🎤",
  "\u202eevil\u202c",
  "zero\u200bwidth",
  "\ud83d", // a lone surrogate
  "\u0000nul",
  "\u0007bell",
  "e\u0301", // combining accent
  "ﷺ",
  "𝕁𝕖𝕣𝕖𝕞𝕪",
];

const NUMBERS = [0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, Number.MAX_VALUE, 1e-320];
/** Literal JSON for numbers JavaScript cannot hold. */
const HUGE_NUMBER_LITERALS = [
  "1e309",
  "-1e309",
  "123456789012345678901234567890",
  "-0",
  "0.1e-999",
];
const POLLUTION = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"];

function junkString(r: Random): string {
  switch (r.int(8)) {
    case 0:
      return "";
    case 1:
      return r.pick(UNICODE);
    case 2:
      return "x".repeat(r.pick([65, 2_501, 20_001, 100_000]));
    case 3:
      return "word ".repeat(r.pick([2_501, 10_000]));
    case 4:
      return '\'; DROP TABLE "Session"; --';
    case 5:
      return "<script>alert(1)</script>";
    case 6:
      return r.pick(POLLUTION);
    default:
      return r.pick(["hangup", "heartbeat_lost", "admin", "interviewer", "echo", "ACTIVE"]);
  }
}

function junkValue(r: Random, depth = 0): unknown {
  switch (r.int(depth > 2 ? 5 : 8)) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick(NUMBERS);
    case 3:
    case 4:
      return junkString(r);
    case 5:
      return Array.from({ length: r.int(4) }, () => junkValue(r, depth + 1));
    default:
      return junkObject(r, depth + 1);
  }
}

const FIELDS = ["profile", "context", "userName", "reason", "lines", "seq", "role", "text", "at"];

function junkObject(r: Random, depth = 0): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (let i = r.int(4); i > 0; i--) {
    const key = r.chance(0.25) ? r.pick(POLLUTION) : r.chance(0.6) ? r.pick(FIELDS) : junkString(r);
    // defineProperty, so "__proto__" becomes an own key, as JSON.parse would make it.
    Object.defineProperty(object, key, {
      value: junkValue(r, depth),
      enumerable: true,
      configurable: true,
      writable: true,
    });
  }
  return object;
}

/** A request body, as bytes or text, that something in the app should refuse. */
export function junkBody(r: Random): string | Uint8Array | undefined {
  switch (r.int(16)) {
    case 0:
      return undefined;
    case 1:
      return "";
    case 2:
      return r.pick(["{", "[", '{"a":', "nul", "{'single': 1}", "{,}", "[1,]", "\u0000", "  "]);
    case 3:
      return r.pick(["null", "true", "42", '"text"', "[]", "[{}]"]);
    case 4:
      return `{"${r.pick(FIELDS)}": ${r.pick(HUGE_NUMBER_LITERALS)}}`;
    case 5:
      return '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}';
    case 6:
      return "[".repeat(r.pick([1_000, 50_000])) + "]".repeat(r.pick([0, 1_000]));
    case 7:
      return new Uint8Array(
        r.pick([
          [0x7b, 0xff, 0x7d],
          [0xc0, 0xaf],
          [0xed, 0xa0, 0x80],
          [0xfe, 0xff, 0x00, 0x7b],
        ]),
      );
    case 8:
      return `\ufeff{}`; // a byte-order mark before the JSON
    case 9:
      return JSON.stringify({ context: "x".repeat(r.pick([30_000, 200_000, 3_000_000])) });
    case 10:
      return `{"lines": [${Array.from({ length: r.pick([2_001, 5]) }, () => JSON.stringify({ seq: r.pick(NUMBERS), role: junkString(r), text: junkString(r), at: junkString(r) })).join(",")}]}`;
    case 11:
      return JSON.stringify({ event: junkString(r), room: { name: junkString(r) } });
    default:
      return JSON.stringify(r.chance(0.2) ? junkValue(r) : junkObject(r));
  }
}

export const CONTENT_TYPES = [
  undefined,
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/json; charset=latin1",
  "application/json; charset=utf-16",
  "text/plain;charset=UTF-8",
  "text/plain; charset=shift_jis",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/webhook+json",
  "a/b/c",
  ";;;",
  "application/json" + ";x=y".repeat(500),
];

/** An id as a path segment might carry it. */
export function junkId(r: Random, known: string): string {
  return r.pick([
    known,
    known.toUpperCase(),
    `${known} `,
    `${known}\u0000`,
    "ses_ffffffffffffffffffffffffffffffff",
    "ses_",
    "",
    "..",
    "../../etc/passwd",
    "%00",
    "%2e%2e%2f",
    "ses_☃☃☃",
    "__proto__",
    "constructor",
    "1e309",
    "-1",
    "ses_" + "0".repeat(10_000),
    '\'; DROP TABLE "Session"; --',
  ]);
}

/** Turns text into what an HTTP header carries: its UTF-8 bytes, one character per byte. */
export function headerSafe(text: string): string {
  return Buffer.from(text, "utf8")
    .toString("latin1")
    .replace(/[\r\n\0]/g, "");
}
