-- Pause and resume: a session may be PAUSED (nothing running at the provider, resumable for a
-- while), and is billed in segments, one per provider session.
ALTER TYPE "SessionStatus" ADD VALUE 'PAUSED' AFTER 'ACTIVE';
ALTER TYPE "EndReason" ADD VALUE 'pause_expired';

-- AlterTable
ALTER TABLE "Session" ADD COLUMN "pausedAt" TIMESTAMP(3),
ADD COLUMN "resumedAt" TIMESTAMP(3),
ADD COLUMN "segmentStartedAt" TIMESTAMP(3),
ADD COLUMN "billedSeconds" INTEGER NOT NULL DEFAULT 0;

-- Sessions running when this migration runs bill from their start, as before.
UPDATE "Session" SET "segmentStartedAt" = "startedAt"
WHERE "status" IN ('ACTIVE', 'STOP_FAILED') AND "startedAt" IS NOT NULL;

-- CreateTable
CREATE TABLE "SessionSegment" (
    "id" SERIAL NOT NULL,
    "sessionId" TEXT NOT NULL,
    "providerSessionId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3) NOT NULL,
    "seconds" INTEGER NOT NULL,

    CONSTRAINT "SessionSegment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SessionSegment_sessionId_idx" ON "SessionSegment"("sessionId");

-- CreateIndex
CREATE INDEX "Session_status_pausedAt_idx" ON "Session"("status", "pausedAt");

-- AddForeignKey
ALTER TABLE "SessionSegment" ADD CONSTRAINT "SessionSegment_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;
