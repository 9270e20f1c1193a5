-- The face a session shows (lib/faces/): our drawn Jeremy, or the provider's own avatar. Sessions
-- kept from before showed Jeremy when local and their Equos character otherwise.

-- AlterTable
ALTER TABLE "Session" ADD COLUMN "face" TEXT NOT NULL DEFAULT 'jeremy';
UPDATE "Session" SET "face" = 'equos' WHERE "provider" = 'equos';
