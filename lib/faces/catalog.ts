// The face catalog: the registered faces, and the ones a provider offers a session.
import type { FaceManifest, FaceView } from "./types";
import * as registry from "./registry";

/** Every registered face, the default first. */
export const FACES: readonly FaceManifest[] = Object.values(registry).sort(
  (a, b) => Number(b.isDefault ?? false) - Number(a.isDefault ?? false),
);

/** The registered face with `id`, if there is one. */
export function faceNamed(id: string): FaceManifest | undefined {
  return FACES.find((face) => face.id === id);
}

/** A catalog face as the page is told of it. */
export function faceView(face: FaceManifest): FaceView {
  return { id: face.id, name: face.name, portraitUrl: face.portrait };
}
