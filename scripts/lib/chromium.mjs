// Finds a Chromium for the end-to-end tests: CHROMIUM_PATH, then the system's Chromium or
// Chrome, then a browser Playwright downloaded earlier (`npx playwright install chromium`).
import { existsSync } from "node:fs";

const systemBrowsers = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/** The browser executable to test with, or null when there is none. */
export async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  const system = systemBrowsers.find((candidate) => existsSync(candidate));
  if (system) return system;
  const { chromium } = await import("playwright-core");
  const bundled = chromium.executablePath();
  return bundled && existsSync(bundled) ? bundled : null;
}

export const MISSING_BROWSER = [
  "No Chromium was found for the end-to-end tests. Any one of these works:",
  "  - Debian/Ubuntu: sudo apt-get install chromium",
  "  - anywhere: npx playwright install chromium",
  "  - or set CHROMIUM_PATH to a Chromium or Chrome executable",
].join("\n");
