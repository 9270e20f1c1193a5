import { describe, expect, it } from "vitest";

import { instructionsFor } from "./instructions";

describe("a profile as a model's instructions", () => {
  it("holds the role, the session's context and the person's name", () => {
    const prompt = instructionsFor(
      "interviewer",
      "Company Name is XYZ Consult\nJob title is Support Lead",
      "Ada",
    );
    expect(prompt).toMatch(/job interviewer/);
    expect(prompt).toContain("Company Name is XYZ Consult\nJob title is Support Lead");
    expect(prompt).toContain("called Ada");
    expect(prompt).toMatch(/spoken aloud/);
  });

  it("has a role for each profile, and the interviewer's for an unknown one", () => {
    expect(instructionsFor("echo", null, null)).toMatch(/microphone check/);
    expect(instructionsFor("nonsense", null, null)).toBe(
      instructionsFor("interviewer", null, null),
    );
  });

  it("leaves out what the session did not give", () => {
    const prompt = instructionsFor("interviewer", "  ", null);
    expect(prompt).not.toMatch(/called|Context for this conversation/);
  });
});
