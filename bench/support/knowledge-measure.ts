// The knowledge benchmark's measuring half, one process per database, run by bench/knowledge.ts
// under react-server conditions (the store and the database modules import "server-only"):
//   node --conditions=react-server --import tsx bench/support/knowledge-measure.ts <pglite|URL>
// Ingests the corpus through the store and bare, then searches it both ways, and prints one line
// of JSON (a KnowledgeMeasurement) on stdout.
import type { SqlRead } from "@/lib/db/handle";
import { openPglite } from "@/lib/db/pglite";
import { openPostgres } from "@/lib/db/postgres";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { splitIntoPassages } from "@/lib/knowledge/passages";
import { addDocument } from "@/lib/knowledge/ingest";
import { createBase, deleteBase, searchKnowledge } from "@/lib/knowledge/store";

import { knowledgeCorpus } from "./knowledge-corpus";

const SEED = 28;
const DOCUMENTS = 1000;
const SECTIONS = 10;
const WARM_UP_QUERIES = 30;
const QUERIES = 300;
const LIMIT = 3;

export interface KnowledgeMeasurement {
  documents: number;
  passages: number;
  oursIngestSeconds: number;
  bareIngestSeconds: number;
  /** Each timed query's milliseconds, in the order asked. */
  oursSearchMs: number[];
  bareSearchMs: number[];
  /** Queries that found at least one passage. */
  oursFound: number;
  bareFound: number;
}

/** The database as the app opens it, and its driver, for the bare statements. */
interface Opened {
  prisma: PrismaClient;
  /** The app's own reads through the driver (what searchKnowledge is given). */
  read: SqlRead;
  /** Runs one statement with parameters; resolves how many rows it returned. */
  query(sql: string, params?: unknown[]): Promise<number>;
  close(): Promise<void>;
}

/** The database as the app opens it; the bare statements go through the same driver. */
async function open(target: string): Promise<Opened> {
  const handle = target === "pglite" ? await openPglite("memory://") : await openPostgres(target);
  await handle.migrate();
  return {
    prisma: handle.prisma,
    read: handle.read,
    query: async (sql, params) => (await handle.read(sql, params ?? [])).length,
    close: () => handle.close(),
  };
}

/** The bare baseline's insert: the document row, then its passages in one statement. */
async function insertBare(
  db: Opened,
  baseId: string,
  id: string,
  document: { title: string; text: string },
  passages: ReadonlyArray<{ heading: string | null; text: string }>,
) {
  await db.query(
    `INSERT INTO "KnowledgeDocument" ("id", "baseId", "title", "kind", "bytes")
     VALUES ($1, $2, $3, 'markdown', $4)`,
    [id, baseId, document.title, Buffer.byteLength(document.text)],
  );
  const rows = passages.map((_, seq) => {
    const at = seq * 5;
    return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5})`;
  });
  await db.query(
    `INSERT INTO "KnowledgePassage" ("documentId", "baseId", "seq", "heading", "text")
     VALUES ${rows.join(", ")}`,
    passages.flatMap((passage, seq) => [id, baseId, seq, passage.heading, passage.text]),
  );
}

const BARE_SEARCH = `SELECT "id" FROM "KnowledgePassage", websearch_to_tsquery('english', $1) q
  WHERE "search" @@ q ORDER BY ts_rank_cd("search", q) DESC LIMIT ${LIMIT}`;

async function measure(target: string): Promise<KnowledgeMeasurement> {
  const corpus = knowledgeCorpus(SEED, DOCUMENTS, SECTIONS, WARM_UP_QUERIES + QUERIES);
  const db = await open(target);
  try {
    const ours = await createBase(db.prisma, { name: "Ours", isPublic: false });
    const bare = await createBase(db.prisma, { name: "Bare", isPublic: false });
    let oursMs = 0;
    let bareMs = 0;
    let passages = 0;
    // Document by document, taking turns at going first, so both find the tables and the index
    // at the same size.
    for (const [index, document] of corpus.documents.entries()) {
      const split = splitIntoPassages(document.text, "markdown");
      const addOurs = async () => {
        const started = performance.now();
        const added = await addDocument(db.prisma, ours.id, {
          ...document,
          kind: "markdown",
          bytes: Buffer.byteLength(document.text),
        });
        oursMs += performance.now() - started;
        passages += added.passages;
      };
      const addBare = async () => {
        const started = performance.now();
        await insertBare(db, bare.id, `doc_bare_${index}`, document, split);
        bareMs += performance.now() - started;
      };
      if (index % 2 === 0) {
        await addOurs();
        await addBare();
      } else {
        await addBare();
        await addOurs();
      }
    }
    // The bare query has no base to filter on: it must search the same passages as ours.
    await deleteBase(db.prisma, bare.id);
    await db.query(`VACUUM ANALYZE "KnowledgeDocument", "KnowledgePassage"`);

    const oursSearchMs: number[] = [];
    const bareSearchMs: number[] = [];
    let oursFound = 0;
    let bareFound = 0;
    for (const [index, query] of corpus.queries.entries()) {
      const timed = index >= WARM_UP_QUERIES;
      let started = performance.now();
      const found = await searchKnowledge(db.read, [ours.id], query, LIMIT);
      if (timed) oursSearchMs.push(performance.now() - started);
      started = performance.now();
      const rows = await db.query(BARE_SEARCH, [query]);
      if (timed) bareSearchMs.push(performance.now() - started);
      if (timed && found.length > 0) oursFound++;
      if (timed && rows > 0) bareFound++;
    }
    return {
      documents: corpus.documents.length,
      passages,
      oursIngestSeconds: oursMs / 1000,
      bareIngestSeconds: bareMs / 1000,
      oursSearchMs,
      bareSearchMs,
      oursFound,
      bareFound,
    };
  } finally {
    await db.close();
  }
}

const target = process.argv[2];
if (!target) {
  console.error("Usage: knowledge-measure.ts <pglite|postgresql://…>");
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(await measure(target))}\n`);
