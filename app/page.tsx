import { Portrait } from "@/components/landing/portrait";
import { TalkToJeremy } from "@/components/talk-to-jeremy";
import type { KnowledgeChoice } from "@/lib/client/remembered-knowledge";
import type { ToolChoice } from "@/lib/client/remembered-tools";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { offeredFaces } from "@/lib/faces/offered";
import type { FaceView } from "@/lib/faces/types";
import { listPublicBases } from "@/lib/knowledge/store";
import { listPublicTools } from "@/lib/tools/store";
import { getAvatarLook, getProvider } from "@/lib/providers";

// Configuration is read per request, so one build serves any environment.
export const dynamic = "force-dynamic";

export default async function Home() {
  // A provider's own avatar (an Equos character) shows its face and name; else Jeremy.
  const avatar = await getAvatarLook();
  const [faces, knowledgeBases, tools] = await Promise.all([
    facesOrNone(),
    knowledgeOrNone(),
    toolsOrNone(),
  ]);
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
        knowledgeBases,
        tools,
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

/** The knowledge bases offered to visitors, or none (no choice on the page) on a database error. */
async function knowledgeOrNone(): Promise<KnowledgeChoice[]> {
  try {
    return await listPublicBases(await getDb());
  } catch (error) {
    const reason = error instanceof Error ? error.message : "unknown error";
    console.error(`Could not list the knowledge bases, so the page offers none: ${reason}`);
    return [];
  }
}

/** The operator tools offered to visitors, or none (no choice on the page) on a database error. */
async function toolsOrNone(): Promise<ToolChoice[]> {
  try {
    return await listPublicTools(await getDb());
  } catch (error) {
    const reason = error instanceof Error ? error.message : "unknown error";
    console.error(`Could not list the tools, so the page offers none: ${reason}`);
    return [];
  }
}
