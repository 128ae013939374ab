// Module variants (xtask/src/dist.rs, xtask/src/entry.js, crates/embed/src/handoff.rs): a page
// with several kinds of widget and no `src` file loads only the lean module, a page with one
// kind only that kind's module, a page that names a file only the full module; a placeholder
// the page's module cannot draw (it names a file, or is of a kind left out), added later, is
// handed to the full module, loaded then, which serves it beside the first one; a variant whose
// glue does not match its pinned integrity never runs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL, launch, openPage, waitForWidgets } from "./lib/browser.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The module files (`embed-<variant>-<hash>.js|wasm`) the page fetched, by variant. */
const fetched = (page) => page.evaluate(() => {
  const out = {};
  for (const e of performance.getEntriesByType("resource")) {
    const m = new URL(e.name).pathname.match(/\/embed-([a-z-]+)-[0-9a-f]+\.(js|wasm)$/);
    if (m) (out[m[1]] ??= []).push(m[2]);
  }
  for (const v of Object.values(out)) v.sort();
  return out;
});

const state = (page, id) => page.$eval(id, (h) => ({
  ready: h.hasAttribute("data-widget-ready"),
  failed: h.hasAttribute("data-widget-error"),
  module: h.getAttribute("data-widget-module"),
}));

function addPlaceholder(page, id, attrs) {
  return page.evaluate(({ id, attrs }) => {
    const el = document.createElement("div");
    el.id = id;
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    el.innerHTML = '<p class="fw-fallback">fallback</p>';
    document.getElementById("stage").append(el);
  }, { id, attrs });
}

for (const [lang, path] of [["zh", "/"], ["en", "/index.en.html"]]) {
test(`the ${lang} demo article loads the ${lang} module only, each file once; an added widget in the other language goes to the full module`, async () => {
  const page = await openPage(browser, path, { viewport: { width: 1280, height: 6000 } });
  await waitForWidgets(page);
  const hosts = await page.$$eval("[data-widget]", (els) => els.map((el) => [
    el.hasAttribute("data-widget-ready"), el.getAttribute("data-widget-module")]));
  assert.ok(hosts.length >= 3 && hosts.every(([ready, mark]) => ready && mark === null), JSON.stringify(hosts));
  assert.deepEqual(await fetched(page), { [lang]: ["js", "wasm"] });
  assert.equal(await page.evaluate(() => window.FeatureWidgets.variant), lang);
  assert.equal(await page.evaluate(() => window.FeatureWidgetsFull), undefined);
  const other = lang === "zh" ? "en" : "zh";
  await page.evaluate((other) => {
    const el = document.createElement("div");
    el.id = "other";
    el.setAttribute("data-widget", "tally");
    el.setAttribute("data-lang", other);
    document.querySelector("[data-widget]").before(el);
  }, other);
  await page.waitForFunction(() => document.getElementById("other").hasAttribute("data-widget-ready"), null, { timeout: 20000 });
  assert.equal((await state(page, "#other")).module, "full");
  const drawnIn = await page.$eval("#other", (h) => h.shadowRoot.querySelector(".tally").getAttribute("lang"));
  assert.equal(drawnIn, other === "zh" ? "zh-CN" : "en");
  assert.deepEqual(await fetched(page), { [lang]: ["js", "wasm"], full: ["js", "wasm"] });
  assert.deepEqual(page.errors, []);
});
}

test("a page with one kind of widget loads that kind's module; a widget of another kind added later goes to the full module", async () => {
  const page = await openPage(browser, "/test/grid-map.html", { viewport: { width: 900, height: 900 } });
  await page.waitForFunction(() => document.querySelector("[data-widget-ready]"));
  assert.deepEqual(await fetched(page), { "grid-map": ["js", "wasm"] });
  assert.equal(await page.evaluate(() => window.FeatureWidgets.variant), "grid-map");
  const first = await page.$eval("[data-widget=grid-map]", (h) => Boolean(h.shadowRoot?.querySelector("section.widget[data-kind=grid-map]")));
  assert.ok(first);
  await page.evaluate(() => {
    const el = document.createElement("div");
    el.id = "tally";
    el.setAttribute("data-widget", "tally");
    el.setAttribute("data-lang", "en");
    document.querySelector("[data-widget=grid-map]").before(el);
  });
  await page.waitForFunction(() => document.getElementById("tally").hasAttribute("data-widget-ready"), null, { timeout: 20000 });
  assert.equal((await state(page, "#tally")).module, "full");
  const cards = await page.$eval("#tally", (h) => h.shadowRoot.querySelectorAll(".card").length);
  assert.ok(cards >= 7, `cards: ${cards}`);
  assert.deepEqual(await fetched(page), { "grid-map": ["js", "wasm"], full: ["js", "wasm"] });
  assert.deepEqual(page.errors, []);
});

test("a page whose placeholders name a file loads the full module only, serving every placeholder", async () => {
  const page = await openPage(browser, "/test/data-src.html", { viewport: { width: 900, height: 900 } });
  await waitForWidgets(page);
  assert.deepEqual(await fetched(page), { full: ["js", "wasm"] });
  assert.equal(await page.evaluate(() => window.FeatureWidgets.variant), "full");
  assert.deepEqual(await state(page, "#tally-en"), { ready: true, failed: false, module: null });
});

test("a placeholder naming a file, added to a lean page, is handed to the full module", async () => {
  const page = await openPage(browser, "/test/dynamic.html", { viewport: { width: 900, height: 1400 } });
  await page.waitForFunction(() => window.FeatureWidgets);
  await addPlaceholder(page, "plain", { "data-widget": "tally", "data-lang": "en" });
  await page.waitForFunction(() => document.getElementById("plain").hasAttribute("data-widget-ready"));
  assert.deepEqual(await fetched(page), { lean: ["js", "wasm"] });

  await addPlaceholder(page, "bundle", {
    "data-widget": "tally", "data-lang": "en", "data-src": "stories/test-riverton.json",
  });
  await page.waitForFunction(() => document.getElementById("bundle").hasAttribute("data-widget-ready"), null, { timeout: 20000 });
  assert.deepEqual(await state(page, "#bundle"), { ready: true, failed: false, module: "full" });
  const cards = await page.$eval("#bundle", (h) => [...h.shadowRoot.querySelectorAll(".card")].map((c) => c.dataset.section));
  assert.deepEqual(cards, ["ferry", "market", "harbour", "school"]);
  assert.deepEqual(await fetched(page), { lean: ["js", "wasm"], full: ["js", "wasm"] });
  assert.deepEqual(await page.evaluate(() => [window.FeatureWidgets.variant, window.FeatureWidgetsFull.variant]), ["lean", "full"]);
  // The lean module still serves its own, and new plain placeholders stay with it.
  assert.deepEqual(await state(page, "#plain"), { ready: true, failed: false, module: null });
  await addPlaceholder(page, "later", { "data-widget": "payments", "data-lang": "zh" });
  await page.waitForFunction(() => document.getElementById("later").hasAttribute("data-widget-ready"));
  assert.equal((await state(page, "#later")).module, null);
  // The full module tears its placeholder down when it leaves the page, as the lean one does.
  await page.$eval("#bundle", (h) => h.remove());
  const mounted = await page.evaluate(() => {
    const el = document.createElement("div");
    return window.FeatureWidgetsFull.unmount(el);
  });
  assert.equal(mounted, false);
  assert.deepEqual(page.errors.filter((e) => !e.includes("preload")), []);
});

test("a full module whose glue was altered never runs: its placeholder fails, the lean ones stay", async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 1400 } });
  await context.route(/\/embed-full-[0-9a-f]+\.js$/, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()) + "\n// altered on the way";
    await route.fulfill({ response, body });
  });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (msg) => { if (msg.type() === "error") errors.push(msg.text()); });
  await page.goto(new URL("/test/dynamic.html", BASE_URL).href);
  await page.waitForFunction(() => window.FeatureWidgets);
  await addPlaceholder(page, "plain", { "data-widget": "tally", "data-lang": "en" });
  await page.waitForFunction(() => document.getElementById("plain").hasAttribute("data-widget-ready"));
  await addPlaceholder(page, "bundle", {
    "data-widget": "tally", "data-lang": "en", "data-src": "stories/test-riverton.json",
  });
  await page.waitForFunction(() => document.getElementById("bundle").hasAttribute("data-widget-error"), null, { timeout: 20000 });
  assert.equal(await page.evaluate(() => window.FeatureWidgetsFull), undefined);
  assert.deepEqual(await state(page, "#plain"), { ready: true, failed: false, module: null });
  assert.ok(errors.some((e) => e.includes("feature widgets: could not start")), errors.join("\n"));
  await context.close();
});
