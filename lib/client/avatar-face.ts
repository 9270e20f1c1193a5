import { PUBLISH_ON_BEHALF_ATTRIBUTE } from "@/lib/contract";

interface Someone {
  identity: string;
  attributes: Readonly<Record<string, string>>;
}

/**
 * Who shows and voices the agent `agentIdentity`, as LiveKit's avatar protocol has it: the
 * participant whose `lk.publish_on_behalf` names the agent (a face of its own: LiveKit's avatar
 * plugins, our face worker), else the agent itself (Jeremy drawing his own face, Equos).
 */
export function faceOf<P extends Someone>(
  participants: readonly P[],
  agentIdentity: string,
): P | undefined {
  return (
    participants.find(
      (p) =>
        p.identity !== agentIdentity && p.attributes[PUBLISH_ON_BEHALF_ATTRIBUTE] === agentIdentity,
    ) ?? participants.find((p) => p.identity === agentIdentity)
  );
}
