// What every benchmark that drives the page needs first: the product running, the fake
// microphone on disk, and a Chromium that grants the microphone and plays audio unprompted.
import { launchChromium } from "@/e2e/support/browser";
import { writeFakeMicrophone } from "@/e2e/support/fake-microphone";

import type { BenchContext } from "./benchmark";

export async function launchBenchBrowser(context: BenchContext) {
  await context.stack();
  await writeFakeMicrophone();
  return launchChromium([
    "--use-fake-ui-for-media-stream",
    "--autoplay-policy=no-user-gesture-required",
  ]);
}
