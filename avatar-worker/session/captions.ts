import type { LocalParticipant } from "@livekit/rtc-node";

import { TOPICS } from "@/lib/contract";

/** The text-stream topic LiveKit clients read transcriptions from. */

/**
 * Publishes what Jeremy says as LiveKit transcriptions: one final segment per line, tied to his
 * voice track so clients can show it as his captions.
 */
export function createCaptions(
  participant: LocalParticipant,
  voiceTrackSid: () => string | undefined,
) {
  let segment = 0;
  return async function caption(text: string) {
    const trackSid = voiceTrackSid();
    segment += 1;
    await participant.sendText(text, {
      topic: TOPICS.transcription,
      attributes: {
        "lk.segment_id": `SG_jeremy_${segment}`,
        "lk.transcription_final": "true",
        ...(trackSid ? { "lk.transcribed_track_id": trackSid } : {}),
      },
    });
  };
}
