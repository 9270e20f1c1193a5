// The app's abuse limits are on by default in production, which is what the stack runs. A
// benchmark starts many sessions from one address in a short time: 0 turns each limit off.
export const LIMITS_OFF = {
  START_LIMIT_PER_CLIENT: "0",
  MAX_ACTIVE_SESSIONS: "0",
  DAILY_SESSION_SECONDS: "0",
  MAX_SESSIONS_PER_CLIENT: "0",
  DAILY_SESSION_SECONDS_PER_CLIENT: "0",
};
