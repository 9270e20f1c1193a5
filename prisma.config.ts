// Prisma CLI settings. The app itself never reads this file: it applies the same migrations
// at start-up (lib/db/migrate.ts), so `prisma migrate deploy` and the app agree.
import { defineConfig } from "prisma/config";

import { env } from "./lib/env";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // Only the migrate commands use this; on the embedded PGlite database they are not needed.
  datasource: { url: env.DATABASE_URL ?? "" },
});
