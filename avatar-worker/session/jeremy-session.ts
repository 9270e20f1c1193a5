import { AutoSubscribe, type JobContext } from "@livekit/agents";
import { type LocalTrack, RoomEvent, type RemoteParticipant, TrackKind } from "@livekit/rtc-node";

import {
  AVATAR_LISTENING_ATTRIBUTE,
  FACE_FAILED_ATTRIBUTE,
  REDUCED_MOTION_ATTRIBUTE,
} from "@/lib/contract";
import { sleep } from "@/lib/sleep";
import {
  isSessionRoom,
  LOCAL_FACES,
  LOCAL_ROOM_METADATA,
} from "@/lib/providers/local/worker-contract";

import type { WorkerEnv } from "../env";
import { MOUTH_AT_REST } from "@/face-worker/face/mouth-shape";
import { listens } from "../models/settings";
import { openingLines } from "../profiles/script";
import { SAMPLE_RATE, startVoiceSession } from "../voice/voice-session";

import { attachHostedFace } from "../faces";
import { askApp } from "../knowledge/ask-app";
import { callThroughApp } from "../tools/call-through-app";
import { claimRoom } from "./claim-room";
import { FaceWorkerAvatar } from "./face-worker-avatar";
import { parseJobMetadata, unledgeredMetadata } from "./job-metadata";
import { reportTranscript } from "./report-transcript";
import { Transcript } from "./transcript";
import { publishFace } from "@/face-worker/video-publisher";
import type { WarmKit } from "./warm-up";

// Give the page a moment to subscribe to Jeremy's voice before he starts talking.
const GREETING_WAIT_MS = 3000;
// Frames sent before the voice session starts (see converse): a few, so a key frame is among them.
const FACE_FIRST_MS = 200;
// The page joins within seconds of its start, and gives up on Jeremy after 20 s. A person who
// has not come by now never will: typically the session was stopped before Jeremy joined, and his
// join brought the deleted room back. Leave, so the job's process and capacity are freed.
const USER_JOIN_WAIT_MS = 30_000;
// How long a job may take to leave the room once its conversation is over.
const JOB_EXIT_GRACE_MS = 20_000;
// A face worker joins within a second or two of its dispatch; a face not there by now never is.
const FACE_JOIN_WAIT_MS = 15_000;
// A vendor's avatar is asked for once the person is here, and takes longer to arrive.
const HOSTED_FACE_JOIN_WAIT_MS = 30_000;
// How long a conversation whose face failed waits for the page to end it before leaving itself.
const FACE_FAILED_LINGER_MS = 10_000;

/**
 * One conversation: Jeremy joins the session's room, shows his face and voice, listens to the
 * user, and hands the transcript to the app when the room goes away or the user leaves.
 */
export async function runJeremySession<T>(
  ctx: JobContext<T>,
  env: WorkerEnv,
  { synthesizer, renderer, vad }: WarmKit,
) {
  // When each step towards Jeremy's first frame happened (ms since the epoch), for the log.
  const timeline = { jobAt: Date.now(), claimedAt: 0, connectedAt: 0, firstFrameAt: 0 };
  const roomName = ctx.job.room?.name ?? "";
  // A room the app made has a session in the ledger; any other (LiveKit's own starters, a room
  // made with the server SDK) gets the defaults, and its transcript stays here.
  const ledgered = isSessionRoom(roomName);
  const meta = ledgered
    ? parseJobMetadata(ctx.job.metadata, roomName)
    : unledgeredMetadata(roomName);
  const log = (message: string) => console.log(`[jeremy ${meta.sessionId}] ${message}`);
  if (!ledgered) {
    if (env.JEREMY_ROOMS === "app") {
      log("not the app's room, and JEREMY_ROOMS=app; leaving");
      ctx.shutdown("not the app's room");
      return;
    }
    log(
      `unledgered: a room the app did not make; default profile, ${meta.maxDurationSeconds} s at most`,
    );
  }
  // Each line goes to the app as it is said, so a pause (which ends this job) or a crash loses
  // nothing already said, and a resumed conversation can be told all of it.
  let handing = Promise.resolve();
  const handOver = () =>
    (handing = handing.then(async () => {
      const lines = transcript.unsent();
      if (lines.length === 0 || !ledgered) return;
      const { handed, error } = await reportTranscript(env, meta.sessionId, lines, log);
      transcript.markSent(handed);
      // The rest are kept, and sent again with the next line or at the end.
      if (error !== undefined) log(String(error));
    }));
  const transcript = new Transcript(meta.resumed?.nextSeq ?? 0, () => void handOver());
  // Jeremy listens when both a transcriber and a language model are configured; offline, he
  // opens with the script's greeting, synthesized ahead of time.
  const listening = listens(env.models);
  if (!listening && !env.models.tts) void synthesizer.warmUp(openingLines(meta));

  // One Jeremy per room: a room LiveKit dispatched again (its node died, or this worker missed
  // its pings) already has one, or had one whose conversation is over. Leave before joining:
  // joining as "jeremy" would push the other out.
  const claim = ledgered
    ? await claimRoom(env, meta.sessionId, { room: roomName, jobId: ctx.job.id }, log)
    : { outcome: "mine" as const };
  timeline.claimedAt = Date.now();
  if (claim.outcome === "taken") {
    log(`not joining: ${claim.why}`);
    ctx.shutdown("room taken");
    return;
  }

  await ctx.connect(undefined, AutoSubscribe.AUDIO_ONLY);
  timeline.connectedAt = Date.now();
  const room = ctx.room;
  if (ledgered && room.metadata !== LOCAL_ROOM_METADATA) {
    // Not a room the app made: the session ended before Jeremy joined, and his join brought
    // its room back. Nobody will come; leave at once, freeing the job and its capacity.
    log("the room is gone (stopped before Jeremy joined); leaving");
    ctx.shutdown("room gone");
    return;
  }
  // The page tells the person whether Jeremy hears their words or follows his script.
  void room.localParticipant
    ?.setAttributes({ [AVATAR_LISTENING_ATTRIBUTE]: String(listening) })
    .catch((error: unknown) => log(`could not set the listening attribute: ${String(error)}`));
  const cleanups: Array<() => unknown> = [];
  // Filled in once the person has joined; the face asks every frame.
  const present: {
    user?: RemoteParticipant;
    voice?: Awaited<ReturnType<typeof startVoiceSession>>;
  } = {};
  // The session's face: a vendor's (a hosted face, lib/faces/), else Jeremy, drawn here
  // (JEREMY_FACE=own) or by a face worker as a participant of its own.
  const hosted =
    meta.face === LOCAL_FACES[0]
      ? null
      : attachHostedFace(meta.face, env, {
          livekit: {
            url: env.LIVEKIT_URL,
            apiKey: env.LIVEKIT_API_KEY,
            apiSecret: env.LIVEKIT_API_SECRET,
          },
          agentIdentity: room.localParticipant!.identity,
        });
  if (meta.face !== LOCAL_FACES[0] && !hosted) {
    log(
      `this worker cannot show the face "${meta.face}" (its keys are not set here); showing Jeremy`,
    );
  }
  const ownFace = !hosted && env.JEREMY_FACE === "own";
  const face = ownFace
    ? await publishFace(
        room,
        env.JEREMY_FPS,
        () => {
          const speaking = present.voice?.session.agentState === "speaking";
          return {
            mouth: present.voice?.face.mouth.shapeAt() ?? MOUTH_AT_REST,
            speaking,
            listening: present.voice?.session.userState === "speaking" && !speaking,
            reducedMotion: present.user?.attributes[REDUCED_MOTION_ATTRIBUTE] === "true",
          };
        },
        renderer,
      )
    : null;
  const faceWorker =
    ownFace || hosted
      ? null
      : new FaceWorkerAvatar({
          livekit: {
            url: env.LIVEKIT_URL,
            apiKey: env.LIVEKIT_API_KEY,
            apiSecret: env.LIVEKIT_API_SECRET,
          },
          faceAgentName: env.FACE_AGENT_NAME,
          agentIdentity: room.localParticipant!.identity,
          sampleRate: SAMPLE_RATE,
        });
  if (face) timeline.firstFrameAt = Date.now();
  const cpuAtStart = process.cpuUsage();

  ctx.addShutdownCallback(async () => {
    for (const cleanup of cleanups) cleanup();
    const stats = face?.stats() ?? { face: hosted ? meta.face : env.FACE_AGENT_NAME };
    const cpu = process.cpuUsage(cpuAtStart);
    log(
      `ended: ${JSON.stringify({ ...stats, cpuMs: Math.round((cpu.user + cpu.system) / 1000), lines: transcript.all.length, timeline })}`,
    );
    await Promise.allSettled([face?.stop(), present.voice?.close(), synthesizer.close()]);
    await handOver();
  });
  // The job ends as soon as the room is gone or the person left, even mid-sentence: LiveKit
  // Agents waits for this function to return before it releases the job (and the capacity).
  let endNow!: () => void;
  let ended = false;
  const ending = new Promise<void>((resolve) => (endNow = resolve));
  const end = (reason: string) => {
    ended = true;
    // LiveKit Agents closes the session before anything else (our shutdown callback included),
    // and that close waits for what can no longer happen: a line nobody may interrupt playing out
    // to the empty room, and someone subscribing to Jeremy's voice when the room went before
    // anyone did (it gives up after 60 s, holding the job). Cut him off, and let that wait go.
    present.voice?.silence();
    for (const publication of room.localParticipant?.trackPublications.values() ?? []) {
      publication.resolveFirstSubscription();
    }
    endNow();
    // Then LiveKit Agents leaves the room, and only then runs our shutdown callback. Leaving can
    // hang when the LiveKit node that hosted the room died (the room client is still trying to
    // reconnect to it): the job would hold its capacity for good. So what was said goes to the
    // app now, and a process still here after a while leaves on its own (a job has its own).
    void handOver();
    setTimeout(() => {
      log(
        `still leaving the room ${JOB_EXIT_GRACE_MS / 1000} s after the end (${reason}); exiting`,
      );
      process.exit(0);
    }, JOB_EXIT_GRACE_MS).unref();
    ctx.shutdown(reason);
  };
  room.once(RoomEvent.Disconnected, () => end("room closed"));
  const guard = setTimeout(() => end("max duration"), (meta.maxDurationSeconds + 30) * 1000);
  cleanups.push(() => clearTimeout(guard));

  const nobodyCame = setTimeout(() => end("nobody joined"), USER_JOIN_WAIT_MS);
  cleanups.push(() => clearTimeout(nobodyCame));

  // A face of its own (the face worker's or a vendor's): without it there is no one to see or
  // hear, so a face that never comes, or leaves, ends the conversation.
  const avatar = hosted?.avatar ?? faceWorker;
  const awaitFace = (waitMs: number) => {
    const identity = avatar!.avatarIdentity;
    const onLeft = (participant: RemoteParticipant) => {
      if (participant.identity === identity) end("the face left");
    };
    room.on(RoomEvent.ParticipantDisconnected, onLeft);
    cleanups.push(() => room.off(RoomEvent.ParticipantDisconnected, onLeft));
    const noFace = setTimeout(() => {
      if (!room.remoteParticipants.has(identity)) end(`the face (${identity}) never joined`);
    }, waitMs);
    cleanups.push(() => clearTimeout(noFace));
  };
  if (faceWorker) {
    // The face is asked for now, so it is there when the person is.
    awaitFace(FACE_JOIN_WAIT_MS);
    try {
      await faceWorker.dispatch(room);
    } catch (error) {
      log(`could not dispatch the face (${env.FACE_AGENT_NAME}): ${String(error)}`);
      end("no face");
      return;
    }
  }

  const converse = async () => {
    const joined = await ctx.waitForParticipant();
    clearTimeout(nobodyCame);
    present.user = joined;
    log(`${joined.identity} joined (${meta.profile})`);
    room.on(RoomEvent.ParticipantDisconnected, (participant: RemoteParticipant) => {
      if (participant.identity === joined.identity) end("user left");
    });

    // His face first: starting the voice session keeps this process busy for a moment, and the
    // key frame the page waits for to show him would wait behind it. So the session starts once
    // the page has subscribed to his video and the first frames have gone out.
    if (ownFace) {
      await waitForListener(room, TrackKind.KIND_VIDEO, GREETING_WAIT_MS);
      await sleep(FACE_FIRST_MS);
    }
    if (ended) return;
    // A vendor's face is asked for as the voice session starts (its plugin needs the session).
    if (hosted) awaitFace(HOSTED_FACE_JOIN_WAIT_MS);
    const starting = startVoiceSession({
      room,
      user: joined,
      meta,
      models: env.models,
      vad,
      synthesizer,
      transcript,
      limits: { maxTokens: env.LLM_MAX_TOKENS, callsPerMinute: env.LLM_MAX_CALLS_PER_MINUTE },
      avatar: hosted ?? faceWorker ?? undefined,
      // The session's knowledge bases, searched through the app (there is none outside the ledger).
      searchKnowledge: meta.knowledge ? askApp(env, meta.sessionId) : undefined,
      // The session's operator tools, called by the app (which holds their secrets).
      callTool: meta.tools ? callThroughApp(env, meta.sessionId) : undefined,
      log,
      onFailed: (why) => {
        log(`the voice session failed (${why}); ending the conversation`);
        end("voice session failed");
      },
    });
    try {
      present.voice = await starting;
    } catch (error) {
      // A vendor that refused or did not answer: there is no face to talk through. The page
      // is told, and ends the session (face_failed); if it does not, this job ends soon anyway.
      log(`the face "${meta.face}" could not start: ${String(error)}`);
      void room.localParticipant
        ?.setAttributes({ [FACE_FAILED_ATTRIBUTE]: meta.face })
        .catch(() => end("face failed"));
      const linger = setTimeout(() => end("face failed"), FACE_FAILED_LINGER_MS);
      cleanups.push(() => clearTimeout(linger));
      return;
    }
    if (ended) {
      // The conversation ended while the session was starting: nobody is left to greet.
      await present.voice.close();
      return;
    }
    // The face waits for a listener itself before its first word (face-worker/face-session.ts).
    if (ownFace) await waitForListener(room, TrackKind.KIND_AUDIO, GREETING_WAIT_MS);
    else await avatar!.waitForJoin({ timeout: FACE_JOIN_WAIT_MS }).catch(() => undefined);
    if (ended) return;
    present.voice.greet();
  };
  await Promise.race([
    converse().catch((error: unknown) => {
      // Waiting for the person fails once the room is gone: that is the end, not an error.
      log(`conversation ended early: ${String(error)}`);
    }),
    ending,
  ]);
}

/**
 * Resolves once someone has subscribed to Jeremy's track of `kind` (at once if they already
 * have), or after `timeoutMs`.
 */
function waitForListener(
  room: JobContext["room"],
  kind: TrackKind,
  timeoutMs: number,
): Promise<void> {
  const publication = [...(room.localParticipant?.trackPublications.values() ?? [])].find(
    (published) => published.kind === kind,
  );
  let stopListening = () => {};
  const subscribed = publication
    ? publication.waitForSubscription()
    : new Promise<void>((resolve) => {
        const onSubscribed = (track: LocalTrack) => {
          if (track.kind === kind) resolve();
        };
        room.on(RoomEvent.LocalTrackSubscribed, onSubscribed);
        stopListening = () => room.off(RoomEvent.LocalTrackSubscribed, onSubscribed);
      });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  return Promise.race([subscribed, late]).finally(() => {
    clearTimeout(timer);
    stopListening();
  });
}
