-- CreateTable
CREATE TABLE "AvatarWorker" (
    "id" TEXT NOT NULL,
    "agentName" TEXT NOT NULL,
    "maxSessions" INTEGER NOT NULL,
    "activeJobs" INTEGER NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AvatarWorker_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AvatarWorker_agentName_seenAt_idx" ON "AvatarWorker"("agentName", "seenAt");
