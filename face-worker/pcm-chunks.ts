// A segment's bytes as whole 16-bit samples. A byte stream's chunks need not end on a sample
// (nor on a frame of every channel): the bytes left over wait for the next chunk. The agent is
// a participant, so not trusted: a segment longer than `maxSeconds` is cut there.
import type { SegmentFormat } from "./protocol";

const BYTES_PER_SAMPLE = 2;

export class PcmChunks {
  private carry = new Uint8Array(0);
  private samplesTaken = 0;
  private readonly maxSamples: number;
  /** Bytes dropped: past the length limit, or an odd tail when the segment ended. */
  dropped = 0;

  constructor(
    readonly format: SegmentFormat,
    maxSeconds: number,
  ) {
    this.maxSamples = Math.floor(maxSeconds * format.sampleRate) * format.channels;
  }

  /** Seconds of audio taken so far. */
  get seconds(): number {
    return this.samplesTaken / this.format.channels / this.format.sampleRate;
  }

  get full(): boolean {
    return this.samplesTaken >= this.maxSamples;
  }

  /** The whole frames (a sample for every channel) that `chunk` completes, interleaved. */
  push(chunk: Uint8Array): Int16Array {
    const bytes = this.carry.length === 0 ? chunk : concat(this.carry, chunk);
    const frameBytes = BYTES_PER_SAMPLE * this.format.channels;
    const whole = bytes.length - (bytes.length % frameBytes);
    this.carry = bytes.slice(whole);
    const room = Math.max(0, this.maxSamples - this.samplesTaken) * BYTES_PER_SAMPLE;
    const taken = Math.min(whole, room);
    this.dropped += whole - taken;
    if (taken < whole) this.carry = new Uint8Array(0);
    // Copied into an aligned buffer: a chunk's bytes may start at any offset.
    const samples = new Int16Array(taken / BYTES_PER_SAMPLE);
    new Uint8Array(samples.buffer).set(bytes.subarray(0, taken));
    this.samplesTaken += samples.length;
    return samples;
  }

  /** The segment is over; returns how many bytes were left that made no whole frame. */
  end(): number {
    const left = this.carry.length;
    this.dropped += left;
    this.carry = new Uint8Array(0);
    return left;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
