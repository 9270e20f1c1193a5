import { describe, expect, it } from "vitest";

import { playbackFinishedPayload, segmentFormat } from "./protocol";

describe("a segment's format", () => {
  it("is read from the stream's attributes", () => {
    expect(segmentFormat({ sample_rate: "24000", num_channels: "1" })).toEqual({
      sampleRate: 24000,
      channels: 1,
    });
  });

  it.each([
    [{ num_channels: "1" }, /sample_rate .* got nothing/],
    [{ sample_rate: "24000.5", num_channels: "1" }, /sample_rate/],
    [{ sample_rate: "4000", num_channels: "1" }, /sample_rate .* got "4000"/],
    [{ sample_rate: "96000", num_channels: "1" }, /sample_rate/],
    [{ sample_rate: "-16000", num_channels: "1" }, /sample_rate/],
    [{ sample_rate: "16000", num_channels: "0" }, /num_channels/],
    [{ sample_rate: "16000", num_channels: "6" }, /num_channels must be 1 or 2; got "6"/],
    [{ sample_rate: "16000" }, /num_channels/],
  ])("is refused, saying why, for %j", (attributes, reason) => {
    const format = segmentFormat(attributes);
    expect(format).toHaveProperty("error");
    expect((format as { error: string }).error).toMatch(reason);
  });

  it("refuses no attributes at all", () => {
    expect(segmentFormat(undefined)).toHaveProperty("error");
  });
});

describe("the playback-finished payload", () => {
  it("is the protocol's snake_case JSON, as LiveKit Agents parses it", () => {
    expect(
      JSON.parse(
        playbackFinishedPayload({
          playbackPosition: 1.25,
          interrupted: true,
          synchronizedTranscript: "Hello",
        }),
      ),
    ).toEqual({ playback_position: 1.25, interrupted: true, synchronized_transcript: "Hello" });
    expect(
      JSON.parse(playbackFinishedPayload({ playbackPosition: -1, interrupted: false })),
    ).toEqual({ playback_position: 0, interrupted: false });
  });
});
