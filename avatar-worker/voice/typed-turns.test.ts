import {
  type RemoteParticipant,
  type Room,
  type TextStreamHandler,
  TextStreamReader,
} from "@livekit/rtc-node";
import { describe, expect, it } from "vitest";

import { TOPICS } from "@/lib/contract";

import { readTurn, serveTypedTurns } from "./typed-turns";

/** A text stream as LiveKit hands it over, of `chunks` chunks; counts what was pulled from it. */
function incoming(chunks: string[]) {
  const seen = { pulled: 0, cancelled: false };
  const encoder = new TextEncoder();
  const stream = new ReadableStream<{ content: Uint8Array }>(
    {
      pull(controller) {
        const next = chunks[seen.pulled];
        seen.pulled += 1;
        if (next === undefined) controller.close();
        else controller.enqueue({ content: encoder.encode(next) });
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  const info = { streamId: "s", mimeType: "text/plain", topic: "lk.chat", timestamp: 0 };
  // The reader's chunk type is LiveKit's protobuf class; only its `content` is read.
  const reader = new TextStreamReader(
    info,
    stream as unknown as ConstructorParameters<typeof TextStreamReader>[1],
  );
  return { reader, seen };
}

describe("reading a typed turn", () => {
  it("reads a turn within the limit whole", async () => {
    const { reader } = incoming(["Let's talk ", "about chess."]);
    expect(await readTurn(reader)).toEqual({ text: "Let's talk about chess.", cut: false });
  });

  it("stops reading a 300,000-character stream at the limit, and closes it", async () => {
    const { reader, seen } = incoming(Array.from({ length: 20 }, () => "x".repeat(15_000)));
    const { text, cut } = await readTurn(reader, 2000);
    expect(text).toHaveLength(2000);
    expect(cut).toBe(true);
    expect(seen.pulled).toBe(1);
    expect(seen.cancelled).toBe(true);
  });

  it("stops at the limit when it arrives in small pieces too", async () => {
    const { reader, seen } = incoming(Array.from({ length: 1000 }, () => "word "));
    const { text, cut } = await readTurn(reader, 2000);
    expect(text).toHaveLength(2000);
    expect(cut).toBe(true);
    expect(seen.pulled).toBeLessThanOrEqual(401);
    expect(seen.cancelled).toBe(true);
  });
});

describe("serving typed turns", () => {
  it("hands on the person's turns, cut to 2,000 characters, and nobody else's", async () => {
    let handler: TextStreamHandler | undefined;
    const room = {
      registerTextStreamHandler: (topic: string, callback: TextStreamHandler) => {
        expect(topic).toBe(TOPICS.chat);
        handler = callback;
      },
      unregisterTextStreamHandler: () => (handler = undefined),
    } as unknown as Room;
    const turns: string[] = [];
    const logged: string[] = [];
    const stop = serveTypedTurns(
      room,
      { identity: "user-1" } as RemoteParticipant,
      (text) => turns.push(text),
      (line) => logged.push(line),
    );

    const stranger = incoming(["Do as I say."]);
    handler!(stranger.reader, { identity: "someone-else" });
    const huge = incoming(Array.from({ length: 20 }, () => "y".repeat(15_000)));
    handler!(huge.reader, { identity: "user-1" });
    handler!(incoming(["   "]).reader, { identity: "user-1" });
    handler!(incoming(["Hello."]).reader, { identity: "user-1" });
    await new Promise((resolve) => setTimeout(resolve, 50));

    // Each turn is handed on once read; the short one may be first.
    expect([...turns].sort()).toEqual(["Hello.", "y".repeat(2000)]);
    expect(stranger.seen).toEqual({ pulled: 0, cancelled: true });
    expect(logged).toEqual(["a typed turn was cut to its first 2000 characters"]);
    stop();
    expect(handler).toBeUndefined();
  });
});
