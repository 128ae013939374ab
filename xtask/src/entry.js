// Feature widgets: the entry module a snippet pins (xtask/src/entry.js, filled in by
// `cargo xtask dist`). It picks the module variant this page needs and starts it: the lightest
// one that draws every placeholder present (the table is sorted by weight), for example
//   tally (or payments, grid-map): one kind of widget, no `src` files (pages with one kind),
//   zh (or en): every kind in one language, no `src` files,
//   lean: every kind and language, no `src` files (~15 KB brotli under full),
//   full: everything, for placeholders that name an editor's file (`src`).
// Each variant is pinned here with its Subresource Integrity, as its WASM is in its glue, so the
// chain snippet -> entry -> glue -> WASM stays pinned end to end. If a placeholder the started
// module cannot draw appears later (it names a file, or its kind or language was left out), that
// module marks it `data-widget-module="full"` (crates/embed/src/handoff.rs) and this module
// loads the full one beside it, which serves only the marked placeholders.
const variants = VARIANTS;
const KINDS = WIDGET_KINDS;
const LANGS = ["zh", "en"];
const SELECTOR = "[data-widget], feature-widget";
const MARK = "data-widget-module";

// What a placeholder needs: its kind, and whether it names a file: `data-src` (or `src` on
// <feature-widget>), or `src` in its JSON options block. A guess only: the module checks every
// placeholder itself, and hands what it cannot draw to the full module.
function needs(host) {
  const attr = (name) => host.getAttribute(host.localName === "feature-widget" ? name : `data-${name}`);
  let options = {};
  try {
    const json = host.querySelector(':scope > script[type="application/json"]');
    const parsed = json && JSON.parse(json.textContent);
    if (typeof parsed === "object" && parsed !== null) options = parsed;
  } catch {}
  return {
    kind: attr("widget") ?? options.widget,
    // The language the widget is drawn in (zh unless asked for); an invalid one shows an error.
    lang: attr("lang") ?? options.lang ?? "zh",
    src: host.getAttribute(MARK) === "full" || attr("src") !== null || "src" in options,
  };
}

// The lightest variant that draws every placeholder present; `lean` for a page with none yet
// (it adds them later: any kind may come).
function pick() {
  const all = [...document.querySelectorAll(SELECTOR)].map(needs);
  if (all.length === 0) return "lean" in variants ? "lean" : "full";
  const draws = (v) => all.every((n) => (v.src || !n.src)
    && (!KINDS.includes(n.kind) || v.kinds.includes(n.kind))
    && (!LANGS.includes(n.lang) || v.langs.includes(n.lang)));
  return Object.keys(variants).find((name) => draws(variants[name])) ?? "full";
}

// The full module beside the lean one serves only marked placeholders.
let fullBeside = false;
// Each variant started, with its start (a promise).
const started = new Map();

// Which placeholders a failed variant leaves unfinished.
function servedBy(name, host) {
  const marked = host.getAttribute(MARK) === "full";
  return name === "full" ? !fullBeside || marked : !marked;
}

// A Rust panic is built as a bare trap (panic=immediate-abort, xtask/src/dist.rs): the JS
// callback that called into the module throws a WebAssembly.RuntimeError ("unreachable", or
// "memory access out of bounds" on a stack overflow) whose stack names the module's WASM (by its
// content-hashed file name, which survives a CDN's redirect). The module's state is unknown from
// then on. Widgets that finished rendering keep what they show; unfinished ones get
// data-widget-error and, once mounted, a generic error box (their shadow root already holds the
// error box's styles); not yet mounted ones keep their static fallback, and ones whose static
// layer is still in place (the page's own rendering of the graphic) keep that instead.
function failUnfinished(name, why, error) {
  console.error(`feature widgets: ${why}`, error);
  const unfinished = ":not([data-widget-ready]):not([data-widget-error])";
  for (const host of document.querySelectorAll(`[data-widget]${unfinished}, feature-widget${unfinished}`)) {
    if (!servedBy(name, host)) continue;
    host.setAttribute("data-widget-error", "");
    const shadow = host.shadowRoot;
    if (!shadow) continue;
    if (shadow.querySelector(":scope > section.static")) {
      shadow.querySelector(":scope > .fw-root")?.remove();
      continue;
    }
    const en = host.getAttribute(host.localName === "feature-widget" ? "lang" : "data-lang") === "en";
    const frame = document.createElement("section");
    frame.className = "widget auto";
    frame.dataset.kind = "error";
    const box = frame.appendChild(document.createElement("div"));
    box.className = "error-box";
    box.setAttribute("role", "alert");
    box.lang = en ? "en" : "zh-CN";
    for (const [name, text] of [
      ["error-box-title", en ? "This widget cannot be shown" : "此组件无法显示"],
      ["error-box-message", en ? "It stopped after an internal error." : "组件内部出错，已停止。"],
    ]) {
      const p = box.appendChild(document.createElement("p"));
      p.className = name;
      p.textContent = text;
    }
    shadow.replaceChildren(frame);
  }
}

function onUncaught(error) {
  if (!(error instanceof WebAssembly.RuntimeError)) return;
  for (const name of started.keys()) {
    if (String(error.stack).includes(variants[name].wasm)) failUnfinished(name, "stopped by an internal error", error);
  }
}
addEventListener("error", (event) => onUncaught(event.error));
addEventListener("unhandledrejection", (event) => onUncaught(event.reason));

// Starts a variant once; resolves once its module has started (false if it could not). Its
// glue is imported through a <link rel="modulepreload"> carrying the glue's integrity (import()
// itself takes none; the module map then holds the checked glue or, on a mismatch, the
// failure), and its WASM is requested at the same time, with its integrity, rather than after
// the glue has arrived.
function start(name) {
  if (started.has(name)) return started.get(name);
  const variant = variants[name];
  const url = (file) => new URL(file, import.meta.url).href;
  const preload = document.createElement("link");
  preload.rel = "modulepreload";
  preload.href = url(variant.module);
  preload.integrity = variant.moduleIntegrity;
  preload.crossOrigin = "anonymous";
  document.head.append(preload);
  const wasm = fetch(new Request(url(variant.wasm), { integrity: variant.wasmIntegrity }));
  wasm.catch(() => {}); // reported once, below, when the glue awaits it
  const running = import(preload.href)
    .then((glue) => glue.startFeatureWidgets(wasm))
    .then(() => true, (error) => { failUnfinished(name, "could not start", error); return false; });
  started.set(name, running);
  return running;
}

// The full module beside the first one: for placeholders handed over, or for images.
function startFull() {
  fullBeside = true;
  return start("full");
}

// Only the full module has the code that draws a widget's PNG and SVG (~7.5 KB brotli that
// most readers never use). A widget of another module asks for its image with this event on
// its placeholder (crates/widgets/src/download.rs): the full module is loaded on the first
// request and draws it from the placeholder's configuration and the view the event describes;
// `done` tells the widget whether the file was offered (else its box says the image could not
// be made).
addEventListener("feature-widgets-image", (event) => {
  const host = event.target;
  const ask = event.detail;
  if (!(host instanceof Element) || typeof ask?.done !== "function") return;
  event.preventDefault();
  startFull()
    .then(() => globalThis.FeatureWidgetsFull?.image?.(host, ask.format, ask.figure, ask.width, ask.height) === true)
    .catch(() => false)
    .then((ok) => ask.done(ok));
});

// <feature-widget widget="tally" lang="en">: a placeholder whose options are plain attributes.
// The module finds, mounts and unmounts it like a [data-widget] one (crates/embed/src/
// custom_element.rs); the element adds only re-rendering when an option attribute changes. It is
// defined here, not in Rust, because a class extending HTMLElement cannot be made from WASM
// without eval (forbidden by the CSP). One observer per element sees every attribute, including
// unknown ones (which the widget's error box then names), and batches several changes into one
// re-render; data-* attributes are the module's own state, not options. The module serving the
// element re-renders it: the first module, or the full one beside it.
if (!customElements.get("feature-widget")) {
  customElements.define("feature-widget", class extends HTMLElement {
    #options = new MutationObserver((records) => {
      if (!records.some((r) => !r.attributeName.startsWith("data-"))) return;
      for (const api of [globalThis.FeatureWidgets, globalThis.FeatureWidgetsFull]) {
        if (api?.unmount(this)) return void api.mount(this);
      }
    });
    connectedCallback() { this.#options.observe(this, { attributes: true }); }
    disconnectedCallback() { this.#options.disconnect(); }
  });
}

const first = pick();
start(first);
if (first !== "full") {
  const handedOver = new MutationObserver((records) => {
    if (records.some((r) => r.target.getAttribute(MARK) === "full")) {
      handedOver.disconnect();
      startFull();
    }
  });
  handedOver.observe(document, { subtree: true, attributes: true, attributeFilter: [MARK] });
}
