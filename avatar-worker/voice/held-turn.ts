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
   * The release: resolves true once what was said while held is transcribed, the person having
   * stopped speaking (or once nothing was heard for `firstWordsMs`, or nothing transcribed for
   * `transcriptMs`); false when the turn is held again meanwhile, or ended. Asked twice, one wait.
   */
  released(): Promise<boolean>;
  /** Whether a release is waiting. */
  readonly releasing: boolean;
  /** Held again before the release was done: the same turn goes on, and the next release ends it. */
  holdAgain(): void;
  /** Stops listening (the conversation is over); a pending release resolves false. */
  end(): void;
}

/** Starts following a turn at the press. */
export function holdTurn(session: TurnEvents, waits = HELD_TURN_WAITS): HeldTurn {
  let heard = session.userState === "speaking";
  let speaking = heard;
  let transcribed = false;
  let pending: Promise<boolean> | undefined;
  let settle: ((done: boolean) => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const check = () => {
    if (settle && heard && transcribed && !speaking) settle(true);
  };
  const onState = (event: voice.UserStateChangedEvent) => {
    speaking = event.newState === "speaking";
    if (!speaking) return check();
    if (!heard && settle) {
      // The first words arrived after the release: their transcription gets its own wait.
      clearTimeout(timer);
      timer = setTimeout(() => settle?.(true), waits.transcriptMs);
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

  return {
    released() {
      pending ??= new Promise<boolean>((resolve) => {
        settle = (done) => {
          clearTimeout(timer);
          settle = undefined;
          pending = undefined;
          resolve(done);
        };
        timer = setTimeout(() => settle?.(true), heard ? waits.transcriptMs : waits.firstWordsMs);
        check();
      });
      return pending;
    },
    get releasing() {
      return settle !== undefined;
    },
    holdAgain() {
      settle?.(false);
    },
    end() {
      session.off(voice.AgentSessionEventTypes.UserStateChanged, onState);
      session.off(voice.AgentSessionEventTypes.UserInputTranscribed, onWords);
      settle?.(false);
    },
  };
}
