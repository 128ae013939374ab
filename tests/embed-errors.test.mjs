// Invalid configurations: each placeholder shows its own specific message (as text) and logs
// it; the valid widget on the same page still renders.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, waitForWidgets } from "./lib/browser.mjs";
import { errorText } from "./lib/embed.mjs";

let browser, page;
before(async () => {
  browser = await launch();
  page = await openPage(browser, "/test/errors.html");
  await waitForWidgets(page);
});
after(async () => { await browser?.close(); });

test("the valid widget renders beside the invalid ones", async () => {
  const valid = await page.$eval("#valid", (el) => [el.hasAttribute("data-widget-ready"), el.hasAttribute("data-widget-error")]);
  assert.deepEqual(valid, [true, false]);
});

// For each invalid placeholder: words its message must contain (option, value, allowed values).
const CASES = {
  "unknown-kind": ["widget", "pie", "tally", "payments", "grid-map"],
  "bad-lang": ["lang", "fr", "zh", "en"],
  "bad-theme": ["theme", "neon", "auto", "light", "dark"],
  "json-type": ["theme"],
  "json-broken": ["JSON"],
};

for (const [id, words] of Object.entries(CASES)) {
  test(`${id}: the placeholder is marked failed and names ${words.join(", ")}`, async () => {
    const state = await page.$eval(`#${id}`, (el) => [el.hasAttribute("data-widget-error"), el.hasAttribute("data-widget-ready")]);
    assert.deepEqual(state, [true, false]);
    const text = await errorText(page, `#${id}`);
    assert.ok(text, "no error box");
    for (const w of words) assert.ok(text.includes(w), `"${text}" lacks "${w}"`);
    assert.ok(page.errors.some((e) => e.includes(text)), `console lacks "${text}"`);
  });
}

test("a hostile option value comes back as text, never as markup", async () => {
  const text = await errorText(page, "#hostile-value");
  assert.ok(text.includes("<img src=x onerror=alert(1)>"), text);
  const elements = await page.$eval("#hostile-value", (el) => el.shadowRoot.querySelectorAll("img, script").length);
  assert.equal(elements, 0);
});

test("an element that cannot hold a widget is marked failed and logged", async () => {
  const failed = await page.$eval("#not-a-host", (el) => el.hasAttribute("data-widget-error"));
  assert.ok(failed);
  assert.ok(page.errors.some((e) => e.includes("cannot hold a widget")), page.errors.join("\n"));
});

test("messages follow the placeholder's language: English box title for data-lang=en", async () => {
  const title = await page.$eval("#bad-theme", (el) => el.shadowRoot.querySelector(".error-box-title").textContent);
  assert.equal(title, "This widget cannot be shown");
  const zh = await page.$eval("#bad-lang", (el) => el.shadowRoot.querySelector(".error-box-title").textContent);
  assert.equal(zh, "此组件无法显示");
});
