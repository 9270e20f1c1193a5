-- A function tool the avatar's model called (a knowledge search, an operator's tool), and what
-- came of it, is a line of the session's transcript that operators see.

-- AlterEnum
ALTER TYPE "TranscriptRole" ADD VALUE 'tool';
