-- A brain with a vendor's keys can attach that vendor's face (lib/faces/, e.g. "lemonslice"): its
-- capacity reports name those faces, and the app offers a session only faces some live brain has.

-- AlterTable
ALTER TABLE "AvatarWorker" ADD COLUMN "hostedFaces" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
