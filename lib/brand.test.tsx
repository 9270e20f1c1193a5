// Renaming the avatar is a change to lib/brand.ts alone: with another name there, the page, the
// server's messages and the worker (checked beside it) all use it, and "Jeremy" appears nowhere.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/brand", () => ({
  BRAND: {
    avatarName: "Ada",
    pronoun: "she",
    productName: "Talk to Ada",
    description: "Talk by voice with Ada.",
    portraitAlt: "Ada, a drawn portrait",
  },
}));

describe("the avatar's name, from lib/brand.ts", () => {
  it("names the avatar on the landing page, its options and its errors", async () => {
    const { Landing } = await import("@/components/landing/landing");
    const { Portrait } = await import("@/components/landing/portrait");
    const { SessionApiError } = await import("@/lib/client/session-api");
    const html = renderToStaticMarkup(
      <Landing
        profiles={["interviewer", "echo"]}
        faces={[]}
        knowledgeBases={[{ id: "kb_aaaaaaaaaaaaaaaa", name: "Handbook" }]}
        tools={[]}
        avatar={null}
        portrait={<Portrait avatar={null} />}
        busy={false}
        busyLabel=""
        micProblem="denied"
        startError={new SessionApiError("AVATAR_BUSY", "busy")}
        covered={false}
        holdToTalk={false}
        onStart={() => undefined}
        onResumePaused={() => undefined}
        onPrefetch={() => undefined}
      />,
    );
    expect(html).toContain("Ada");
    expect(html).toContain("What Ada can look up");
    expect(html).toContain('alt="Ada, a drawn portrait"');
    expect(html).not.toMatch(/Jeremy/);
  });

  it("names the conversations the server starts at a provider", async () => {
    const { conversationName } = await import("@/lib/providers/equos/shared");
    expect(conversationName("ses_1")).toBe("Talk to Ada ses_1");
  });
});
