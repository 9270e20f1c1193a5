import { EventEmitter } from "node:events";

import { voice } from "@livekit/agents";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { holdTurn, type TurnEvents } from "./held-turn";

const WAITS = { firstWordsMs: 2_000, transcriptMs: 10_000 };

/** LiveKit Agents' session as a held turn sees it: its user state and two events. */
class FakeSession extends EventEmitter implements TurnEvents {
  userState: voice.UserState = "listening";
  state(newState: voice.UserState) {
    const oldState = this.userState;
    this.userState = newState;
    this.emit(voice.AgentSessionEventTypes.UserStateChanged, { oldState, newState });
  }
  words(isFinal = true) {
    this.emit(voice.AgentSessionEventTypes.UserInputTranscribed, { transcript: "hi", isFinal });
  }
}

/** How many milliseconds `released()` took to resolve, advancing fake time in 100 ms steps. */
async function releaseTakes(turn: ReturnType<typeof holdTurn>, during?: (ms: number) => void) {
  let done = false;
  void turn.released().then(() => (done = true));
  for (let ms = 0; ms <= 20_000; ms += 100) {
    during?.(ms);
    await vi.advanceTimersByTimeAsync(ms === 0 ? 0 : 100);
    if (done) return ms;
  }
  return Infinity;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("a held turn waits at the release for what was said, not for a fixed time", () => {
  it("resolves at once when the words were heard and transcribed before the release", async () => {
    const session = new FakeSession();
    const turn = holdTurn(session, WAITS);
    session.state("speaking");
    session.words();
    session.state("listening");
    expect(await releaseTakes(turn)).toBe(0);
  });

  it("waits for the transcript of words still being spoken at the release", async () => {
    const session = new FakeSession();
    const turn = holdTurn(session, WAITS);
    session.state("speaking");
    const took = await releaseTakes(turn, (ms) => {
      if (ms === 600) session.state("listening");
      if (ms === 1_500) session.words(false);
      if (ms === 4_000) session.words();
    });
    expect(took).toBe(4_000);
  });

  it("waits for words the VAD detects only after the release (it runs behind the audio)", async () => {
    const session = new FakeSession();
    const turn = holdTurn(session, WAITS);
    const took = await releaseTakes(turn, (ms) => {
      if (ms === 1_200) session.state("speaking");
      if (ms === 2_500) session.state("listening");
      if (ms === 3_000) session.words();
    });
    expect(took).toBe(3_000);
  });

  it("gives up on first words after firstWordsMs, and on a transcript after transcriptMs", async () => {
    const silent = holdTurn(new FakeSession(), WAITS);
    expect(await releaseTakes(silent)).toBe(WAITS.firstWordsMs);

    const session = new FakeSession();
    const untranscribed = holdTurn(session, WAITS);
    session.state("speaking");
    session.state("listening");
    expect(await releaseTakes(untranscribed)).toBe(WAITS.transcriptMs);
  });

  it("listens to nothing after end(), which resolves a pending release", async () => {
    const session = new FakeSession();
    const turn = holdTurn(session, WAITS);
    const release = turn.released();
    turn.end();
    expect(await release).toBe(false);
    expect(session.listenerCount(voice.AgentSessionEventTypes.UserStateChanged)).toBe(0);
    expect(session.listenerCount(voice.AgentSessionEventTypes.UserInputTranscribed)).toBe(0);
  });

  it("held again while the release waits: that release gives way, the same turn goes on, and the next release ends it", async () => {
    const session = new FakeSession();
    const turn = holdTurn(session, WAITS);
    session.state("speaking");
    const first = turn.released();
    expect(turn.releasing).toBe(true);
    // Asked twice (the same release sent again), one wait.
    expect(turn.released()).toBe(first);
    turn.holdAgain();
    expect(await first).toBe(false);
    expect(turn.releasing).toBe(false);
    // What was said before is still this turn's: its transcript ends the next release.
    const took = await releaseTakes(turn, (ms) => {
      if (ms === 500) session.state("listening");
      if (ms === 700) session.words();
    });
    expect(took).toBe(700);
  });
});
