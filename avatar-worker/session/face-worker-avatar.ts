// Jeremy's face as a participant of its own (LiveKit's avatar protocol), for JEREMY_FACE=worker:
// the brain dispatches the face worker by its agent name, and sends its speech there with LiveKit
// Agents' own DataStreamAudioOutput, as LiveKit's avatar plugins (Anam, Beyond Presence,
// LemonSlice) do for theirs. The face publishes Jeremy's video and voice; the brain neither.
import { voice } from "@livekit/agents";
import { type Room, TrackKind } from "@livekit/rtc-node";
import { AgentDispatchClient } from "livekit-server-sdk";

import { faceDispatchMetadata, faceIdentity } from "@/face-worker/dispatch";

export interface FaceWorkerOptions {
  /** The LiveKit server (ws or http URL) and the keys to dispatch with. */
  livekit: { url: string; apiKey: string; apiSecret: string };
  /** The face worker's agent name (FACE_AGENT_NAME). */
  faceAgentName: string;
  /** This agent's identity in the room: the face speaks for it. */
  agentIdentity: string;
  /** The rate Jeremy's speech is sent at. */
  sampleRate: number;
}

export class FaceWorkerAvatar extends voice.AvatarSession {
  constructor(private readonly options: FaceWorkerOptions) {
    super();
  }

  override get avatarIdentity(): string {
    return faceIdentity(this.options.agentIdentity);
  }

  override get provider(): string {
    return "jeremy-face";
  }

  /**
   * Asks for the face as soon as the room is joined, before anyone arrives, so Jeremy is on
   * screen when the person is.
   */
  async dispatch(room: Room): Promise<void> {
    const { url, apiKey, apiSecret } = this.options.livekit;
    await new AgentDispatchClient(url.replace(/^ws/, "http"), apiKey, apiSecret).createDispatch(
      room.name!,
      this.options.faceAgentName,
      { metadata: faceDispatchMetadata({ agentIdentity: this.options.agentIdentity }) },
    );
  }

  /** Sends the session's speech to the face (call before the session starts). */
  override async start(agentSession: voice.AgentSession, room: Room): Promise<void> {
    await super.start(agentSession, room);
    agentSession.output.audio = new voice.DataStreamAudioOutput({
      room,
      destinationIdentity: this.avatarIdentity,
      sampleRate: this.options.sampleRate,
      // Speech waits until the face is on screen, and is timed from when it began to play.
      waitRemoteTrack: TrackKind.KIND_VIDEO,
      waitPlaybackStart: true,
    });
  }
}
