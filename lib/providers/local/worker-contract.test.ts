import { describe, expect, it } from "vitest";

import { newSessionId } from "@/lib/sessions/ids";
import { roomNameFor } from "@/lib/livekit/rooms";

import { isSessionRoom } from "./worker-contract";

describe("isSessionRoom", () => {
  it("knows every room the app names for a session, and no other", () => {
    const id = newSessionId();
    for (const segment of [1, 2, 17]) expect(isSessionRoom(roomNameFor(id, segment))).toBe(true);
    for (const other of ["plain-1a2b", "my-room", `${id}x`, `${id}.0`, `${id}.`, "ses_12", ""]) {
      expect(isSessionRoom(other), other).toBe(false);
    }
  });
});
