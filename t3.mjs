import Init from "@echogarden/espeak-ng-emscripten";
const m = await Init();
const w = new m.eSpeakNGWorker();
const txt = "Thanks for joining me today. Could you tell me a little about your last project?";
function f0(x, sr) {
  // median autocorr pitch over voiced 40ms windows
  const win = Math.round(sr * 0.04),
    res = [];
  for (let s = 0; s + win < x.length; s += win) {
    let e = 0;
    for (let i = 0; i < win; i++) e += x[s + i] ** 2;
    if (Math.sqrt(e / win) < 1500) continue;
    let best = 0,
      bl = 0;
    for (let lag = Math.round(sr / 300); lag < Math.round(sr / 60); lag++) {
      let c = 0;
      for (let i = 0; i < win - lag; i++) c += x[s + i] * x[s + i + lag];
      if (c > best) {
        best = c;
        bl = lag;
      }
    }
    res.push(sr / bl);
  }
  res.sort((a, b) => a - b);
  return res[Math.floor(res.length / 2)]?.toFixed(0);
}
for (const v of [
  "en-us",
  "en-us+m1",
  "en-us+m2",
  "en-us+m3",
  "en-us+m4",
  "en-us+m5",
  "en-us+m6",
  "en-us+m7",
  "en-us+Andy",
  "en-us+Mike",
  "en-us+david",
  "en-us+klatt",
  "en-us+klatt4",
  "en-us+f1",
  "en-us+nonexistent",
]) {
  const r = w.set_voice(v);
  const chunks = [];
  const t = performance.now();
  w.synthesize(txt, (s) => {
    if (s) chunks.push(s);
  });
  const dt = performance.now() - t;
  const n = chunks.reduce((a, c) => a + c.length, 0);
  const x = new Int16Array(n);
  let o = 0;
  for (const c of chunks) {
    x.set(c, o);
    o += c.length;
  }
  let pk = 0,
    sq = 0;
  for (const s of x) {
    pk = Math.max(pk, Math.abs(s));
    sq += s * s;
  }
  console.log(
    v.padEnd(20),
    "ret",
    r,
    "dur",
    (n / 22050).toFixed(2),
    "ms",
    dt.toFixed(0),
    "f0",
    f0(x, 22050),
    "peak",
    pk,
    "rms",
    Math.sqrt(sq / n).toFixed(0),
  );
}
