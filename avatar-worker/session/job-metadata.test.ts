import { describe, expect, it } from "vitest";

import { parseJobMetadata } from "./job-metadata";

describe("the metadata a job was dispatched with", () => {
  it("carries the session's knowledge topics", () => {
    const meta = parseJobMetadata(
      JSON.stringify({
        sessionId: "ses_1",
        context: "Job title is Analyst",
        knowledge: { topics: ["Refunds", "Hours"] },
      }),
      "ses_1",
    );
    expect(meta.knowledge).toEqual({ topics: ["Refunds", "Hours"] });
    expect(meta.context).toBe("Job title is Analyst");
    expect(
      parseJobMetadata(JSON.stringify({ sessionId: "ses_1" }), "ses_1").knowledge,
    ).toBeUndefined();
  });

  it("leaves out malformed knowledge, and keeps the rest", () => {
    for (const knowledge of [
      { topics: Array.from({ length: 9 }, (_, i) => `Topic ${i}`) },
      { topics: ["x".repeat(81)] },
      { topics: [""] },
      "Refunds",
    ]) {
      const meta = parseJobMetadata(
        JSON.stringify({ sessionId: "ses_1", context: "Job title is Analyst", knowledge }),
        "ses_1",
      );
      expect(meta.knowledge).toBeUndefined();
      expect(meta.context).toBe("Job title is Analyst");
    }
  });
});
