import { isValidElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

import type { FaceView } from "@/lib/faces/types";

import { ConversationOptions, type OptionValues } from "./conversation-options";

// There is no DOM here: the face test calls the component as a plain function to reach its radio
// buttons, which React allows for everything but hooks. Its one hook, useId, gets a fixed id.
vi.mock("react", async (importOriginal) => ({
  ...(await importOriginal<typeof import("react")>()),
  useId: () => "options",
}));

const values: OptionValues = {
  profile: "interviewer",
  userName: "",
  context: "",
  turns: "hold",
  face: "jeremy",
  knowledge: [],
  tools: [],
};
const JEREMY: FaceView = { id: "jeremy", name: "Jeremy", portraitUrl: "/jeremy.png" };
const LEMON: FaceView = { id: "lemonslice", name: "Lemon", portraitUrl: "https://x.test/l.png" };

const props = (overrides: Partial<Parameters<typeof ConversationOptions>[0]> = {}) => ({
  profiles: ["interviewer"],
  faces: [JEREMY],
  knowledgeBases: [],
  tools: [],
  holdToTalk: true,
  values,
  onChange: () => undefined,
  ...overrides,
});
const render = (overrides: Partial<Parameters<typeof ConversationOptions>[0]> = {}) =>
  renderToStaticMarkup(<ConversationOptions {...props(overrides)} />);

type Props = Record<string, unknown> & { children?: ReactNode };
/** The props of every <input> in `node`, expanding function components (hook-free) on the way. */
function inputs(node: ReactNode): Props[] {
  if (Array.isArray(node)) return node.flatMap(inputs);
  if (!isValidElement<Props>(node)) return [];
  if (typeof node.type === "function") {
    return inputs((node.type as (props: Props) => ReactNode)(node.props));
  }
  if (node.type === "input") return [node.props];
  return inputs(node.props.children);
}

describe("the conversation options", () => {
  it("offers hold to talk where the avatar supports it, with the chosen way checked", () => {
    const html = render({ holdToTalk: true });
    expect(html).toContain("Taking turns");
    expect(html).toMatch(/checked="" value="hold"/);
    expect(html).toContain("Hold to talk: hold a button (or the space bar) while you speak");
  });

  it("hides it for a provider whose avatar cannot take held turns (Equos)", () => {
    const html = render({ holdToTalk: false });
    expect(html).not.toContain("Taking turns");
    expect(html).not.toContain("Hold to talk");
  });

  it("offers no choice of face when there is one face, or none", () => {
    for (const faces of [[JEREMY], []]) {
      const html = render({ faces });
      expect(html).not.toMatch(/>Face<\/legend>/);
      expect(html).not.toContain('name="options-face"');
    }
  });

  it("offers each face by picture and name when there are two, with the chosen one checked", () => {
    const html = render({ faces: [JEREMY, LEMON], values: { ...values, face: "lemonslice" } });
    expect(html).toMatch(/>Face<\/legend>/);
    expect(html).toMatch(/name="options-face" value="jeremy"\/>/);
    expect(html).toMatch(/name="options-face" checked="" value="lemonslice"\/>/);
    // The picture is decorative: the name beside it is what a screen reader announces.
    expect(html).toContain('<img src="https://x.test/l.png" alt=""');
    expect(html).toContain("Lemon</label>");
  });

  it("tells the page which face was chosen", () => {
    const onChange = vi.fn();
    const tree = ConversationOptions(props({ faces: [JEREMY, LEMON], onChange }));
    const lemon = inputs(tree).find(
      (input) => input.name === "options-face" && input.value === "lemonslice",
    );
    (lemon?.onChange as () => void)();
    expect(onChange).toHaveBeenCalledWith({ ...values, face: "lemonslice" });
  });

  const BASES = ["a", "b", "c", "d", "e", "f"].map((letter) => ({
    id: `kb_${letter.repeat(16)}`,
    name: `Base ${letter.toUpperCase()}`,
  }));
  const knowledgeInputs = (overrides: Partial<Parameters<typeof ConversationOptions>[0]>) =>
    inputs(ConversationOptions(props({ knowledgeBases: BASES, ...overrides }))).filter(
      (input) => input.name === "options-knowledge",
    );

  it("offers no knowledge when no base is public", () => {
    const html = render({ knowledgeBases: [] });
    expect(html).not.toContain("can look up");
    expect(html).not.toContain('type="checkbox"');
  });

  it("offers each public base by name, none checked by default", () => {
    const html = render({ knowledgeBases: BASES.slice(0, 2) });
    expect(html).toContain("What Jeremy can look up</legend>");
    expect(html).toContain("Optional: up to 5.");
    expect(html).toMatch(
      /type="checkbox" class="[^"]*" name="options-knowledge" value="kb_a{16}"\/>Base A<\/label>/,
    );
    expect(html).not.toMatch(/checked="" value="kb_/);
  });

  it("tells the page which bases were chosen, in the order offered", () => {
    const onChange = vi.fn();
    const chosen = { ...values, knowledge: [BASES[2]!.id] };
    const a = knowledgeInputs({ values: chosen, onChange }).find((i) => i.value === BASES[0]!.id);
    (a?.onChange as (event: { target: { checked: boolean } }) => void)({
      target: { checked: true },
    });
    expect(onChange).toHaveBeenCalledWith({ ...values, knowledge: [BASES[0]!.id, BASES[2]!.id] });
  });

  it("lets no more than five be chosen: the rest wait until one is unchecked", () => {
    const five = { ...values, knowledge: BASES.slice(0, 5).map((base) => base.id) };
    const boxes = knowledgeInputs({ values: five });
    expect(boxes.map((box) => [box.checked, box.disabled])).toEqual([
      ...Array(5).fill([true, false]),
      [false, true],
    ]);
  });
});

describe("the tools offered", () => {
  const TOOLS = [
    {
      id: `tool_${"a".repeat(16)}`,
      name: "look_up_order",
      description: "Finds an order by its number.",
    },
    { id: `tool_${"b".repeat(16)}`, name: "track_parcel", description: "Where a parcel is." },
  ];

  it("offers none when no tool is public", () => {
    expect(render({ tools: [] })).not.toContain("Tools Jeremy can use");
  });

  it("offers each public tool by name and what it does, none checked, and says which were chosen", () => {
    const html = render({ tools: TOOLS });
    expect(html).toContain("Tools Jeremy can use</legend>");
    expect(html).toContain("look up order");
    expect(html).toContain("Finds an order by its number.");
    expect(html).not.toMatch(/checked="" value="tool_/);
    const onChange = vi.fn();
    const boxes = inputs(ConversationOptions(props({ tools: TOOLS, onChange }))).filter(
      (input) => input.name === "options-tools",
    );
    (boxes[1]?.onChange as (event: { target: { checked: boolean } }) => void)({
      target: { checked: true },
    });
    expect(onChange).toHaveBeenCalledWith({ ...values, tools: [TOOLS[1]!.id] });
  });
});
