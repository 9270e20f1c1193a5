// Reads the free-text context a session was started with ("Candidate Name is John Doe",
// "Company Name is XYZ Consult", ...). Lines it does not recognise are kept as notes.
import { BRAND } from "@/lib/brand";

export interface InterviewContext {
  candidateName: string | null;
  companyName: string | null;
  jobTitle: string | null;
  /** The name the interviewer goes by; "Jeremy" unless the context says otherwise. */
  interviewerName: string;
  notes: string[];
}

const FIELDS: Array<[keyof Omit<InterviewContext, "notes">, RegExp]> = [
  ["candidateName", /^candidate(?:'s)?\s+name\s*(?:is|:|=)\s*(.+)$/i],
  ["companyName", /^company(?:'s)?\s+name\s*(?:is|:|=)\s*(.+)$/i],
  ["jobTitle", /^(?:job\s+title|role|position)\s*(?:is|:|=)\s*(.+)$/i],
  ["interviewerName", /^your\s+name\s*(?:is|:|=)\s*(.+)$/i],
];

/** Parses session context into the fields an interview uses. */
export function parseInterviewContext(context: string | null): InterviewContext {
  const parsed: InterviewContext = {
    candidateName: null,
    companyName: null,
    jobTitle: null,
    interviewerName: BRAND.avatarName,
    notes: [],
  };
  for (const rawLine of (context ?? "").split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === "") continue;
    const field = FIELDS.find(([, pattern]) => pattern.test(line));
    const value = field ? clean(line.match(field[1])?.[1] ?? "") : "";
    if (field && value) parsed[field[0]] = value;
    else parsed.notes.push(line);
  }
  return parsed;
}

// Names end up in speech and captions: keep them short and free of stray punctuation.
function clean(value: string): string {
  return value
    .replace(/[.;,]+$/, "")
    .trim()
    .slice(0, 80);
}
