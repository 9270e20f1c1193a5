// The offline demo's "speech-to-text": it cannot know what the person said, only that they spoke
// and for how long, which is what the scripted profiles need to move on. Behind LiveKit Agents'
// STT interface (not streaming: the framework cuts the audio into utterances with the VAD), so the
// session takes turns exactly as it does with a real transcription endpoint. It keeps the last
// utterance's audio, for the echo profile to play back.
import { asLanguageCode, mergeFrames, stt } from "@livekit/agents";
import type { AudioFrame } from "@livekit/rtc-node";

/** What the ledger records for a spoken turn nobody transcribed. */
export function spokenTurn(seconds: number): string {
  return `(spoken, ${seconds.toFixed(1)} s)`;
}

export class OfflineRecognizer extends stt.STT {
  label = "offline";
  /** The last utterance heard, merged into one frame. */
  lastUtterance: AudioFrame | undefined;

  constructor() {
    super({ streaming: false, interimResults: false });
  }

  protected async _recognize(buffer: AudioFrame[] | AudioFrame): Promise<stt.SpeechEvent> {
    const audio = mergeFrames(buffer);
    this.lastUtterance = audio;
    const seconds = audio.samplesPerChannel / audio.sampleRate;
    return {
      type: stt.SpeechEventType.FINAL_TRANSCRIPT,
      alternatives: [
        {
          language: asLanguageCode("en"),
          text: spokenTurn(seconds),
          startTime: 0,
          endTime: seconds,
          confidence: 1,
        },
      ],
    };
  }

  stream(): stt.SpeechStream {
    throw new Error(
      "the offline recognizer is not a streaming STT: the agent session wraps it with its VAD",
    );
  }
}
