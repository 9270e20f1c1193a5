// `npm run test:e2e`: builds the app for production and runs the Playwright suite against the
// real stack (LiveKit server, Jeremy worker, `next start`) in a real Chromium, and the Firefox
// flows in the system's Firefox (driven by puppeteer-core from inside the suite). It finds or
// installs what that needs, or says exactly what to install.
import { findFirefox, MISSING_FIREFOX } from "./lib/firefox.mjs";
import { prepareProductionStack, run } from "./lib/production-stack.mjs";

const { args, env } = await prepareProductionStack();
const firefox = findFirefox();
if (firefox) env.FIREFOX_PATH = firefox;
else {
  // Without one the Firefox tests are skipped locally, and fail in CI (CI=true).
  const outcome = process.env.CI ? "CI needs one: they fail." : "They are skipped.";
  console.warn(`${MISSING_FIREFOX}\n${outcome}`);
}
process.exit(run(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...args], env));
