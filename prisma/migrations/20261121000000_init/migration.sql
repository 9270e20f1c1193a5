-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('STARTING', 'ACTIVE', 'ENDED', 'FAILED', 'STOP_FAILED');

-- CreateEnum
CREATE TYPE "EndReason" AS ENUM ('hangup', 'page_closed', 'avatar_timeout', 'avatar_left', 'max_duration', 'heartbeat_lost', 'user_left', 'start_failed', 'admin');

-- CreateEnum
CREATE TYPE "TranscriptRole" AS ENUM ('assistant', 'user');

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerSessionId" TEXT,
    "status" "SessionStatus" NOT NULL DEFAULT 'STARTING',
    "profile" TEXT NOT NULL,
    "context" TEXT,
    "userName" TEXT,
    "avatarIdentity" TEXT,
    "avatarName" TEXT,
    "ownerKeyHash" TEXT NOT NULL,
    "clientKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "lastSeenAt" TIMESTAMP(3),
    "maxDurationSeconds" INTEGER NOT NULL,
    "endReason" "EndReason",
    "durationSeconds" INTEGER,
    "stopAttempts" INTEGER NOT NULL DEFAULT 0,
    "stopClaimedAt" TIMESTAMP(3),
    "nextStopAttemptAt" TIMESTAMP(3),
    "lastProviderError" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TranscriptLine" (
    "id" SERIAL NOT NULL,
    "sessionId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "role" "TranscriptRole" NOT NULL,
    "text" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TranscriptLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Session_status_lastSeenAt_idx" ON "Session"("status", "lastSeenAt");

-- CreateIndex
CREATE INDEX "Session_clientKey_createdAt_idx" ON "Session"("clientKey", "createdAt");

-- CreateIndex
CREATE INDEX "Session_createdAt_idx" ON "Session"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Session_provider_providerSessionId_key" ON "Session"("provider", "providerSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "TranscriptLine_sessionId_seq_key" ON "TranscriptLine"("sessionId", "seq");

-- AddForeignKey
ALTER TABLE "TranscriptLine" ADD CONSTRAINT "TranscriptLine_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;
