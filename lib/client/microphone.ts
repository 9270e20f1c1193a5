// Asks for the microphone, and only the microphone, before anything is started: a person who
// cannot or will not share it must never cost a billed session.

export type MicrophoneCheck = "granted" | "denied" | "missing" | "unsupported" | "failed";

/** Requests microphone access and releases it at once; the conversation opens its own. */
export async function checkMicrophone(): Promise<MicrophoneCheck> {
  if (typeof navigator === "undefined" || !navigator.mediaDevices?.getUserMedia)
    return "unsupported";
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    for (const track of stream.getTracks()) track.stop();
    return "granted";
  } catch (error) {
    const name = error instanceof DOMException ? error.name : "";
    if (name === "NotAllowedError" || name === "SecurityError") return "denied";
    if (name === "NotFoundError" || name === "OverconstrainedError") return "missing";
    return "failed";
  }
}
