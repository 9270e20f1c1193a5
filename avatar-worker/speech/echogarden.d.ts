// Neither @echogarden package ships types; these cover only the parts speech/ calls.

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

declare module "@echogarden/fvad-wasm" {
  export interface FvadModule {
    HEAP16: Int16Array;
    _malloc(bytes: number): number;
    _free(pointer: number): void;
    _fvad_new(): number;
    _fvad_free(handle: number): void;
    _fvad_reset(handle: number): void;
    /** 0 (least aggressive) to 3; returns 0 on success. */
    _fvad_set_mode(handle: number, mode: number): number;
    /** 8000, 16000, 32000 or 48000; returns 0 on success. */
    _fvad_set_sample_rate(handle: number, rate: number): number;
    /** 1 voiced, 0 not, -1 for a frame that is not 10, 20 or 30 ms long. */
    _fvad_process(handle: number, frame: number, length: number): number;
  }

  export default function init(): Promise<FvadModule>;
}
