// The embed contract on whole pages: many widgets, duplicates, JSON options, lazy mounting,
// visibility, no layout shift and no global names besides window.FeatureWidgets.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, waitForWidgets } from "./lib/browser.mjs";
import { layoutShift } from "./lib/embed.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("every widget and every duplicate on the busiest page gets data-widget-ready, with a clean console", async (t) => {
  const page = await openPage(browser, "/test/all.html", { viewport: { width: 1000, height: 900 } });
  const states = await waitForWidgets(page);
  const readyAt = await page.evaluate(() => performance.now());
  const kinds = new Set(states.map((s) => s.kind));
  assert.deepEqual([...kinds].sort(), ["grid-map", "payments", "tally"]);
  assert.ok(states.length >= 12, `only ${states.length} placeholders`);
  for (const s of states) assert.ok(s.ready && !s.error, `${s.kind} is not ready`);
  assert.deepEqual(page.errors, []);
  t.diagnostic(`busiest page: ${states.length} widgets ready ${Math.round(readyAt)} ms after navigation start (scrolled through)`);
  await page.context().close();
});

test("with every placeholder near the viewport, all mount without scrolling", async (t) => {
  // Lazy mounting reaches one viewport below the screen: 8000 px covers the whole page.
  const page = await openPage(browser, "/test/all.html", { viewport: { width: 1000, height: 8000 } });
  const states = await waitForWidgets(page, "[data-widget]", 20000, { scroll: false });
  const readyAt = await page.evaluate(() => performance.now());
  for (const s of states) assert.ok(s.ready, `${s.kind} is not ready`);
  t.diagnostic(`busiest page, tall viewport: ${states.length} widgets ready ${Math.round(readyAt)} ms after navigation start`);
  await page.context().close();
});

test("JSON options in a child script apply, overriding nothing else on the page", async () => {
  const page = await openPage(browser, "/test/all.html");
  await waitForWidgets(page);
  const theme = await page.$eval("main > div:last-of-type", (el) =>
    el.shadowRoot.querySelector(".widget").classList.contains("dark"));
  assert.ok(theme, "the JSON block's theme reached the widget");
  await page.context().close();
});

test("the page gains exactly one global name, FeatureWidgets, with version, variant, mount and unmount", async () => {
  const page = await openPage(browser, "/test/all.html");
  await page.waitForFunction(() => document.querySelector("[data-widget-ready]"));
  const added = await page.evaluate(() => {
    const before = new Set(JSON.parse(document.documentElement.getAttribute("data-globals-before")));
    return Object.getOwnPropertyNames(window).filter((n) => !before.has(n));
  });
  assert.deepEqual(added, ["FeatureWidgets"]);
  const api = await page.evaluate(() => ({
    frozen: Object.isFrozen(window.FeatureWidgets),
    keys: Object.keys(window.FeatureWidgets).sort(),
    version: window.FeatureWidgets.version,
  }));
  assert.ok(api.frozen);
  assert.deepEqual(api.keys, ["mount", "unmount", "variant", "version"]);
  assert.match(api.version, /^\d+\.\d+\.\d+/);
  await page.context().close();
});

test("layout shift on the busiest page (fixed 640 px column, 19 widgets) is reported", async (t) => {
  // embed.css reserves heights by viewport width (a placeholder cannot see its column's width
  // before the module runs), so a fixed column narrower than the viewport is not held to 0;
  // article-like pages are, in layout-shift.test.mjs.
  const page = await openPage(browser, "/test/all.html", { viewport: { width: 1000, height: 900 } });
  await waitForWidgets(page);
  t.diagnostic(`cumulative layout shift on the busiest page (640 px column): ${await layoutShift(page)}`);
  await page.context().close();
});

test("a placeholder far below the fold mounts only when it comes within a viewport", async () => {
  const page = await openPage(browser, "/test/lazy.html", { viewport: { width: 800, height: 600 } });
  await page.waitForSelector("#top[data-widget-ready]");
  await page.waitForTimeout(300);
  const early = await page.$eval("#far", (el) => ({
    ready: el.hasAttribute("data-widget-ready"),
    mounted: el.shadowRoot !== null,
  }));
  assert.deepEqual(early, { ready: false, mounted: false }, "far widget mounted too early");
  // Within one viewport of the screen (not yet on it) is enough.
  await page.evaluate(() => {
    const far = document.getElementById("far");
    window.scrollTo(0, far.offsetTop - 2 * window.innerHeight + 50);
  });
  await page.waitForSelector("#far[data-widget-ready]", { timeout: 5000 });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a widget scrolled off screen is told so (its frame gets the class paused), and back", async () => {
  const page = await openPage(browser, "/test/lazy.html", { viewport: { width: 800, height: 600 } });
  await page.waitForSelector("#top[data-widget-ready]");
  const paused = () => page.$eval("#top", (el) =>
    el.shadowRoot.querySelector(".widget").classList.contains("paused"));
  await page.waitForFunction(() => !document.querySelector("#top").shadowRoot
    .querySelector(".widget").classList.contains("paused"));
  await page.evaluate(() => window.scrollTo(0, 3000));
  await page.waitForFunction(() => document.querySelector("#top").shadowRoot
    .querySelector(".widget").classList.contains("paused"));
  assert.equal(await paused(), true);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(() => !document.querySelector("#top").shadowRoot
    .querySelector(".widget").classList.contains("paused"));
  await page.context().close();
});
