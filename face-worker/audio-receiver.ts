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
}

export class AudioReceiver {
  private segments = 0;
  private current: { id: number; reader: ByteStreamReader } | null = null;
  private queue: Promise<void> = Promise.resolve();
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
    // Segments play one after another, in the order they were opened.
    const id = ++this.segments;
    this.queue = this.queue.then(() => this.readSegment(id, reader));
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
    try {
      for await (const chunk of reader) {
        if (this.current?.id !== id || this.closed) break; // cleared: the rest is not played
        const samples = pcm.push(chunk);
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
  try {
    for await (const chunk of reader) void chunk;
  } catch {
    // It broke off: there is nothing to keep anyway.
  }
}
