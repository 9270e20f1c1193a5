// Windowed-sinc resampling for whole buffers of mono int16 PCM. A pure-JS resampler lets the
// synthesis thread convert espeak's 22.05 kHz to LiveKit's 48 kHz without the native rtc-node
// module, and gives tests a clean way to turn synthesized speech into 16 kHz "microphone" audio.

/** Zero crossings of the sinc on each side: 16 keeps aliasing near -80 dB at modest cost. */
const ZERO_CROSSINGS = 16;
const KAISER_BETA = 8.6;
/** The pass band stops a little short of the lower Nyquist so the transition band fits. */
const CUTOFF = 0.92;

interface Kernel {
  up: number;
  down: number;
  halfWidth: number;
  /** `up` phases of `2 * halfWidth` taps, each phase normalised to unity gain at DC. */
  taps: Float32Array;
}

const kernels = new Map<string, Kernel>();

/** Converts `input` from `fromRate` to `toRate` Hz, band-limiting first when going down. */
export function resample(input: Int16Array, fromRate: number, toRate: number): Int16Array {
  if (fromRate === toRate) return input.slice();
  const { up, down, halfWidth, taps } = kernelFor(fromRate, toRate);
  const width = 2 * halfWidth;
  const output = new Int16Array(Math.round((input.length * up) / down));
  for (let j = 0; j < output.length; j++) {
    const position = j * down;
    const first = Math.floor(position / up) - halfWidth + 1;
    const phase = (position % up) * width;
    let sum = 0;
    const from = Math.max(0, -first);
    const to = Math.min(width, input.length - first);
    for (let k = from; k < to; k++) sum += (input[first + k] ?? 0) * (taps[phase + k] ?? 0);
    output[j] = sum > 32767 ? 32767 : sum < -32768 ? -32768 : Math.round(sum);
  }
  return output;
}

function kernelFor(fromRate: number, toRate: number): Kernel {
  const key = `${fromRate}:${toRate}`;
  const cached = kernels.get(key);
  if (cached) return cached;
  const divisor = gcd(fromRate, toRate);
  const up = toRate / divisor;
  const down = fromRate / divisor;
  // Cut-off in units of the input's Nyquist frequency.
  const cutoff = CUTOFF * Math.min(1, up / down);
  const halfWidth = Math.ceil(ZERO_CROSSINGS / cutoff);
  const width = 2 * halfWidth;
  const taps = new Float32Array(up * width);
  for (let phase = 0; phase < up; phase++) {
    let total = 0;
    for (let k = 0; k < width; k++) {
      // Distance, in input samples, from tap k to the output instant this phase stands for.
      const x = k - halfWidth + 1 - phase / up;
      const weight = cutoff * sinc(cutoff * x) * kaiser(x / halfWidth);
      taps[phase * width + k] = weight;
      total += weight;
    }
    for (let k = 0; k < width; k++)
      taps[phase * width + k] = (taps[phase * width + k] ?? 0) / total;
  }
  const kernel = { up, down, halfWidth, taps };
  kernels.set(key, kernel);
  return kernel;
}

function sinc(x: number): number {
  return x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
}

function kaiser(x: number): number {
  return Math.abs(x) >= 1
    ? 0
    : besselI0(KAISER_BETA * Math.sqrt(1 - x * x)) / besselI0(KAISER_BETA);
}

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 30; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
  }
  return sum;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
