import { Portrait } from "@/components/landing/portrait";
import { TalkToJeremy } from "@/components/talk-to-jeremy";
import { env } from "@/lib/env";
import { offeredFaces } from "@/lib/faces/offered";
import type { FaceView } from "@/lib/faces/types";
import { getAvatarLook, getProvider } from "@/lib/providers";

// Configuration is read per request, so one build serves any environment.
export const dynamic = "force-dynamic";

export default async function Home() {
  // A provider's own avatar (an Equos character) shows its face and name; else Jeremy.
  const avatar = await getAvatarLook();
  const faces = await facesOrNone();
  return (
    <TalkToJeremy
      portrait={<Portrait avatar={avatar} />}
      config={{
        profiles: [...getProvider().profiles],
        avatarJoinTimeoutSeconds: env.AVATAR_JOIN_TIMEOUT_SECONDS,
        pauseMaxSeconds: env.PAUSE_MAX_SECONDS,
        holdToTalk: getProvider().holdToTalk === true,
        avatar,
        faces,
      }}
    />
  );
}

/** The faces offered, or none (no choice on the page) when they cannot be listed. */
async function facesOrNone(): Promise<FaceView[]> {
  try {
    return await offeredFaces();
  } catch (error) {
    // The message only: a provider's error may carry its request, and with it a key.
    const reason = error instanceof Error ? error.message : "unknown error";
    console.error(`Could not list the offered faces, so the page offers no choice: ${reason}`);
    return [];
  }
}
