-- Fencing for stop claims: every claim adds one to "stopClaim", and every write made under a
-- claim requires the value it took. A provider session's segment is recorded once.

-- AlterTable
ALTER TABLE "Session" ADD COLUMN "stopClaim" INTEGER NOT NULL DEFAULT 0;

-- A segment recorded twice (two stops of one provider session) counted its seconds twice: keep
-- the first. The sessions' billedSeconds are left as recorded.
DELETE FROM "SessionSegment" AS later
USING "SessionSegment" AS earlier
WHERE later."sessionId" = earlier."sessionId"
  AND later."providerSessionId" = earlier."providerSessionId"
  AND later."id" > earlier."id";

-- CreateIndex
CREATE UNIQUE INDEX "SessionSegment_sessionId_providerSessionId_key" ON "SessionSegment"("sessionId", "providerSessionId");
