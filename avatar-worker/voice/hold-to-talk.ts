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

import { type HeldTurn, holdTurn } from "./held-turn";

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

  // The turn being held, or released and waiting for its last words.
  let held: HeldTurn | undefined;

  local.registerRpcMethod(HOLD_TO_TALK_RPC.start, async (data) => {
    if (!fromUser(data)) return "ignored";
    if (held?.releasing) {
      // Pressed again while the release waits for the last words ("…and the address?"): the
      // same turn goes on, rather than what was just said being thrown away.
      held.holdAgain();
      return "listening";
    }
    held?.end();
    interruptQuietly(session);
    session.clearUserTurn();
    held = holdTurn(session);
    return "listening";
  });
  local.registerRpcMethod(HOLD_TO_TALK_RPC.end, async (data) => {
    if (!fromUser(data)) return "ignored";
    // A release whose press never arrived still ends the turn.
    const turn = (held ??= holdTurn(session));
    // False: held again meanwhile (the next release ends the turn), or the conversation is over.
    if (!(await turn.released()) || held !== turn) return "held again";
    held = undefined;
    turn.end();
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
    const turn = held;
    held = undefined;
    turn?.end();
    room.off(RoomEvent.ParticipantAttributesChanged, follow);
    local.unregisterRpcMethod(HOLD_TO_TALK_RPC.start);
    local.unregisterRpcMethod(HOLD_TO_TALK_RPC.end);
  };
}

function interruptQuietly(session: voice.AgentSession) {
  try {
    session.interrupt({ force: true });
  } catch {
    // Nothing is playing.
  }
}
