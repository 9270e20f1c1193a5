import type { TranscriptLineReport } from "@/lib/contract";

/** The conversation as it happened, line by line, to hand to the app when the job ends. */
export class Transcript {
  private readonly lines: TranscriptLineReport[] = [];

  add(role: TranscriptLineReport["role"], text: string, at = new Date()): void {
    this.lines.push({
      seq: this.lines.length,
      role,
      text: text.slice(0, 4000),
      at: at.toISOString(),
    });
  }

  get all(): readonly TranscriptLineReport[] {
    return this.lines;
  }
}
