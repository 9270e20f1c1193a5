// When the person's turn is over. Silero VAD's default is 550 ms of silence, and the agent
// session's endpointing waits 500 ms more by default; 300 ms, as people leave between turns (and
// as this demo's own turn detector always used), keeps replies prompt. A pause inside a sentence
// is shorter.
export const TURN_SILENCE_MS = 300;
