import { createJiti } from "jiti";

// Validate the environment at build and start: a bad variable stops here, named.
const jiti = createJiti(import.meta.url);
const { env, livekitSettings, providerManifest } = await jiti.import("./lib/env.ts");
const { securityHeaders } = await jiti.import("./lib/security/headers.ts");

// What the chosen provider needs the page to reach: its rooms (a provider may host them on
// LiveKit Cloud instead of the LiveKit in use) and its avatar's picture.
const { hostsRooms, imageSources } = providerManifest.csp(env);

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and WASM packages that must be loaded from node_modules, not bundled.
  // unpdf and linkedom load optional code a bundle would break (a PDF.js build by dynamic
  // import; `canvas` by a guarded require): Node loads them from node_modules as they are.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pg",
    "unpdf",
    "linkedom",
  ],
  // Migrations are read from disk at start-up; make sure deployments carry them.
  outputFileTracingIncludes: { "/api/**": ["./prisma/migrations/**"] },
  // Evaluated by `next build`: the policy (and the LiveKit URL in it) is part of the build.
  async headers() {
    const headers = securityHeaders({
      livekitUrl: hostsRooms ? null : livekitSettings.url,
      livekitCloud: hostsRooms,
      extraConnectSrc: env.CSP_CONNECT_SRC?.split(" ") ?? [],
      imageSources,
      mode: env.NODE_ENV,
    });
    return [{ source: "/:path*", headers }];
  },
};

export default nextConfig;
