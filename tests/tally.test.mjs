// The "七个一" tally on the demo page: seven cards with final values for screen readers,
// a card opened and closed from the keyboard, axe-core clean in every state (closed, open,
// dark), and final values at once under prefers-reduced-motion.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { launch, openPage, waitForWidgets } from "./lib/browser.mjs";

const AXE = fileURLToPath(new URL("../node_modules/axe-core/axe.min.js", import.meta.url));
const HOST = "[data-widget=tally]";
const ZH = ["1300余家", "70多家", "2800名", "2468人次", "108笔", "9个"];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openTally(options) {
  const page = await openPage(browser, "/index.html", options);
  await page.locator(HOST).scrollIntoViewIfNeeded();
  await waitForWidgets(page, HOST);
  await page.waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.querySelector(".card"), HOST);
  return page;
}

const texts = (page, selector) => page.$eval(HOST, (host, sel) =>
  [...host.shadowRoot.querySelectorAll(sel)].map((e) => e.textContent), selector);

async function axe(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async (sel) => {
    const r = await window.axe.run(document.querySelector(sel));
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  }, HOST);
  return result;
}

test("seven cards, their final values in the accessible text, no console errors", async () => {
  const page = await openTally();
  const sections = await page.$eval(HOST, (h) =>
    [...h.shadowRoot.querySelectorAll(".card")].map((c) => c.dataset.section));
  assert.deepEqual(sections, ["policy", "training", "visit", "volunteer", "order", "activist", "problem"]);
  assert.deepEqual(await texts(page, ".card .lede .final"), ZH);
  assert.deepEqual(await texts(page, ".lead .final"), ["99名"]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a card opens with Enter, closes with Escape, and focus returns to its button", async () => {
  const page = await openTally();
  const button = page.locator(`${HOST} [data-section=visit] .card-btn`);
  await button.focus();
  await page.keyboard.press("Enter");
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  const panel = page.locator(`${HOST} #tally-visit`);
  assert.equal(await panel.isVisible(), true);
  assert.deepEqual(await texts(page, "[data-section=visit] .facts .v"), ["50余家", "2800名"]);
  await page.keyboard.press("Escape");
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  assert.equal(await panel.isVisible(), false);
  const focused = await page.$eval(HOST, (h) => h.shadowRoot.activeElement?.closest(".card")?.dataset.section);
  assert.equal(focused, "visit");
  // Space opens too, and Tab moves on to the next card's button.
  await page.keyboard.press("Space");
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  await page.keyboard.press("Tab");
  const next = await page.$eval(HOST, (h) => h.shadowRoot.activeElement?.closest(".card")?.dataset.section);
  assert.equal(next, "volunteer");
  await page.context().close();
});

test("axe-core finds no violations closed, with a card open, and in the dark theme", async () => {
  const page = await openTally();
  // Let the count-up finish so colour checks see the final text.
  await page.waitForTimeout(1500);
  assert.deepEqual(await axe(page), [], "closed");
  await page.locator(`${HOST} [data-section=policy] .card-btn`).click();
  assert.deepEqual(await axe(page), [], "a card open");
  await page.emulateMedia({ colorScheme: "dark" });
  assert.deepEqual(await axe(page), [], "dark, a card open");
  await page.locator(`${HOST} [data-section=policy] .card-btn`).click();
  assert.deepEqual(await axe(page), [], "dark, closed");
  await page.context().close();
});

test("with prefers-reduced-motion the visible numbers are final at once", async () => {
  const page = await openTally({ reducedMotion: "reduce" });
  assert.deepEqual(await texts(page, ".card .lede .shown"), ZH);
  assert.deepEqual(await texts(page, ".lead .shown"), ["99名"]);
  await page.context().close();
});
