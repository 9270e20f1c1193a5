import { describe, expect, it } from "vitest";

import { htmlText } from "./html-text";

describe("a web page's readable text", () => {
  it("keeps headings as sections and drops the page's furniture", () => {
    const page = htmlText(
      "<html><head><title>Handbook</title></head><body><nav>Home | About</nav><article>" +
        "<h1>Refunds</h1><p>Shoes may be returned within 30 days of purchase, with a receipt.</p>" +
        "<h2>Hours</h2><p>The shop opens at nine every weekday and at ten on Saturdays.</p>" +
        "</article><script>track()</script></body></html>",
    );
    expect(page.title).toBe("Handbook");
    expect(page.text).toMatch(/# Refunds\n+Shoes may be returned/);
    expect(page.text).toMatch(/## Hours\n+The shop opens/);
    expect(page.text).not.toContain("track()");
  });
});
