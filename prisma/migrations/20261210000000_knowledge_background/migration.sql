-- A large document is read in the background: its status and progress show on /admin, and a
-- failed one says why.

-- AlterTable
ALTER TABLE "KnowledgeDocument" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'ready',
ADD COLUMN "progress" DOUBLE PRECISION NOT NULL DEFAULT 1,
ADD COLUMN "failure" TEXT,
ADD COLUMN "readingId" TEXT,
ADD COLUMN "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
