// The conversation this browser paused, remembered across a closed tab so the page can offer to
// resume it (the server keeps it resumable for PAUSE_MAX_SECONDS; the owner cookie proves it is
// ours).

const STORAGE_KEY = "talk-to-jeremy.paused";

export function rememberPausedSession(id: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // not remembered: a closed tab then leaves the pause to expire on the server
  }
}

export function forgetPausedSession(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing to forget
  }
}

export function readPausedSession(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
