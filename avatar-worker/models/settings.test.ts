import { describe, expect, it } from "vitest";

import { modelSettings, OPENAI_BASE_URL, OPENAI_DEFAULTS } from "./settings";

function read(env: Record<string, string>) {
  const problems: string[] = [];
  const settings = modelSettings(env, (name, why) => problems.push(`${name}: ${why}`));
  return { settings, problems };
}

describe("model endpoints from the environment", () => {
  it("runs offline with nothing set", () => {
    expect(read({})).toEqual({ settings: { llm: null, stt: null, tts: null }, problems: [] });
  });

  it("turns on OpenAI's defaults for every endpoint with OPENAI_API_KEY alone", () => {
    const { settings, problems } = read({ OPENAI_API_KEY: "sk-1" });
    expect(problems).toEqual([]);
    expect(settings.llm).toEqual({
      baseURL: OPENAI_BASE_URL,
      apiKey: "sk-1",
      model: OPENAI_DEFAULTS.LLM,
    });
    expect(settings.stt?.model).toBe(OPENAI_DEFAULTS.STT);
    expect(settings.tts).toMatchObject({
      model: OPENAI_DEFAULTS.TTS,
      voice: OPENAI_DEFAULTS.voice,
    });
  });

  it("takes any OpenAI-compatible endpoint, and never sends it the OpenAI key", () => {
    const { settings, problems } = read({
      OPENAI_API_KEY: "sk-openai",
      LLM_BASE_URL: "http://localhost:11434/v1",
      LLM_MODEL: "llama3.1",
      STT_BASE_URL: "https://api.groq.com/openai/v1",
      STT_API_KEY: "gsk-1",
      STT_MODEL: "whisper-large-v3",
    });
    expect(problems).toEqual([]);
    expect(settings.llm).toEqual({
      baseURL: "http://localhost:11434/v1",
      apiKey: "no-key",
      model: "llama3.1",
    });
    expect(settings.stt).toEqual({
      baseURL: "https://api.groq.com/openai/v1",
      apiKey: "gsk-1",
      model: "whisper-large-v3",
    });
    expect(settings.tts?.baseURL).toBe(OPENAI_BASE_URL); // not set: OpenAI's, with its key
  });

  it("names the variable to fix", () => {
    expect(read({ LLM_BASE_URL: "http://localhost:11434/v1" }).problems).toEqual([
      "LLM_MODEL: required with LLM_BASE_URL: the model to ask for at http://localhost:11434/v1",
      "STT_BASE_URL: required with LLM_BASE_URL: to listen, Jeremy needs a transcription endpoint as well as a chat one",
    ]);
    expect(read({ STT_MODEL: "whisper-1" }).problems[0]).toMatch(
      /^STT_BASE_URL: required with STT_MODEL/,
    );
    expect(read({ LLM_BASE_URL: OPENAI_BASE_URL, STT_BASE_URL: OPENAI_BASE_URL }).problems).toEqual(
      [
        `LLM_API_KEY: required for ${OPENAI_BASE_URL} (or set OPENAI_API_KEY)`,
        `STT_API_KEY: required for ${OPENAI_BASE_URL} (or set OPENAI_API_KEY)`,
      ],
    );
  });
});
