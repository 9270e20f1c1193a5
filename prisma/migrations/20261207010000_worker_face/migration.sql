-- A brain that draws no face of its own (JEREMY_FACE=worker) needs a face worker for each
-- conversation: its capacity reports name that worker's agent name, and the app starts a
-- conversation only while the faces have room too.

-- AlterTable
ALTER TABLE "AvatarWorker" ADD COLUMN "faceAgentName" TEXT;
