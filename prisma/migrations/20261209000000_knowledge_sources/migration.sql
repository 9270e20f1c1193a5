-- Documents from outside: PDFs (their text layer) and web pages fetched by URL, which remember
-- where they came from so that they can be fetched again.

-- AlterTable
ALTER TABLE "KnowledgeDocument" ADD COLUMN "sourceUrl" TEXT;
