import { describe, expect, it } from "vitest";

import type { ProviderManifest } from "@/lib/providers/manifest";
import * as registry from "@/lib/providers/registry";

import { devPlan } from "./dev-plan.mjs";

const manifests: ProviderManifest[] = Object.values(registry);
const plan = (env: Record<string, string | undefined>, hasWorker: boolean) =>
  devPlan(env, manifests, () => hasWorker);

describe("what npm run dev starts", () => {
  it("for the local avatar: a LiveKit server and the worker, or only the worker with LIVEKIT_URL", () => {
    expect(plan({}, true)).toMatchObject({ livekit: true, worker: true });
    expect(plan({ LIVEKIT_URL: "wss://x.livekit.cloud" }, true)).toMatchObject({
      livekit: false,
      worker: true,
    });
  });

  it("the face worker too when the worker draws no face of its own (JEREMY_FACE=worker)", () => {
    expect(plan({}, true)).toMatchObject({ face: false });
    expect(plan({ JEREMY_FACE: "worker" }, true)).toMatchObject({ worker: true, face: true });
    expect(plan({ JEREMY_FACE: "worker", AVATAR_PROVIDER: "equos" }, false)).toMatchObject({
      face: false,
    });
  });

  it("for Equos: neither, whether Equos hosts the rooms or joins ours", () => {
    for (const env of [
      { AVATAR_PROVIDER: "equos" },
      { AVATAR_PROVIDER: "equos", LIVEKIT_URL: "wss://x" },
    ]) {
      const equos = plan(env, false);
      expect(equos).toMatchObject({ livekit: false, worker: false });
      expect(equos.notes.join(" ")).toMatch(/no Jeremy worker is started/);
    }
  });

  it("without the worker's folder, says to use Equos rather than failing later", () => {
    expect(() => plan({}, false)).toThrow(/AVATAR_PROVIDER=equos/);
  });

  it("names the registered providers for one that is not", () => {
    expect(() => plan({ AVATAR_PROVIDER: "nobody" }, true)).toThrow(/use local or equos/);
  });
});
