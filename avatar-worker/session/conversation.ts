import type { ConversationProfile, JeremyAction, UserTurn } from "../profiles/profile";
import { mouthFromAudio } from "../speech/mouth-from-audio";
import type { SpeechSynthesizer } from "../speech/speech-synthesizer";
import type { TurnEvent } from "../speech/turn-detector";

import type { Transcript } from "./transcript";
import { VOICE_SAMPLE_RATE, type Voice } from "./voice-publisher";

interface ConversationParts {
  profile: ConversationProfile;
  synthesizer: SpeechSynthesizer;
  voice: Voice;
  caption: (text: string) => Promise<void>;
  transcript: Transcript;
  log: (message: string) => void;
}

/**
 * The turn-taking loop: Jeremy speaks, the user answers (by voice or typing), Jeremy replies.
 * One thing is said at a time; turns the user starts while Jeremy is talking are treated as
 * talking over him and are not answered.
 */
export function createConversation(parts: ConversationParts) {
  const { profile, synthesizer, voice, caption, transcript, log } = parts;
  let queue: Promise<void> = Promise.resolve();
  let busy = false;
  let turnStartedWhileBusy = false;
  let greeted = false;
  let ended = false;

  const perform = async (action: JeremyAction) => {
    if (action.kind === "say") {
      transcript.add("assistant", action.text);
      void caption(action.text).catch((error: unknown) => log(`caption failed: ${String(error)}`));
      for await (const utterance of synthesizer.speak(action.text)) {
        if (ended) break;
        await voice.play(utterance.samples, utterance.mouth);
      }
    } else {
      transcript.add("assistant", action.caption);
      void caption(action.caption).catch(() => undefined);
      await voice.play(action.audio, mouthFromAudio(action.audio, VOICE_SAMPLE_RATE));
    }
  };

  const respond = (next: () => JeremyAction[]) => {
    busy = true;
    queue = queue
      .then(async () => {
        for (const action of next()) {
          if (ended) return;
          await perform(action);
        }
      })
      .catch((error: unknown) => log(`Jeremy could not answer: ${String(error)}`))
      .finally(() => {
        busy = false;
      });
    return queue;
  };

  return {
    /** Jeremy opens the conversation; nothing the user says before this gets an answer. */
    greet: () => {
      greeted = true;
      return respond(() => profile.greet());
    },

    /** Feeds the turn detector's events; a finished spoken turn gets a reply. */
    onTurnEvent(event: TurnEvent) {
      if (event.type === "speech-start") {
        turnStartedWhileBusy = busy;
        return;
      }
      const seconds = ((event.endMs - event.startMs) / 1000).toFixed(1);
      if (!greeted) {
        log(`ignored ${seconds} s of speech before Jeremy's greeting`);
        return;
      }
      if (turnStartedWhileBusy) {
        log(`ignored ${seconds} s of speech over Jeremy`);
        return;
      }
      transcript.add("user", `(spoken, ${seconds} s)`);
      const turn: UserTurn = { audio: event.audio };
      void respond(() => profile.reply(turn));
    },

    /** A typed turn: answered even while Jeremy talks (after he finishes). */
    onTyped(text: string) {
      transcript.add("user", text);
      if (greeted) void respond(() => profile.reply({ text }));
    },

    /** Whether Jeremy is working on (or saying) a reply. */
    busy: () => busy,

    end() {
      ended = true;
    },
  };
}
