// What becomes of a turn, typed or spoken, when the conversation's model calls for the minute
// are spent (LLM_MAX_CALLS_PER_MINUTE): it is not sent to the model. The first turn turned away
// gets a short spoken line, which costs no model call; the turns after it, until there is room
// again, are dropped without a word (a flood must not become a flood of speech), and the log
// says how many were.
import type { CallBudget } from "./call-budget";

export const BUSY_LINE =
  "Sorry, that is more than I can take in at once. Give me a minute, then say it again.";

export class TurnGate {
  private dropped = 0;

  constructor(
    /** Null: no model to spare (offline), every turn goes ahead. */
    private readonly budget: CallBudget | null,
    private readonly say: (line: string) => void,
    private readonly log: (message: string) => void,
  ) {}

  /** Whether a turn may go to the model now; when not, says or logs why. */
  admit(): boolean {
    if (!this.budget || this.budget.hasRoom()) {
      if (this.dropped > 0) {
        this.log(`turns go to the model again; ${this.dropped} were dropped meanwhile`);
        this.dropped = 0;
      }
      return true;
    }
    if (this.dropped === 0) {
      this.log(
        `turn not sent to the model: ${this.budget.perMinute} calls in the last minute (LLM_MAX_CALLS_PER_MINUTE); dropping turns until there is room`,
      );
      this.say(BUSY_LINE);
    }
    this.dropped += 1;
    return false;
  }
}
