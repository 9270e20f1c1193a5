import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A read straight through the database's driver (`$1`-style parameters), for the one hot path
 * where Prisma's own cost per query shows: a conversation's knowledge search (lib/knowledge/).
 */
export type SqlRead = <Row>(sql: string, params: unknown[]) => Promise<Row[]>;

/** An open database: the Prisma client the app uses, and a way to bring its schema up to date. */
export interface DatabaseHandle {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  read: SqlRead;
  /** Applies pending migrations; returns the names of those it applied. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}
