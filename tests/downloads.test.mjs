// Downloads of each widget's current view: a PNG at twice the drawing's size and an SVG that
// carries the title, the source line and the credit, for all three widgets in zh and en, under
// the strict CSP the embed promises to work under (test/csp/downloads.html), and on the demo
// articles; the CSV still carries its citation; file names say what they are. Also shows why
// the PNG is drawn on a canvas: an SVG loaded into an <img> from a blob: URL is blocked there.
// Only the full module draws images: a page served by another variant loads it on the first
// image asked for (crates/widgets/src/download.rs, xtask/src/entry.js), and says so in the
// widget's box when it cannot.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFile, mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { BASE_URL, launch, openPage, waitForWidgets } from "./lib/browser.mjs";

const STORY = "suzhou-2020-07";
const CREDIT = { zh: "图表：Feature widgets", en: "Graphic: Feature widgets" };
// Widgets of the strict-CSP page: id, kind, language, the figure the file name carries.
const WIDGETS = [
  ["tally-zh", "tally", "zh", null],
  ["tally-en", "tally", "en", null],
  ["payments-zh", "payments", "zh", "value"],
  ["payments-en", "payments", "en", "transactions"],
  ["grid-map-zh", "grid-map", "zh", "2019-10"],
  ["grid-map-en", "grid-map", "en", "2020-06"],
];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Set DOWNLOADS_DIR to keep every downloaded file there, to look at them.
const KEEP = process.env.DOWNLOADS_DIR;

/** Clicks `button` and returns the download's file name and bytes. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const path = await file.path();
  if (KEEP) {
    await mkdir(KEEP, { recursive: true });
    await copyFile(path, join(KEEP, file.suggestedFilename()));
  }
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** Text without white space: an image wraps long lines into several text elements. */
const squeezed = (text) => text.replace(/\s+/g, "");

/** Width and height from a PNG's IHDR chunk (after the 8-byte signature). */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], "PNG signature");
  assert.equal(bytes.subarray(12, 16).toString("latin1"), "IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** What the widget shows: its title, its source line, and its drawing's width (CSS px). */
function shown(page, id) {
  return page.$eval(`#${id}`, (host) => {
    const root = host.shadowRoot;
    const title = root.querySelector("h2")?.textContent.trim();
    const source = root.querySelector(".source")?.firstChild?.textContent.trim();
    const map = root.querySelector("svg.gm-map");
    const canvas = root.querySelector(".chart-box canvas");
    const tally = root.querySelector(".tally");
    const width = map ? map.viewBox.baseVal.width
      : canvas ? canvas.getBoundingClientRect().width
        : tally.getBoundingClientRect().width;
    return { title, source, width };
  });
}

/** Parses `svg` as a standalone XML document in the browser: its root and text, or the error. */
function parseSvg(page, svg) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const error = doc.querySelector("parsererror");
    return {
      error: error?.textContent ?? null,
      root: doc.documentElement.localName,
      width: Number(doc.documentElement.getAttribute("width")),
      height: Number(doc.documentElement.getAttribute("height")),
      text: doc.documentElement.textContent,
    };
  }, svg);
}

// A fresh page for every few downloads: Chromium holds back a page's eleventh download in
// quick succession (seen at ~60 ms apart; a reader clicking never gets there).
// The page is tall (six widgets): each is brought into view and waited for in turn, rather
// than trusting one quick scroll past all of them on a loaded machine.
async function openDownloadsPage() {
  const page = await openPage(browser, "/test/csp/downloads.html", { acceptDownloads: true });
  for (const [id] of WIDGETS) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await waitForWidgets(page, `#${id}`, 45000, { scroll: false });
  }
  return page;
}

test("each widget's PNG is twice its drawing and its SVG carries title, source and credit, under a strict CSP", async () => {
  for (const [id, kind, lang, figure] of WIDGETS) {
    const page = await openDownloadsPage();
    const what = `${id}`;
    const view = await shown(page, id);
    assert.ok(view.title && view.source?.length > 5, `${what}: ${JSON.stringify(view)}`);
    const stem = [STORY, kind, figure, lang].filter(Boolean).join("-");

    const svg = await download(page, page.locator(`#${id} button[data-format=svg]`));
    assert.equal(svg.name, `${stem}.svg`, what);
    const text = svg.bytes.toString("utf8");
    const doc = await parseSvg(page, text);
    assert.equal(doc.error, null, `${what}: the SVG parses`);
    assert.equal(doc.root, "svg");
    const drawn = squeezed(doc.text);
    assert.ok(drawn.includes(squeezed(view.title)), `${what}: the title in the SVG`);
    assert.ok(drawn.includes(squeezed(view.source)), `${what}: the source line "${view.source}" in the SVG`);
    assert.ok(drawn.includes(squeezed(CREDIT[lang])), `${what}: the credit in the SVG`);
    // Self-contained: colours written out, nothing left to the page's or the widget's CSS.
    assert.ok(!text.includes("var(") && !text.includes("class="), `${what}: no stylesheet needed`);
    assert.equal(doc.width, Math.ceil(view.width), `${what}: the SVG is as wide as the drawing`);

    const png = await download(page, page.locator(`#${id} button[data-format=png]`));
    assert.equal(png.name, `${stem}.png`, what);
    const size = pngSize(png.bytes);
    assert.equal(size.width, 2 * doc.width, `${what}: PNG width`);
    assert.equal(size.height, 2 * doc.height, `${what}: PNG height`);
    assert.ok(png.bytes.length > 20000, `${what}: a drawn PNG, not an empty one (${png.bytes.length} B)`);

    const csv = await download(page, page.locator(`#${id} button[data-format=csv]`));
    // The CSV holds every step of the map: its name carries the chart's metric only.
    const csvStem = [STORY, kind, kind === "payments" ? figure : null, lang].filter(Boolean).join("-");
    assert.equal(csv.name, `${csvStem}.csv`, what);
    const rows = csv.bytes.toString("utf8");
    assert.ok(rows.startsWith("\u{feff}"), `${what}: CSV with a byte-order mark`);
    assert.match(rows, lang === "zh" ? /\r\n\r\n来源,/ : /\r\n\r\nSource,/, `${what}: CSV citation`);
    assert.equal(await page.$eval(`#${id}`, (h) => h.shadowRoot.querySelector(".download-error")), null);
    const violations = await page.evaluate(() => document.documentElement.getAttribute("data-csp-violations"));
    assert.equal(violations, null, `${what}: no CSP violation`);
    assert.deepEqual(page.errors, [], what);
    await page.context().close();
  }
});

test("the download buttons are reached with Tab after the CSV and answer Enter", async () => {
  const page = await openDownloadsPage();
  const csv = page.locator("#payments-en button[data-format=csv]");
  await csv.focus();
  await page.keyboard.press("Tab");
  const focused = await page.$eval("#payments-en", (h) => h.shadowRoot.activeElement?.dataset.format);
  assert.equal(focused, "png");
  const [file] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  assert.equal(file.suggestedFilename(), `${STORY}-payments-transactions-en.png`);
  await page.keyboard.press("Tab");
  const next = await page.$eval("#payments-en", (h) => h.shadowRoot.activeElement?.textContent);
  assert.equal(next, "Download the vector image (SVG)");
  await page.context().close();
});

test("the chart's image follows the reader's metric and the map's its step", async () => {
  const page = await openDownloadsPage();
  await page.locator("#payments-en input[value=value]").check();
  const chart = await download(page, page.locator("#payments-en button[data-format=svg]"));
  assert.equal(chart.name, `${STORY}-payments-value-en.svg`);
  const title = await page.$eval("#payments-en", (h) => h.shadowRoot.querySelector("h2").textContent);
  assert.ok(chart.bytes.toString("utf8").includes(`<title>${title}</title>`), title);
  await page.locator("#grid-map-zh .gm-step[data-step='2019-09']").click();
  const map = await download(page, page.locator("#grid-map-zh button[data-format=svg]"));
  assert.equal(map.name, `${STORY}-grid-map-2019-09-zh.svg`);
  // One link at the first step (its cable is the only round-capped 5 px stroke): fewer than at
  // the step before.
  const cables = (text) => text.match(/stroke-width="5" stroke-linecap="round"/g)?.length ?? 0;
  const later = await download(page, page.locator("#grid-map-en button[data-format=svg]"));
  assert.ok(cables(map.bytes.toString("utf8")) < cables(later.bytes.toString("utf8")));
  await page.context().close();
});

test("the demo articles offer the same downloads", async () => {
  for (const [path, lang] of [["/index.html", "zh"], ["/index.en.html", "en"]]) {
    const page = await openPage(browser, path, { acceptDownloads: true });
    await waitForWidgets(page);
    for (const kind of ["tally", "payments", "grid-map"]) {
      const host = `[data-widget=${kind}]`;
      const png = await download(page, page.locator(`${host} button[data-format=png]`).first());
      assert.ok(png.name.startsWith(`${STORY}-${kind}-`) && png.name.endsWith(`-${lang}.png`), png.name);
      assert.ok(pngSize(png.bytes).width > 500, `${path} ${kind}`);
      const svg = await download(page, page.locator(`${host} button[data-format=svg]`).first());
      assert.ok(svg.bytes.toString("utf8").includes(CREDIT[lang]), `${path} ${kind}`);
    }
    assert.deepEqual(page.errors, [], path);
    await page.context().close();
  }
});

test("under this CSP an SVG cannot be rasterised through an <img> (why the PNG is drawn on a canvas)", async () => {
  const page = await openPage(browser, "/test/csp/downloads.html");
  const loaded = await page.evaluate(() => new Promise((resolve) => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"></svg>';
    const img = new Image();
    img.onload = () => resolve(true);
    img.onerror = () => resolve(false);
    img.src = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  }));
  assert.equal(loaded, false);
  const violations = JSON.parse(await page.evaluate(() => document.documentElement.getAttribute("data-csp-violations")));
  assert.ok(violations.some((v) => v.startsWith("img-src blob")), JSON.stringify(violations));
  await page.context().close();
});

test("an image that cannot be drawn says so in the widget's box, and the rest keeps working", async () => {
  const page = await openDownloadsPage();
  // A browser without a 2D canvas for new canvases (the widgets already drawn keep theirs).
  await page.evaluate(() => { HTMLCanvasElement.prototype.getContext = () => null; });
  await page.locator("#tally-en button[data-format=png]").click();
  const alert = page.locator("#tally-en .download-error[role=alert]");
  await alert.waitFor();
  assert.match(await alert.textContent(), /The image could not be made/);
  const svg = await download(page, page.locator("#tally-en button[data-format=svg]"));
  assert.equal(svg.name, `${STORY}-tally-en.svg`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** The module variants whose files the page fetched (`embed-<variant>-<hash>.js|wasm`). */
const variantsFetched = (page) => page.evaluate(() => [...new Set(performance.getEntriesByType("resource")
  .map((e) => new URL(e.name).pathname.match(/\/embed-([a-z-]+)-[0-9a-f]+\.(?:js|wasm)$/)?.[1])
  .filter(Boolean))].sort());

test("the image code comes with the first image asked for: the full module, loaded once, beside the page's", async () => {
  const page = await openPage(browser, "/index.html", { acceptDownloads: true });
  await waitForWidgets(page);
  assert.deepEqual(await variantsFetched(page), ["zh"]);
  assert.equal(await page.evaluate(() => window.FeatureWidgetsFull), undefined);
  const png = await download(page, page.locator("[data-widget=tally] button[data-format=png]").first());
  assert.equal(png.name, `${STORY}-tally-zh.png`);
  assert.deepEqual(await variantsFetched(page), ["full", "zh"]);
  assert.equal(await page.evaluate(() => window.FeatureWidgetsFull.variant), "full");
  // The full module serves no placeholder: every widget stays the zh module's, unmarked.
  const hosts = await page.$$eval("[data-widget]", (els) => els.map((el) => [
    el.hasAttribute("data-widget-ready"), el.getAttribute("data-widget-module")]));
  assert.ok(hosts.every(([ready, mark]) => ready && mark === null), JSON.stringify(hosts));
  const svg = await download(page, page.locator("[data-widget=payments] button[data-format=svg]").first());
  assert.ok(svg.bytes.toString("utf8").includes(CREDIT.zh));
  const count = await page.evaluate(() => performance.getEntriesByType("resource")
    .filter((e) => /\/embed-full-[0-9a-f]+\.wasm$/.test(new URL(e.name).pathname)).length);
  assert.equal(count, 1, "the full module is fetched once");
  // What a hostile page can ask of it: nothing but a refusal.
  const refused = await page.evaluate(() => {
    const image = window.FeatureWidgetsFull.image;
    const host = document.querySelector("[data-widget=payments]");
    return [
      image(document.body, "png", null, 300, 200),
      image(host, "exe", "value", 300, 200),
      image(host, "png", "no-such-metric", 300, 200),
      image(host, "png", "value", Infinity, 200),
      image(host, "png", "value", -1, 200),
      image("<b>", "svg", null, 1, 1),
    ];
  });
  assert.deepEqual(refused, [false, false, false, false, false, false]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("when the full module cannot be loaded, the image button says so and the rest keeps working", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.route(/\/embed-full-[0-9a-f]+\.wasm$/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(new URL("/index.en.html", BASE_URL).href);
  await waitForWidgets(page);
  await page.locator("[data-widget=grid-map] button[data-format=png]").first().click();
  const alert = page.locator("[data-widget=grid-map] .download-error[role=alert]").first();
  await alert.waitFor();
  assert.match(await alert.textContent(), /The image could not be made/);
  const csv = await download(page, page.locator("[data-widget=grid-map] button[data-format=csv]").first());
  assert.ok(csv.name.endsWith(".csv"), csv.name);
  const ready = await page.$$eval("[data-widget]", (els) => els.every((el) =>
    el.hasAttribute("data-widget-ready") && !el.hasAttribute("data-widget-error")));
  assert.ok(ready, "every widget still drawn, none marked failed");
  await context.close();
});
