import { createJiti } from "jiti";

// Validate the environment at build and start: a bad variable stops here, named.
const jiti = createJiti(import.meta.url);
await jiti.import("./lib/env.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and WASM packages that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg"],
  // Migrations are read from disk at start-up; make sure deployments carry them.
  outputFileTracingIncludes: { "/api/**": ["./prisma/migrations/**"] },
};

export default nextConfig;
