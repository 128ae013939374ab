// Placeholders added after load mount; removed ones unmount and release their resources.
// The published snippet (hashed module and stylesheet with SRI) starts widgets on its own.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL, launch, openPage } from "./lib/browser.mjs";
import { domCounters } from "./lib/embed.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const KINDS = ["tally", "payments", "grid-map"];

/** Inserts a placeholder, waits until it is ready, removes it, waits until it is unmounted. */
function cycle(page, kind) {
  return page.evaluate(async (kind) => {
    const until = (check, what) => new Promise((resolve, reject) => {
      const started = performance.now();
      (function poll() {
        if (check()) resolve();
        else if (performance.now() - started > 5000) reject(new Error(`timed out: ${what}`));
        else requestAnimationFrame(poll);
      })();
    });
    const el = document.createElement("div");
    el.setAttribute("data-widget", kind);
    el.setAttribute("data-lang", "zh");
    document.getElementById("stage").append(el);
    await until(() => el.hasAttribute("data-widget-ready"), "ready");
    el.remove();
    await until(() => !el.hasAttribute("data-widget-ready") && el.shadowRoot.childNodes.length === 0, "unmounted");
  }, kind);
}

test("placeholders inserted after load mount, and 50 insert/remove cycles leak no listeners or nodes", async (t) => {
  const page = await openPage(browser, "/test/dynamic.html");
  const cdp = await page.context().newCDPSession(page);
  for (const kind of KINDS) await cycle(page, kind); // warm up: first mounts allocate shared state
  const before = await domCounters(cdp);
  for (let i = 0; i < 50; i++) await cycle(page, KINDS[i % KINDS.length]);
  const after = await domCounters(cdp);
  t.diagnostic(`DOM counters before 50 cycles: ${JSON.stringify(before)}`);
  t.diagnostic(`DOM counters after 50 cycles:  ${JSON.stringify(after)}`);
  assert.ok(after.jsEventListeners <= before.jsEventListeners, "event listeners grew");
  assert.ok(after.nodes <= before.nodes + 10, `nodes grew from ${before.nodes} to ${after.nodes}`);
  assert.ok(after.jsHeapUsed < before.jsHeapUsed * 1.5 + 200_000, "JS heap grew");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("FeatureWidgets.mount mounts at once, off screen too; unmount releases the placeholder", async () => {
  const page = await openPage(browser, "/test/dynamic.html");
  await page.waitForFunction(() => window.FeatureWidgets);
  const result = await page.evaluate(async () => {
    const spacer = document.createElement("div");
    spacer.style.height = "5000px";
    const el = document.createElement("div");
    el.setAttribute("data-widget", "payments");
    document.getElementById("stage").append(spacer, el);
    const mounted = window.FeatureWidgets.mount(el);
    await new Promise((r) => setTimeout(r, 100));
    const ready = el.hasAttribute("data-widget-ready");
    const unmounted = window.FeatureWidgets.unmount(el);
    await new Promise((r) => setTimeout(r, 50));
    return { mounted, ready, unmounted, readyAfter: el.hasAttribute("data-widget-ready"),
      notAnElement: window.FeatureWidgets.mount("nope"), unknown: window.FeatureWidgets.unmount(document.body) };
  });
  assert.deepEqual(result, { mounted: true, ready: true, unmounted: true, readyAfter: false, notAnElement: false, unknown: false });
  await page.context().close();
});

test("the published snippet (hashed module and stylesheet, with SRI) starts widgets by itself", async () => {
  const snippets = await (await fetch(new URL("/snippets.json", BASE_URL))).json();
  assert.match(snippets.module.src, /^embed-[0-9a-f]+\.js$/);
  assert.match(snippets.module.integrity, /^sha384-/);
  const tally = snippets.snippets.find((s) => s.widget === "tally" && s.lang === "zh");
  assert.ok(tally.placeholder.includes('data-widget="tally"'));
  const page = await openPage(browser, "/test/blank.html");
  await page.evaluate(({ snippets, tally, root }) => {
    // What the snippet's markup does, built with DOM calls (innerHTML would not run scripts).
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = new URL(snippets.stylesheet.href, root).href;
    link.integrity = snippets.stylesheet.integrity;
    link.crossOrigin = "anonymous";
    const script = document.createElement("script");
    script.type = "module";
    script.src = new URL(snippets.module.src, root).href;
    script.integrity = snippets.module.integrity;
    script.crossOrigin = "anonymous";
    const stage = document.getElementById("stage");
    stage.insertAdjacentHTML("beforeend", tally.placeholder); // our own trusted markup
    document.head.append(link, script);
  }, { snippets, tally, root: `${BASE_URL}/` });
  await page.waitForSelector("[data-widget][data-widget-ready]", { timeout: 20000 });
  // The tally reserves a min-height (its cards reflow), the others an aspect ratio.
  const reserved = await page.$eval("[data-widget]", (el) => {
    const cs = getComputedStyle(el);
    return cs.aspectRatio !== "auto" || parseFloat(cs.minHeight) > 0;
  });
  assert.ok(reserved, "embed.css reserved the box");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a snippet whose integrity does not match is refused by the browser", async () => {
  const snippets = await (await fetch(new URL("/snippets.json", BASE_URL))).json();
  const page = await openPage(browser, "/test/blank.html");
  const loaded = await page.evaluate(({ src, root }) => new Promise((resolve) => {
    const script = document.createElement("script");
    script.type = "module";
    script.src = new URL(src, root).href;
    script.integrity = "sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    script.crossOrigin = "anonymous";
    script.onload = () => resolve(true);
    script.onerror = () => resolve(false);
    document.head.append(script);
  }), { src: snippets.module.src, root: `${BASE_URL}/` });
  assert.equal(loaded, false);
  assert.equal(await page.evaluate(() => "FeatureWidgets" in window), false);
  await page.context().close();
});
