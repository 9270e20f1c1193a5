import { expect, test } from "./fixtures";

test("the production build reports the database and the local avatar stack healthy", async ({
  request,
}) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", provider: "local", database: "ok" });
});

test("the landing page says who you will talk to", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Talk to Jeremy" })).toBeVisible();
});
