import { llm } from "@livekit/agents";
import { describe, expect, it } from "vitest";

import { toolLines } from "./tool-lines";

describe("the tools the model called, as transcript lines", () => {
  it("names each call with its arguments and its answer, cut short, or its error", () => {
    const call = (callId: string, args: string) =>
      llm.FunctionCall.create({ callId, name: "search_knowledge", args });
    const lines = toolLines(
      [call("a", '{"query":"office"}'), call("b", '{"query":"hours"}'), call("c", "{}")],
      [
        llm.FunctionCallOutput.create({
          callId: "a",
          name: "search_knowledge",
          output: `{"passages":["${"x".repeat(1000)}"]}`,
          isError: false,
        }),
        llm.FunctionCallOutput.create({
          callId: "b",
          name: "search_knowledge",
          output: "An internal error occurred",
          isError: true,
        }),
      ],
    );
    expect(lines[0]).toMatch(/^search_knowledge \{"query":"office"\} → \{"passages":\["x+…$/);
    expect(lines[0]!.length).toBeLessThan(500);
    expect(lines[1]).toBe('search_knowledge {"query":"hours"} → error: An internal error occurred');
    expect(lines[2]).toBe("search_knowledge {} → (no answer)");
  });
});
