// The README's Vercel steps agree with the Deploy button, vercel.json, package.json and the app.
import { existsSync, readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { serverVariables } from "@/lib/env";

import { deployButton, readmePaths, readmeVariables, vercelSection } from "./vercel-readme";

const names = Object.keys(readmeVariables((_, placeholder) => placeholder));

describe("README, Deploy a demo on Vercel", () => {
  it("asks, through the Deploy button, for exactly the variables the steps list", () => {
    expect(deployButton().env).toEqual(names);
    for (const name of names) expect(serverVariables).toHaveProperty(name);
  });

  it("clones this project's repository and links back to these steps", () => {
    const { repository } = JSON.parse(readFileSync("package.json", "utf8")) as {
      repository: { url: string };
    };
    const button = deployButton();
    expect(button.repositoryUrl).toBe(repository.url);
    expect(button.envLink).toBe(`${repository.url}#deploy-a-demo-on-vercel`);
  });

  it("provisions a Postgres database (Neon), whose variables the app reads", () => {
    expect(deployButton().stores).toEqual([
      { type: "integration", integrationSlug: "neon", productSlug: "neon" },
    ]);
    for (const name of ["DATABASE_URL", "DATABASE_URL_UNPOOLED"]) {
      expect(vercelSection()).toContain(`\`${name}\``);
      expect(serverVariables).toHaveProperty(name);
    }
  });

  it("names the cron path vercel.json schedules, and app routes that exist", () => {
    const { crons } = JSON.parse(readFileSync("vercel.json", "utf8")) as {
      crons: Array<{ path: string }>;
    };
    const paths = readmePaths();
    for (const cron of crons) expect(paths).toContain(cron.path);
    for (const path of paths) expect(existsSync(`app${path}/route.ts`), path).toBe(true);
  });
});
