import type { SessionStatus } from "@/lib/generated/prisma/client";

/** Sessions that may still be running at the provider, and so still billing. */
export const OPEN_STATUSES: SessionStatus[] = ["STARTING", "ACTIVE", "STOP_FAILED"];
