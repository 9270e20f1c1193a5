import { describe, expect, it } from "vitest";

import { equos } from "./manifest";

describe("the Equos manifest", () => {
  it("derives the avatar picture's sources from the Equos settings", () => {
    expect(
      equos.csp({ EQUOS_AVATAR_IMAGE_URL: "https://cdn.example:8443/faces/a.png" }).imageSources,
    ).toEqual(["https://cdn.example:8443"]);
    expect(equos.csp({ EQUOS_CHARACTER_ID: "char_1" }).imageSources).toEqual(["https:"]);
    expect(equos.csp({}).imageSources).toEqual([]);
  });

  it("hosts the rooms unless LIVEKIT_URL names our own LiveKit", () => {
    expect(equos.csp({}).hostsRooms).toBe(true);
    expect(equos.csp({ LIVEKIT_URL: "wss://x.livekit.cloud" }).hostsRooms).toBe(false);
  });
});
