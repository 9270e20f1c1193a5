// A conversation profile decides what Jeremy says: first, and after each of the user's turns.
// Without speech recognition he cannot know what a spoken turn said; a typed turn has text.

export interface UserTurn {
  /** What the user typed; absent for a spoken turn. */
  text?: string;
  /** The user's own audio for a spoken turn, 48 kHz mono. */
  audio?: Int16Array;
}

export type JeremyAction =
  /** Speak this text with Jeremy's voice. */
  | { kind: "say"; text: string }
  /** Play this recorded audio (48 kHz mono) with Jeremy's mouth following it. */
  | { kind: "play"; audio: Int16Array; caption: string };

export interface ConversationProfile {
  /** Everything Jeremy might say, so it can be synthesized before it is needed. */
  readonly scriptLines: readonly string[];
  greet(): JeremyAction[];
  reply(turn: UserTurn): JeremyAction[];
}
