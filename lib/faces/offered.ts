import "server-only";

import { getDb } from "@/lib/db";
import { getAvatarLook, getProvider } from "@/lib/providers";
import { facesOffered } from "@/lib/sessions/faces";

import { faceNamed, faceView } from "./catalog";
import type { FaceView } from "./types";

/**
 * The faces a new session may show here, the default first: the provider's catalog faces, its
 * own avatar (an Equos character) as its look() names and pictures it, and the hosted faces a
 * live worker can attach.
 */
export async function offeredFaces(): Promise<FaceView[]> {
  const provider = getProvider();
  const ids = provider.workerAgentName
    ? await facesOffered(await getDb(), provider)
    : [...provider.faces];
  const views: FaceView[] = [];
  for (const id of ids) {
    const face = faceNamed(id);
    if (face) {
      views.push(faceView(face));
      continue;
    }
    const look = await getAvatarLook();
    views.push({ id, name: look?.name ?? id, portraitUrl: look?.portraitUrl ?? null });
  }
  return views;
}
