// Many clients, each a browser of its own (its own owner cookie), each starting a session and
// stopping it again in a loop: a warm-up phase, then a measured one.
import { SessionClient } from "./session-client";

const WARM_UP_MS = 3_000;
const MEASURE_MS = 15_000;

export interface Load {
  starts: number[];
  stops: number[];
  cycles: number;
  seconds: number;
  errors: string[];
}

async function phase(clients: SessionClient[], ms: number): Promise<Load> {
  const load: Load = { starts: [], stops: [], cycles: 0, seconds: 0, errors: [] };
  const began = performance.now();
  const end = began + ms;
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < end) {
        try {
          const t0 = performance.now();
          const { session } = await client.start();
          const t1 = performance.now();
          await client.stop(session.id);
          load.starts.push(t1 - t0);
          load.stops.push(performance.now() - t1);
          load.cycles += 1;
        } catch (error) {
          load.errors.push(error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  load.seconds = (performance.now() - began) / 1000;
  return load;
}

/**
 * Runs `clientCount` clients for a warm-up, then measures them; every started session is
 * stopped. `measureMs` is how long the measured phase lasts; `baseUrl` is the app's by default.
 */
export async function runLoad(
  clientCount: number,
  measureMs = MEASURE_MS,
  baseUrl?: string,
): Promise<Load> {
  const clients = Array.from({ length: clientCount }, () => new SessionClient(baseUrl));
  await phase(clients, WARM_UP_MS);
  return phase(clients, measureMs);
}
