import "server-only";

import { getAvatarLook, getProvider } from "@/lib/providers";

import { faceNamed, faceView } from "./catalog";
import type { FaceView } from "./types";

/**
 * The faces a new session may show here, the default first: the provider's catalog faces, and
 * its own avatar (an Equos character) as its look() names and pictures it.
 */
export async function offeredFaces(): Promise<FaceView[]> {
  const provider = getProvider();
  const views: FaceView[] = [];
  for (const id of provider.faces) {
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
