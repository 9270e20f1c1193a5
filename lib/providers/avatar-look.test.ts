import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { equosEnv } from "@/test/equos-app";
import { FAKE_CHARACTER, FakeEquos } from "@/test/fake-equos";

const saved = { ...process.env };
let fake: FakeEquos;

/** getAvatarLook from a fresh copy of the app's modules, under `env`. */
async function lookWith(env: Record<string, string | undefined>) {
  process.env = { ...saved };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  vi.resetModules();
  return (await import("./index")).getAvatarLook;
}

beforeAll(async () => {
  fake = await FakeEquos.start();
});
beforeEach(() => fake.reset());
afterAll(async () => {
  process.env = { ...saved };
  await fake.close();
});

describe("the avatar the landing page shows", () => {
  it("is the Equos v3 character's name and face picture, read once", async () => {
    const getAvatarLook = await lookWith(equosEnv(fake));
    const expected = { name: FAKE_CHARACTER.name, portraitUrl: FAKE_CHARACTER.face?.thumbnailUrl };
    expect(await getAvatarLook()).toEqual(expected);
    expect(await getAvatarLook()).toEqual(expected);
    expect(fake.calls.map((call) => call.path)).toEqual([`/v3/characters/${FAKE_CHARACTER.id}`]);
  });

  it("is EQUOS_AVATAR_NAME and EQUOS_AVATAR_IMAGE_URL with Equos v1", async () => {
    const getAvatarLook = await lookWith(
      equosEnv(
        fake,
        {
          EQUOS_AVATAR_ID: undefined,
          EQUOS_AVATAR_NAME: "Jeremy Jr",
          EQUOS_AVATAR_IMAGE_URL: "https://images.example/jr.png",
        },
        "v1",
      ),
    );
    expect(await getAvatarLook()).toEqual({
      name: "Jeremy Jr",
      portraitUrl: "https://images.example/jr.png",
    });
    expect(fake.calls).toHaveLength(0);
  });

  it("is our drawn Jeremy (null) with the local provider", async () => {
    const getAvatarLook = await lookWith({ AVATAR_PROVIDER: "local", NODE_ENV: "test" });
    expect(await getAvatarLook()).toBeNull();
  });

  it("falls back to our drawn Jeremy, quickly, when Equos does not answer", async () => {
    fake.failNext("character", { times: 1, hang: true });
    const getAvatarLook = await lookWith(equosEnv(fake));
    const started = Date.now();
    expect(await getAvatarLook()).toBeNull();
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("falls back to our drawn Jeremy when Equos refuses", async () => {
    fake.failNext("character", { times: 1, status: 401, body: { message: "no" } });
    const getAvatarLook = await lookWith(equosEnv(fake));
    expect(await getAvatarLook()).toBeNull();
  });
});
