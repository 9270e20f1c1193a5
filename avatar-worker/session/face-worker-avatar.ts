// Jeremy's face as a participant of its own (LiveKit's avatar protocol), for JEREMY_FACE=worker:
// the brain dispatches the face worker by its agent name, and sends its speech there with LiveKit
// Agents' own DataStreamAudioOutput, as LiveKit's avatar plugins (Anam, Beyond Presence,
// LemonSlice) do for theirs. The face publishes Jeremy's video and voice; the brain neither.
import { voice } from "@livekit/agents";
import { type AudioFrame, type Room, TrackKind } from "@livekit/rtc-node";
import { AgentDispatchClient } from "livekit-server-sdk";

import { faceDispatchMetadata, faceIdentity } from "@/face-worker/dispatch";
import { RPC_CLEAR_BUFFER } from "@/face-worker/protocol";

/** How long an interruption waits for the face to take it before ending the segment itself. */
const CLEAR_TIMEOUT_MS = 2_000;

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
    agentSession.output.audio = new FaceStreamOutput({
      room,
      destinationIdentity: this.avatarIdentity,
      sampleRate: this.options.sampleRate,
      // Speech waits until the face is on screen, and is timed from when it began to play.
      waitRemoteTrack: TrackKind.KIND_VIDEO,
      waitPlaybackStart: true,
    });
  }
}

/**
 * LiveKit Agents' DataStreamAudioOutput, which also ends an interrupted segment itself when the
 * face cannot say it has: the face left, the room is gone, or it does not answer. Otherwise the
 * agent waits for a playback_finished that never comes, and the line being said (at a hang-up,
 * say) never reaches the transcript.
 */
class FaceStreamOutput extends voice.DataStreamAudioOutput {
  private readonly face: { room: Room; identity: string };
  /** The segment being played: seconds sent, and when the face began to play it. */
  private segment: { sent: number; startedAt?: number } | null = null;

  constructor(options: ConstructorParameters<typeof voice.DataStreamAudioOutput>[0]) {
    super(options);
    this.face = { room: options.room, identity: options.destinationIdentity };
  }

  override async captureFrame(frame: AudioFrame): Promise<void> {
    this.segment ??= { sent: 0 };
    this.segment.sent += frame.samplesPerChannel / frame.sampleRate;
    await super.captureFrame(frame);
  }

  override onPlaybackStarted(createdAt: number): void {
    if (this.segment) this.segment.startedAt ??= createdAt;
    super.onPlaybackStarted(createdAt);
  }

  override onPlaybackFinished(event: voice.PlaybackFinishedEvent): void {
    this.segment = null;
    super.onPlaybackFinished(event);
  }

  override clearBuffer(): void {
    // Nothing sent, nothing to clear (as LiveKit Agents' own clearBuffer does).
    if (!this.segment && this.pendingPlayoutSegments === 0) return;
    const { room, identity } = this.face;
    if (!room.isConnected || !room.remoteParticipants.has(identity) || !room.localParticipant) {
      this.finishHere();
      return;
    }
    room.localParticipant
      .performRpc({
        destinationIdentity: identity,
        method: RPC_CLEAR_BUFFER,
        payload: "",
        responseTimeout: CLEAR_TIMEOUT_MS,
      })
      .catch(() => this.finishHere());
  }

  /** Ends the segment under way as interrupted, at as much as had time to play. */
  private finishHere(): void {
    const segment = this.segment;
    if (!segment || this.pendingPlayoutSegments === 0) return;
    const played =
      segment.startedAt === undefined ? 0 : Math.max(0, (Date.now() - segment.startedAt) / 1000);
    this.onPlaybackFinished({
      playbackPosition: Math.min(played, segment.sent),
      interrupted: true,
    });
  }
}
