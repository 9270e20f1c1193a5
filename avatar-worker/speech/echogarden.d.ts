// The @echogarden espeak-ng package ships no types; these cover only the parts speech/ calls.

declare module "@echogarden/espeak-ng-emscripten" {
  export interface ESpeakEvent {
    type: "word" | "sentence" | "mark" | "play" | "end" | "msg_terminated" | "phoneme" | string;
    /** Milliseconds from the start of the synthesis call. */
    audio_position: number;
    text_position: number;
    /** IPA for phoneme events ("" for a pause), a counter for word and sentence events. */
    id?: string | number;
  }

  export interface ESpeakVoice {
    name: string;
    identifier: string;
  }

  export class eSpeakNGWorker {
    readonly samplerate: number;
    set_voice(name: string): number;
    set_rate(wordsPerMinute: number): void;
    set_pitch(pitch: number): void;
    set_range(range: number): void;
    list_voices(): ESpeakVoice[];
    /** Calls back with each chunk of audio as it is made; returning true aborts. */
    synthesize(
      text: string,
      onChunk: (samples: Int16Array, events: ESpeakEvent[]) => unknown,
    ): void;
  }

  export interface ESpeakModule {
    eSpeakNGWorker: typeof eSpeakNGWorker;
  }

  export default function init(): Promise<ESpeakModule>;
}
