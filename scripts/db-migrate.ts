// `npm run db:migrate`: applies pending migrations to the configured database (DATABASE_URL, or
// the embedded PGlite folder), exactly as the app does at start-up. Stop the app first when
// using PGlite: only one process may open its folder.
import { openDatabase } from "@/lib/db";

const handle = await openDatabase();
console.log(`Database (${handle.kind}) is up to date.`);
await handle.close();
