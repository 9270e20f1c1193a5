import { describe, expect, it } from "vitest";

import { readWorkerEnv } from "./env";

describe("the worker's environment", () => {
  it("runs offline with nothing set", () => {
    expect(readWorkerEnv({}).models).toEqual({ llm: null, stt: null, tts: null });
  });

  it("stops at start naming a missing or invalid model variable", () => {
    expect(() => readWorkerEnv({ LLM_BASE_URL: "localhost:11434" })).toThrow(
      /LLM_BASE_URL: Invalid URL/,
    );
    expect(() =>
      readWorkerEnv({ LLM_BASE_URL: "http://localhost:11434/v1", LLM_MODEL: "llama3.1" }),
    ).toThrow(/STT_BASE_URL: required with LLM_BASE_URL/);
  });
});
