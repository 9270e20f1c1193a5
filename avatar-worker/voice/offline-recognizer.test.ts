import { initializeLogger } from "@livekit/agents";
import { AudioFrame } from "@livekit/rtc-node";
import { beforeAll, describe, expect, it } from "vitest";

import { OfflineRecognizer } from "./offline-recognizer";

describe("the offline recognizer", () => {
  beforeAll(() => initializeLogger({ pretty: false, level: "warn" }));

  it("hears that someone spoke and for how long, and keeps the audio", async () => {
    const recognizer = new OfflineRecognizer();
    const frames = Array.from(
      { length: 105 },
      () => new AudioFrame(new Int16Array(480).fill(1_000), 48_000, 1, 480),
    );
    const event = await recognizer.recognize(frames);
    expect(event.alternatives?.[0]?.text).toBe("(spoken, 1.1 s)");
    expect(recognizer.lastUtterance?.samplesPerChannel).toBe(105 * 480);
  });
});
