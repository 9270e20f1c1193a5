// LiveKit's avatar protocol, the face's side (LiveKit Agents' voice/avatar/datastream_io.ts is
// the agent's): the agent sends its speech as one byte stream per segment on AUDIO_STREAM_TOPIC,
// raw 16-bit PCM described by the stream's attributes; it interrupts with the RPC CLEAR_BUFFER;
// the face answers every segment with PLAYBACK_FINISHED, and may say PLAYBACK_STARTED first.

export const AUDIO_STREAM_TOPIC = "lk.audio_stream";
export const RPC_CLEAR_BUFFER = "lk.clear_buffer";
export const RPC_PLAYBACK_STARTED = "lk.playback_started";
export const RPC_PLAYBACK_FINISHED = "lk.playback_finished";
/** The participant attribute naming the agent a face speaks for. */
export const PUBLISH_ON_BEHALF = "lk.publish_on_behalf";

/** The rates a segment may use: telephone quality to LiveKit's own 48 kHz. */
export const SAMPLE_RATES = { min: 8_000, max: 48_000 } as const;
export const MAX_CHANNELS = 2;

export interface SegmentFormat {
  sampleRate: number;
  channels: number;
}

/** A segment's format from its stream's attributes, or why it cannot be played. */
export function segmentFormat(
  attributes: Record<string, string> | undefined,
): SegmentFormat | { error: string } {
  const sampleRate = wholeNumber(attributes?.sample_rate);
  const channels = wholeNumber(attributes?.num_channels);
  if (sampleRate === null || sampleRate < SAMPLE_RATES.min || sampleRate > SAMPLE_RATES.max) {
    return {
      error: `sample_rate must be a whole number of Hz from ${SAMPLE_RATES.min} to ${SAMPLE_RATES.max}; got ${show(attributes?.sample_rate)}`,
    };
  }
  if (channels === null || channels < 1 || channels > MAX_CHANNELS) {
    return {
      error: `num_channels must be 1 or ${MAX_CHANNELS}; got ${show(attributes?.num_channels)}`,
    };
  }
  return { sampleRate, channels };
}

/** What the face tells the agent once a segment is over, played out or cut short. */
export interface PlaybackFinished {
  /** Seconds of the segment actually played. */
  playbackPosition: number;
  interrupted: boolean;
  /** The words played, when the face knows them. */
  synchronizedTranscript?: string;
}

/** The RPC payload for PLAYBACK_FINISHED, in the protocol's snake_case. */
export function playbackFinishedPayload(event: PlaybackFinished): string {
  return JSON.stringify({
    playback_position: Math.max(0, event.playbackPosition),
    interrupted: event.interrupted,
    ...(event.synchronizedTranscript !== undefined
      ? { synchronized_transcript: event.synchronizedTranscript }
      : {}),
  });
}

function wholeNumber(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,6}$/.test(value)) return null;
  return Number(value);
}

function show(value: string | undefined): string {
  return value === undefined ? "nothing" : JSON.stringify(value.slice(0, 20));
}
