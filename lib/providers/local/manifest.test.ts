import { describe, expect, it } from "vitest";

import { local } from "./manifest";

describe("the local avatar's manifest", () => {
  it("is the default provider", () => {
    expect(local.isDefault).toBe(true);
  });

  it("needs no picture from elsewhere, and the rooms are always on the LiveKit in use", () => {
    expect(local.csp()).toEqual({ hostsRooms: false, imageSources: [] });
  });
});
