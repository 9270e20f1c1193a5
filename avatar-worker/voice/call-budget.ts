// How many model calls one conversation may make: at most `perMinute` in any 60 s. Every call
// counts, whatever started it (a turn, the greeting, LiveKit Agents' preemptive generation).

const WINDOW_MS = 60_000;

export class CallBudget {
  /** When each call of the last minute was made, oldest first. */
  private readonly calls: number[] = [];

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a call may be made now. */
  hasRoom(): boolean {
    this.forgetOld();
    return this.calls.length < this.perMinute;
  }

  /** Counts a call if there is room; false (and nothing counted) if there is none. */
  take(): boolean {
    if (!this.hasRoom()) return false;
    this.calls.push(this.now());
    return true;
  }

  private forgetOld() {
    const since = this.now() - WINDOW_MS;
    while (this.calls.length > 0 && this.calls[0]! <= since) this.calls.shift();
  }
}
