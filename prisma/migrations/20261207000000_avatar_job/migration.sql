-- The job of the avatar (Jeremy) that has a session's current room: LiveKit may dispatch a room
-- again (a node that hosted it died, a worker that missed its pings), and a second Jeremy in one
-- conversation would push the first out and write the transcript twice. The first job to claim
-- the room keeps it; later ones leave before they join.

-- AlterTable
ALTER TABLE "Session" ADD COLUMN "avatarJobId" TEXT;
ALTER TABLE "Session" ADD COLUMN "avatarJobRoom" TEXT;
