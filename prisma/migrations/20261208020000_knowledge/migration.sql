-- Knowledge bases: documents an operator adds, kept as passages searched with PostgreSQL's
-- full-text search (the same SQL on PGlite and PostgreSQL).

-- CreateTable
CREATE TABLE "KnowledgeBase" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KnowledgeBase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KnowledgeDocument" (
    "id" TEXT NOT NULL,
    "baseId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KnowledgeDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KnowledgePassage" (
    "id" SERIAL NOT NULL,
    "documentId" TEXT NOT NULL,
    "baseId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "heading" TEXT,
    "text" TEXT NOT NULL,
    -- The heading counts above the text; 'english' stems "returning" and "returns" alike.
    "search" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce("heading", '')), 'A') ||
        setweight(to_tsvector('english', "text"), 'B')
    ) STORED,

    CONSTRAINT "KnowledgePassage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KnowledgeDocument_baseId_idx" ON "KnowledgeDocument"("baseId");

-- CreateIndex
CREATE UNIQUE INDEX "KnowledgePassage_documentId_seq_key" ON "KnowledgePassage"("documentId", "seq");

-- CreateIndex
CREATE INDEX "KnowledgePassage_baseId_idx" ON "KnowledgePassage"("baseId");

-- CreateIndex
CREATE INDEX "KnowledgePassage_search_idx" ON "KnowledgePassage" USING GIN ("search");

-- AddForeignKey
ALTER TABLE "KnowledgeDocument" ADD CONSTRAINT "KnowledgeDocument_baseId_fkey" FOREIGN KEY ("baseId") REFERENCES "KnowledgeBase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgePassage" ADD CONSTRAINT "KnowledgePassage_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "KnowledgeDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;
