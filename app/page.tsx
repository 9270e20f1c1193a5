import { Portrait } from "@/components/landing/portrait";
import { TalkToJeremy } from "@/components/talk-to-jeremy";
import { env } from "@/lib/env";
import { getAvatarLook, getProvider } from "@/lib/providers";

// Configuration is read per request, so one build serves any environment.
export const dynamic = "force-dynamic";

export default async function Home() {
  // A provider's own avatar (an Equos character) shows its face and name; else Jeremy.
  const avatar = await getAvatarLook();
  return (
    <TalkToJeremy
      portrait={<Portrait avatar={avatar} />}
      config={{
        profiles: [...getProvider().profiles],
        avatarJoinTimeoutSeconds: env.AVATAR_JOIN_TIMEOUT_SECONDS,
        pauseMaxSeconds: env.PAUSE_MAX_SECONDS,
        holdToTalk: getProvider().holdToTalk === true,
        avatar,
      }}
    />
  );
}
