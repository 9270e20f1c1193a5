import type { ConversationProfile } from "./profile";

const GREETING = "This is a microphone check. Say something, and I'll play it right back to you.";
/** The caption (and transcript line) of the person's own recording, played back. */
export const PLAYED_BACK = "(your recording, played back)";

/** A microphone check: Jeremy plays the user's last utterance back in the user's own voice. */
export function createEcho(): ConversationProfile {
  return {
    scriptLines: [GREETING],
    greet: () => [{ kind: "say", text: GREETING }],
    reply(turn) {
      if (turn.audio && turn.audio.length > 0) {
        return [{ kind: "play", audio: turn.audio, caption: PLAYED_BACK }];
      }
      // A typed turn has no recording; reading it aloud is the nearest thing to an echo.
      return turn.text ? [{ kind: "say", text: turn.text }] : [];
    },
  };
}
