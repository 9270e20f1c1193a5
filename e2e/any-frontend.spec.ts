// Jeremy serves any LiveKit frontend, not only this app's page: a room made with the server SDK
// and explicitly dispatched to "jeremy" (as LiveKit's own starters do), joined by a page of plain
// `livekit-client`, gets his face, his voice and his greeting, and is not in the ledger.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

import { AccessToken, AgentDispatchClient, RoomServiceClient } from "livekit-server-sdk";

import { expect, test } from "./fixtures";
import { STACK } from "./support/stack";

// The whole frontend: join, play what Jeremy publishes, and show what he says (LiveKit's
// transcription text streams), as a page written only against livekit-client would.
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Plain LiveKit frontend</title></head>
<body>
  <video id="video" autoplay playsinline muted></video>
  <div id="captions"></div>
  <script type="module">
    import { Room, RoomEvent, Track } from "/livekit-client.esm.mjs";
    const params = new URLSearchParams(location.search);
    const room = new Room();
    room.on(RoomEvent.TrackSubscribed, (track) => {
      if (track.kind === Track.Kind.Video) track.attach(document.getElementById("video"));
      else document.body.append(track.attach());
    });
    room.registerTextStreamHandler("lk.transcription", async (reader, from) => {
      const line = document.createElement("p");
      line.dataset.from = from.identity;
      line.textContent = await reader.readAll();
      document.getElementById("captions").append(line);
    });
    await room.connect(params.get("url"), params.get("token"));
    await room.localParticipant.setMicrophoneEnabled(true);
    window.plainRoom = room;
  </script>
</body></html>`;

test("a room the app did not make, joined by a plain livekit-client page, gets Jeremy's face, voice and greeting, outside the ledger", async ({
  page,
  ledger,
}) => {
  const before = await ledger.count();
  // A dispatch LiveKit cannot place at once is dropped: wait until the worker has told LiveKit it
  // can take a job (a conversation just before this one may have taken its warm process).
  await expect.poll(workerAvailable, { timeout: 60_000 }).toBe(true);
  const room = `plain-${randomBytes(6).toString("hex")}`;
  const rooms = new RoomServiceClient(STACK.livekitHttp, STACK.apiKey, STACK.apiSecret);
  await rooms.createRoom({ name: room, emptyTimeout: 60 });
  await new AgentDispatchClient(STACK.livekitHttp, STACK.apiKey, STACK.apiSecret).createDispatch(
    room,
    "jeremy",
  );
  const token = new AccessToken(STACK.apiKey, STACK.apiSecret, { identity: "visitor", ttl: 600 });
  token.addGrant({ room, roomJoin: true, canPublish: true, canSubscribe: true });

  // The frontend's own little server, on this machine as LiveKit is (Chromium lets a page reach a
  // local address only from a local origin).
  const client = readFileSync(
    path.resolve("node_modules", "livekit-client", "dist", "livekit-client.esm.mjs"),
  );
  const server = createServer((req, res) => {
    const script = req.url === "/livekit-client.esm.mjs";
    res.writeHead(200, { "content-type": script ? "text/javascript" : "text/html" });
    res.end(script ? client : PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  test.info().attach("frontend", { body: origin });
  const query = new URLSearchParams({ url: STACK.livekitUrl, token: await token.toJwt() });
  await page.goto(`${origin}/?${query}`);

  // His face moves (frames keep arriving) and his greeting is captioned.
  const video = page.locator("#video");
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth), {
      timeout: 30_000,
    })
    .toBe(512);
  const frames = () =>
    video.evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames);
  const first = await frames();
  await expect.poll(frames, { timeout: 5_000 }).toBeGreaterThan(first + 10);
  await expect(page.locator('#captions p[data-from="jeremy"]').first()).toContainText("Hello", {
    timeout: 30_000,
  });
  // His voice is a track the page plays.
  await expect(page.locator("audio")).toHaveCount(1);

  const workerLog = readFileSync(path.join(STACK.logDir, "worker.log"), "utf8");
  expect(workerLog).toContain(`[jeremy ${room}] unledgered: a room the app did not make`);
  expect(workerLog).not.toContain(`[jeremy ${room}] could not claim`);
  expect(await ledger.count()).toBe(before);

  // The visitor leaves: so does Jeremy, and his job ends.
  await page.evaluate(() =>
    (window as unknown as { plainRoom: { disconnect(): Promise<void> } }).plainRoom.disconnect(),
  );
  await expect
    .poll(async () => (await (await fetch(`${STACK.workerHealthUrl}/worker`)).json()).active_jobs, {
      timeout: 20_000,
    })
    .toBe(0);
  await rooms.deleteRoom(room).catch(() => undefined);
  server.close();
});

/** Whether the worker's last word to LiveKit on its load was that it can take a job. */
function workerAvailable(): boolean {
  const log = readFileSync(path.join(STACK.logDir, "worker.log"), "utf8");
  return log.lastIndexOf("marking as available") >= log.lastIndexOf("marking as unavailable");
}
