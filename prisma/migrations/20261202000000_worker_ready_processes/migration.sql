-- A worker reports how many conversations it can begin at once (its warm job processes).
ALTER TABLE "AvatarWorker" ADD COLUMN "readyProcesses" INTEGER NOT NULL DEFAULT 0;
