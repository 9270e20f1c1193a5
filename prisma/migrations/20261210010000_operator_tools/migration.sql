-- Operator tools ("other APIs"): HTTP APIs an operator declares for the model to call, which
-- the app calls for it; each call is counted and kept.

-- AlterTable
ALTER TABLE "Session" ADD COLUMN "toolIds" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "toolCallsMade" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "OperatorTool" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "parameters" JSONB NOT NULL,
    "url" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "secretHeaderName" TEXT,
    "secretHeaderValue" TEXT,
    "timeoutMs" INTEGER NOT NULL DEFAULT 5000,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OperatorTool_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ToolCall" (
    "id" SERIAL NOT NULL,
    "sessionId" TEXT NOT NULL,
    "toolId" TEXT NOT NULL,
    "toolName" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "status" INTEGER,
    "ms" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ToolCall_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OperatorTool_name_key" ON "OperatorTool"("name");

-- CreateIndex
CREATE INDEX "ToolCall_sessionId_idx" ON "ToolCall"("sessionId");

-- CreateIndex
CREATE INDEX "ToolCall_toolId_idx" ON "ToolCall"("toolId");

-- AddForeignKey
ALTER TABLE "ToolCall" ADD CONSTRAINT "ToolCall_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;
