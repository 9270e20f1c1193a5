import { describe, expect, it } from "vitest";

import { readWorkerEnv } from "./env";

const read = (values: Record<string, string>) => readWorkerEnv({ NODE_ENV: "test", ...values });

describe("the worker's environment", () => {
  it("runs offline with nothing set", () => {
    expect(read({}).models).toEqual({ llm: null, stt: null, tts: null });
  });

  it("bounds every conversation's model use by default, and takes other bounds", () => {
    expect(read({})).toMatchObject({ LLM_MAX_TOKENS: 300, LLM_MAX_CALLS_PER_MINUTE: 12 });
    expect(read({ LLM_MAX_TOKENS: "150", LLM_MAX_CALLS_PER_MINUTE: "6" })).toMatchObject({
      LLM_MAX_TOKENS: 150,
      LLM_MAX_CALLS_PER_MINUTE: 6,
    });
    expect(() => read({ LLM_MAX_TOKENS: "0" })).toThrow(/LLM_MAX_TOKENS/);
    expect(() => read({ LLM_MAX_CALLS_PER_MINUTE: "unlimited" })).toThrow(
      /LLM_MAX_CALLS_PER_MINUTE/,
    );
  });

  it("serves rooms the app did not make unless told to serve only the app's", () => {
    expect(read({}).JEREMY_ROOMS).toBe("any");
    expect(read({ JEREMY_ROOMS: "app" }).JEREMY_ROOMS).toBe("app");
    expect(() => read({ JEREMY_ROOMS: "some" })).toThrow(/JEREMY_ROOMS/);
  });

  it("draws Jeremy itself unless told to use the face worker, by its agent name", () => {
    expect(read({})).toMatchObject({ JEREMY_FACE: "own", FACE_AGENT_NAME: "jeremy-face" });
    expect(read({ JEREMY_FACE: "worker", FACE_AGENT_NAME: "my-face" })).toMatchObject({
      JEREMY_FACE: "worker",
      FACE_AGENT_NAME: "my-face",
    });
    expect(() => read({ JEREMY_FACE: "theirs" })).toThrow(/JEREMY_FACE/);
  });

  it("offers a hosted face only with its key and one avatar, and names what is missing", () => {
    expect(read({}).hostedFaces).toEqual([]);
    const key = { LEMONSLICE_API_KEY: "ls_key" };
    expect(read({ ...key, LEMONSLICE_AGENT_ID: "agent_1" }).hostedFaces).toEqual(["lemonslice"]);
    expect(
      read({ ...key, LEMONSLICE_AGENT_IMAGE_URL: "https://example.com/face.png" }).hostedFaces,
    ).toEqual(["lemonslice"]);
    expect(() => read(key)).toThrow(
      /LEMONSLICE_AGENT_ID: set exactly one of LEMONSLICE_AGENT_ID and LEMONSLICE_AGENT_IMAGE_URL/,
    );
    expect(() =>
      read({
        ...key,
        LEMONSLICE_AGENT_ID: "agent_1",
        LEMONSLICE_AGENT_IMAGE_URL: "https://example.com/face.png",
      }),
    ).toThrow(/LEMONSLICE_AGENT_ID: set exactly one/);
    expect(() => read({ LEMONSLICE_AGENT_ID: "agent_1" })).toThrow(
      /LEMONSLICE_API_KEY: is required to show LemonSlice's face/,
    );
    expect(() => read({ ...key, LEMONSLICE_AGENT_IMAGE_URL: "face.png" })).toThrow(
      /LEMONSLICE_AGENT_IMAGE_URL/,
    );
  });

  it("offers Beyond Presence's and Anam's faces with their keys and avatars, naming what is missing", () => {
    const bey = { BEY_API_KEY: "bey_key", BEY_AVATAR_ID: "avatar_1" };
    const anam = { ANAM_API_KEY: "anam_key", ANAM_PERSONA_ID: "persona_1" };
    expect(read({ ...bey, ...anam }).hostedFaces).toEqual(["anam", "bey"]);
    expect(read({ ANAM_API_KEY: "k", ANAM_AVATAR_ID: "a" }).hostedFaces).toEqual(["anam"]);
    expect(() => read({ BEY_API_KEY: "bey_key" })).toThrow(/BEY_AVATAR_ID: is required/);
    expect(() => read({ BEY_AVATAR_ID: "avatar_1" })).toThrow(/BEY_API_KEY: is required/);
    expect(() => read({ ...bey, BEY_API_URL: "api.bey.dev" })).toThrow(/BEY_API_URL/);
    expect(() => read({ ANAM_API_KEY: "k" })).toThrow(
      /ANAM_AVATAR_ID: set exactly one of ANAM_AVATAR_ID and ANAM_PERSONA_ID/,
    );
    expect(() => read({ ...anam, ANAM_AVATAR_ID: "a" })).toThrow(/ANAM_AVATAR_ID: set exactly one/);
  });

  it("stops at start naming a missing or invalid model variable", () => {
    expect(() => read({ LLM_BASE_URL: "localhost:11434" })).toThrow(/LLM_BASE_URL: Invalid URL/);
    expect(() =>
      read({ LLM_BASE_URL: "http://localhost:11434/v1", LLM_MODEL: "llama3.1" }),
    ).toThrow(/STT_BASE_URL: required with LLM_BASE_URL/);
  });
});
