import { chromium, type PlaywrightTestConfig } from "@playwright/test";

import { FAKE_MICROPHONE_WAV } from "./fake-microphone";

/** Flags every test browser needs here: no sandbox as root, no calls to Google's services. */
export const BASE_CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--use-fake-device-for-media-stream",
  `--use-file-for-fake-audio-capture=${FAKE_MICROPHONE_WAV}`,
];

/** What every Playwright run's pages share: the browser, its fake media, and what a failure keeps. */
export const TEST_PAGE_USE: PlaywrightTestConfig["use"] = {
  trace: "retain-on-failure",
  screenshot: "only-on-failure",
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH,
    args: [
      ...BASE_CHROMIUM_ARGS,
      "--use-fake-ui-for-media-stream",
      "--autoplay-policy=no-user-gesture-required",
    ],
  },
};

/** A browser of a test's own, for settings the shared one cannot have (permission prompts, autoplay). */
export function launchChromium(extraArgs: string[] = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH,
    args: [...BASE_CHROMIUM_ARGS, ...extraArgs],
  });
}

/** A browser the test can kill like a crash (SIGKILL: no unload handlers, no beacon). */
export async function launchKillableChromium(extraArgs: string[] = []) {
  const server = await chromium.launchServer({
    executablePath: process.env.CHROMIUM_PATH,
    args: [...BASE_CHROMIUM_ARGS, ...extraArgs],
  });
  const browser = await chromium.connect(server.wsEndpoint());
  return {
    browser,
    kill: () => server.process().kill("SIGKILL"),
    close: () => server.close().catch(() => undefined),
  };
}
