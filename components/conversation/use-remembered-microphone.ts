"use client";

import { useCallback, useState } from "react";

const STORAGE_KEY = "talk-to-jeremy.microphone";

function read(): string | undefined {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined; // storage may be blocked; the default microphone is fine
  }
}

/** The microphone the person picked last time, remembered across visits. */
export function useRememberedMicrophone() {
  const [deviceId] = useState(read);
  const remember = useCallback((id: string) => {
    try {
      localStorage.setItem(STORAGE_KEY, id);
    } catch {
      // not remembered; it still applies to this conversation
    }
  }, []);
  return { deviceId, remember };
}
