// Iframe mode: embed.html renders one widget from its query string and the host script resizes
// the iframe to the height the widget reports.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage } from "./lib/browser.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("the iframe resizes to its widget's height, and ignores messages from elsewhere", async (t) => {
  const page = await openPage(browser, "/test/iframe.html", { viewport: { width: 1000, height: 900 } });
  const frame = page.frame({ url: /embed\.html/ });
  assert.ok(frame, "no embed.html frame");
  await frame.waitForSelector("[data-widget-ready]", { timeout: 20000 });
  await page.waitForFunction(() => document.getElementById("frame").clientHeight > 100);
  const content = await frame.evaluate(() => document.body.getBoundingClientRect().height);
  const outer = await page.$eval("#frame", (f) => f.clientHeight);
  assert.ok(Math.abs(outer - content) <= 1, `iframe ${outer}px, content ${content}px`);
  // The widget inside came from the query string (lang=en, theme=light).
  const inside = await frame.$eval("[data-widget]", (el) => [el.getAttribute("data-lang"), el.getAttribute("data-theme")]);
  assert.deepEqual(inside, ["en", "light"]);
  // A well-formed message from the host window itself (not the frame) is ignored.
  await page.evaluate(() => window.postMessage({ type: "feature-widgets:height", id: "t1", height: 7 }, "*"));
  await page.waitForTimeout(200);
  assert.equal(await page.$eval("#frame", (f) => f.clientHeight), outer);
  assert.deepEqual(page.errors, []);
  t.diagnostic(`iframe resized from 40px to ${outer}px`);
  await page.context().close();
});

test("a bad option in the query string shows the error inside the frame", async () => {
  const page = await openPage(browser, "/embed.html?widget=tally&lang=en&theme=neon");
  await page.waitForSelector("[data-widget-error]");
  const text = await page.$eval("[data-widget]", (el) => el.shadowRoot.querySelector(".error-box-message").textContent);
  assert.ok(text.includes("theme") && text.includes("neon"), text);
  await page.context().close();
});
