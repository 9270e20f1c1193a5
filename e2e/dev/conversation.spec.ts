// `npm run dev` as a newcomer meets it: the whole conversation works under `next dev` and the
// worker in watch mode, not only in the production build.
import { captions, jeremyVideo, startConversation, status } from "../support/conversation-page";

import { expect, test } from "./fixtures";

const CONTEXT = "Candidate Name is Ada Lovelace\nCompany Name is XYZ Consult\nJob title is Analyst";

test("under npm run dev: Start → Jeremy appears → a spoken turn → hang up → ENDED in the ledger", async ({
  page,
  devLedger,
}) => {
  // The first conversation may wait for Next to compile the page and the routes.
  test.setTimeout(180_000);
  const { sessionId } = await startConversation(page, { context: CONTEXT });

  const video = await jeremyVideo(page);
  expect(video).toMatchObject({ width: 512, height: 512, playing: true });
  expect(video.changedPixels).toBeGreaterThan(50);
  await expect(status(page)).toHaveAttribute("data-state", "talking");
  await expect(captions(page)).toContainText("Hello Ada! I'm Jeremy from XYZ Consult.", {
    timeout: 20_000,
  });

  // The fake microphone speaks; after the user's turn comes the next question.
  await expect(captions(page)).toContainText("What draws you to the Analyst role at XYZ Consult?", {
    timeout: 45_000,
  });

  await page.getByTestId("hang-up").click();
  await expect(page.getByTestId("conversation-ended")).toHaveAttribute("data-reason", "hangup");
  // The summary comes with the server's answer that the session has ended (the room may close,
  // and the panel open, a moment before the ledger is written).
  await expect(page.getByTestId("summary")).toContainText("You talked with Jeremy for");
  const ended = await devLedger.session(sessionId);
  expect(ended).toMatchObject({ status: "ENDED", endReason: "hangup" });
  expect(ended.durationSeconds).toBeGreaterThan(0);
});
