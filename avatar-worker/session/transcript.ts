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
