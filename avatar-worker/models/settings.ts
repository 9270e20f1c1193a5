// Which model endpoints Jeremy uses, from the worker's environment: any OpenAI-compatible chat
// (LLM_*), transcription (STT_*) and speech (TTS_*) endpoint, or OpenAI's own for those not set
// when OPENAI_API_KEY is. With no chat and transcription endpoint, Jeremy runs offline: the
// scripted profile and espeak-ng, no account needed.
import { z } from "zod";

export const OPENAI_BASE_URL = "https://api.openai.com/v1";

/** OpenAI's models, for the endpoints OPENAI_API_KEY alone turns on. */
export const OPENAI_DEFAULTS = {
  LLM: "gpt-4.1-mini",
  STT: "gpt-4o-mini-transcribe",
  TTS: "gpt-4o-mini-tts",
  voice: "ash",
} as const;

const endpointUrl = z.url({ protocol: /^https?$/ }).optional();
const secret = z.string().min(1).optional();
const modelName = z.string().min(1).max(200).optional();

/** The variables, merged into the worker's own (../env.ts); .env.example documents each. */
export const modelVariables = {
  OPENAI_API_KEY: secret,
  LLM_BASE_URL: endpointUrl,
  LLM_API_KEY: secret,
  LLM_MODEL: modelName,
  STT_BASE_URL: endpointUrl,
  STT_API_KEY: secret,
  STT_MODEL: modelName,
  TTS_BASE_URL: endpointUrl,
  TTS_API_KEY: secret,
  TTS_MODEL: modelName,
  TTS_VOICE: modelName,
};

type ModelEnv = { [K in keyof typeof modelVariables]?: string };

export interface Endpoint {
  baseURL: string;
  /** A keyless local server (Ollama, vLLM) is sent a placeholder: OpenAI's client needs one. */
  apiKey: string;
  model: string;
}

export interface ModelSettings {
  /** Both, or neither: Jeremy listens (hears with `stt`, answers with `llm`) or runs offline. */
  llm: Endpoint | null;
  stt: Endpoint | null;
  /** Null: espeak-ng, offline. */
  tts: (Endpoint & { voice: string }) | null;
}

const KEYLESS = "no-key";

/**
 * The endpoints the environment asks for. Problems are reported through `problem(name, why)`,
 * each naming the variable to fix; the result is then not to be used.
 */
export function modelSettings(
  env: ModelEnv,
  problem: (name: string, why: string) => void,
): ModelSettings {
  const endpoint = (kind: "LLM" | "STT" | "TTS"): Endpoint | null => {
    const [urlName, keyName, modelName] = [`${kind}_BASE_URL`, `${kind}_API_KEY`, `${kind}_MODEL`];
    const own = env[urlName as keyof ModelEnv];
    const baseURL = own ?? (env.OPENAI_API_KEY ? OPENAI_BASE_URL : undefined);
    if (!baseURL) {
      for (const name of [keyName, modelName]) {
        if (env[name as keyof ModelEnv] !== undefined) {
          problem(urlName, `required with ${name} (or set OPENAI_API_KEY to use OpenAI's)`);
        }
      }
      return null;
    }
    const isOpenAi = isOpenAiEndpoint(baseURL);
    // OPENAI_API_KEY goes to OpenAI only, never to another endpoint.
    const apiKey = env[keyName as keyof ModelEnv] ?? (isOpenAi ? env.OPENAI_API_KEY : undefined);
    if (isOpenAi && !apiKey) problem(keyName, `required for ${baseURL} (or set OPENAI_API_KEY)`);
    const model =
      env[modelName as keyof ModelEnv] ?? (isOpenAi ? OPENAI_DEFAULTS[kind] : undefined);
    if (!model) {
      problem(modelName, `required with ${urlName}: the model to ask for at ${baseURL}`);
    }
    return { baseURL, apiKey: apiKey ?? KEYLESS, model: model ?? "" };
  };

  const llm = endpoint("LLM");
  const stt = endpoint("STT");
  if (llm && !stt) {
    problem(
      "STT_BASE_URL",
      "required with LLM_BASE_URL: to listen, Jeremy needs a transcription endpoint as well as a chat one",
    );
  }
  if (stt && !llm) {
    problem(
      "LLM_BASE_URL",
      "required with STT_BASE_URL: to listen, Jeremy needs a chat endpoint as well as a transcription one",
    );
  }
  const tts = endpoint("TTS");
  if (!tts && env.TTS_VOICE !== undefined) {
    problem("TTS_BASE_URL", "required with TTS_VOICE (or set OPENAI_API_KEY to use OpenAI's)");
  }
  return {
    llm,
    stt,
    tts: tts ? { ...tts, voice: env.TTS_VOICE ?? OPENAI_DEFAULTS.voice } : null,
  };
}

/** Whether `baseURL` is OpenAI's own API (not merely one that speaks its protocol). */
export function isOpenAiEndpoint(baseURL: string): boolean {
  return new URL(baseURL).origin === new URL(OPENAI_BASE_URL).origin;
}

/** Whether Jeremy hears what is said (a transcriber and a language model), or runs offline. */
export function listens(models: ModelSettings): boolean {
  return models.llm !== null && models.stt !== null;
}
