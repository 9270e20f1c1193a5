// The language model as a conversation may use it: every call counted against the
// conversation's budget (none made once it is spent), and sent a bounded history
// (./model-history.ts). The completion cap is the wrapped model's own (LLM_MAX_TOKENS, given to
// openai.LLM as maxCompletionTokens, sent as max_completion_tokens). One wrapper in front of
// every call: turns, the greeting and LiveKit Agents' preemptive generation all pass here.
import { DEFAULT_API_CONNECT_OPTIONS, llm } from "@livekit/agents";

import type { CallBudget } from "./call-budget";
import { modelHistory } from "./model-history";

export class BoundedLLM extends llm.LLM {
  constructor(
    private readonly inner: llm.LLM,
    private readonly budget: CallBudget,
    /** A call the budget refused (it answers nothing, and costs nothing). */
    private readonly onRefused: () => void,
    /** Sent with every call, besides what the wrapped model sends. */
    private readonly extra: Record<string, unknown> = {},
  ) {
    super();
    // The session listens to its model for errors (Jeremy apologises) and metrics.
    inner.on("error", (error) => this.emit("error", error));
    inner.on("metrics_collected", (metrics) => this.emit("metrics_collected", metrics));
  }

  label(): string {
    return this.inner.label();
  }

  get model(): string {
    return this.inner.model;
  }

  get provider(): string {
    return this.inner.provider;
  }

  chat(params: Parameters<llm.LLM["chat"]>[0]): llm.LLMStream {
    if (!this.budget.take()) {
      this.onRefused();
      return new NoReply(this, {
        chatCtx: params.chatCtx,
        toolCtx: params.toolCtx,
        connOptions: params.connOptions ?? DEFAULT_API_CONNECT_OPTIONS,
      });
    }
    return this.inner.chat({
      ...params,
      chatCtx: modelHistory(params.chatCtx),
      extraKwargs: { ...this.extra, ...params.extraKwargs },
    });
  }

  protected async _prewarmImpl(): Promise<void> {
    this.inner.prewarm();
  }

  async aclose(): Promise<void> {
    await Promise.all([this.inner.aclose(), super.aclose()]);
  }
}

/** The answer to a call that was not made: nothing. */
class NoReply extends llm.LLMStream {
  protected async run(): Promise<void> {}
}
