// The served demo article: every widget placeholder becomes ready, with no console errors.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, waitForWidgets } from "./lib/browser.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const [path, lang] of [["/index.html", "zh-CN"], ["/index.en.html", "en"]]) test(`every widget on ${path} gets data-widget-ready and the console stays clean`, async () => {
  const page = await openPage(browser, path);
  assert.equal(await page.getAttribute("html", "lang"), lang);
  // Scroll through the article so lazily mounted widgets come near the viewport.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const states = await waitForWidgets(page);
  assert.deepEqual(states.map((s) => s.kind).sort(), ["grid-map", "payments", "tally"]);
  for (const s of states) assert.ok(s.ready, `${s.kind} is not ready`);
  assert.deepEqual(page.errors, []);
});
