// The function tools the model called, as transcript lines for operators (/admin): the tool, its
// arguments, and what it answered, each cut short; the person's own summary leaves them out.
import type { llm } from "@livekit/agents";

/** The longest part of a tool line: its arguments, and its answer. */
const PART_MAX_CHARACTERS = 400;

/** One line per call: `search_knowledge {"query":"office"} → {"note":…}` (or `→ error: …`). */
export function toolLines(
  calls: readonly llm.FunctionCall[],
  outputs: readonly llm.FunctionCallOutput[],
): string[] {
  return calls.map((call) => {
    const output = outputs.find((one) => one.callId === call.callId);
    const answer = output
      ? `${output.isError ? "error: " : ""}${short(output.output)}`
      : "(no answer)";
    return `${call.name} ${short(call.args)} → ${answer}`;
  });
}

function short(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= PART_MAX_CHARACTERS ? flat : `${flat.slice(0, PART_MAX_CHARACTERS)}…`;
}
