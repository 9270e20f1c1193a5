import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { ConversationOptions, type OptionValues } from "./conversation-options";

const values: OptionValues = { profile: "interviewer", userName: "", context: "", turns: "hold" };
const render = (holdToTalk: boolean) =>
  renderToStaticMarkup(
    <ConversationOptions
      profiles={["interviewer"]}
      holdToTalk={holdToTalk}
      values={values}
      onChange={() => undefined}
    />,
  );

describe("the conversation options", () => {
  it("offers hold to talk where the avatar supports it, with the chosen way checked", () => {
    const html = render(true);
    expect(html).toContain("Taking turns");
    expect(html).toMatch(/checked="" value="hold"/);
    expect(html).toContain("Hold to talk: hold a button (or the space bar) while you speak");
  });

  it("hides it for a provider whose avatar cannot take held turns (Equos)", () => {
    const html = render(false);
    expect(html).not.toContain("Taking turns");
    expect(html).not.toContain("Hold to talk");
  });
});
