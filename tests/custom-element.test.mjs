// <feature-widget>: the custom-element placeholder. Options as plain attributes; it mounts
// lazily like a [data-widget] placeholder, re-renders when an attribute changes, unmounts when
// removed and shows a bad attribute's message in its own error box.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage } from "./lib/browser.mjs";
import { errorText } from "./lib/embed.mjs";

let browser, page;
before(async () => {
  browser = await launch();
  page = await openPage(browser, "/test/dynamic.html", { reducedMotion: "reduce" });
  await page.waitForFunction(() => window.FeatureWidgets && customElements.get("feature-widget"));
});
after(async () => { await browser?.close(); });

/** Adds `<feature-widget>` with `attrs` to the stage and returns its selector. */
async function add(id, attrs) {
  await page.evaluate(([id, attrs]) => {
    const el = document.createElement("feature-widget");
    el.id = id;
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    document.getElementById("stage").append(el);
  }, [id, attrs]);
  return `#${id}`;
}

const settled = (sel) => page.waitForFunction((sel) => {
  const el = document.querySelector(sel);
  return el.hasAttribute("data-widget-ready") || el.hasAttribute("data-widget-error");
}, sel);

const cards = (sel) => page.$eval(sel, (el) =>
  [...el.shadowRoot.querySelectorAll(".card")].map((c) => c.dataset.section));

test("mounts from its attributes, in its language, in a shadow root", async () => {
  const sel = await add("mount", { widget: "tally", lang: "en", sections: "policy,training" });
  await settled(sel);
  assert.ok(await page.$eval(sel, (el) => el.hasAttribute("data-widget-ready")));
  assert.deepEqual(await cards(sel), ["policy", "training"]);
  const title = await page.$eval(sel, (el) => el.shadowRoot.querySelector(".widget").textContent);
  assert.match(title, /seven ones/i);
  assert.equal(await page.$eval(sel, (el) => getComputedStyle(el).display), "block");
  assert.deepEqual(page.errors, []);
});

test("an attribute change re-renders it; the state attributes it gets do not", async () => {
  const sel = "#mount";
  await page.$eval(sel, (el) => el.setAttribute("sections", "visit"));
  await page.waitForFunction((sel) =>
    document.querySelector(sel).shadowRoot.querySelectorAll(".card").length === 1, sel);
  assert.deepEqual(await cards(sel), ["visit"]);
  await page.$eval(sel, (el) => { el.setAttribute("theme", "dark"); el.setAttribute("lang", "zh"); });
  await page.waitForFunction((sel) =>
    document.querySelector(sel).shadowRoot.querySelector(".widget.dark"), sel);
  await settled(sel);
  const text = await page.$eval(sel, (el) => el.shadowRoot.querySelector(".widget").textContent);
  assert.match(text, /七个一/);
  // One re-render for the two changes, and none for data-widget-ready: the widget stays.
  const widget = await page.evaluateHandle((sel) => document.querySelector(sel).shadowRoot.querySelector(".widget"), sel);
  await page.waitForTimeout(300);
  assert.ok(await widget.evaluate((w) => w.isConnected), "not re-rendered by its own state attributes");
});

test("removed, it unmounts; put back, it mounts again", async () => {
  const sel = "#mount";
  const el = await page.$(sel);
  await el.evaluate((el) => { window.kept = el; el.remove(); });
  await page.waitForFunction(() => !window.kept.hasAttribute("data-widget-ready") && window.kept.shadowRoot.childNodes.length === 0);
  await page.evaluate(() => document.getElementById("stage").append(window.kept));
  await settled(sel);
  assert.deepEqual(await cards(sel), ["visit"]);
});

test("a bad attribute shows its message in the element's error box", async () => {
  const sel = await add("bad", { widget: "tally", speed: "2" });
  await settled(sel);
  assert.ok(await page.$eval(sel, (el) => el.hasAttribute("data-widget-error")));
  const message = await errorText(page, sel);
  assert.match(message, /speed/);
  assert.match(message, /sections/, "it lists the known options");
  // Mended, it renders; broken again by a change, it says why.
  await page.$eval(sel, (el) => el.removeAttribute("speed"));
  await page.waitForFunction((sel) => document.querySelector(sel).hasAttribute("data-widget-ready"), sel);
  await page.$eval(sel, (el) => el.setAttribute("lang", "fr"));
  await page.waitForFunction((sel) => document.querySelector(sel).hasAttribute("data-widget-error"), sel);
  const lang = await errorText(page, sel);
  assert.match(lang, /lang/);
  assert.match(lang, /fr/);
  // HTML's own attributes (id, class, aria-*) are not options.
  await page.$eval(sel, (el) => { el.setAttribute("lang", "en"); el.className = "x"; el.setAttribute("aria-label", "chart"); });
  await page.waitForFunction((sel) => document.querySelector(sel).hasAttribute("data-widget-ready"), sel);
});

test("far below the screen it waits, like any placeholder, and mounts when scrolled near", async () => {
  await page.evaluate(() => {
    const spacer = document.createElement("div");
    spacer.id = "spacer";
    spacer.style.height = "5000px";
    document.getElementById("stage").append(spacer);
  });
  const sel = await add("lazy", { widget: "payments" });
  await page.waitForTimeout(500);
  assert.equal(await page.$eval(sel, (el) => el.hasAttribute("data-widget-ready")), false);
  await page.$eval(sel, (el) => el.scrollIntoView());
  await settled(sel);
  assert.ok(await page.$eval(sel, (el) => el.hasAttribute("data-widget-ready")));
});
