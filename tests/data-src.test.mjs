// An editor's own story data at run time: placeholders whose `data-src` names a story bundle
// (www/test/stories/: the invented Riverton test story, as `cli bundle` writes it, and a copy
// with one mistake) draw that story with the module that embeds only the Suzhou one; a file
// that cannot be used shows why (file, line and field for a mistake in it) in that widget's
// box, in its language, and every other widget on the page is ready.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { axeViolations, launch, openPage, waitForWidgets } from "./lib/browser.mjs";


let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The page, every placeholder ready or failed. */
async function open() {
  const page = await openPage(browser, "/test/data-src.html", { viewport: { width: 900, height: 900 } });
  await waitForWidgets(page);
  return page;
}

/** How often the page requested `path`. */
const requests = (page, path) => page.evaluate((p) =>
  performance.getEntriesByType("resource").filter((e) => new URL(e.name).pathname === p).length, path);

/** What reached the console besides the failed placeholders' own messages (and the browser's
 * note of the 404). */
const unexpected = (page) => page.errors.filter((e) =>
  !e.startsWith("Failed to load resource") && !e.startsWith("feature widgets: "));

const shadowTexts = (page, host, sel) => page.$eval(host, (h, s) =>
  [...h.shadowRoot.querySelectorAll(s)].map((e) => e.textContent.trim()), sel);

/** A placeholder's state and the text of its error box, if any. */
const state = (page, id) => page.$eval(id, (h) => ({
  ready: h.hasAttribute("data-widget-ready"),
  failed: h.hasAttribute("data-widget-error"),
  busy: h.hasAttribute("aria-busy") || h.hasAttribute("data-widget-loading"),
  alert: (h.shadowRoot?.querySelector("[role=alert] .error-box-message")
    ?? h.shadowRoot?.querySelector("[role=alert]"))?.textContent.trim() ?? null,
  lang: h.shadowRoot?.querySelector("[role=alert]")?.getAttribute("lang") ?? null,
}));

test("a tally and a chart drawn from the Riverton bundle show its figures, the file read once", async () => {
  const page = await open();
  for (const id of ["#tally-en", "#chart-en", "#tally-zh"]) {
    assert.deepEqual(await state(page, id), { ready: true, failed: false, busy: false, alert: null, lang: null }, id);
  }
  const cards = await page.$eval("#tally-en", (h) =>
    [...h.shadowRoot.querySelectorAll(".card")].map((c) => c.dataset.section));
  assert.deepEqual(cards, ["ferry", "market", "harbour", "school"]);
  assert.deepEqual(await shadowTexts(page, "#tally-en", ".lead .final"), ["about 12,400 people"]);
  assert.deepEqual(await shadowTexts(page, "#tally-en", ".card .lede .final"),
    ["3,100+ people", "nearly 260 stalls", "over 5,300 tonnes", "930 people"]);
  // The options name the file's own sections.
  const zhCards = await page.$eval("#tally-zh", (h) =>
    [...h.shadowRoot.querySelectorAll(".card")].map((c) => c.dataset.section));
  assert.deepEqual(zhCards, ["market", "ferry"]);
  assert.deepEqual(await shadowTexts(page, "#tally-zh", ".card .lede .final"), ["近260个", "3100余人"]);
  // The chart: the file's six reported points and derived figure.
  const desc = await page.$eval("#chart-en", (h) => h.shadowRoot.querySelector("#payments-desc").textContent);
  assert.match(desc, /from 310 tonnes in January 2020 to 590 tonnes in June 2020; highest 640 tonnes/);
  assert.equal(await page.$eval("#chart-en", (h) => h.shadowRoot.querySelectorAll("tbody tr").length), 6);
  assert.deepEqual(await shadowTexts(page, "#chart-en", ".derived .value"), ["about 62.35 tonnes"]);
  // Three widgets, two of them kinds, one request.
  assert.equal(await requests(page, "/test/stories/test-riverton.json"), 1);
  assert.deepEqual(unexpected(page), []);
  await page.context().close();
});

test("the chart and the tally drawn from a bundle work by keyboard", async () => {
  const page = await open();
  await page.locator("#chart-en .plot").focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  const live = await page.$eval("#chart-en", (h) => h.shadowRoot.querySelector("[aria-live]").textContent);
  assert.equal(live, "February 2020: 280 tonnes");
  await page.keyboard.press("End");
  assert.equal(await page.$eval("#chart-en", (h) => h.shadowRoot.querySelector("[aria-live]").textContent),
    "June 2020: 590 tonnes");
  // A card of the file's tally opens with Enter and closes with Escape, focus on its button.
  const button = page.locator("#tally-en [data-section=harbour] .card-btn");
  await button.focus();
  await page.keyboard.press("Enter");
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  assert.deepEqual(await shadowTexts(page, "#tally-en", "[data-section=harbour] .facts .v"),
    ["over 5,300 tonnes", "85 boats", "about 62.35 tonnes"]);
  await page.keyboard.press("Escape");
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  const focused = await page.$eval("#tally-en", (h) => h.shadowRoot.activeElement?.closest(".card")?.dataset.section);
  assert.equal(focused, "harbour");
  assert.deepEqual(unexpected(page), []);
  await page.context().close();
});

test("a mistake in the file shows its file, line and field in that widget's box; the others are ready", async () => {
  const page = await open();
  const en = await state(page, "#bad-unit-en");
  assert.equal(en.failed, true);
  assert.equal(en.alert,
    "Could not load the data file stories/test-riverton-bad-unit.json: test-riverton-bad-unit.json:74: facts[3].unit: unknown unit \"stals\" (allowed: boats, people, tonnes, stalls, yuan, km2)");
  assert.equal(en.lang, "en");
  const zh = await state(page, "#bad-unit-zh");
  assert.equal(zh.failed, true);
  assert.equal(zh.lang, "zh-CN");
  assert.ok(zh.alert.startsWith("无法加载数据文件 stories/test-riverton-bad-unit.json：test-riverton-bad-unit.json:74: facts[3].unit"), zh.alert);
  // Every other widget on the page is untouched.
  for (const id of ["#tally-en", "#chart-en", "#tally-zh", "#tally", "#map"]) {
    const s = await state(page, id);
    assert.deepEqual([s.ready, s.failed], [true, false], id);
  }
  await page.context().close();
});

test("a missing file, an HTML page and a map with data-src each say why, in the widget's language", async () => {
  const page = await open();
  const cases = {
    "#missing-en": "Could not load the data file stories/missing.json: there is no such file on the server (HTTP 404); check the address",
    "#html-en": "Could not load the data file series/login.json: the address returned a web page (HTML), not JSON data; check the address",
  };
  for (const [id, message] of Object.entries(cases)) {
    const s = await state(page, id);
    assert.deepEqual([s.failed, s.alert], [true, message], id);
  }
  const map = await state(page, "#map-src");
  assert.equal(map.failed, true);
  assert.match(map.alert, /the map is build-time/);
  await page.context().close();
});

test("the widgets drawn from a bundle, and the error boxes, have no axe-core violations", async () => {
  const page = await open();
  for (const id of ["#tally-en", "#chart-en", "#tally-zh", "#bad-unit-en", "#missing-en"]) {
    assert.deepEqual(await axeViolations(page, id), [], id);
  }
  await page.context().close();
});
