import type { PrismaClient } from "@/lib/generated/prisma/client";

/** An open database: the Prisma client the app uses, and a way to bring its schema up to date. */
export interface DatabaseHandle {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  /** Applies pending migrations; returns the names of those it applied. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}
