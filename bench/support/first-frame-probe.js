// Runs in the page before any of the app's scripts (Playwright's addInitScript): notes, in ms
// after the click on Start, when each step towards Jeremy's first video frame happened.
// Plain browser JavaScript in a file of its own, because the page runs it as it is.
(() => {
  // clickEpoch: the click in ms since the epoch, to line up with the worker's own timestamps.
  const probe = { clickAt: -1, clickEpoch: -1, marks: {} };
  window.firstFrameProbe = probe;
  const mark = (name, at = performance.now()) => {
    if (probe.clickAt >= 0 && probe.marks[name] === undefined)
      probe.marks[name] = at - probe.clickAt;
  };

  // Capture phase: the moment of the click, before React's handler runs.
  document.addEventListener(
    "click",
    (event) => {
      if (!(event.target instanceof Element)) return;
      if (!event.target.closest("[data-testid=start-conversation]")) return;
      probe.clickAt = performance.now();
      probe.clickEpoch = performance.timeOrigin + probe.clickAt;
      probe.marks = {};
    },
    true,
  );
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (new URL(entry.name).pathname === "/api/sessions")
        mark("start API answered", entry.responseEnd);
    }
  }).observe({ type: "resource" });

  const watched = new WeakSet();
  new MutationObserver(() => {
    const status = document.querySelector("[data-testid=conversation-status]");
    if (status) {
      mark("overlay shown");
      // "joining" and "talking" both mean the room is connected (see use-conversation-status).
      if (["joining", "talking"].includes(status.getAttribute("data-state")))
        mark("LiveKit connected");
    }
    const video = document.querySelector("video[data-testid=jeremy-video]");
    if (video && !watched.has(video)) {
      watched.add(video);
      mark("video attached");
      video.requestVideoFrameCallback((now) => mark("first frame", now));
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["data-state"],
  });
})();
