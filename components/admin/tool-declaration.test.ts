import { describe, expect, it } from "vitest";

import { declaration, EMPTY_PARAMETERS, NEW_TOOL, type ToolFields } from "./tool-declaration";

const fields = (overrides: Partial<ToolFields>): ToolFields => ({
  ...NEW_TOOL,
  name: " look_up_order ",
  description: "Finds an order by its number.",
  url: " https://api.shop.example/orders/{order_id} ",
  ...overrides,
});

describe("a tool's declaration", () => {
  it("starts from a schema of no arguments", () => {
    expect(JSON.parse(EMPTY_PARAMETERS)).toEqual({ type: "object", properties: {}, required: [] });
  });

  it("sends the fields as the admin API takes them", () => {
    const parameters = { type: "object", properties: { order_id: { type: "string" } } };
    expect(
      declaration(
        fields({
          method: "GET",
          parameters: JSON.stringify(parameters),
          secretHeaderName: "X-Api-Key ",
          secretHeaderValue: "s3cret",
          timeoutMs: "2500",
          isPublic: true,
        }),
      ),
    ).toEqual({
      ok: true,
      body: {
        name: "look_up_order",
        description: "Finds an order by its number.",
        url: "https://api.shop.example/orders/{order_id}",
        method: "GET",
        parameters,
        secretHeader: { name: "X-Api-Key", value: "s3cret" },
        timeoutMs: 2500,
        isPublic: true,
      },
    });
    expect(declaration(fields({}))).toMatchObject({
      ok: true,
      body: { method: "POST", secretHeader: null, timeoutMs: 5000, isPublic: false },
    });
  });

  it("refuses parameters that are not JSON, or not a JSON object, before sending", () => {
    const broken = declaration(fields({ parameters: '{"type": "object",' }));
    expect(broken).toMatchObject({ ok: false, field: "parameters" });
    expect(!broken.ok && broken.problem).toMatch(/^Parameters are not valid JSON \(.+\)\.$/);
    expect(declaration(fields({ parameters: "[]" }))).toEqual({
      ok: false,
      field: "parameters",
      problem: 'Parameters must be a JSON object, like {"type":"object","properties":{}}.',
    });
  });

  it("wants both halves of a secret header or neither", () => {
    expect(declaration(fields({ secretHeaderName: "X-Api-Key" }))).toEqual({
      ok: false,
      field: "secretHeader",
      problem: "Give the secret header a value.",
    });
    expect(declaration(fields({ secretHeaderValue: "s3cret" }))).toEqual({
      ok: false,
      field: "secretHeader",
      problem: "Give the secret header a name.",
    });
  });
});
