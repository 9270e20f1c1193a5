import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import type { ToolView } from "@/lib/tools/store";

import { seconds, ToolTable } from "./tool-table";

const tool = (overrides: Partial<ToolView>): ToolView => ({
  id: "tool_0000000000000001",
  name: "look_up_order",
  description: "Finds an order by its number.",
  parameters: { type: "object", properties: {} },
  url: "https://api.shop.example/orders/{order_id}",
  method: "GET",
  secretHeaderName: "X-Api-Key",
  timeoutMs: 2500,
  isPublic: true,
  calls: 7,
  createdAt: "2025-01-01T00:00:00.000Z",
  ...overrides,
});

const render = (tools: ToolView[], busyId: string | null = null) =>
  renderToStaticMarkup(
    <ToolTable
      tools={tools}
      busyId={busyId}
      onOffer={() => undefined}
      onDelete={() => undefined}
    />,
  );

describe("the tools table", () => {
  it("shows a tool's request, secret header's name, timeout and calls, offered to visitors", () => {
    const html = render([tool({})]);
    expect(html).toContain(">GET</span> <span");
    expect(html).toContain(">https://api.shop.example/orders/{order_id}</span>");
    expect(html).toMatch(
      /<input type="checkbox" aria-label="Offer look_up_order to visitors"[^>]*checked=""/,
    );
    expect(html).toContain(">X-Api-Key</td>");
    expect(html).toContain(">2.5 s</td>");
    expect(html).toContain(">7</td>");
    expect(html).toContain('Delete<span class="sr-only"> look_up_order</span>');
  });

  it("says none for a tool without a secret header, and leaves one not offered unchecked", () => {
    const html = render([tool({ secretHeaderName: null, isPublic: false })]);
    expect(html).toContain(">none</span></td>");
    expect(html).not.toContain('checked=""');
  });

  it("holds a tool's controls while it changes, and only that tool's", () => {
    const other = tool({ id: "tool_0000000000000002", name: "opening_hours" });
    const html = render([tool({}), other], "tool_0000000000000001");
    expect(html.match(/disabled=""/g)).toHaveLength(2);
    expect(html).toMatch(/aria-label="Offer look_up_order to visitors"[^>]*disabled=""/);
    expect(html).not.toMatch(/aria-label="Offer opening_hours to visitors"[^>]*disabled=""/);
  });
});

describe("seconds", () => {
  it("reads as a person would", () => {
    expect([seconds(5000), seconds(2500), seconds(500)]).toEqual(["5 s", "2.5 s", "0.5 s"]);
  });
});
