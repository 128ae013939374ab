// Shared helpers for the end-to-end tests: Debian's Chromium through playwright-core
// (never a downloaded browser), the base URL of the dist/ server that `cargo xtask test` starts,
// and console-error collection.
import { chromium } from "playwright-core";

export const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:8000";

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Opens a page and records console errors and uncaught exceptions in `page.errors`. */
export async function openPage(browser, path, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.errors = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") page.errors.push(msg.text());
  });
  page.on("pageerror", (err) => page.errors.push(String(err)));
  await page.goto(new URL(path, BASE_URL).href);
  return page;
}

/**
 * Scrolls through the whole page a viewport at a time, so that every lazily mounted widget
 * comes near the screen once (they mount within one viewport and stay mounted).
 */
export async function scrollThrough(page) {
  await page.evaluate(async () => {
    const step = Math.max(200, window.innerHeight);
    for (let y = 0; y <= document.documentElement.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }
  });
}

/**
 * Scrolls through the page, then waits until every placeholder matching `selector` is ready or
 * failed; returns their states.
 */
export async function waitForWidgets(page, selector = "[data-widget]", timeout = 45000, { scroll = true } = {}) {
  if (scroll) {
    // Placeholders mount when they come near the screen after the embed has started (it
    // publishes its global, then observes them, in one task). A scroll that ends before the
    // module started (a slow machine) leaves the placeholders it passed unmounted until the
    // reader comes back, as designed; so the scroll waits for the start.
    await page.waitForFunction(() => "FeatureWidgets" in window, null, { timeout });
    await scrollThrough(page);
  }
  await page.waitForFunction(
    (sel) => [...document.querySelectorAll(sel)].every(
      (el) => el.hasAttribute("data-widget-ready") || el.hasAttribute("data-widget-error"),
    ),
    selector,
    { timeout },
  );
  return page.$$eval(selector, (els) => els.map((el) => ({
    kind: el.getAttribute("data-widget"),
    ready: el.hasAttribute("data-widget-ready"),
    error: el.hasAttribute("data-widget-error"),
  })));
}

const AXE = new URL("../../node_modules/axe-core/axe.min.js", import.meta.url).pathname;

/** axe-core's violations inside the element `selector` ("rule: targets" each), axe loaded once. */
export async function axeViolations(page, selector) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (sel) => {
    const r = await window.axe.run(document.querySelector(sel));
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }, selector);
}
