// Helpers for the embed-contract tests: what is inside shadow roots, layout shift and DOM
// counters. (Scrolling lazily mounted widgets into range is waitForWidgets' job, browser.mjs.)

/** Text of the error box inside a placeholder's shadow root (null if it has none). */
export function errorText(page, selector) {
  return page.$eval(selector, (el) =>
    el.shadowRoot?.querySelector(".error-box-message")?.textContent ?? null);
}

const STYLE_PROPS = [
  "display", "box-sizing", "font-family", "font-size", "font-weight", "font-style",
  "font-variant", "line-height", "color", "background-color", "letter-spacing", "word-spacing",
  "text-transform", "text-align", "text-indent", "text-shadow", "white-space", "cursor",
  "margin-top", "margin-left", "padding-top", "padding-left", "border-top-width",
  "border-top-style", "fill", "stroke",
];

/**
 * For every placeholder: its box size, and for every element in its shadow root the computed
 * styles above plus its box relative to the placeholder.
 */
export function shadowSnapshot(page) {
  return page.$$eval("[data-widget]", (hosts, props) => hosts.map((host) => {
    const hb = host.getBoundingClientRect();
    const inner = [...(host.shadowRoot?.querySelectorAll("*") ?? [])].map((el) => {
      const cs = getComputedStyle(el);
      const b = el.getBoundingClientRect();
      // Class names, less the visibility state (which depends on scroll position).
      const classes = String(el.className?.baseVal ?? el.className ?? "")
        .split(/\s+/).filter((c) => c && c !== "paused");
      return {
        el: [el.tagName.toLowerCase(), ...classes].join("."),
        // Elements that are not rendered (SVG <title>, hidden ones) have no meaningful position.
        box: b.width === 0 && b.height === 0
          ? "not rendered"
          : [b.left - hb.left, b.top - hb.top, b.width, b.height].map((v) => Math.round(v * 10) / 10),
        style: Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)])),
      };
    });
    return {
      widget: host.getAttribute("data-widget"),
      size: [hb.width, hb.height].map((v) => Math.round(v * 10) / 10),
      inner,
    };
  }), STYLE_PROPS);
}

/** Sum of layout-shift scores recorded so far on the page. */
export function layoutShift(page) {
  return page.evaluate(() => new Promise((resolve) => {
    let total = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) total += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
    setTimeout(() => resolve(total), 300);
  }));
}

/** DOM counters (documents, nodes, jsEventListeners) after forcing garbage collection. */
export async function domCounters(cdp) {
  for (let i = 0; i < 3; i++) await cdp.send("HeapProfiler.collectGarbage");
  const counters = await cdp.send("Memory.getDOMCounters");
  const heap = await cdp.send("Runtime.getHeapUsage");
  return { ...counters, jsHeapUsed: heap.usedSize };
}
