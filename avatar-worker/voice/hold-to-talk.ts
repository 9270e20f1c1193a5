// Hold to talk: the person says when a turn starts and ends (a button, or the space bar), rather
// than Jeremy guessing from silence. LiveKit Agents' manual turn detection does the turn-taking;
// the page calls two RPC methods on Jeremy's participant (lib/contract.ts).
import { voice } from "@livekit/agents";
import {
  type Participant,
  type RemoteParticipant,
  type Room,
  RoomEvent,
  type RpcInvocationData,
} from "@livekit/rtc-node";

import { HOLD_TO_TALK_RPC, TURN_MODE_ATTRIBUTE } from "@/lib/contract";

/** How long a released turn waits for the last words to be heard before it is committed. */
const LAST_WORDS_WAIT_MS = 2000;

/** Whether the person takes turns by holding a button, as their participant says. */
export function holdsToTalk(user: RemoteParticipant): boolean {
  return user.attributes[TURN_MODE_ATTRIBUTE] === "hold";
}

/**
 * Serves the page's hold-to-talk calls for `user`, and follows the mode they choose (the page
 * may set it after joining). Returns the cleanup.
 */
export function serveHoldToTalk(
  room: Room,
  user: RemoteParticipant,
  session: voice.AgentSession,
  log: (message: string) => void,
): () => void {
  const local = room.localParticipant;
  if (!local) return () => {};
  const fromUser = (data: RpcInvocationData) => data.callerIdentity === user.identity;

  local.registerRpcMethod(HOLD_TO_TALK_RPC.start, async (data) => {
    if (!fromUser(data)) return "ignored";
    interruptQuietly(session);
    session.clearUserTurn();
    return "listening";
  });
  local.registerRpcMethod(HOLD_TO_TALK_RPC.end, async (data) => {
    if (!fromUser(data)) return "ignored";
    await lastWordsHeard(session, LAST_WORDS_WAIT_MS);
    session.commitUserTurn();
    return "committed";
  });

  let mode = holdsToTalk(user);
  const follow = (_changed: Record<string, string>, participant: Participant) => {
    if (participant.identity !== user.identity || holdsToTalk(user) === mode) return;
    mode = holdsToTalk(user);
    log(`turns: ${mode ? "hold to talk" : "automatic"}`);
    session.updateOptions({ turnHandling: { turnDetection: mode ? "manual" : "vad" } });
  };
  room.on(RoomEvent.ParticipantAttributesChanged, follow);
  return () => {
    room.off(RoomEvent.ParticipantAttributesChanged, follow);
    local.unregisterRpcMethod(HOLD_TO_TALK_RPC.start);
    local.unregisterRpcMethod(HOLD_TO_TALK_RPC.end);
  };
}

/**
 * Resolves once the person's speech has ended and been transcribed (the page muted the
 * microphone on release; the transcriber still has to hear the end), or after `timeoutMs`.
 */
function lastWordsHeard(session: voice.AgentSession, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    let speaking = session.userState === "speaking";
    let transcribed = !speaking;
    const done = () => {
      clearTimeout(timer);
      session.off(voice.AgentSessionEventTypes.UserStateChanged, onState);
      session.off(voice.AgentSessionEventTypes.UserInputTranscribed, onWords);
      resolve();
    };
    const onState = (event: voice.UserStateChangedEvent) => {
      speaking = event.newState === "speaking";
      if (speaking) transcribed = false;
    };
    const onWords = (event: voice.UserInputTranscribedEvent) => {
      if (!event.isFinal) return;
      transcribed = true;
      if (!speaking) done();
    };
    const timer = setTimeout(done, timeoutMs);
    session.on(voice.AgentSessionEventTypes.UserStateChanged, onState);
    session.on(voice.AgentSessionEventTypes.UserInputTranscribed, onWords);
    if (!speaking && transcribed) done();
  });
}

function interruptQuietly(session: voice.AgentSession) {
  try {
    session.interrupt({ force: true });
  } catch {
    // Nothing is playing.
  }
}
