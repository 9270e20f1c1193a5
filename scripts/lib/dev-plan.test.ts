import { describe, expect, it } from "vitest";

import { devPlan } from "./dev-plan.mjs";

describe("what npm run dev starts", () => {
  it("for the local avatar: a LiveKit server and the worker, or only the worker with LIVEKIT_URL", () => {
    expect(devPlan({}, true)).toMatchObject({ livekit: true, worker: true });
    expect(devPlan({ LIVEKIT_URL: "wss://x.livekit.cloud" }, true)).toMatchObject({
      livekit: false,
      worker: true,
    });
  });

  it("for Equos: neither, whether Equos hosts the rooms or joins ours", () => {
    for (const env of [
      { AVATAR_PROVIDER: "equos" },
      { AVATAR_PROVIDER: "equos", LIVEKIT_URL: "wss://x" },
    ]) {
      const plan = devPlan(env, false);
      expect(plan).toMatchObject({ livekit: false, worker: false });
      expect(plan.notes.join(" ")).toMatch(/no Jeremy worker is started/);
    }
  });

  it("without the worker's folder, says to use Equos rather than failing later", () => {
    expect(() => devPlan({}, false)).toThrow(/AVATAR_PROVIDER=equos/);
  });
});
