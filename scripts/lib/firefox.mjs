// Finds a Firefox for the Firefox end-to-end tests (e2e/firefox.spec.ts), which drive it with
// puppeteer-core over WebDriver BiDi: FIREFOX_PATH, then the system's Firefox ESR or Firefox.
// Playwright drives only its own patched Firefox build, so the system's is used instead.
import { existsSync } from "node:fs";

const systemBrowsers = [
  "/usr/bin/firefox-esr",
  "/usr/bin/firefox",
  "/Applications/Firefox.app/Contents/MacOS/firefox",
];

/** The Firefox executable to test with, or null when there is none. */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return systemBrowsers.find((candidate) => existsSync(candidate)) ?? null;
}

export const MISSING_FIREFOX = [
  "No Firefox was found for the Firefox end-to-end tests (e2e/firefox.spec.ts). Either works:",
  "  - Debian/Ubuntu: sudo apt-get install firefox-esr",
  "  - or set FIREFOX_PATH to a Firefox executable (ESR or current)",
].join("\n");
