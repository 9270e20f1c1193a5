import { writeFakeMicrophone } from "./fake-microphone";

/** Runs once before the browsers start: gives Chromium's fake microphone something to say. */
export default async function globalSetup() {
  const { file, speechMs } = await writeFakeMicrophone();
  console.log(`Fake microphone: ${file} (${Math.round(speechMs)} ms of speech per loop)`);
}
