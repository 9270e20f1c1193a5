// One face in one room: Jeremy drawn and voiced for the agent that asked for him. The face is
// on screen from the moment it joins (blinking, glancing, listening), speaks what the agent
// sends, and leaves when the agent does.
import { type Participant, type Room, RoomEvent } from "@livekit/rtc-node";

import { AudioReceiver } from "./audio-receiver";
import { publishAudioTrack } from "./audio-track";
import type { FaceRequest } from "./dispatch";
import { FacePlayer } from "./face-player";
import { FACE_STREAM, publishFace, type VideoStats } from "./video-publisher";

/** The voice's track rate, and how far ahead of the listener it may be queued. */
const VOICE = { name: "jeremy-voice", sampleRate: 48_000, queueMs: 200, stream: FACE_STREAM };
/** How long the face waits for its agent to be in the room before it leaves. */
export const AGENT_WAIT_MS = 20_000;
/** How long the first word waits for someone to subscribe to the voice. */
const LISTENER_WAIT_MS = 3000;

export interface FaceOptions {
  fps: number;
  log: (message: string) => void;
}

/** Runs the face until its agent leaves (or never comes); resolves with the video's figures. */
export async function runFace(
  room: Room,
  request: FaceRequest,
  options: FaceOptions,
): Promise<VideoStats & { reason: string }> {
  const agent = request.agentIdentity;
  const self = room.localParticipant!.identity;
  const { source, publication } = await publishAudioTrack(room, VOICE);
  let waited: NodeJS.Timeout | undefined;
  const listener = Promise.race([
    publication.waitForSubscription(),
    new Promise((resolve) => (waited = setTimeout(resolve, LISTENER_WAIT_MS))),
  ]).finally(() => clearTimeout(waited));
  // (The player reports only about audio the receiver handed it, so after both exist.)
  const player = new FacePlayer(
    source,
    {
      started: () => void receiver.playbackStarted(),
      finished: (event) => void receiver.playbackFinished(event),
    },
    listener,
  );
  const receiver = new AudioReceiver({
    room,
    agentIdentity: agent,
    sink: player,
    log: options.log,
  });

  // The listening look: someone other than the agent and its face is talking.
  let listening = false;
  const onSpeakers = (speakers: Participant[]) => {
    listening = speakers.some((p) => p.identity !== agent && p.identity !== self);
  };
  room.on(RoomEvent.ActiveSpeakersChanged, onSpeakers);
  const video = await publishFace(room, options.fps, () => ({
    mouth: player.mouth.shapeAt(),
    speaking: player.speaking,
    listening,
  }));

  const reason = await new Promise<string>((resolve) => {
    const present = () => room.remoteParticipants.has(agent);
    const timer = setTimeout(() => {
      if (!present()) resolve(`the agent ${agent} did not join within ${AGENT_WAIT_MS} ms`);
    }, AGENT_WAIT_MS);
    room.on(RoomEvent.ParticipantDisconnected, (participant) => {
      if (participant.identity === agent) resolve("the agent left");
    });
    room.on(RoomEvent.Disconnected, () => resolve("the room closed"));
    if (!room.isConnected) resolve("the room closed");
    void timer;
  });

  room.off(RoomEvent.ActiveSpeakersChanged, onSpeakers);
  receiver.close();
  player.clear();
  const stats = video.stats();
  await video.stop();
  await source.close();
  return { ...stats, reason };
}
