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

/**
 * One cycle: inserts a placeholder of every kind and an invalid one (the error box has its own
 * slots) at once, waits until all are ready or failed, removes them and waits until they are
 * unmounted.
 */
function cycle(page) {
  return page.evaluate(async (kinds) => {
    const until = (check, what) => new Promise((resolve, reject) => {
      const started = performance.now();
      (function poll() {
        if (check()) resolve();
        // A patience limit, not a timing assertion: the first cycle of a cold run on a loaded
        // 2-core machine waits for the module to compile.
        else if (performance.now() - started > 20000) reject(new Error(`timed out: ${what}`));
        else requestAnimationFrame(poll);
      })();
    });
    const els = [...kinds, "no-such-widget"].map((kind) => {
      const el = document.createElement("div");
      el.setAttribute("data-widget", kind);
      el.setAttribute("data-lang", "zh");
      return el;
    });
    document.getElementById("stage").append(...els);
    await until(() => els.every((el) => el.hasAttribute("data-widget-ready") || el.hasAttribute("data-widget-error")), "ready");
    for (const el of els) el.remove();
    await until(() => els.every((el) => !el.hasAttribute("data-widget-ready") && el.shadowRoot.childNodes.length === 0), "unmounted");
  }, KINDS);
}

/** Bytes of every WebAssembly.Memory on the page (the module's one), found through CDP. */
async function wasmMemory(cdp) {
  const { result: proto } = await cdp.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
  const { objects } = await cdp.send("Runtime.queryObjects", { prototypeObjectId: proto.objectId });
  const { result } = await cdp.send("Runtime.callFunctionOn", {
    objectId: objects.objectId,
    functionDeclaration: "function () { return this.reduce((sum, m) => sum + m.buffer.byteLength, 0); }",
    returnByValue: true,
  });
  return result.value;
}

async function resources(cdp) {
  // The invalid placeholder's console.error names its element, and an attached inspector (this
  // test's) keeps logged objects alive; a reader's browser does not. Let them go.
  await cdp.send("Runtime.discardConsoleEntries");
  const counters = await domCounters(cdp);
  return { ...counters, wasmMemory: await wasmMemory(cdp) };
}

test("200 insert/remove cycles of every widget kind keep listeners, nodes, JS heap and WASM memory flat from the first cycle", async (t) => {
  // Tall enough that all four placeholders of a cycle, stacked at their reserved sizes, are
  // within the lazy-mount margin (one viewport): this test is about resources, not laziness.
  const page = await openPage(browser, "/test/dynamic.html", { viewport: { width: 1280, height: 2400 } });
  const cdp = await page.context().newCDPSession(page);
  await cycle(page);
  const first = await resources(cdp);
  t.diagnostic(`after cycle 1:   ${JSON.stringify(first)}`);
  let last = first;
  for (let i = 2; i <= 200; i++) {
    await cycle(page);
    if (i % 50 === 0 || i === 10) {
      last = await resources(cdp);
      t.diagnostic(`after cycle ${i}: ${JSON.stringify(last)}`);
      // Exactly flat: each kind's slots carry that kind's delegated listeners and no others.
      assert.equal(last.jsEventListeners, first.jsEventListeners, `event listeners after cycle ${i}`);
      assert.equal(last.documents, first.documents, `documents after cycle ${i}`);
      // Node counts after GC wobble by a few (text nodes a pending render still holds).
      assert.ok(last.nodes <= first.nodes + 10, `nodes grew from ${first.nodes} to ${last.nodes} by cycle ${i}`);
      assert.equal(last.wasmMemory, first.wasmMemory, `WASM memory after cycle ${i}`);
    }
  }
  // The V8 heap is noisy (compiled code, inline caches): no trend beyond a quarter MiB.
  assert.ok(last.jsHeapUsed < first.jsHeapUsed + 256 * 1024, `JS heap grew from ${first.jsHeapUsed} to ${last.jsHeapUsed}`);
  assert.deepEqual(page.errors.filter((e) => !e.includes("no-such-widget")), []);
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
    // Snippet URLs are relative to dist/ (absolute with WIDGETS_BASE_URL): resolve the static
    // layer's stylesheet as the other pinned files are.
    const placeholder = tally.placeholder.replace(/href="([^"]+)"/, (_, href) => `href="${new URL(href, root).href}"`);
    stage.insertAdjacentHTML("beforeend", placeholder); // our own trusted markup
    document.head.append(link, script);
  }, { snippets, tally, root: `${BASE_URL}/` });
  await page.waitForSelector("[data-widget][data-widget-ready]", { timeout: 20000 });
  // The tally reserves a min-height (its cards reflow), the others an aspect ratio; a
  // placeholder that carries its static layer (data-static, as the snippets do) is already the
  // widget's size, and embed.css leaves it so.
  const reserved = await page.$eval("[data-widget]", (el) => {
    const cs = getComputedStyle(el);
    const sized = el.hasAttribute("data-static") && el.getBoundingClientRect().height > 100;
    return sized || cs.aspectRatio !== "auto" || parseFloat(cs.minHeight) > 0;
  });
  assert.ok(reserved, "embed.css reserved the box");
  // The snippet's static layer, inert after insertAdjacentHTML, was attached by the embed and
  // then replaced by the live widget.
  const layers = await page.$eval("[data-widget]", (el) => ({
    live: Boolean(el.shadowRoot?.querySelector(".fw-root section.widget")),
    static: Boolean(el.shadowRoot?.querySelector(":scope > section.static")),
  }));
  assert.deepEqual(layers, { live: true, static: false });
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
