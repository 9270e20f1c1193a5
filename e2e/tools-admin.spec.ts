// Operator tools on /admin, in the browser against the real stack: the operator declares a tool
// at an API on 127.0.0.1 (TOOL_ALLOWED_HOSTS in the stack's env), sees it listed with its secret
// header's name and never its value, is told inline what is wrong with parameters that are not
// JSON and with a host not allowed, offers the tool to visitors (GET /api/tools then lists it),
// and deletes it after a confirm. The page fits a phone held upright.
import path from "node:path";

import type { Page } from "@playwright/test";

import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./support/accessibility";
import { STACK } from "./support/stack";

const SECRET = "hours-api-key-never-shown-again";
const admin = { authorization: `Bearer ${STACK.adminToken}` };
const DAY_SCHEMA = JSON.stringify({
  type: "object",
  properties: { day: { type: "string", description: "A day of the week" } },
  required: ["day"],
});

async function signIn(page: Page) {
  await page.goto("/admin");
  await page.getByLabel(/Admin token/).fill(STACK.adminToken);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Usage", level: 1 })).toBeVisible();
}

test("an operator declares a tool, is told what is wrong, offers it to visitors and deletes it", async ({
  page,
}, testInfo) => {
  const name = `opening_hours_${Date.now()}`;
  const url = "http://127.0.0.1:9/hours/{day}";
  await signIn(page);
  const panel = page.getByRole("region", { name: "Tools" });
  await expect(panel).toContainText("TOOL_ALLOWED_HOSTS");
  const form = panel.getByRole("form", { name: "Declare a tool" });
  await expect(form.getByLabel("Parameters (JSON Schema)")).toHaveValue(
    JSON.stringify({ type: "object", properties: {}, required: [] }, null, 2),
  );
  await expect(form.getByLabel("Timeout (ms)")).toHaveValue("5000");
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/api/admin/tools")) {
      posts.push(request.url());
    }
  });

  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Description").fill("Says when the shop opens on a given day.");
  await form.getByLabel("URL", { exact: true }).fill(url);
  await form.getByLabel("Method").selectOption("GET");
  await form.getByLabel("Secret header name (optional)").fill("X-Api-Key");
  await form.getByLabel("Secret header value").fill(SECRET);
  await form.getByLabel("Timeout (ms)").fill("2500");

  // Parameters that are not JSON: said beside them, and nothing is sent.
  await form.getByLabel("Parameters (JSON Schema)").fill('{"type": "object",');
  await form.getByRole("button", { name: "Declare tool" }).click();
  await expect(form.getByRole("alert")).toHaveText(/^Parameters are not valid JSON/);
  await expect(form.getByLabel("Parameters (JSON Schema)")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "tools, parameters not JSON", testInfo);
  expect(posts).toEqual([]);

  // A host not in TOOL_ALLOWED_HOSTS: the server's reason, and everything typed stays.
  await form.getByLabel("Parameters (JSON Schema)").fill(DAY_SCHEMA);
  await form.getByLabel("URL", { exact: true }).fill("https://example.com/x");
  const refused = page.waitForResponse(
    (res) => res.url().endsWith("/api/admin/tools") && res.request().method() === "POST",
  );
  await form.getByRole("button", { name: "Declare tool" }).click();
  expect((await refused).status()).toBe(400);
  await expect(form.getByRole("alert")).toHaveText(
    "Invalid request: url: example.com is not in TOOL_ALLOWED_HOSTS (the hosts operator tools may call)",
  );
  await expect(form.getByLabel("Name", { exact: true })).toHaveValue(name);
  await expect(form.getByLabel("Parameters (JSON Schema)")).toHaveValue(DAY_SCHEMA);
  await expect(form.getByLabel("Secret header value")).toHaveValue(SECRET);
  await expect(form.getByLabel("Method")).toHaveValue("GET");

  // On 127.0.0.1 it is declared; the form clears, and the tool is listed without its secret.
  await form.getByLabel("URL", { exact: true }).fill(url);
  const created = page.waitForResponse(
    (res) => res.url().endsWith("/api/admin/tools") && res.request().method() === "POST",
  );
  await form.getByRole("button", { name: "Declare tool" }).click();
  expect((await created).status()).toBe(201);
  const toolId = ((await (await created).json()) as { tool: { id: string } }).tool.id;
  await expect(form.getByRole("status")).toHaveText(`Declared ${name}.`);
  await expect(form.getByLabel("Name", { exact: true })).toHaveValue("");
  await expect(form.getByLabel("Secret header value")).toHaveValue("");
  await expect(form.getByLabel("Method")).toHaveValue("POST");
  const row = panel.getByTestId("tools").locator("tr", { hasText: name });
  const cells = row.getByRole("cell");
  await expect(cells.nth(1)).toHaveText(`GET ${url}`);
  await expect(cells.nth(3)).toHaveText("X-Api-Key");
  await expect(cells.nth(4)).toHaveText("2.5 s");
  await expect(cells.nth(5)).toHaveText("0");
  const offer = row.getByLabel(`Offer ${name} to visitors`);
  await expect(offer).not.toBeChecked();
  expect(await page.content()).not.toContain(SECRET);
  const listed = await page.request.get(`${STACK.apiUrl}/api/admin/tools`, { headers: admin });
  expect(await listed.text()).not.toContain(SECRET);
  await expectNoAxeViolations(page, "tools, one declared", testInfo);
  const file = path.resolve("test-results", "screenshots", "tools-admin.png");
  await panel.screenshot({ path: file });
  await testInfo.attach("tools-admin", { path: file, contentType: "image/png" });

  // Offered to visitors: the landing page's list of tools has it.
  const offered = async () => {
    const res = await page.request.get(`${STACK.apiUrl}/api/tools`);
    return ((await res.json()) as { tools: Array<{ id: string }> }).tools.map((t) => t.id);
  };
  expect(await offered()).not.toContain(toolId);
  const patched = page.waitForResponse((res) => res.url().endsWith(`/api/admin/tools/${toolId}`));
  // The box follows the tool as the server has it, so it turns checked once the change is kept.
  await offer.click();
  expect((await patched).status()).toBe(200);
  await expect(offer).toBeChecked();
  expect(await offered()).toContain(toolId);

  // On a phone held upright, the section fits: the table scrolls within itself, not the page.
  await page.setViewportSize({ width: 390, height: 664 });
  await expect(row).toBeAttached();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const phone = path.resolve("test-results", "screenshots", "tools-admin-390x664.png");
  await panel.screenshot({ path: phone });
  await testInfo.attach("tools-admin-390x664", { path: phone, contentType: "image/png" });
  await page.setViewportSize({ width: 1280, height: 650 });

  // Deleted after a confirm: gone from the list, and from what visitors are offered.
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain(`Delete the tool "${name}"?`);
    void dialog.accept();
  });
  await row.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(row).toHaveCount(0);
  expect(await offered()).not.toContain(toolId);
});
