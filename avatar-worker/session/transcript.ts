import { TRANSCRIPT_LINE_MAX_CHARACTERS, type TranscriptLineReport } from "@/lib/contract";

/**
 * The conversation as it happens, line by line, handed to the app as it goes (see
 * jeremy-session.ts). A resumed conversation's lines carry on from `firstSeq`, after the lines
 * the app already keeps.
 */
export class Transcript {
  private readonly lines: TranscriptLineReport[] = [];
  private sent = 0;

  constructor(
    private readonly firstSeq = 0,
    /** Told of each line as it is added. */
    private readonly onLine: () => void = () => {},
  ) {}

  /**
   * Adds a line said. An empty one (LiveKit Agents records "" for a reply interrupted before any
   * of it was spoken) is no line: nothing was said, and the app would refuse it.
   */
  add(role: TranscriptLineReport["role"], text: string, at = new Date()): void {
    if (text.trim().length === 0) return;
    this.lines.push({
      seq: this.firstSeq + this.lines.length,
      role,
      text: text.slice(0, TRANSCRIPT_LINE_MAX_CHARACTERS),
      at: at.toISOString(),
    });
    this.onLine();
  }

  get all(): readonly TranscriptLineReport[] {
    return this.lines;
  }

  /** Lines not yet handed over. */
  unsent(): TranscriptLineReport[] {
    return this.lines.slice(this.sent);
  }

  /** The app has the first `count` of the unsent lines. */
  markSent(count: number): void {
    this.sent += count;
  }
}

/**
 * When a line was said, for the order the app reads lines in. A reply cut short is recorded only
 * after the turn that cut it: it is dated when it began to play, so it reads before that turn.
 * Every other line is dated as it comes, in the order LiveKit Agents commits them (a message's
 * own date will not do: a typed turn's can fall after its reply's).
 */
export function lineDate(
  item: { role: string; interrupted: boolean; createdAt: number },
  now: Date = new Date(),
): Date {
  return item.role === "assistant" && item.interrupted ? new Date(item.createdAt) : now;
}
