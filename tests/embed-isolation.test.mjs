// Isolation: a hostile host page (global resets, !important rules, a 20px root font, custom
// properties named like the widgets') renders widgets exactly as a plain page does; widget CSS
// does not leak out; and everything works under the strict Content-Security-Policy.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, waitForWidgets } from "./lib/browser.mjs";
import { errorText, shadowSnapshot } from "./lib/embed.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function load(path) {
  // Reduced motion: count-ups and entrances show their final state, so both pages compare equal.
  const page = await openPage(browser, path, { viewport: { width: 1000, height: 900 }, reducedMotion: "reduce" });
  await waitForWidgets(page);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

test("a hostile host page renders widgets the same as a plain page (styles and boxes in the shadow roots)", async (t) => {
  const plain = await load("/test/plain.html");
  const hostile = await load("/test/hostile.html");
  const a = await shadowSnapshot(plain);
  const b = await shadowSnapshot(hostile);
  assert.ok(a.length >= 4 && a.every((w) => w.inner.length > 0), "widgets rendered nothing");
  assert.equal(b.length, a.length);
  let compared = 0;
  for (const [i, wa] of a.entries()) {
    const wb = b[i];
    assert.deepEqual(wb.size, wa.size, `${wa.widget}: placeholder box differs`);
    assert.equal(wb.inner.length, wa.inner.length, `${wa.widget}: element count differs`);
    for (const [j, ea] of wa.inner.entries()) {
      assert.deepEqual(wb.inner[j], ea, `${wa.widget}: ${ea.el} differs`);
      compared++;
    }
  }
  // The host page's rem is 20px there; inside, the frame keeps its 16px.
  const frame = a.find((w) => w.widget === "tally").inner.find((e) => e.el.includes("widget"));
  assert.equal(frame.style["font-size"], "16px");
  assert.deepEqual(plain.errors.filter((e) => !e.includes("`theme`")), []);
  t.diagnostic(`compared ${compared} elements inside ${a.length} shadow roots`);
  await plain.context().close();
  await hostile.context().close();
});

test("widget styles do not leak into the host page", async () => {
  const page = await load("/test/plain.html");
  const outside = await page.evaluate(() => {
    const p = getComputedStyle(document.getElementById("outside-widget"));
    const h = getComputedStyle(document.getElementById("outside-title"));
    return { pPadding: p.paddingTop, pBackground: p.backgroundColor, pFont: p.fontSize, hColor: h.color, hMargin: h.marginTop };
  });
  const reference = await page.evaluate(() => {
    const p = document.createElement("p");
    const h = document.createElement("h2");
    document.body.append(p, h);
    const cp = getComputedStyle(p);
    const ch = getComputedStyle(h);
    return { pPadding: cp.paddingTop, pBackground: cp.backgroundColor, pFont: cp.fontSize, hColor: ch.color, hMargin: ch.marginTop };
  });
  assert.deepEqual(outside, reference);
  await page.context().close();
});

test("under the strict CSP (header and meta) widgets render, styled, with no violation", async () => {
  const page = await load("/test/csp/index.html");
  const states = await waitForWidgets(page);
  assert.equal(states.filter((s) => s.ready).length, 3);
  assert.ok(await errorText(page, "#bad"), "the error box renders under CSP too");
  const padding = await page.$eval("[data-widget=tally]", (el) =>
    getComputedStyle(el.shadowRoot.querySelector(".widget")).paddingTop);
  assert.equal(padding, "12px", "the adopted stylesheet applies");
  const violations = await page.evaluate(() => document.documentElement.getAttribute("data-csp-violations"));
  assert.equal(violations, null, `CSP violations: ${violations}`);
  assert.deepEqual(page.errors.filter((e) => /Content Security Policy|Refused/i.test(e)), []);
  const header = await (await fetch(new URL("/test/csp/index.html", page.url()))).headers.get("content-security-policy");
  assert.match(header ?? "", /script-src 'self' 'wasm-unsafe-eval'/);
  await page.context().close();
});
