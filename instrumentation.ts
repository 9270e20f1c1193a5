// Next calls register() once when a server process starts (never during `next build`). A
// long-lived server (`next start`, `npm run dev`) sweeps abandoned sessions itself; serverless
// hosts set SWEEP_INTERVAL_SECONDS=0 and rely on the page's heartbeat, LiveKit's webhooks and
// the cron route (vercel.json) instead.
export async function register() {
  // NEXT_RUNTIME is Next's own build-time constant, not configuration, so it is read here rather
  // than through lib/env.ts: the edge build of this file must not even import the sweeper.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startSweeper } = await import("./lib/sweeper");
  startSweeper();
}
