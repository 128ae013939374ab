// Feature widgets, iframe mode: include once on the host page (site template). Resizes every
// <iframe data-feature-widget src=".../embed.html?..."> to the height its widget reports.
// Accepts a message only from that iframe's window and origin, and only of the exact shape
// { type: "feature-widgets:height", id: string, height: number }.
(() => {
  const frames = () => document.querySelectorAll("iframe[data-feature-widget]");
  const originOf = (frame) => {
    try { return new URL(frame.src, location.href).origin; } catch { return null; }
  };
  window.addEventListener("message", (event) => {
    const data = event.data;
    if (!data || typeof data !== "object" || data.type !== "feature-widgets:height") return;
    if (typeof data.id !== "string" || typeof data.height !== "number") return;
    if (!Number.isFinite(data.height) || data.height < 0 || data.height > 20000) return;
    for (const frame of frames()) {
      if (frame.contentWindow !== event.source || originOf(frame) !== event.origin) continue;
      const want = frame.getAttribute("data-feature-widget");
      if (want && want !== data.id) continue;
      frame.style.height = `${Math.ceil(data.height)}px`;
    }
  });
  // Frames that reported before this script ran: ask them again.
  for (const frame of frames()) {
    const origin = originOf(frame);
    if (origin && frame.contentWindow) {
      frame.contentWindow.postMessage({ type: "feature-widgets:measure" }, origin);
    }
  }
})();
