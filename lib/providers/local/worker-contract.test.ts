import { describe, expect, it } from "vitest";

import { newSessionId } from "@/lib/sessions/ids";
import { roomNameFor } from "@/lib/livekit/rooms";

import { isSessionRoom, resumedFrom } from "./worker-contract";

describe("resumedFrom", () => {
  it("carries on after the highest position kept, not after the last line said", () => {
    // In the order said, a reply cut short (position 1) comes before the turn that cut it (0).
    const resumed = resumedFrom([
      { seq: 1, role: "assistant", text: "Hello Ada," },
      { seq: 0, role: "user", text: "I'd rather talk about sailing." },
    ]);
    expect(resumed.nextSeq).toBe(2);
    expect(resumedFrom([]).nextSeq).toBe(0);
  });
});

describe("isSessionRoom", () => {
  it("knows every room the app names for a session, and no other", () => {
    const id = newSessionId();
    for (const segment of [1, 2, 17]) expect(isSessionRoom(roomNameFor(id, segment))).toBe(true);
    for (const other of ["plain-1a2b", "my-room", `${id}x`, `${id}.0`, `${id}.`, "ses_12", ""]) {
      expect(isSessionRoom(other), other).toBe(false);
    }
  });
});
