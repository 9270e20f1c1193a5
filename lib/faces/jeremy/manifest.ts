// Jeremy as this project draws him: offline, no account, no bill. The brain draws him itself, or
// with JEREMY_FACE=worker the face worker does, as its own participant (README, "Jeremy's face
// for any agent").
import { BRAND } from "../../brand";
import type { FaceManifest } from "../types";

export const jeremy: FaceManifest = {
  id: "jeremy",
  name: BRAND.avatarName,
  portrait: "/jeremy.png",
  drawnBy: "this project, offline (no vendor, nothing billed)",
  isDefault: true,
};
