"use client";

// Which operator tools the person chose for their conversations, remembered across visits.
import { MAX_SESSION_TOOLS } from "@/lib/contract";

import { offeredIds, rememberedValue, useRememberedIds } from "./remembered-value";

/** An operator tool a visitor may enable (GET /api/tools). */
export interface ToolChoice {
  id: string;
  name: string;
  description: string;
}

/** The most tools one conversation may enable (POST /api/sessions { tools }). */
export const TOOLS_MAX_CHOSEN = MAX_SESSION_TOOLS;

const store = rememberedValue("talk-to-jeremy.tools");

/** The remembered tools still offered, in the order offered, at most five. */
export function offeredTools(remembered: string | null, tools: ToolChoice[]): string[] {
  return offeredIds(remembered, tools, TOOLS_MAX_CHOSEN);
}

/** The remembered choice among `tools` (none by default), and a setter that remembers a new one. */
export function useRememberedTools(tools: ToolChoice[]): [string[], (ids: string[]) => void] {
  return useRememberedIds(store, tools, TOOLS_MAX_CHOSEN);
}
