import { describe, expect, it } from "vitest";

import type { ProviderManifest } from "./manifest";
import * as registry from "./registry";

const manifests: ProviderManifest[] = Object.values(registry);

describe("the registered provider manifests", () => {
  it("name each provider once, and at most one default", () => {
    const names = manifests.map((manifest) => manifest.name);
    expect(new Set(names).size).toBe(names.length);
    expect(manifests.filter((manifest) => manifest.isDefault).length).toBeLessThanOrEqual(1);
  });

  it("declare only variables of their own, none of the app's, all validated by lib/env.ts", async () => {
    const { serverVariables } = await import("@/lib/env");
    const declared = manifests.flatMap((manifest) => Object.keys(manifest.variables));
    expect(new Set(declared).size).toBe(declared.length);
    for (const name of declared) expect(serverVariables).toHaveProperty(name);
  });
});
