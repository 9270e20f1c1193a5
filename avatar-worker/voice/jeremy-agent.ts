// Jeremy's agent: LiveKit Agents' own, with the bounds a conversation keeps (./limits.ts). A
// spoken turn is cut to TURN_MAX_CHARS before anything keeps it, and goes to the model only while
// the conversation has calls to spare (./turn-gate.ts); no reply is synthesized past
// REPLY_MAX_CHARS.
import { ReadableStream } from "node:stream/web";

import { type llm, voice } from "@livekit/agents";

import { cutText, REPLY_MAX_CHARS, TURN_MAX_CHARS } from "./limits";
import type { TurnGate } from "./turn-gate";

export class JeremyAgent extends voice.Agent {
  constructor(
    options: voice.AgentOptions<unknown>,
    private readonly gate: TurnGate,
  ) {
    super(options);
  }

  async onUserTurnCompleted(_chatCtx: llm.ChatContext, newMessage: llm.ChatMessage) {
    const heard = newMessage.textContent ?? "";
    if (heard.length > TURN_MAX_CHARS) newMessage.content = [cutText(heard, TURN_MAX_CHARS)];
    if (!this.gate.admit()) throw new voice.StopResponse();
  }

  async ttsNode(
    text: ReadableStream<string> | AsyncIterable<string>,
    modelSettings: voice.ModelSettings,
  ) {
    return voice.Agent.default.ttsNode(this, upTo(REPLY_MAX_CHARS, text), modelSettings);
  }
}

/**
 * The first `max` characters of `text`; the rest is never read (the source is cancelled). A
 * reader, not an async iterator: cancelling must not wait for a read still in flight (LiveKit
 * Agents awaits the cancel when a reply is interrupted).
 */
export function upTo(
  max: number,
  text: ReadableStream<string> | AsyncIterable<string>,
): ReadableStream<string> {
  const source = (text instanceof ReadableStream ? text : ReadableStream.from(text)).getReader();
  let left = max;
  return new ReadableStream<string>(
    {
      async pull(controller) {
        const next = await source.read();
        if (next.done) return controller.close();
        const kept = cutText(next.value, left);
        left -= kept.length;
        if (kept) controller.enqueue(kept);
        if (left <= 0) {
          controller.close();
          await source.cancel();
        }
      },
      cancel: (reason) => source.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}
