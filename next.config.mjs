import { createJiti } from "jiti";

// Validate the environment at build and start: a bad variable stops here, named.
const jiti = createJiti(import.meta.url);
const { env, livekitSettings } = await jiti.import("./lib/env.ts");
const { avatarImageSources, securityHeaders } = await jiti.import("./lib/security/headers.ts");

// Equos without our own LiveKit puts the browser in rooms on Equos's LiveKit (Cloud) servers.
const providerHostsRooms = env.AVATAR_PROVIDER === "equos" && !livekitSettings.configured;

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and WASM packages that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg"],
  // Migrations are read from disk at start-up; make sure deployments carry them.
  outputFileTracingIncludes: { "/api/**": ["./prisma/migrations/**"] },
  // Evaluated by `next build`: the policy (and the LiveKit URL in it) is part of the build.
  async headers() {
    const headers = securityHeaders({
      livekitUrl: providerHostsRooms ? null : livekitSettings.url,
      livekitCloud: providerHostsRooms,
      extraConnectSrc: env.CSP_CONNECT_SRC?.split(" ") ?? [],
      imageSources: avatarImageSources({
        provider: env.AVATAR_PROVIDER,
        characterId: env.EQUOS_CHARACTER_ID,
        imageUrl: env.EQUOS_AVATAR_IMAGE_URL,
      }),
      mode: env.NODE_ENV,
    });
    return [{ source: "/:path*", headers }];
  },
};

export default nextConfig;
