// The embed builder (www/builder.html): choosing a widget and options updates the live
// preview (mounted by the real module) and the snippets; an invalid option shows the module's
// own message; the copied snippet pasted into a blank page renders the same widget; the state
// survives in the URL; keyboard use with visible focus; axe-core clean in zh and en, light and
// dark.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { BASE_URL, launch, openPage } from "./lib/browser.mjs";
import { errorText } from "./lib/embed.mjs";

const AXE = fileURLToPath(new URL("../node_modules/axe-core/axe.min.js", import.meta.url));
const HOST = "#preview > [data-widget]";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openBuilder(query = "", options = {}) {
  const page = await openPage(browser, `/builder.html${query}`, { reducedMotion: "reduce", viewport: { width: 1280, height: 900 }, ...options });
  await page.waitForSelector("#opt-widget");
  await settled(page);
  return page;
}

/** Waits until the preview's placeholder is ready or failed; returns which. */
async function settled(page) {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return el && (el.hasAttribute("data-widget-ready") || el.hasAttribute("data-widget-error"));
  }, HOST);
  return page.$eval(HOST, (el) => (el.hasAttribute("data-widget-error") ? "error" : "ready"));
}

const widgetText = (page, sel) => page.$eval(sel, (el) => el.shadowRoot.querySelector(".widget").textContent);

async function axe(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document);
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
}

test("the form offers every option of the chosen widget with its allowed values", async () => {
  const page = await openBuilder("?ui=en");
  const schema = await (await fetch(new URL("/config.schema.json", BASE_URL))).json();
  const widgets = await page.$$eval("#opt-widget option", (os) => os.map((o) => o.value));
  assert.deepEqual(widgets, schema.properties.widget.enum);
  for (const widget of widgets) {
    await page.selectOption("#opt-widget", widget);
    assert.equal(await settled(page), "ready", widget);
    const names = schema.allOf.find((r) => r.if?.properties?.widget?.const === widget).then.propertyNames.enum;
    const shown = await page.$$eval("#options [name]", (els) => [...new Set(els.map((e) => e.name))]);
    assert.deepEqual(shown, names, `${widget}: the schema's options in its order`);
    for (const name of names) {
      const values = schema.properties[name].enum ?? schema.properties[name].items?.enum;
      if (!values) continue;
      const offered = await page.$$eval(`#options [name="${name}"]`, (els) =>
        els.flatMap((e) => (e.tagName === "SELECT" ? [...e.options].map((o) => o.value) : [e.value])).filter(Boolean));
      assert.deepEqual(offered, values, `${widget}: ${name}`);
    }
  }
});

test("choosing updates the preview, the snippets and the URL", async () => {
  const page = await openBuilder("?ui=en");
  await page.selectOption("#opt-widget", "payments");
  assert.equal(await settled(page), "ready");
  assert.equal(await page.$eval(HOST, (el) => el.dataset.widget), "payments");
  // The pinned options: the build's placeholder whole, static layer included, and its frame page.
  assert.match(await page.inputValue("#snippet"), /data-static><template shadowrootmode="open">/);
  assert.match(await page.inputValue("#iframe"), /src="frame-payments-zh\.html"/);
  await page.selectOption("#opt-metric", "value");
  await page.waitForFunction((sel) => document.querySelector(sel)?.dataset.metric === "value", HOST);
  assert.equal(await settled(page), "ready");
  assert.match(await page.inputValue("#snippet"), /<div data-widget="payments" data-lang="zh" data-theme="auto" data-metric="value">/);
  assert.match(await page.inputValue("#snippet"), /<script type="module" src="embed-[0-9a-f]+\.js" integrity="sha384-/);
  // Other options: no static layer (the build has none for them), and embed.html builds the
  // framed placeholder from its query.
  assert.doesNotMatch(await page.inputValue("#snippet"), /shadowrootmode|data-static/);
  assert.match(await page.inputValue("#iframe"), /<iframe [^>]*src="embed\.html\?widget=payments&amp;lang=zh&amp;theme=auto&amp;metric=value"/);
  assert.match(page.url(), /widget=payments/);
  assert.match(page.url(), /metric=value/);
  // A shared URL restores the form, the preview and the snippets.
  const shared = await openBuilder(new URL(page.url()).search);
  assert.equal(await shared.inputValue("#opt-metric"), "value");
  assert.equal(await shared.inputValue("#snippet"), await page.inputValue("#snippet"));
  assert.equal(await shared.$eval(HOST, (el) => el.dataset.metric), "value");
  // Width and page colours change the preview, not the snippet.
  await page.check("input[name=view-width][value='320']");
  assert.equal(await page.$eval("#preview", (el) => el.getBoundingClientRect().width), 320);
  assert.deepEqual(page.errors, []);
});

test("an invalid option shows the module's own message, in the preview and the status line", async () => {
  const page = await openBuilder("?ui=en&widget=tally&lang=en");
  await page.check("#options input[name=sections][value=policy]");
  await page.waitForFunction((sel) => document.querySelector(sel)?.dataset.sections === "policy", HOST);
  await page.selectOption("#opt-highlight", "training");
  await page.waitForFunction((sel) => document.querySelector(sel)?.dataset.highlight === "training", HOST);
  assert.equal(await settled(page), "error");
  const message = await errorText(page, HOST);
  assert.match(message, /highlight/);
  await page.waitForFunction((m) => document.getElementById("status").textContent.endsWith(m), message);
  assert.equal(await page.textContent("#status"), `The widget reports: ${message}`);
  // In Chinese the message is the widget's Chinese one.
  await page.selectOption("#opt-lang", "zh");
  await page.waitForFunction((sel) => document.querySelector(sel)?.dataset.lang === "zh", HOST);
  assert.equal(await settled(page), "error");
  const zh = await errorText(page, HOST);
  assert.notEqual(zh, message);
  await page.waitForFunction((m) => document.getElementById("status").textContent.endsWith(m), zh);
});

test("the copied snippet, pasted into a blank page, renders the same widget", async () => {
  const page = await openBuilder("?ui=en&widget=tally&lang=en&sections=visit,policy&highlight=policy");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE_URL });
  await page.click("#copy-snippet");
  await page.waitForFunction(() => document.getElementById("copied").textContent !== "");
  assert.equal(await page.textContent("#copied"), "Copied to the clipboard.");
  const pasted = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(pasted, await page.inputValue("#snippet"));

  const blank = await page.context().newPage();
  const errors = [];
  blank.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await blank.route(`${BASE_URL}/pasted.html`, (route) => route.fulfill({
    contentType: "text/html; charset=utf-8",
    body: `<!doctype html><html><head><meta charset="utf-8"><title>Pasted</title></head><body>\n${pasted}\n</body></html>`,
  }));
  await blank.goto(`${BASE_URL}/pasted.html`);
  await blank.waitForFunction(() => document.querySelector("[data-widget]")?.hasAttribute("data-widget-ready"));
  assert.equal(await widgetText(blank, "[data-widget]"), await widgetText(page, HOST));
  const sections = (p, sel) => p.$eval(sel, (el) =>
    [...el.shadowRoot.querySelectorAll(".card")].map((c) => [c.dataset.section, c.classList.contains("hl")]));
  assert.deepEqual(await sections(blank, "[data-widget]"), await sections(page, HOST));
  assert.deepEqual(await sections(blank, "[data-widget]"), [["visit", false], ["policy", true]]);
  assert.deepEqual(errors, []);
});

test("keyboard: every control is reached with Tab, shows its focus, and works", async () => {
  const page = await openBuilder("?ui=en");
  const stops = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      // The previewed widget's own focus indicators are tests/focus-visible.test.mjs' business.
      if (el.closest("#preview")) return { id: "widget" };
      const style = getComputedStyle(el);
      return { id: el.id || el.name || el.tagName, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    stops.push(stop);
  }
  const ids = stops.map((s) => s.id);
  for (const id of ["ui-lang", "opt-widget", "opt-lang", "opt-theme", "view-width", "view-page", "snippet", "copy-snippet", "copy-iframe"]) {
    assert.ok(ids.includes(id), `${id} is a tab stop (${ids.join(", ")})`);
  }
  for (const s of stops.filter((s) => s.id !== "BODY" && s.id !== "widget")) {
    assert.equal(s.outline, "solid", `${s.id} shows its focus`);
    assert.ok(s.width >= 2, `${s.id} outline ${s.width}px`);
  }
  await page.focus("#opt-widget");
  await page.keyboard.press("ArrowDown");
  await page.waitForFunction((sel) => document.querySelector(sel)?.dataset.widget === "payments", HOST);
  assert.equal(await settled(page), "ready");
});

for (const ui of ["zh", "en"]) {
  for (const colours of ["light", "dark"]) {
    test(`axe-core finds no violations (${ui}, ${colours} page)`, async () => {
      const page = await openBuilder(`?ui=${ui}&view-page=${colours}&widget=grid-map`);
      assert.equal(await page.getAttribute("html", "lang"), ui === "en" ? "en" : "zh-CN");
      assert.deepEqual(await axe(page), []);
    });
  }
}

test("the page's colours switch the previewed auto-themed widget", async () => {
  const page = await openBuilder("?ui=en&widget=tally&sections=policy", { colorScheme: "light" });
  const bg = () => page.$eval(HOST, (el) => getComputedStyle(el.shadowRoot.querySelector(".widget")).backgroundColor);
  assert.equal(await bg(), "rgb(255, 255, 255)");
  await page.check("input[name=view-page][value=dark]");
  await page.waitForFunction((sel) => getComputedStyle(document.querySelector(sel).shadowRoot.querySelector(".widget")).backgroundColor === "rgb(20, 24, 29)", HOST);
  assert.match(page.url(), /view-page=dark/);
});
