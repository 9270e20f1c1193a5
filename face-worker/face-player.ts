// Plays what the agent sends, as the face: the voice goes out on the face's own microphone track
// at the pace it is heard (the track's source holds a short queue, so a segment is read no faster
// than it plays), and every frame sent notes a mouth shape, so the mouth moves with the voice.
// The agent hears when a segment began to play and how much of it was played.
import { AudioFrame, AudioResampler, type AudioSource } from "@livekit/rtc-node";

import type { SegmentSink } from "./audio-receiver";
import { concatPcm } from "./audio-level";
import { LoudnessMouth, MouthTimeline } from "./mouth-timeline";
import type { PlaybackFinished, SegmentFormat } from "./protocol";

/** Audio goes to the track in frames of this length. */
const FRAME_MS = 10;

export interface PlaybackReports {
  started(): void;
  finished(event: PlaybackFinished): void;
}

interface Playing {
  id: number;
  format: SegmentFormat;
  resampler: AudioResampler | null;
  /** Mono samples at the track's rate, not yet a whole frame. */
  pending: Int16Array;
  sentMs: number;
  started: boolean;
  finished: boolean;
}

export class FacePlayer implements SegmentSink {
  readonly mouth = new MouthTimeline();
  private loudness = new LoudnessMouth();
  private playing: Playing | null = null;

  /**
   * @param listener resolves once someone may hear the voice (the page subscribed to it, or it
   *   waited long enough): the first word waits for it, rather than play to nobody.
   */
  constructor(
    private readonly source: AudioSource,
    private readonly reports: PlaybackReports,
    private listener: Promise<unknown> | null = null,
  ) {}

  /** Whether a segment is playing now (for the face's speaking look). */
  get speaking(): boolean {
    return this.playing !== null && this.playing.started && !this.playing.finished;
  }

  start(id: number, format: SegmentFormat): void {
    const rate = this.source.sampleRate;
    this.playing = {
      id,
      format,
      resampler: format.sampleRate === rate ? null : new AudioResampler(format.sampleRate, rate, 1),
      pending: new Int16Array(0),
      sentMs: 0,
      started: false,
      finished: false,
    };
  }

  async audio(id: number, samples: Int16Array): Promise<void> {
    const playing = this.current(id);
    if (!playing) return;
    const mono = toMono(samples, playing.format.channels);
    const atRate = playing.resampler
      ? concatPcm(
          playing.resampler
            .push(new AudioFrame(mono, playing.format.sampleRate, 1, mono.length))
            .map((frame) => frame.data),
        )
      : mono;
    await this.send(playing, atRate, false);
  }

  async end(id: number): Promise<void> {
    const playing = this.current(id);
    if (!playing) return;
    const tail = playing.resampler
      ? concatPcm(playing.resampler.flush().map((frame) => frame.data))
      : new Int16Array(0);
    await this.send(playing, tail, true);
    playing.resampler?.close();
    await this.source.waitForPlayout();
    if (!playing.finished) this.finish(playing, playing.sentMs / 1000, false);
  }

  clear(): void {
    const playing = this.playing;
    if (!playing || playing.finished) return;
    const played = Math.max(0, playing.sentMs - this.source.queuedDuration) / 1000;
    this.source.clearQueue();
    playing.resampler?.close();
    this.finish(playing, played, true);
  }

  private current(id: number): Playing | null {
    const playing = this.playing;
    return playing && playing.id === id && !playing.finished ? playing : null;
  }

  /** Sends whole frames of `samples` (and, at the end, what is left) to the track. */
  private async send(playing: Playing, samples: Int16Array, last: boolean): Promise<void> {
    const rate = this.source.sampleRate;
    const size = (rate * FRAME_MS) / 1000;
    let all = playing.pending.length ? concatPcm([playing.pending, samples]) : samples;
    let offset = 0;
    if (this.listener && all.length > 0) {
      await this.listener;
      this.listener = null;
    }
    while (all.length - offset >= size || (last && offset < all.length)) {
      if (playing.finished) return; // cleared while waiting for room in the queue
      const data = all.slice(offset, offset + size);
      offset += data.length;
      // Heard once what is queued ahead of it has played: now, if the queue ran dry.
      const playsAt = Date.now() + this.source.queuedDuration;
      await this.source.captureFrame(new AudioFrame(data, rate, 1, data.length));
      if (playing.finished) return;
      if (!playing.started) {
        playing.started = true;
        this.mouth.start(playsAt);
        this.reports.started();
      }
      const ms = (data.length / rate) * 1000;
      this.mouth.append(ms, this.loudness.next(data), playsAt);
      playing.sentMs += ms;
    }
    all = all.slice(offset);
    playing.pending = all;
  }

  private finish(playing: Playing, position: number, interrupted: boolean): void {
    playing.finished = true;
    this.mouth.clear();
    this.loudness = new LoudnessMouth();
    this.reports.finished({ playbackPosition: position, interrupted });
  }
}

function toMono(samples: Int16Array, channels: number): Int16Array {
  if (channels === 1) return samples;
  const mono = new Int16Array(samples.length / channels);
  for (let i = 0; i < mono.length; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += samples[i * channels + c]!;
    mono[i] = Math.round(sum / channels);
  }
  return mono;
}
