// When the module cannot start, or traps later (a Rust panic is built as a bare trap, see
// xtask/src/entry.js), no placeholder waits forever: unfinished ones are marked failed, mounted
// ones show a generic error box, finished ones keep what they show.
// A real trap cannot be provoked in the release build (the code has no reachable panic on
// purpose); the trap case dispatches the error a trap raises: a WebAssembly.RuntimeError whose
// stack names the module's WASM, as Chromium reports it (checked against a build with a
// deliberate panic: "RuntimeError: unreachable\n    at <origin>/embed-<hash>.wasm:wasm-function[193]:0x2d22 …").
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL, launch, openPage } from "./lib/browser.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Adds a placeholder to #stage: near the top, or far below the fold (not mounted). */
function addPlaceholder(page, id, { far = false, lang = "zh" } = {}) {
  return page.evaluate(({ id, far, lang }) => {
    const el = document.createElement("div");
    el.id = id;
    el.setAttribute("data-widget", "tally");
    el.setAttribute("data-lang", lang);
    el.innerHTML = '<p class="fw-fallback">fallback</p>';
    if (far) el.style.marginTop = "20000px";
    document.getElementById("stage").append(el);
  }, { id, far, lang });
}

function state(page, id) {
  return page.$eval(`#${id}`, (el) => ({
    ready: el.hasAttribute("data-widget-ready"),
    error: el.hasAttribute("data-widget-error"),
    title: el.shadowRoot?.querySelector(".error-box-title")?.textContent ?? null,
    message: el.shadowRoot?.querySelector(".error-box-message")?.textContent ?? null,
    border: el.shadowRoot?.querySelector(".error-box")
      ? getComputedStyle(el.shadowRoot.querySelector(".error-box")).borderTopStyle : null,
    widget: Boolean(el.shadowRoot?.querySelector("section.widget[data-kind=tally]")),
    fallbackShown: el.querySelector(".fw-fallback")?.getClientRects().length > 0,
  }));
}

/** Raises, on the page, the uncaught error a trap in `wasmUrl` raises. */
function raiseTrap(page, wasmUrl) {
  return page.evaluate((wasmUrl) => {
    const error = new WebAssembly.RuntimeError("unreachable");
    Object.defineProperty(error, "stack", {
      value: `RuntimeError: unreachable\n    at ${wasmUrl}:wasm-function[193]:0x2d22`,
    });
    window.dispatchEvent(new ErrorEvent("error", { error, message: String(error) }));
  }, wasmUrl);
}

test("after a trap: finished widgets stay, mounted unfinished ones show an error box, unmounted ones keep their fallback", async () => {
  const page = await openPage(browser, "/test/dynamic.html");
  await page.waitForFunction(() => window.FeatureWidgets);
  await addPlaceholder(page, "done");
  await addPlaceholder(page, "mounted", { lang: "en" });
  await page.waitForFunction(() => ["done", "mounted"].every(
    (id) => document.getElementById(id).hasAttribute("data-widget-ready")));
  // A widget caught mid-way: mounted in its shadow root, not yet ready.
  await page.$eval("#mounted", (el) => el.removeAttribute("data-widget-ready"));
  await addPlaceholder(page, "far", { far: true });

  const { wasm } = (await (await fetch(new URL("build.json", BASE_URL))).json()).variants.lean;
  // A RuntimeError from some other module on the page is not ours: nothing changes.
  await raiseTrap(page, new URL("other.wasm", BASE_URL).href);
  assert.equal((await state(page, "far")).error, false);

  await raiseTrap(page, new URL(wasm, BASE_URL).href);
  const done = await state(page, "done");
  assert.deepEqual([done.ready, done.error, done.widget], [true, false, true]);
  const mounted = await state(page, "mounted");
  assert.equal(mounted.error, true);
  assert.equal(mounted.widget, false);
  assert.equal(mounted.title, "This widget cannot be shown");
  assert.ok(mounted.message.includes("internal error"), mounted.message);
  assert.equal(mounted.border, "solid", "the error box is styled by the adopted sheet");
  const far = await state(page, "far");
  assert.deepEqual([far.ready, far.error, far.title], [false, true, null]);
  assert.ok(page.errors.some((e) => e.includes("feature widgets: stopped by an internal error")), page.errors.join("\n"));
});

test("a module that cannot start marks every placeholder failed; their fallbacks stay", async () => {
  const context = await browser.newContext();
  await context.route(/embed-(lean|full)-[0-9a-f]+\.wasm$/, (route) => route.abort());
  const page = await context.newPage();
  const errors = [];
  page.on("console", (msg) => { if (msg.type() === "error") errors.push(msg.text()); });
  await page.goto(new URL("/test/plain.html", BASE_URL).href);
  await page.waitForFunction(() => {
    const all = [...document.querySelectorAll("[data-widget]")];
    return all.length > 0 && all.every((el) => el.hasAttribute("data-widget-error"));
  });
  const shown = await page.$$eval("[data-widget]", (els) => els.map((el) => {
    const fallback = el.querySelector(".fw-fallback");
    return [el.shadowRoot === null, fallback === null || fallback.getClientRects().length > 0];
  }));
  assert.ok(shown.every(([noShadow, fallback]) => noShadow && fallback), JSON.stringify(shown));
  assert.ok(errors.some((e) => e.includes("feature widgets: could not start")), errors.join("\n"));
  await context.close();
});
