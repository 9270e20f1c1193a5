import { ReadableStream } from "node:stream/web";

import { describe, expect, it } from "vitest";

import { upTo } from "./jeremy-agent";

async function readAll(stream: ReadableStream<string>): Promise<string> {
  let text = "";
  for await (const piece of stream) text += piece;
  return text;
}

describe("what is synthesized of a reply", () => {
  it("passes a reply within the limit through whole", async () => {
    expect(await readAll(upTo(2000, ReadableStream.from(["Hello ", "there."])))).toBe(
      "Hello there.",
    );
  });

  it("stops at the limit, and reads no more of the reply", async () => {
    let produced = 0;
    async function* endless() {
      for (;;) {
        produced += 1;
        yield "Blah blah. ";
      }
    }
    const spoken = await readAll(upTo(2000, endless()));
    expect(spoken).toHaveLength(2000);
    expect(produced).toBeLessThanOrEqual(182);
  });

  it("lets go at once when the reply is interrupted, even while it waits for more text", async () => {
    let cancelled = false;
    const silentModel = new ReadableStream<string>({
      pull: () => new Promise<void>(() => {}),
      cancel: () => {
        cancelled = true;
      },
    });
    const reader = upTo(2000, silentModel).getReader();
    const waiting = reader.read();
    await reader.cancel("interrupted");
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(cancelled).toBe(true);
  });
});
