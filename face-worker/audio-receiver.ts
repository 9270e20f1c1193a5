// The face's end of LiveKit's avatar protocol (./protocol.ts), as LiveKit's Python
// DataStreamAudioReceiver is for its AvatarRunner: segments from the agent, one at a time, and
// the clears that cut them short; what was played goes back to the agent. Only the agent this
// face speaks for is heard: streams and calls from anyone else are refused and logged.
import type { ByteStreamReader, Room, RpcInvocationData } from "@livekit/rtc-node";

import { PcmChunks } from "./pcm-chunks";
import {
  AUDIO_STREAM_TOPIC,
  playbackFinishedPayload,
  RPC_CLEAR_BUFFER,
  RPC_PLAYBACK_FINISHED,
  RPC_PLAYBACK_STARTED,
  segmentFormat,
  type PlaybackFinished,
  type SegmentFormat,
} from "./protocol";

/** A segment longer than this is cut (a reply this long is far past any model's cap). */
export const SEGMENT_MAX_SECONDS = 5 * 60;
/**
 * A segment whose stream sends nothing for this long, and is never closed, is over: the agent
 * that opened it is gone or broken, and the segments behind it would wait for good. (A speech
 * model pauses between sentences for a second or two, not this long.)
 */
export const SEGMENT_IDLE_SECONDS = 20;
/**
 * Segments waiting behind the one playing. An agent sends the next only after the last was
 * flushed, so a few is plenty; more are refused, since each holds what it has buffered.
 */
export const MAX_QUEUED_SEGMENTS = 4;

/** What the face does with what arrives. */
export interface SegmentSink {
  /** A segment begins, in `format`. */
  start(segment: number, format: SegmentFormat): void;
  /** More of the segment's audio: whole frames, interleaved. The next waits for it to settle. */
  audio(segment: number, samples: Int16Array): void | Promise<void>;
  /** All of the segment's audio has arrived; the next segment waits for this to settle. */
  end(segment: number): void | Promise<void>;
  /** The agent interrupted: stop playing now. */
  clear(): void;
}

export interface AudioReceiverOptions {
  room: Room;
  /** The identity of the agent this face speaks for. */
  agentIdentity: string;
  sink: SegmentSink;
  log?: (message: string) => void;
  maxSegmentSeconds?: number;
  maxSegmentIdleSeconds?: number;
  maxQueuedSegments?: number;
}

export class AudioReceiver {
  private segments = 0;
  private current: { id: number; reader: ByteStreamReader } | null = null;
  private queue: Promise<void> = Promise.resolve();
  /** Segments opened and not yet over (the one playing, and those waiting behind it). */
  private open = 0;
  private closed = false;

  constructor(private readonly options: AudioReceiverOptions) {
    const { room } = options;
    room.registerByteStreamHandler(AUDIO_STREAM_TOPIC, (reader, { identity }) =>
      this.onStream(reader, identity),
    );
    room.localParticipant!.registerRpcMethod(RPC_CLEAR_BUFFER, (data) => this.onClear(data));
  }

  /** Tells the agent a segment began to play. */
  async playbackStarted(): Promise<void> {
    await this.call(RPC_PLAYBACK_STARTED, "");
  }

  /** Tells the agent a segment is over, and how much of it was played. */
  async playbackFinished(event: PlaybackFinished): Promise<void> {
    await this.call(RPC_PLAYBACK_FINISHED, playbackFinishedPayload(event));
  }

  close(): void {
    this.closed = true;
    this.options.room.unregisterByteStreamHandler(AUDIO_STREAM_TOPIC);
    this.options.room.localParticipant?.unregisterRpcMethod(RPC_CLEAR_BUFFER);
  }

  private onStream(reader: ByteStreamReader, identity: string): void {
    if (identity !== this.options.agentIdentity) {
      this.log(
        `refused an audio stream from ${identity}: this face speaks for ${this.options.agentIdentity}`,
      );
      void drain(reader);
      return;
    }
    const id = ++this.segments;
    const bound = this.options.maxQueuedSegments ?? MAX_QUEUED_SEGMENTS;
    if (this.open > bound) {
      this.log(`segment ${id} refused: ${this.open - 1} segment(s) already wait to play`);
      void drain(reader);
      return;
    }
    // Segments play one after another, in the order they were opened.
    this.open++;
    this.queue = this.queue.then(() => this.readSegment(id, reader)).finally(() => this.open--);
  }

  private async readSegment(id: number, reader: ByteStreamReader): Promise<void> {
    const format = segmentFormat(reader.info.attributes);
    if ("error" in format) {
      this.log(`segment ${id} refused: ${format.error}`);
      await drain(reader);
      return;
    }
    const max = this.options.maxSegmentSeconds ?? SEGMENT_MAX_SECONDS;
    const pcm = new PcmChunks(format, max);
    this.current = { id, reader };
    const { sink } = this.options;
    sink.start(id, format);
    const idleMs = (this.options.maxSegmentIdleSeconds ?? SEGMENT_IDLE_SECONDS) * 1000;
    const chunks = reader[Symbol.asyncIterator]();
    try {
      for (;;) {
        const next = await nextWithin(chunks, idleMs);
        if (next === "idle") {
          this.log(
            `segment ${id} sent nothing for ${idleMs / 1000} s and was never closed; it is over`,
          );
          break;
        }
        if (next.done) break;
        if (this.current?.id !== id || this.closed) {
          // Cleared: the rest is not played, but read to its end so it holds nothing.
          void drainIterator(chunks);
          break;
        }
        const samples = pcm.push(next.value);
        if (samples.length > 0) await sink.audio(id, samples);
      }
    } catch (error) {
      this.log(`segment ${id} broke off: ${String(error)}`);
    } finally {
      const left = pcm.end();
      if (left > 0) this.log(`segment ${id} ended with ${left} byte(s) that made no whole frame`);
      if (pcm.full) this.log(`segment ${id} cut at ${max} s`);
      if (this.current?.id === id) this.current = null;
      await sink.end(id);
    }
  }

  private async onClear(data: RpcInvocationData): Promise<string> {
    if (data.callerIdentity !== this.options.agentIdentity) {
      this.log(`refused a clear from ${data.callerIdentity}`);
      return "reject";
    }
    // The segment being received stops here; the ones queued behind it were sent after the
    // interruption, so they play.
    this.current = null;
    this.options.sink.clear();
    return "ok";
  }

  private async call(method: string, payload: string): Promise<void> {
    if (this.closed) return;
    try {
      await this.options.room.localParticipant!.performRpc({
        destinationIdentity: this.options.agentIdentity,
        method,
        payload,
      });
    } catch (error) {
      this.log(`could not tell the agent ${method}: ${String(error)}`);
    }
  }

  private log(message: string): void {
    (this.options.log ?? console.warn)(`[face] ${message}`);
  }
}

/** Reads a stream to its end, keeping nothing (a stream left unread holds its buffers). */
async function drain(reader: ByteStreamReader): Promise<void> {
  await drainIterator(reader[Symbol.asyncIterator]());
}

async function drainIterator(chunks: AsyncIterator<Uint8Array>): Promise<void> {
  try {
    while (!(await chunks.next()).done);
  } catch {
    // It broke off: there is nothing to keep anyway.
  }
}

/**
 * The next chunk, or "idle" if none comes within `ms`. The chunk asked for is then read and
 * dropped, with the rest of the stream, should it ever come.
 */
async function nextWithin(
  chunks: AsyncIterator<Uint8Array>,
  ms: number,
): Promise<IteratorResult<Uint8Array> | "idle"> {
  let timer: NodeJS.Timeout | undefined;
  const asked = chunks.next();
  const idle = new Promise<"idle">((resolve) => (timer = setTimeout(() => resolve("idle"), ms)));
  const first = await Promise.race([asked, idle]).finally(() => clearTimeout(timer));
  if (first === "idle") {
    void asked.then((result) => (result.done ? undefined : drainIterator(chunks))).catch(() => {});
  }
  return first;
}
