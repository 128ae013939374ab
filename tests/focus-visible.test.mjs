// Every Tab stop of every widget shows a focus indicator (WCAG 2.4.7), with at least 3:1
// contrast against what it covers (2.4.11 / 2.4.13-ish), in the light and the dark theme.
//
// The check is on pixels, not on computed styles, so an indicator drawn on a pseudo-element,
// a sibling (the payments radios style their label) or an SVG stroke counts, and one hidden
// behind something does not: each stop is screenshotted focused by the keyboard, then again
// with nothing focused, and the pixels that changed must differ from what was there before by
// at least 3:1 over at least the element's perimeter (a 1 px ring; ours are 2-3 px).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, waitForWidgets } from "./lib/browser.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Room around an element for its indicator (outline width + offset, or a pseudo-element). */
const MARGIN = 12;

/**
 * Tabs from a button placed just before the widget until focus leaves it; for each stop,
 * returns its description and its box in viewport pixels, with the scroll position, after
 * taking the focused screenshot.
 */
async function tabThrough(page, kind) {
  await page.evaluate((kind) => {
    const host = document.querySelector(`[data-widget=${kind}]`);
    const start = document.createElement("button");
    start.id = "tab-start";
    start.textContent = "start";
    host.before(start);
    start.focus();
  }, kind);
  const stops = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    // Let focus-driven renders (tooltips, scrolled-in content) settle.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const stop = await page.evaluate((kind) => {
      const host = document.querySelector(`[data-widget=${kind}]`);
      if (document.activeElement !== host) return null;
      const el = host.shadowRoot.activeElement;
      const r = el.getBoundingClientRect();
      const name = [el.tagName.toLowerCase(), ...String(el.className?.baseVal ?? el.className ?? "").split(/\s+/).filter(Boolean)].join(".");
      return {
        name,
        visible: el.matches(":focus-visible"),
        index: [...host.shadowRoot.querySelectorAll("*")].indexOf(el),
        scroll: [window.scrollX, window.scrollY],
        box: { x: r.x, y: r.y, width: r.width, height: r.height },
      };
    }, kind);
    if (!stop) break;
    stop.focused = await shot(page, stop.box);
    stops.push(stop);
  }
  return stops;
}

function clipOf(page, box) {
  const { width, height } = page.viewportSize();
  const x = Math.max(0, Math.floor(box.x - MARGIN));
  const y = Math.max(0, Math.floor(box.y - MARGIN));
  return {
    x, y,
    width: Math.min(width, Math.ceil(box.x + box.width + MARGIN)) - x,
    height: Math.min(height, Math.ceil(box.y + box.height + MARGIN)) - y,
  };
}

async function shot(page, box) {
  return (await page.screenshot({ clip: clipOf(page, box), animations: "disabled", caret: "hide" })).toString("base64");
}

/**
 * Pixels that changed between two same-sized PNGs, and how many of them changed by at least
 * 3:1 in relative luminance. Decoded in a blank page of its own.
 */
async function compare(helper, focused, unfocused) {
  return helper.evaluate(async ([a, b]) => {
    const pixels = async (b64) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext("2d");
      ctx.drawImage(bitmap, 0, 0);
      return ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    };
    const [p, q] = await Promise.all([pixels(a), pixels(b)]);
    const lin = (c) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
    const lum = (d, i) => 0.2126 * lin(d[i]) + 0.7152 * lin(d[i + 1]) + 0.0722 * lin(d[i + 2]);
    let changed = 0;
    let contrasting = 0;
    for (let i = 0; i < Math.min(p.length, q.length); i += 4) {
      if (p[i] === q[i] && p[i + 1] === q[i + 1] && p[i + 2] === q[i + 2]) continue;
      changed++;
      const [hi, lo] = [lum(p, i), lum(q, i)].sort((x, y) => y - x);
      if ((hi + 0.05) / (lo + 0.05) >= 3) contrasting++;
    }
    return { changed, contrasting };
  }, [focused, unfocused]);
}

const STOPS = { tally: 8, payments: 5, "grid-map": 13 };

// The zh article in a wide column, the en article on a phone (one card per row, narrow chart).
const LAYOUTS = [["/index.html", 900], ["/index.en.html", 375]];

for (const scheme of ["light", "dark"]) for (const [path, width] of LAYOUTS) {
  test(`every Tab stop of every widget shows a focus indicator with 3:1 contrast (${scheme}, ${path} at ${width} px)`, async (t) => {
    const page = await openPage(browser, path, {
      colorScheme: scheme, reducedMotion: "reduce", viewport: { width, height: 900 },
    });
    await waitForWidgets(page);
    // Count-ups and entrances are instant under reduced motion; let the last frames land.
    await page.waitForTimeout(500);
    const helper = await page.context().newPage();
    await page.bringToFront();
    const failures = [];
    for (const kind of Object.keys(STOPS)) {
      const stops = await tabThrough(page, kind);
      t.diagnostic(`${kind}: ${stops.length} Tab stops`);
      assert.ok(stops.length >= STOPS[kind], `${kind}: only ${stops.length} Tab stops`);
      // Nothing focused, the mouse away: each stop as it looks unfocused, same scroll, same clip.
      await page.evaluate(() => { document.activeElement?.blur(); document.getElementById("tab-start")?.remove(); });
      for (const stop of stops) {
        await page.evaluate(([x, y]) => window.scrollTo(x, y), stop.scroll);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const { changed, contrasting } = await compare(helper, stop.focused, await shot(page, stop.box));
        // A 1 px ring around the element's box (SVG shapes: around their bounding box).
        const ring = Math.round(2 * (stop.box.width + stop.box.height));
        t.diagnostic(`${kind} ${stop.name}: ${changed} pixels change on focus, ${contrasting} by >= 3:1 (ring ${ring})`);
        if (!stop.visible) failures.push(`${kind} ${stop.name}: not :focus-visible after Tab`);
        if (contrasting < ring) failures.push(`${kind} ${stop.name}: ${contrasting} pixels change by >= 3:1, want >= ${ring}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}
