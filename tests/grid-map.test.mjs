// The grid map on the demo article: it mounts when scrolled into view, steps by keyboard,
// shows tooltips on focus, passes axe-core in light and dark (closed and with a tooltip open).
// Frame times during the flow animation at 4x CPU throttling are reported, not asserted.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { frameTimes, describeFrames } from "./lib/perf.mjs";
import { launch, openPage } from "./lib/browser.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const HOST = "[data-widget=grid-map]";

/** Scrolls the map's placeholder into view and waits until it is ready; returns ms taken. */
async function mountMap(page) {
  return page.evaluate(async (sel) => {
    const host = document.querySelector(sel);
    const t0 = performance.now();
    host.scrollIntoView({ block: "start" });
    await new Promise((resolve, reject) => {
      const started = performance.now();
      (function poll() {
        if (host.hasAttribute("data-widget-ready") && host.shadowRoot?.querySelector("svg.gm-map")) resolve();
        else if (host.hasAttribute("data-widget-error")) reject(new Error("grid map failed"));
        else if (performance.now() - started > 15000) reject(new Error("grid map not ready"));
        else requestAnimationFrame(poll);
      })();
    });
    return performance.now() - t0;
  }, HOST);
}

/** Reads the map's state from inside its (open) shadow root. */
function mapState(page) {
  return page.$eval(HOST, (host) => {
    const root = host.shadowRoot;
    const tip = root.querySelector(".gm-tip:not(.closed)");
    return {
      districts: root.querySelectorAll("path.gm-dist").length,
      links: root.querySelectorAll(".gm-link").length,
      zone: root.querySelector("svg.gm-map").classList.contains("zone-on"),
      capacity: root.querySelector(".lbl-cap")?.textContent ?? null,
      step: root.querySelector(".gm-step[aria-current=step]")?.dataset.step ?? null,
      play: root.querySelector(".gm-play").textContent.trim(),
      tip: tip?.textContent ?? null,
      active: root.activeElement?.getAttribute("class") ?? null,
    };
  });
}

async function axeViolations(page) {
  await page.addScriptTag({ path: "node_modules/axe-core/axe.min.js" });
  return page.evaluate(async (sel) => (await axe.run(document.querySelector(sel))).violations
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) })), HOST);
}

test("the grid map mounts when scrolled into view and shows the final state", async (t) => {
  const page = await openPage(browser, "/index.html", { viewport: { width: 1280, height: 900 } });
  const ms = await mountMap(page);
  t.diagnostic(`grid map ready ${Math.round(ms)} ms after scrolling it into view`);
  const s = await mapState(page);
  assert.equal(s.districts, 3);
  assert.equal(s.links, 3);
  assert.equal(s.zone, true);
  assert.equal(s.capacity, "约4000千伏安");
  assert.equal(s.step, "2020-06");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("arrow keys on the scrubber step through the milestones; Space toggles play", async () => {
  const page = await openPage(browser, "/index.html", { viewport: { width: 1280, height: 900 }, reducedMotion: "reduce" });
  await mountMap(page);
  await page.locator(`${HOST} .gm-scrub`).focus();
  await page.keyboard.press("Home");
  let s = await mapState(page);
  assert.equal(s.step, "2019-09");
  assert.equal(s.links, 2, "September 2019: two links at once");
  assert.equal(s.zone, false);
  await page.keyboard.press("ArrowRight");
  s = await mapState(page);
  assert.equal(s.step, "2019-10");
  assert.equal(s.links, 2);
  assert.equal(s.zone, true, "the zone outline appears with its approval");
  await page.keyboard.press("ArrowRight");
  s = await mapState(page);
  assert.equal(s.step, "2020-06");
  assert.equal(s.links, 3);
  assert.equal(s.capacity, "约4000千伏安");
  // Space on the play button toggles once per press (no second toggle from the click).
  await page.locator(`${HOST} .gm-play`).focus();
  await page.keyboard.press(" ");
  assert.equal((await mapState(page)).play, "暂停");
  await page.keyboard.press(" ");
  assert.equal((await mapState(page)).play, "播放");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("Tab reaches districts and links; focus opens the tooltip, Escape closes it", async () => {
  const page = await openPage(browser, "/index.html", { viewport: { width: 1280, height: 900 } });
  await mountMap(page);
  await page.locator(`${HOST} .gm-link[data-link="2"]`).focus();
  let s = await mapState(page);
  assert.match(s.tip, /2020年6月30日/);
  assert.match(s.tip, /约4000千伏安/);
  await page.keyboard.press("Escape");
  assert.equal((await mapState(page)).tip, null);
  // Shift+Tab from the first link lands on a district, which opens its tooltip.
  await page.locator(`${HOST} .gm-link[data-link="0"]`).focus();
  await page.keyboard.press("Shift+Tab");
  s = await mapState(page);
  assert.match(s.active ?? "", /gm-dist/);
  assert.match(s.tip ?? "", /区|县/);
  await page.context().close();
});

for (const scheme of ["light", "dark"]) test(`axe-core finds no violations in the ${scheme} theme, closed and with a tooltip open`, async () => {
  const page = await openPage(browser, "/index.html", { viewport: { width: 1280, height: 900 }, colorScheme: scheme });
  await page.emulateMedia({ colorScheme: scheme });
  await mountMap(page);
  assert.deepEqual(await axeViolations(page), []);
  await page.locator(`${HOST} .gm-link[data-link="2"]`).focus();
  assert.ok((await mapState(page)).tip);
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();
});

test("frame times during the flow animation at 4x CPU throttling (reported)", async (t) => {
  const page = await openPage(browser, "/index.html", { viewport: { width: 1280, height: 900 } });
  await mountMap(page);
  const cdp = await page.context().newCDPSession(page);
  const deltas = await frameTimes(page, cdp);
  t.diagnostic(`flow animation, 4x CPU: ${describeFrames(deltas)}`);
  // Also while the timeline plays (the clock re-renders the links every frame).
  await page.locator(`${HOST} .gm-play`).click();
  t.diagnostic(`timeline playing, 4x CPU: ${describeFrames(await frameTimes(page, cdp))}`);
  assert.ok(deltas.length > 10, "animation frames ran");
  await page.context().close();
});
