// The offline "model": LiveKit Agents' LLM interface answered from a script instead of a network
// endpoint, so the framework's turn-taking, interruptions and transcription run the same with
// no account. The script reads the conversation so far and says what comes next.
import { randomUUID } from "node:crypto";

import { DEFAULT_API_CONNECT_OPTIONS, llm } from "@livekit/agents";

/** What to say next, given the conversation so far; null says nothing. */
export type Script = (chatCtx: llm.ChatContext) => string | null;

export class ScriptedLLM extends llm.LLM {
  constructor(private readonly script: Script) {
    super();
  }

  label(): string {
    return "scripted";
  }

  chat({
    chatCtx,
    toolCtx,
    connOptions = DEFAULT_API_CONNECT_OPTIONS,
  }: Parameters<llm.LLM["chat"]>[0]): llm.LLMStream {
    return new ScriptedStream(this, { chatCtx, toolCtx, connOptions }, this.script);
  }
}

class ScriptedStream extends llm.LLMStream {
  constructor(
    owner: ScriptedLLM,
    options: ConstructorParameters<typeof llm.LLMStream>[1],
    private readonly script: Script,
  ) {
    super(owner, options);
  }

  protected async run(): Promise<void> {
    const text = this.script(this.chatCtx);
    if (text) this.queue.put({ id: randomUUID(), delta: { role: "assistant", content: text } });
  }
}

/** The user's turns so far (spoken or typed), oldest first. */
export function userTurns(chatCtx: llm.ChatContext): string[] {
  return chatCtx.items.flatMap((item) =>
    item.type === "message" && item.role === "user" ? [item.textContent ?? ""] : [],
  );
}
