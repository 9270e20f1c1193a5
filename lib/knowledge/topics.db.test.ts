// The topics a conversation's knowledge is about (on PGlite and PostgreSQL).
import { beforeAll, describe, expect, it } from "vitest";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadApp } from "@/test/app";

import { addDocument } from "./ingest";
import { createBase } from "./store";
import { knowledgeTopics, MAX_TOPICS, TOPIC_MAX_CHARACTERS } from "./topics";

let db: PrismaClient;
beforeAll(async () => {
  db = await (await loadApp({})).db();
});

async function baseWith(...documents: string[]) {
  const base = await createBase(db, { name: "Topics", isPublic: true });
  for (const [index, text] of documents.entries()) {
    await addDocument(db, base.id, {
      title: `Document ${index}`,
      kind: "markdown",
      text,
      bytes: text.length,
    });
  }
  return base.id;
}

describe("what a conversation's knowledge is about", () => {
  it("is its section headings, each once, first document and first section first", async () => {
    const id = await baseWith(
      "# Role\n\nAn analyst.\n\n## Duties\n\nReports.\n\n" +
        "word ".repeat(400) +
        "\n\n# Role\n\nAgain.",
      "Intro with no heading.\n\n# Benefits\n\nA pension.",
    );
    expect(await knowledgeTopics(db, [id])).toEqual(["Role", "Duties", "Benefits"]);
    expect(await knowledgeTopics(db, [])).toEqual([]);
  });

  it("hands over at most MAX_TOPICS, each one short line", async () => {
    const headings = Array.from({ length: 12 }, (_, i) => `# Heading ${i} ${"long ".repeat(30)}`);
    const id = await baseWith(headings.map((h) => `${h}\n\nText.`).join("\n\n"));
    const topics = await knowledgeTopics(db, [id]);
    expect(topics).toHaveLength(MAX_TOPICS);
    for (const topic of topics) {
      expect(topic.length).toBeLessThanOrEqual(TOPIC_MAX_CHARACTERS);
      expect(topic).toMatch(/^Heading \d+ long/);
    }
  });
});
