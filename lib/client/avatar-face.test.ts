import { describe, expect, it } from "vitest";

import { faceOf } from "./avatar-face";

const someone = (identity: string, attributes: Record<string, string> = {}) => ({
  identity,
  attributes,
});

describe("faceOf", () => {
  it("is the avatar that publishes on the agent's behalf, whoever joined first", () => {
    const agent = someone("jeremy");
    const face = someone("jeremy-face", { "lk.publish_on_behalf": "jeremy" });
    expect(faceOf([agent, face], "jeremy")).toBe(face);
    expect(faceOf([face, agent], "jeremy")).toBe(face);
  });

  it("is the agent itself when it has no avatar", () => {
    const agent = someone("jeremy");
    expect(faceOf([someone("user-1"), agent], "jeremy")).toBe(agent);
    expect(faceOf([someone("user-1")], "jeremy")).toBeUndefined();
  });

  it("ignores an avatar speaking for another agent", () => {
    const agent = someone("jeremy");
    const other = someone("other-face", { "lk.publish_on_behalf": "other" });
    expect(faceOf([other, agent], "jeremy")).toBe(agent);
  });
});
