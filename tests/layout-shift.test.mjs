// Cumulative layout shift is exactly 0 while the widgets load, mount and animate (count-ups,
// entrances), on the demo article and on a page with the three widgets in an article column,
// in zh and en, on a phone and on a desktop.
//
// Shifts are recorded from navigation start (an observer installed before any script runs)
// and the page is scrolled through slowly, a viewport at a time, waiting at each stop for the
// widgets that mounted there to finish their animations. Each shift's sources are named, shadow
// DOM included (through CDP), so a failure says which element moved.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL, launch, waitForWidgets } from "./lib/browser.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PAGES = ["/index.html", "/index.en.html", "/test/three.html", "/test/three.en.html"];
/** Longer than any widget animation (the tally's 1 s count-up, the chart's 0.8 s entrance). */
const SETTLE_MS = 1500;

/** Every layout shift since navigation start, with its sources described. */
async function recordShifts(path, width) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("PerformanceTimeline.enable", { eventTypes: ["layout-shift"] });
  const shifts = [];
  cdp.on("PerformanceTimeline.timelineEventAdded", ({ event }) => shifts.push(event.layoutShiftDetails));
  const errors = [];
  page.on("pageerror", (err) => errors.push(String(err)));
  await page.goto(new URL(path, BASE_URL).href);
  await page.evaluate(async (settle) => {
    for (let y = 0; y <= document.documentElement.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, settle));
    }
  }, SETTLE_MS);
  await waitForWidgets(page, "[data-widget]", 20000, { scroll: false });
  await page.waitForTimeout(SETTLE_MS);
  await cdp.send("DOM.getDocument", { depth: -1, pierce: true });
  const described = [];
  for (const shift of shifts) {
    const sources = [];
    for (const source of shift.sources) sources.push(await describe(cdp, source));
    described.push(`${shift.value.toFixed(5)}: ${sources.join(" | ")}`);
  }
  const total = shifts.reduce((sum, s) => sum + s.value, 0);
  return { total, described, errors, close: () => context.close() };
}

/** "tally > span.u "名" x 42 -> 42" for a shift source, shadow DOM included. */
async function describe(cdp, source) {
  try {
    const { object } = await cdp.send("DOM.resolveNode", { backendNodeId: source.nodeId });
    const { result } = await cdp.send("Runtime.callFunctionOn", {
      objectId: object.objectId,
      returnByValue: true,
      functionDeclaration: `function () {
        const el = this.nodeType === 1 ? this : this.parentElement;
        const host = this.getRootNode().host;
        const text = this.nodeType === 3 ? ' "' + this.textContent.slice(0, 20) + '"' : "";
        const cls = String(el.className?.baseVal ?? el.className ?? "").trim().replace(/\\s+/g, ".");
        return (host ? host.dataset.widget + " > " : "") + el.tagName.toLowerCase() + (cls ? "." + cls : "") + text;
      }`,
    });
    const [a, b] = [source.previousRect, source.currentRect];
    return `${result.value} (${a.x},${a.y} ${a.width}x${a.height} -> ${b.x},${b.y} ${b.width}x${b.height})`;
  } catch {
    return "a node no longer in the document";
  }
}

for (const path of PAGES) {
  for (const width of [375, 1280]) {
    test(`no layout shift at all: ${path} at ${width} px`, async (t) => {
      const { total, described, errors, close } = await recordShifts(path, width);
      t.diagnostic(`cumulative layout shift, ${path} at ${width} px: ${total}`);
      for (const line of described) t.diagnostic(line);
      assert.deepEqual(described, [], `${path} at ${width} px shifted by ${total}`);
      assert.deepEqual(errors, []);
      await close();
    });
  }
}
