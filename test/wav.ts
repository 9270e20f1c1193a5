// Mono 16-bit PCM WAV files: written for the fake microphone, read by the fake transcription
// endpoint to check that what it was sent is real audio.

/** A mono 16-bit PCM WAV file of `samples`. */
export function encodeWav(samples: Int16Array, sampleRate: number): Buffer {
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + samples.byteLength, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(samples.byteLength, 40);
  return Buffer.concat([
    header,
    Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength),
  ]);
}

export interface DecodedWav {
  sampleRate: number;
  channels: number;
  /** The first channel's samples. */
  samples: Int16Array;
}

/** Reads a 16-bit PCM WAV file, walking its chunks; throws saying what is wrong with it. */
export function decodeWav(file: Uint8Array): DecodedWav {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (bytes.length < 12 || bytes.toString("ascii", 0, 4) !== "RIFF") {
    throw new Error("not a RIFF file");
  }
  if (bytes.toString("ascii", 8, 12) !== "WAVE") throw new Error("not a WAVE file");
  let format: { sampleRate: number; channels: number } | undefined;
  for (let at = 12; at + 8 <= bytes.length;) {
    const id = bytes.toString("ascii", at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === "fmt ") {
      if (bytes.readUInt16LE(body) !== 1) throw new Error("not PCM");
      if (bytes.readUInt16LE(body + 14) !== 16) throw new Error("not 16-bit");
      format = { channels: bytes.readUInt16LE(body + 2), sampleRate: bytes.readUInt32LE(body + 4) };
    } else if (id === "data") {
      if (!format) throw new Error("data before fmt");
      const end = Math.min(bytes.length, body + size);
      const frames = Math.floor((end - body) / (2 * format.channels));
      const samples = new Int16Array(frames);
      for (let i = 0; i < frames; i++)
        samples[i] = bytes.readInt16LE(body + i * 2 * format.channels);
      return { ...format, samples };
    }
    at = body + size + (size % 2);
  }
  throw new Error("no data chunk");
}

/** The loudness of 16-bit samples: RMS in dBFS (-Infinity for digital silence). */
export function levelDb(samples: Int16Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return 20 * Math.log10(Math.sqrt(sum / Math.max(1, samples.length)) / 32768);
}
