// Limits on what a person may send when starting a session. Shared by the API's validation and
// the page's live counters, so this file must stay free of server-only code.

export const CONTEXT_MAX_WORDS = 2500;
export const CONTEXT_MAX_CHARACTERS = 20_000;
export const USER_NAME_MAX_CHARACTERS = 64;

/** Words as a person would count them: runs of non-space characters. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? 0 : trimmed.split(/\s+/u).length;
}
