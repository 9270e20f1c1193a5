// One held turn, from the press to the moment it may be committed. The voice activity detector
// and the transcriber run behind the audio (on a busy machine the VAD alone lags by a second), so
// at the release the person's last words, or all of them, may not have been heard yet. Committing
// then would send an empty turn, and Jeremy would never answer what they said.
import { voice } from "@livekit/agents";

/** The part of LiveKit Agents' session a held turn listens to. */
export interface TurnEvents {
  readonly userState: voice.UserState;
  on(event: StateChanged, listener: (event: voice.UserStateChangedEvent) => void): unknown;
  on(event: Transcribed, listener: (event: voice.UserInputTranscribedEvent) => void): unknown;
  off(event: StateChanged, listener: (event: voice.UserStateChangedEvent) => void): unknown;
  off(event: Transcribed, listener: (event: voice.UserInputTranscribedEvent) => void): unknown;
}
type StateChanged = voice.AgentSessionEventTypes.UserStateChanged;
type Transcribed = voice.AgentSessionEventTypes.UserInputTranscribed;

export const HELD_TURN_WAITS = {
  /** After a release with nothing heard yet: how long the first words may take to be detected. */
  firstWordsMs: 2_000,
  /** After a release with words heard: how long their transcription may take (a model endpoint). */
  transcriptMs: 10_000,
};

export interface HeldTurn {
  /**
   * Resolves once what was said while held is transcribed, the person having stopped speaking;
   * or once nothing was heard for `firstWordsMs`, or nothing transcribed for `transcriptMs`.
   */
  released(): Promise<void>;
  /** Stops listening (a new press, or the session closing); a pending `released` resolves. */
  end(): void;
}

/** Starts following a turn at the press. */
export function holdTurn(session: TurnEvents, waits = HELD_TURN_WAITS): HeldTurn {
  let heard = session.userState === "speaking";
  let speaking = heard;
  let transcribed = false;
  let settle: (() => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const check = () => {
    if (settle && heard && transcribed && !speaking) settle();
  };
  const onState = (event: voice.UserStateChangedEvent) => {
    speaking = event.newState === "speaking";
    if (!speaking) return check();
    if (!heard && timer) {
      // The first words arrived after the release: their transcription gets its own wait.
      clearTimeout(timer);
      timer = setTimeout(() => settle?.(), waits.transcriptMs);
    }
    heard = true;
    transcribed = false;
  };
  const onWords = (event: voice.UserInputTranscribedEvent) => {
    if (!event.isFinal) return;
    heard = true;
    transcribed = true;
    check();
  };
  session.on(voice.AgentSessionEventTypes.UserStateChanged, onState);
  session.on(voice.AgentSessionEventTypes.UserInputTranscribed, onWords);

  const end = () => {
    session.off(voice.AgentSessionEventTypes.UserStateChanged, onState);
    session.off(voice.AgentSessionEventTypes.UserInputTranscribed, onWords);
    settle?.();
  };
  return {
    released: () =>
      new Promise<void>((resolve) => {
        settle = () => {
          clearTimeout(timer);
          settle = undefined;
          resolve();
        };
        timer = setTimeout(() => settle?.(), heard ? waits.transcriptMs : waits.firstWordsMs);
        check();
      }),
    end,
  };
}
