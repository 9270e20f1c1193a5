// `npm run portrait`: draws Jeremy's still portrait with the live avatar's renderer and writes it
// to public/jeremy.png, the picture the app shows (landing page, video placeholder, favicon).
// The app serves the committed file and never imports this folder, so it builds without it;
// portrait.test.ts fails when the renderer and the committed picture drift apart.
import { writeFile } from "node:fs/promises";

import { renderPortrait } from "./portrait";

export const PORTRAIT_FILE = "public/jeremy.png";
export const PORTRAIT_SIZE = 512;

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"))) {
  await writeFile(PORTRAIT_FILE, await renderPortrait(PORTRAIT_SIZE));
  console.log(`Wrote ${PORTRAIT_FILE}`);
}
