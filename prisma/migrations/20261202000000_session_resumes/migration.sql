-- A resume starts a new avatar session, so the per-client start limit counts resumes too.
-- CreateTable
CREATE TABLE "SessionResume" (
    "id" SERIAL NOT NULL,
    "sessionId" TEXT NOT NULL,
    "clientKey" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SessionResume_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SessionResume_clientKey_at_idx" ON "SessionResume"("clientKey", "at");

-- CreateIndex
CREATE INDEX "SessionResume_sessionId_idx" ON "SessionResume"("sessionId");

-- AddForeignKey
ALTER TABLE "SessionResume" ADD CONSTRAINT "SessionResume_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;
