// The operator page's controls, in the look the sign-in and session tables already use.

export const FIELD =
  "rounded-xl border border-zinc-700 bg-zinc-900 px-3 py-2 text-zinc-100 focus-visible:ring-2 focus-visible:ring-amber-300 focus-visible:outline-none";
export const PRIMARY_BUTTON =
  "rounded-full bg-amber-400 px-5 py-2 text-sm font-semibold text-zinc-950 hover:bg-amber-300 focus-visible:ring-4 focus-visible:ring-amber-200 focus-visible:outline-none disabled:opacity-70";
export const QUIET_BUTTON =
  "rounded-full border border-zinc-600 px-3 py-1 text-xs text-zinc-100 hover:bg-zinc-800 focus-visible:ring-2 focus-visible:ring-amber-300 focus-visible:outline-none disabled:opacity-70";
export const DANGER_BUTTON =
  "rounded-full bg-red-700 px-3 py-1 text-xs font-semibold text-white hover:bg-red-800 focus-visible:ring-2 focus-visible:ring-red-200 focus-visible:outline-none disabled:opacity-70";
export const ERROR_TEXT = "text-sm text-red-200";
