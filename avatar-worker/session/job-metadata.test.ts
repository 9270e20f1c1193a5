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

  it("carries the session's operator tools, and leaves out malformed ones", () => {
    const orders = {
      name: "look_up_order",
      description: "Looks up an order.",
      parameters: { type: "object", properties: { order: { type: "string" } } },
    };
    const parse = (tools: unknown) =>
      parseJobMetadata(JSON.stringify({ sessionId: "ses_1", context: "Analyst", tools }), "ses_1");
    expect(parse([orders]).tools).toEqual([orders]);
    for (const tools of [
      [{ ...orders, name: "Look Up" }],
      [{ ...orders, parameters: { type: "string" } }],
      [{ ...orders, parameters: { type: "object", description: "x".repeat(5000) } }],
      [{ ...orders, description: "" }],
      Array.from({ length: 6 }, (_, i) => ({ ...orders, name: `tool_${i}` })),
      "look_up_order",
    ]) {
      const meta = parse(tools);
      expect(meta.tools).toBeUndefined();
      expect(meta.context).toBe("Analyst");
    }
  });
});
