// Starts a real LiveKit server (the binary `npm run livekit:install` provides) on free ports,
// for tests of the code that talks to it.
import { spawn, type ChildProcess } from "node:child_process";

import { findLiveKitServer } from "../scripts/lib/livekit-binary.mjs";
import { stopProcess } from "../scripts/lib/processes.mjs";

import { freePort } from "./ports";
import { serving } from "./serving";

export const LIVEKIT_TEST_KEYS = {
  apiKey: "devkey",
  apiSecret: "talk-to-jeremy-livekit-test-secret-0123456789",
};

/** The LiveKit binary, or null; on CI a missing binary is an error, not a reason to skip. */
export function liveKitBinary(): string | null {
  const binary: string | null = findLiveKitServer();
  if (!binary && process.env.CI) throw new Error("CI must install the LiveKit server first.");
  return binary;
}

export async function startLiveKit(binary: string, webhookUrl?: string) {
  const [port, tcpPort, udpPort] = [await freePort(), await freePort(), await freePort()];
  const config = [
    `port: ${port}`,
    "bind_addresses: [127.0.0.1]",
    `rtc: { tcp_port: ${tcpPort}, udp_port: ${udpPort}, use_external_ip: false }`,
    `keys: { ${LIVEKIT_TEST_KEYS.apiKey}: ${LIVEKIT_TEST_KEYS.apiSecret} }`,
    ...(webhookUrl
      ? [`webhook: { api_key: ${LIVEKIT_TEST_KEYS.apiKey}, urls: [${webhookUrl}] }`]
      : []),
    "logging: { level: warn }",
  ].join("\n");
  const child: ChildProcess = spawn(binary, ["--config-body", config], { stdio: "ignore" });
  await serving(child, `http://127.0.0.1:${port}`, 20_000);
  return { url: `ws://127.0.0.1:${port}`, stop: () => stopProcess(child) };
}

/** The app's environment for the local avatar on a test LiveKit server, with `more` on top. */
export function localAppEnv(
  livekit: { url: string },
  more: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    NODE_ENV: "test",
    AVATAR_PROVIDER: "local",
    LIVEKIT_URL: livekit.url,
    LIVEKIT_API_KEY: LIVEKIT_TEST_KEYS.apiKey,
    LIVEKIT_API_SECRET: LIVEKIT_TEST_KEYS.apiSecret,
    ...more,
  };
}
