import { describe, expect, it } from "vitest";

import { faceAttributes, faceDispatchMetadata, faceIdentity, readFaceRequest } from "./dispatch";

describe("a face's dispatch", () => {
  it("names the agent the face speaks for; the face joins beside it, on its behalf", () => {
    const metadata = faceDispatchMetadata({ agentIdentity: "jeremy" });
    const request = readFaceRequest(metadata);
    expect(request).toEqual({ agentIdentity: "jeremy" });
    expect(faceIdentity("jeremy")).toBe("jeremy-face");
    expect(faceAttributes({ agentIdentity: "jeremy" })).toEqual({
      "lk.publish_on_behalf": "jeremy",
    });
  });

  it.each([
    ["not JSON", "{", /not JSON/],
    ["no agent", "{}", /agentIdentity/],
    ["another shape", JSON.stringify({ agentIdentity: "a", extra: 1 }), /agentIdentity/],
    ["an identity with spaces", JSON.stringify({ agentIdentity: "a b" }), /agentIdentity/],
    ["a huge identity", JSON.stringify({ agentIdentity: "a".repeat(500) }), /agentIdentity/],
  ])("is refused, saying why, for %s", (_, metadata, reason) => {
    const request = readFaceRequest(metadata);
    expect(request).toHaveProperty("error");
    expect((request as { error: string }).error).toMatch(reason);
  });
});
