// One conversation's voice, on LiveKit Agents' own pipeline (voice.AgentSession): VAD, STT, LLM
// and TTS plugins, with the framework's turn-taking, interruptions, transcription on
// lk.transcription and typed turns on lk.chat. With model endpoints configured (LLM_*, STT_*,
// optional TTS_*) Jeremy listens and answers; without, the offline demo: the scripted profile,
// espeak-ng, no account. Jeremy's face follows the audio the session plays (./face-audio-output.ts).
// What a conversation may cost the model endpoints is bounded here, whoever sends the turns
// (./limits.ts, ./bounded-llm.ts, ./turn-gate.ts, ./typed-turns.ts).
import { ReadableStream } from "node:stream/web";

import { llm, type VAD, voice } from "@livekit/agents";
import * as openai from "@livekit/agents-plugin-openai";
import {
  AudioFrame,
  type RemoteParticipant,
  type Room,
  TrackPublishOptions,
  TrackSource,
} from "@livekit/rtc-node";

import { FACE_STREAM } from "@/face-worker/video-publisher";
import type { JeremyJobMetadata } from "@/lib/providers/local/worker-contract";

import type { SearchKnowledge } from "../knowledge/ask-app";
import { knowledgeTool } from "../knowledge/knowledge-tool";
import type { CallTool } from "../tools/call-through-app";
import { operatorTools } from "../tools/operator-tools";
import { type Endpoint, isOpenAiEndpoint, listens, type ModelSettings } from "../models/settings";
import { PLAYED_BACK } from "../profiles/echo";
import { instructionsFor } from "../profiles/instructions";
import { nextLine, openingLines } from "../profiles/script";
import { lineDate, type Transcript } from "../session/transcript";

import type { SpeechSynthesizer } from "../speech/speech-synthesizer";

import { BoundedLLM } from "./bounded-llm";
import { CallBudget } from "./call-budget";
import {
  APOLOGY,
  failureWarning,
  HeardOrReported,
  MODEL_CONNECT_OPTIONS,
} from "./endpoint-failures";
import { EspeakTTS } from "./espeak-tts";
import { FaceAudioOutput } from "./face-audio-output";
import { holdsToTalk, serveHoldToTalk } from "./hold-to-talk";
import { JeremyAgent } from "./jeremy-agent";
import { OfflineRecognizer } from "./offline-recognizer";
import { ScriptedLLM } from "./scripted-llm";
import { TurnGate } from "./turn-gate";
import { TURN_SILENCE_MS } from "./turn-taking";
import { toolLines } from "./tool-lines";
import { serveTypedTurns } from "./typed-turns";

// Jeremy's voice goes out at 48 kHz. The person's voice comes in at 16 kHz, the rate the VAD
// and speech-to-text models take (resampled once, natively, as it arrives); offline echo plays
// the person's own words back, so it keeps them at 48 kHz.
export const SAMPLE_RATE = 48_000;
const LISTENING_SAMPLE_RATE = 16_000;

export interface VoiceSessionParts {
  room: Room;
  user: RemoteParticipant;
  meta: JeremyJobMetadata;
  models: ModelSettings;
  vad: VAD;
  synthesizer: SpeechSynthesizer;
  transcript: Transcript;
  /** The model's bounds: LLM_MAX_TOKENS and LLM_MAX_CALLS_PER_MINUTE. */
  limits: { maxTokens: number; callsPerMinute: number };
  log(message: string): void;
  /** The session closed itself after an error it could not carry on from. */
  onFailed(why: string): void;
  /**
   * A face of its own that voices Jeremy (JEREMY_FACE=worker, or a vendor's): it points the
   * session's speech at itself before the session starts. Without one he speaks in the room himself.
   */
  avatar?: { start(session: voice.AgentSession, room: Room): Promise<unknown> };
  /** Searches the session's knowledge bases: with a model, Jeremy has a tool that calls it. */
  searchKnowledge?: SearchKnowledge;
  /** Calls the session's operator tools (meta.tools): with a model, each is a tool of Jeremy's. */
  callTool?: CallTool;
}

/** The echo profile offline: the person's own voice, played back, instead of a reply. */
class EchoAgent extends JeremyAgent {
  constructor(
    options: voice.AgentOptions<unknown>,
    gate: TurnGate,
    private readonly recognizer: OfflineRecognizer,
  ) {
    super(options, gate);
  }

  async onUserTurnCompleted(): Promise<void> {
    const heard = this.recognizer.lastUtterance;
    if (!heard) return;
    this.session.say(PLAYED_BACK, { audio: streamOf(heard) });
    throw new voice.StopResponse();
  }
}

export async function startVoiceSession(parts: VoiceSessionParts) {
  const { meta, models, transcript } = parts;
  const listening = listens(models);
  const offlineRecognizer = listening ? null : new OfflineRecognizer();
  // Set once the session exists: a failed endpoint makes Jeremy apologise through it.
  let apologise: (what: string, endpoint: string, error: unknown) => void = () => {};
  let say: (line: string) => void = () => {};
  // Offline, the "model" is a script: it costs nothing, and every turn goes ahead.
  const budget = listening ? new CallBudget(parts.limits.callsPerMinute) : null;
  const gate = new TurnGate(budget, (line) => say(line), parts.log);
  // A resumed conversation's model (and script) knows what was said before the pause.
  const chatCtx = llm.ChatContext.empty();
  for (const line of meta.resumed?.history ?? []) {
    chatCtx.addMessage({ role: line.role, content: line.text });
  }
  const toolSpecs = listening && parts.callTool ? (meta.tools ?? []) : [];
  const options: voice.AgentOptions<unknown> = {
    instructions: instructionsFor(meta.profile, meta.context, meta.userName, {
      knowledge: listening && parts.searchKnowledge !== undefined,
      tools: toolSpecs.map((spec) => spec.name),
    }),
    chatCtx,
    tools: [
      ...(listening && parts.searchKnowledge
        ? [
            knowledgeTool({
              search: parts.searchKnowledge,
              say: (line) => say(line),
              log: parts.log,
            }),
          ]
        : []),
      ...(parts.callTool
        ? operatorTools({
            specs: toolSpecs,
            call: parts.callTool,
            say: (line) => say(line),
            log: parts.log,
          })
        : []),
    ],
    vad: parts.vad,
    stt: listening
      ? new HeardOrReported(
          // Over HTTP, one utterance at a time (cut by the VAD), as every OpenAI-compatible
          // transcription server speaks it; not OpenAI's realtime websocket.
          new openai.STT({ ...models.stt!, useRealtime: false }),
          (error) => apologise("speech-to-text endpoint", models.stt!.baseURL, error),
        )
      : offlineRecognizer!,
    llm: listening
      ? languageModel(models.llm!, parts.limits.maxTokens, budget!, parts.log)
      : new ScriptedLLM(nextLine(meta.profile, meta.context, meta.knowledge?.topics)),
    tts: models.tts
      ? // The plugin's type lists OpenAI's own voices; other compatible servers name theirs.
        new openai.TTS({ ...models.tts, voice: models.tts.voice as openai.TTSVoices })
      : new EspeakTTS(parts.synthesizer, SAMPLE_RATE),
  };
  const echo = offlineRecognizer !== null && meta.profile === "echo";
  const agent = echo
    ? new EchoAgent(options, gate, offlineRecognizer)
    : new JeremyAgent(options, gate);

  const session = new voice.AgentSession({
    vad: parts.vad,
    // Offline, Jeremy cannot tell a reply from someone talking over him: he finishes what he
    // says, as the scripted demo always has. With a model, speaking interrupts him.
    turnHandling: {
      // The turn ends on the VAD's silence (below). Hold to talk: the person says when a turn
      // ends (./hold-to-talk.ts), never the silence. Either way LiveKit Agents' default
      // end-of-turn model stays off: it would resample and buffer every frame of the person's
      // voice for a model this worker does not run.
      turnDetection: holdsToTalk(parts.user) ? ("manual" as const) : ("vad" as const),
      interruption: { enabled: listening },
      // The turn ends once the VAD has heard TURN_SILENCE_MS of quiet, not later.
      endpointing: { minDelay: TURN_SILENCE_MS },
    },
    connOptions: {
      sttConnOptions: MODEL_CONNECT_OPTIONS,
      llmConnOptions: MODEL_CONNECT_OPTIONS,
      ttsConnOptions: MODEL_CONNECT_OPTIONS,
    },
  });
  say = (line) => {
    try {
      session.say(line);
    } catch {
      // The session is closing: there is nobody left to say it to.
    }
  };
  apologise = (what, endpoint, error) => {
    parts.log(failureWarning(what, endpoint, error));
    say(APOLOGY);
  };
  // LiveKit Agents closes the session itself after errors it cannot carry on from (a speech
  // endpoint failing again and again): the conversation is over, not silently voiceless.
  session.on(voice.AgentSessionEventTypes.Close, ({ reason, error }) => {
    if (reason !== voice.CloseReason.ERROR) return;
    parts.onFailed(error && "error" in error ? String(error.error) : String(reason));
  });
  session.on(voice.AgentSessionEventTypes.ConversationItemAdded, ({ item }) => {
    if (item.type !== "message") return;
    if (item.role === "user" || item.role === "assistant") {
      transcript.add(item.role, item.textContent ?? "", lineDate(item));
    }
  });
  session.on(voice.AgentSessionEventTypes.FunctionToolsExecuted, (event) => {
    for (const line of toolLines(event.functionCalls, event.functionCallOutputs)) {
      transcript.add("tool", line);
    }
  });
  session.on(voice.AgentSessionEventTypes.Error, ({ error }) => {
    if (error.type === "llm_error" && !error.recoverable && models.llm) {
      apologise("language model endpoint", models.llm.baseURL, error.error);
    } else if (!error.recoverable) {
      parts.log(
        `voice pipeline error (${error.type}): ${String("error" in error ? error.error : error)}`,
      );
    }
  });
  // LiveKit Agents keeps an audio output set before the session starts: the avatar's.
  await parts.avatar?.start(session, parts.room);
  await session.start({
    agent,
    room: parts.room,
    inputOptions: {
      participantIdentity: parts.user.identity,
      audioSampleRate: echo ? SAMPLE_RATE : LISTENING_SAMPLE_RATE,
      closeOnDisconnect: false,
      // Typed turns are read by ./typed-turns.ts, which bounds them (below).
      textEnabled: false,
    },
    outputOptions: {
      audioSampleRate: SAMPLE_RATE,
      // In the stream of the face he draws (JEREMY_FACE=own), so the two play in sync.
      audioPublishOptions: new TrackPublishOptions({
        source: TrackSource.SOURCE_MICROPHONE,
        stream: FACE_STREAM,
      }),
    },
  });
  const face = new FaceAudioOutput(session.output.audio!);
  session.output.audio = face;
  const stopServingHoldToTalk = serveHoldToTalk(parts.room, parts.user, session, parts.log);
  const stopServingTypedTurns = serveTypedTurns(
    parts.room,
    parts.user,
    (text) => {
      if (!gate.admit()) return;
      // A typed turn is a turn: offline it waits for Jeremy to finish his line, with a model it
      // interrupts him as speaking would.
      if (listening) session.interrupt({ force: true });
      session.generateReply({ userInput: text });
    },
    parts.log,
  );

  return {
    session,
    face,
    /** Jeremy opens the conversation, or welcomes the person back to a resumed one. */
    greet() {
      if (listening) {
        session.generateReply({
          instructions: meta.resumed
            ? "The conversation was paused and resumes now. Welcome the person back in a few " +
              "words, then carry on from where the conversation was; do not start over."
            : "Greet the person and open the conversation.",
        });
        return;
      }
      for (const line of openingLines(meta)) session.say(line);
    },
    /** Stops whatever Jeremy is saying, even a line that may not be interrupted. */
    silence() {
      try {
        session.interrupt({ force: true });
      } catch {
        // Not running (closed, or never started): nothing is playing.
      }
    },
    close: async () => {
      stopServingHoldToTalk();
      stopServingTypedTurns();
      await session.close();
    },
  };
}

/** The chat endpoint, bounded: a completion cap on every call, a budget of calls, a bounded history. */
function languageModel(
  endpoint: Endpoint,
  maxTokens: number,
  budget: CallBudget,
  log: (message: string) => void,
): BoundedLLM {
  return new BoundedLLM(
    new openai.LLM({ ...endpoint, maxCompletionTokens: maxTokens }),
    budget,
    () => log("a model call was not made: the conversation's calls for the minute are spent"),
    // The plugin sends the cap as max_completion_tokens, OpenAI's name. Other OpenAI-compatible
    // servers may know only the older max_tokens (Ollama's does), so they are sent both.
    isOpenAiEndpoint(endpoint.baseURL) ? {} : { max_tokens: maxTokens },
  );
}

/** A recording as a stream of 20 ms frames, the size the room's audio source plays out. */
function streamOf(recording: AudioFrame): ReadableStream<AudioFrame> {
  const step = (recording.sampleRate / 50) * recording.channels;
  return new ReadableStream<AudioFrame>({
    start(controller) {
      for (let at = 0; at < recording.data.length; at += step) {
        const data = recording.data.slice(at, at + step);
        controller.enqueue(
          new AudioFrame(
            data,
            recording.sampleRate,
            recording.channels,
            data.length / recording.channels,
          ),
        );
      }
      controller.close();
    },
  });
}
