// `npm run test:e2e`: builds the app for production and runs the Playwright suite against the
// real stack (LiveKit server, Jeremy worker, `next start`) in a real Chromium. It finds or
// installs what that needs, or says exactly what to install.
import { prepareProductionStack, run } from "./lib/production-stack.mjs";

const { args, env } = await prepareProductionStack();
process.exit(run(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...args], env));
