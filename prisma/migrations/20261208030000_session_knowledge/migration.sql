-- The knowledge bases a session may search (named at its start; public ones only).

-- AlterTable
ALTER TABLE "Session" ADD COLUMN "knowledgeBaseIds" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
