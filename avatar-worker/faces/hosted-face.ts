// A vendor's face the brain attaches (lib/faces/ says which exist): how the worker checks the
// vendor's variables and sends the vendor's avatar into a conversation's room.
import type { voice } from "@livekit/agents";
import type { Room } from "@livekit/rtc-node";

export interface AttachOptions {
  /** The LiveKit server and keys the vendor's avatar joins with (a token the plugin makes). */
  livekit: { url: string; apiKey: string; apiSecret: string };
  /** The brain's identity in the room: the avatar speaks for it. */
  agentIdentity: string;
}

/** A hosted face, attached to one conversation. */
export interface AttachedFace {
  /** LiveKit Agents' avatar session (its identity, waitForJoin). */
  avatar: voice.AvatarSession;
  /** Asks the vendor for the avatar and points the session's speech at it (before it starts). */
  start(session: voice.AgentSession, room: Room): Promise<unknown>;
}

export interface HostedFace<in Settings> {
  /** Its id in lib/faces/. */
  id: string;
  /**
   * Whether the worker can attach it: false when none of its variables is set; calls `problem`
   * for each variable that is set wrongly or missing beside the others.
   */
  check(values: Settings, problem: (variable: string, message: string) => void): boolean;
  attach(values: Settings, options: AttachOptions): AttachedFace;
}
