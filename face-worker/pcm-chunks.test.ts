import { describe, expect, it } from "vitest";

import { PcmChunks } from "./pcm-chunks";

/** `samples` as the little-endian bytes a stream carries. */
function bytes(...samples: number[]): Uint8Array {
  return new Uint8Array(new Int16Array(samples).buffer);
}

describe("a segment's bytes as samples", () => {
  it("keeps a sample split across chunks whole", () => {
    const pcm = new PcmChunks({ sampleRate: 16000, channels: 1 }, 60);
    const all = bytes(1, -2, 300, -32768, 32767);
    expect([...pcm.push(all.subarray(0, 3))]).toEqual([1]);
    expect([...pcm.push(all.subarray(3, 7))]).toEqual([-2, 300]);
    expect([...pcm.push(all.subarray(7))]).toEqual([-32768, 32767]);
    expect(pcm.end()).toBe(0);
    expect(pcm.seconds).toBeCloseTo(5 / 16000);
  });

  it("gives whole frames of every channel only, and drops an odd tail at the end", () => {
    const pcm = new PcmChunks({ sampleRate: 16000, channels: 2 }, 60);
    const all = bytes(1, 2, 3, 4);
    expect([...pcm.push(all.subarray(0, 6))]).toEqual([1, 2]);
    expect([...pcm.push(all.subarray(6, 7))]).toEqual([]);
    expect(pcm.end()).toBe(3);
    expect(pcm.dropped).toBe(3);
  });

  it("cuts a segment at its longest", () => {
    const pcm = new PcmChunks({ sampleRate: 8000, channels: 1 }, 0.001); // 8 samples
    expect(pcm.push(bytes(...Array.from({ length: 5 }, (_, i) => i))).length).toBe(5);
    expect([...pcm.push(bytes(5, 6, 7, 8, 9))]).toEqual([5, 6, 7]);
    expect(pcm.full).toBe(true);
    expect(pcm.push(bytes(10)).length).toBe(0);
    expect(pcm.dropped).toBe(6);
  });
});
