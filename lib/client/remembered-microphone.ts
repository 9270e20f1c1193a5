// The microphone the person picked last time, remembered across visits (localStorage).

const STORAGE_KEY = "talk-to-jeremy.microphone";

/** The remembered microphone's device id, if any. */
export function readRememberedMicrophone(): string | undefined {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined; // storage may be blocked; the default microphone is fine
  }
}

/** Remembers a microphone choice for next time. */
export function rememberMicrophone(deviceId: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, deviceId);
  } catch {
    // not remembered; it still applies to this conversation
  }
}
