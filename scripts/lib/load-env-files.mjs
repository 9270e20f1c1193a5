import { existsSync } from "node:fs";

/**
 * Loads .env.local and .env (in Next's order of precedence, never overriding real variables),
 * so that our scripts and the processes they start see the same settings as Next does.
 */
export function loadEnvFiles() {
  for (const file of [".env.local", ".env"]) {
    if (existsSync(file)) process.loadEnvFile(file);
  }
}
