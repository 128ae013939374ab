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

test("the pinned iframe snippets load a page built for their widget, with its static layer", async () => {
  const snippets = await (await fetch(new URL("/snippets.json", process.env.BASE_URL ?? "http://127.0.0.1:8000"))).json();
  for (const s of snippets.snippets) {
    const src = s.iframe.match(/src="([^"]+)"/)[1];
    assert.equal(src, `frame-${s.widget}-${s.lang}.html`);
  }
  // Without JavaScript the framed page already shows the graphic (declarative shadow root).
  const off = await openPage(browser, "/frame-grid-map-en.html", { javaScriptEnabled: false, viewport: { width: 700, height: 900 } });
  const shown = await off.$eval("[data-widget]", (el) => ({
    static: Boolean(el.shadowRoot?.querySelector("section.static")),
    districts: el.shadowRoot?.querySelectorAll(".gm-map.v-wide .gm-dist").length,
    lang: document.documentElement.lang,
  }));
  assert.deepEqual(shown, { static: true, districts: 3, lang: "en" });
  await off.context().close();
  // With it, the live widget takes over and the frame reports its height as embed.html does.
  const on = await openPage(browser, "/frame-grid-map-en.html?id=f1");
  await on.waitForSelector("[data-widget-ready]", { timeout: 20000 });
  const live = await on.$eval("[data-widget]", (el) => Boolean(el.shadowRoot.querySelector(".fw-root section.widget")));
  assert.ok(live);
  assert.equal(await on.$$eval("[data-widget]", (els) => els.length), 1, "frame.js adds no second placeholder");
  assert.deepEqual(on.errors, []);
  await on.context().close();
});
