// Next calls register() once when a server process starts (never during `next build`). A
// long-lived server (`next start`, `npm run dev`) sweeps abandoned sessions on a timer;
// serverless hosts (SWEEP_MODE=requests, the default on Vercel) sweep after requests instead
// (lib/sweeper/after-requests.ts), with the cron route (vercel.json) as a backstop.
export async function register() {
  // NEXT_RUNTIME is Next's own build-time constant, not configuration, so it is read here rather
  // than through lib/env.ts: the edge build of this file must not even import the sweeper.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First, so that requests carry their socket's address for per-client limits as soon as
  // possible (lib/http/peer-address.ts).
  const { stampPeerAddresses } = await import("./lib/http/peer-address");
  stampPeerAddresses();
  const { startSweeper } = await import("./lib/sweeper");
  startSweeper();
}
