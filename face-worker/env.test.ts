import { describe, expect, it } from "vitest";

import { envExampleVariables, FACE_SECTION } from "@/test/env-example";

import { faceVariables, readFaceEnv } from "./env";

describe("the face worker's environment", () => {
  it("has defaults for a laptop running npm run dev", () => {
    expect(readFaceEnv({})).toMatchObject({
      LIVEKIT_URL: "ws://127.0.0.1:7880",
      FACE_AGENT_NAME: "jeremy-face",
      FACE_HEALTH_PORT: 8082,
    });
  });

  it("names every bad variable", () => {
    expect(() => readFaceEnv({ FACE_AGENT_NAME: "no spaces", FACE_FPS: "500" })).toThrow(
      /FACE_AGENT_NAME[\s\S]*FACE_FPS/,
    );
  });

  it("is listed in .env.example: its own variables in its section, the LiveKit ones above", () => {
    const listed = envExampleVariables();
    const names = listed.map((variable) => variable.name);
    for (const name of Object.keys(faceVariables.shape)) expect(names).toContain(name);
    const own = listed.filter((variable) => variable.section.startsWith(FACE_SECTION));
    expect(own.map((variable) => variable.name).sort()).toEqual(
      Object.keys(faceVariables.shape)
        .filter((name) => name.startsWith("FACE_"))
        .sort(),
    );
  });
});
