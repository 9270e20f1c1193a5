-- Admin sign-ins kept on the server (revoked by signing out), and sign-in attempts per client
-- for their rate limit.

-- CreateTable
CREATE TABLE "AdminSignIn" (
    "keyHash" TEXT NOT NULL,
    "tokenFingerprint" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AdminSignIn_pkey" PRIMARY KEY ("keyHash")
);

-- CreateTable
CREATE TABLE "AdminSignInAttempt" (
    "id" SERIAL NOT NULL,
    "clientKey" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdminSignInAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AdminSignIn_expiresAt_idx" ON "AdminSignIn"("expiresAt");

-- CreateIndex
CREATE INDEX "AdminSignInAttempt_clientKey_at_idx" ON "AdminSignInAttempt"("clientKey", "at");
