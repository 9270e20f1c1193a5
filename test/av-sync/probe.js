// Runs in the page before any of the app's scripts (Playwright's addInitScript): records, on the
// page's own clock (performance.now), how open Jeremy's mouth is in each video frame as it is
// shown, and how loud his voice is, every 10 ms, as it is played. bench/av-sync.ts and e2e/face-worker.spec.ts read both.
// Plain browser JavaScript in a file of its own, because the page runs it as it is.
//
// The mouth: pixels of the mouth's dark inside (face-worker/face/palette.ts, mouthInside
// #5A1E24) in a box around where the renderer draws it (face-worker/face/layout.ts and
// draw-mouth.ts: the head at 256,222 of a 512 frame, the mouth 76 below). A closed mouth shows
// none; the count grows as it opens.
(() => {
  const probe = { frames: [], audio: [], marks: {}, errors: [] };
  window.avProbe = probe;
  probe.mark = (name) => (probe.marks[name] = performance.now());

  // The box in 512-pixel frame units: wide enough for idle motion and a nod.
  const BOX = { x: 186, y: 250, width: 140, height: 130 };
  const isInside = (r, g, b) => r >= 45 && r <= 140 && r - g >= 35 && g <= 75 && b <= 90;

  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  const watched = new WeakSet();

  function watchVideo(video) {
    if (watched.has(video)) return;
    watched.add(video);
    const onFrame = (now, metadata) => {
      try {
        const scale = video.videoWidth / 512;
        if (scale > 0) {
          const width = Math.round(BOX.width * scale);
          const height = Math.round(BOX.height * scale);
          if (canvas.width !== width || canvas.height !== height) {
            canvas.width = width;
            canvas.height = height;
          }
          context.drawImage(
            video,
            BOX.x * scale,
            BOX.y * scale,
            BOX.width * scale,
            BOX.height * scale,
            0,
            0,
            width,
            height,
          );
          const pixels = context.getImageData(0, 0, width, height).data;
          let inside = 0;
          for (let i = 0; i < pixels.length; i += 4) {
            if (isInside(pixels[i], pixels[i + 1], pixels[i + 2])) inside++;
          }
          probe.frames.push({
            at: metadata.expectedDisplayTime ?? now,
            open: inside / (scale * scale),
          });
        }
      } catch (error) {
        probe.errors.push(String(error));
      }
      if (video.isConnected) video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  }

  // The voice: every remote audio track the page plays (only Jeremy's), metered in an
  // AudioWorklet in 10 ms blocks. The block's time on the context's clock is carried to the
  // page's clock with getOutputTimestamp, so it is when that audio reaches the speaker.
  const WORKLET = `
    class Meter extends AudioWorkletProcessor {
      constructor() { super(); this.sum = 0; this.count = 0; this.start = -1; }
      process(inputs) {
        const channel = inputs[0] && inputs[0][0];
        if (!channel) return true;
        if (this.start < 0) this.start = currentTime;
        for (let i = 0; i < channel.length; i++) this.sum += channel[i] * channel[i];
        this.count += channel.length;
        if (this.count >= sampleRate / 100) {
          this.port.postMessage({ time: this.start, rms: Math.sqrt(this.sum / this.count) });
          this.sum = 0; this.count = 0; this.start = -1;
        }
        return true;
      }
    }
    registerProcessor("av-probe-meter", Meter);`;
  const metered = new WeakSet();
  let audioContext;

  async function meter(stream) {
    const track = stream.getAudioTracks()[0];
    if (!track || metered.has(track)) return;
    metered.add(track);
    audioContext ??= new AudioContext();
    const url = URL.createObjectURL(new Blob([WORKLET], { type: "text/javascript" }));
    await audioContext.audioWorklet.addModule(url);
    const source = audioContext.createMediaStreamSource(new MediaStream([track]));
    const node = new AudioWorkletNode(audioContext, "av-probe-meter");
    const silent = audioContext.createGain();
    silent.gain.value = 0;
    source.connect(node).connect(silent).connect(audioContext.destination);
    node.port.onmessage = ({ data }) => {
      const stamp = audioContext.getOutputTimestamp();
      const known = stamp.performanceTime > 0;
      const at = known
        ? stamp.performanceTime + (data.time - stamp.contextTime) * 1000
        : performance.now() - (audioContext.currentTime - data.time) * 1000;
      probe.audio.push({ at, rms: data.rms });
    };
    if (audioContext.state !== "running") await audioContext.resume();
  }

  const descriptor = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, "srcObject");
  Object.defineProperty(HTMLMediaElement.prototype, "srcObject", {
    ...descriptor,
    set(value) {
      descriptor.set.call(this, value);
      if (this instanceof HTMLAudioElement && value instanceof MediaStream) {
        meter(value).catch((error) => probe.errors.push(String(error)));
      }
    },
  });

  // The page's peer connections, so a test can ask how long each stream's media waits in the
  // browser's jitter buffers (where lip sync holds the voice back to the video).
  probe.connections = [];
  const NativeConnection = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativeConnection {
    constructor(...args) {
      super(...args);
      probe.connections.push(this);
    }
  };

  // The person interrupting: the moment Hold to talk is pressed (capture phase, before the app).
  document.addEventListener(
    "pointerdown",
    (event) => {
      if (event.target instanceof Element && event.target.closest("[data-testid=hold-to-talk]"))
        probe.mark("hold pressed");
    },
    true,
  );

  new MutationObserver(() => {
    const video = document.querySelector("video[data-testid=jeremy-video]");
    if (video) watchVideo(video);
  }).observe(document, { subtree: true, childList: true });
})();
