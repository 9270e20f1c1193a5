import { TalkToJeremy } from "@/components/talk-to-jeremy";
import { env } from "@/lib/env";
import { getProvider } from "@/lib/providers";

// Configuration is read per request, so one build serves any environment.
export const dynamic = "force-dynamic";

export default function Home() {
  return (
    <TalkToJeremy
      config={{
        profiles: [...getProvider().profiles],
        avatarJoinTimeoutSeconds: env.AVATAR_JOIN_TIMEOUT_SECONDS,
      }}
    />
  );
}
