-- CreateTable
CREATE TABLE "SweepLease" (
    "id" INTEGER NOT NULL,
    "lastSweepAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SweepLease_pkey" PRIMARY KEY ("id")
);
