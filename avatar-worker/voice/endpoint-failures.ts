// A model endpoint that is down, slow or refusing must not end the conversation: Jeremy says he
// missed that (spoken and captioned, like any line), the worker log names the endpoint and what
// it answered, and the next turn tries again.
//
// LiveKit Agents reports a language model that failed after its retries as an `llm_error` on the
// session (which it survives while errors are not consecutive), but a transcription that fails is
// only logged and the turn silently dropped; `HeardOrReported` wraps the transcriber so that
// failure is reported too. It also bounds what a turn may cost there: the transcriber hears at
// most UTTERANCE_MAX_MS of an utterance, and its transcript is cut to TURN_MAX_CHARS.
import { type APIConnectOptions, mergeFrames, stt } from "@livekit/agents";
import { AudioFrame } from "@livekit/rtc-node";

import { cutText, TURN_MAX_CHARS, UTTERANCE_MAX_MS } from "./limits";

export const APOLOGY = "Sorry, I missed that: my connection stumbled. Could you say it again?";

/** One quick retry, then the apology; a reply slower than 10 s is a failure. */
export const MODEL_CONNECT_OPTIONS: APIConnectOptions = {
  maxRetry: 1,
  retryIntervalMs: 500,
  timeoutMs: 10_000,
};

/** What an endpoint's failure was, for the log: its HTTP status and message, or the error. */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const status =
    (error as { statusCode?: unknown; status?: unknown }).statusCode ??
    (error as { status?: unknown }).status;
  return typeof status === "number" && status > 0
    ? `HTTP ${status}: ${error.message}`
    : error.message;
}

/** The warning the worker logs. */
export function failureWarning(what: string, endpoint: string, error: unknown): string {
  return `warning: the ${what} at ${endpoint} failed (${describeFailure(error)}); Jeremy apologised, and the next turn tries again`;
}

/**
 * A non-streaming transcriber that reports its failures to `onFailure` before the session drops
 * the turn, and is sent at most the first UTTERANCE_MAX_MS of each utterance. Cancellations (the
 * person spoke again, the session closed) are not failures.
 */
export class HeardOrReported extends stt.STT {
  readonly label: string;

  constructor(
    private readonly inner: stt.STT,
    private readonly onFailure: (error: unknown) => void,
  ) {
    super({ streaming: false, interimResults: false });
    this.label = inner.label;
  }

  protected async _recognize(
    buffer: AudioFrame[] | AudioFrame,
    abortSignal?: AbortSignal,
  ): Promise<stt.SpeechEvent> {
    try {
      const heard = await this.inner.recognize(firstOf(buffer, UTTERANCE_MAX_MS), abortSignal);
      for (const alternative of heard.alternatives ?? []) {
        alternative.text = cutText(alternative.text, TURN_MAX_CHARS);
      }
      return heard;
    } catch (error) {
      if (!abortSignal?.aborted) this.onFailure(error);
      throw error;
    }
  }

  stream(): stt.SpeechStream {
    throw new Error("not a streaming STT: the agent session wraps it with its VAD");
  }
}

/** The first `ms` of an utterance. */
export function firstOf(buffer: AudioFrame[] | AudioFrame, ms: number): AudioFrame {
  const audio = mergeFrames(buffer);
  const samples = Math.floor((audio.sampleRate * ms) / 1000);
  if (audio.samplesPerChannel <= samples) return audio;
  return new AudioFrame(
    audio.data.slice(0, samples * audio.channels),
    audio.sampleRate,
    audio.channels,
    samples,
  );
}
