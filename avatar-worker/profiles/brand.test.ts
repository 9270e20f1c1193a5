// The worker takes the avatar's name from lib/brand.ts too (see lib/brand.test.tsx).
import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/brand", () => ({ BRAND: { avatarName: "Ada", pronoun: "she" } }));

describe("the avatar's name in the worker", () => {
  it("is the interviewer's name, and the name the avatar joins rooms with", async () => {
    const { parseInterviewContext } = await import("./interview-context");
    const { AVATAR } = await import("@/lib/providers/local/worker-contract");
    expect(parseInterviewContext(null).interviewerName).toBe("Ada");
    expect(AVATAR.name).toBe("Ada");
  });
});
