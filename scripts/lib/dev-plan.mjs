// What `npm run dev` starts, decided from the environment and the chosen provider's manifest
// (lib/providers/*/manifest.ts): the local avatar needs a LiveKit server (unless LIVEKIT_URL
// names one) and the Jeremy worker; a provider that brings its own avatar (Equos) needs neither.
import { existsSync } from "node:fs";

/** The worker's entry file, for providers whose manifest asks `npm run dev` for a worker. */
export const WORKER_ENTRY = "avatar-worker/main.ts";
/** The face worker's, started beside it when the worker draws no face of its own. */
export const FACE_ENTRY = "face-worker/main.ts";

/**
 * Resolves { livekit: boolean, worker: boolean, face: boolean, notes: string[] }: whether to
 * start a local LiveKit server, the avatar worker and the face worker (JEREMY_FACE=worker), and
 * what to tell the developer.
 * `manifests` are the registered providers' (lib/providers/registry.ts).
 */
export function devPlan(env, manifests, exists = existsSync) {
  const name = env.AVATAR_PROVIDER || (manifests.find((m) => m.isDefault) ?? manifests[0]).name;
  const manifest = manifests.find((candidate) => candidate.name === name);
  const others = manifests.filter((candidate) => candidate !== manifest).map((m) => m.name);
  if (!manifest) {
    throw new Error(
      `AVATAR_PROVIDER=${name} is not a registered provider; use ${manifests.map((m) => m.name).join(" or ")}.`,
    );
  }
  const plan = manifest.dev(env);
  if (plan.worker && !exists(WORKER_ENTRY)) {
    throw new Error(
      `AVATAR_PROVIDER=${name} needs its avatar worker (${WORKER_ENTRY}), which is not in this ` +
        `checkout. Use another provider: ${others.map((other) => `AVATAR_PROVIDER=${other}`).join(" or ")} (see README, Providers).`,
    );
  }
  const face = plan.worker && env.JEREMY_FACE === "worker";
  if (face) plan.notes.push("JEREMY_FACE=worker: the face worker draws Jeremy (npm run face).");
  return { ...plan, face };
}

/** The registered providers' manifests, loaded from TypeScript. */
export async function loadManifests() {
  const { createJiti } = await import("jiti");
  const registry = await createJiti(import.meta.url).import("../../lib/providers/registry.ts");
  return Object.values(registry);
}
