-- A session whose chosen face could not be had (a hosted face's vendor refused or failed to start
-- its avatar) ends as face_failed.

-- AlterEnum
ALTER TYPE "EndReason" ADD VALUE 'face_failed';
