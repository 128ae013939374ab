// Themes that follow the host page: a widget with theme auto takes the page's own dark switch
// (class, data-theme, data-bs-theme on <html> or <body>, the root's color-scheme) live, and
// falls back to prefers-color-scheme; a widget's own light/dark always wins.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage } from "./lib/browser.mjs";

const LIGHT = "rgb(255, 255, 255)";
const DARK = "rgb(20, 24, 29)";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A page with an auto-themed tally and one fixed to light, both ready. */
async function openHost(colorScheme) {
  const page = await openPage(browser, "/test/dynamic.html", { colorScheme, reducedMotion: "reduce" });
  await page.evaluate(() => {
    for (const [id, theme] of [["auto", "auto"], ["fixed", "light"]]) {
      const el = document.createElement("div");
      el.id = id;
      el.dataset.widget = "tally";
      el.dataset.theme = theme;
      el.dataset.sections = "policy";
      document.getElementById("stage").append(el);
    }
  });
  await page.waitForFunction(() => ["#auto", "#fixed"].every((s) => document.querySelector(s).hasAttribute("data-widget-ready")));
  return page;
}

const background = (page, sel) => page.$eval(sel, (el) =>
  getComputedStyle(el.shadowRoot.querySelector(".widget")).backgroundColor);

const becomes = (page, sel, colour) => page.waitForFunction(([sel, colour]) =>
  getComputedStyle(document.querySelector(sel).shadowRoot.querySelector(".widget")).backgroundColor === colour,
[sel, colour], { timeout: 5000 });

test("a class on <html> flips an auto widget's colours, live, and back", async () => {
  const page = await openHost("light");
  assert.equal(await background(page, "#auto"), LIGHT);
  await page.evaluate(() => document.documentElement.classList.add("dark"));
  await becomes(page, "#auto", DARK);
  assert.equal(await background(page, "#fixed"), LIGHT, "the widget's own theme wins");
  const fg = await page.$eval("#auto", (el) => getComputedStyle(el.shadowRoot.querySelector(".widget")).color);
  assert.notEqual(fg, "rgb(29, 35, 41)", "the text colour flips too");
  await page.evaluate(() => document.documentElement.classList.remove("dark"));
  await becomes(page, "#auto", LIGHT);
  assert.deepEqual(page.errors, []);
});

test("the page's light switch beats a dark system preference, and <body> beats <html>", async () => {
  const page = await openHost("dark");
  assert.equal(await background(page, "#auto"), DARK, "no switch: the system preference");
  await page.evaluate(() => { document.documentElement.dataset.bsTheme = "light"; });
  await becomes(page, "#auto", LIGHT);
  await page.evaluate(() => document.body.classList.add("theme-dark"));
  await becomes(page, "#auto", DARK);
  await page.evaluate(() => { document.body.dataset.theme = "light"; });
  await becomes(page, "#auto", LIGHT);
  await page.evaluate(() => {
    document.body.removeAttribute("data-theme");
    document.body.className = "";
    document.documentElement.removeAttribute("data-bs-theme");
  });
  await becomes(page, "#auto", DARK);
});

test("the root's color-scheme counts when it names one scheme", async () => {
  const page = await openHost("light");
  await page.evaluate(() => { document.documentElement.style.colorScheme = "dark"; });
  await becomes(page, "#auto", DARK);
  await page.evaluate(() => { document.documentElement.style.colorScheme = "light dark"; });
  await becomes(page, "#auto", LIGHT);
});

test("a widget added while the page is dark starts dark", async () => {
  const page = await openPage(browser, "/test/dynamic.html", { colorScheme: "light", reducedMotion: "reduce" });
  await page.evaluate(() => {
    document.documentElement.setAttribute("data-theme", "dark");
    const el = document.createElement("feature-widget");
    el.id = "late";
    el.setAttribute("widget", "grid-map");
    document.getElementById("stage").append(el);
  });
  await page.waitForFunction(() => document.querySelector("#late").hasAttribute("data-widget-ready"));
  assert.equal(await background(page, "#late"), DARK);
});
