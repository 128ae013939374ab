
// Added by `cargo xtask dist` (xtask/src/start.js). The module starts itself on import, fetching
// the WASM with Subresource Integrity. If it cannot start, or later traps, the placeholders it
// has not finished are marked failed, so no placeholder waits forever.
const wasmName = "WASM_NAME";

// A Rust panic is built as a bare trap (panic=immediate-abort, xtask/src/dist.rs): the JS
// callback that called into the module throws a WebAssembly.RuntimeError ("unreachable", or
// "memory access out of bounds" on a stack overflow) whose stack names the module's WASM (by its
// content-hashed file name, which survives a CDN's redirect). The module's state is unknown from
// then on. Widgets that finished rendering keep what they show; unfinished ones get
// data-widget-error and, once mounted, a generic error box (their shadow root already holds the
// error box's styles); not yet mounted ones keep their static fallback, and ones whose static
// layer is still in place (the page's own rendering of the graphic) keep that instead.
function failUnfinished(why, error) {
  console.error(`feature widgets: ${why}`, error);
  const unfinished = ":not([data-widget-ready]):not([data-widget-error])";
  for (const host of document.querySelectorAll(`[data-widget]${unfinished}, feature-widget${unfinished}`)) {
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
  if (error instanceof WebAssembly.RuntimeError && String(error.stack).includes(wasmName)) {
    failUnfinished("stopped by an internal error", error);
  }
}
addEventListener("error", (event) => onUncaught(event.error));
addEventListener("unhandledrejection", (event) => onUncaught(event.reason));

// <feature-widget widget="tally" lang="en">: a placeholder whose options are plain attributes.
// The module finds, mounts and unmounts it like a [data-widget] one (crates/embed/src/
// custom_element.rs); the element adds only re-rendering when an option attribute changes. It is
// defined here, not in Rust, because a class extending HTMLElement cannot be made from WASM
// without eval (forbidden by the CSP). One observer per element sees every attribute, including
// unknown ones (which the widget's error box then names), and batches several changes into one
// re-render; data-* attributes are the module's own state, not options.
if (!customElements.get("feature-widget")) {
  customElements.define("feature-widget", class extends HTMLElement {
    #options = new MutationObserver((records) => {
      const api = globalThis.FeatureWidgets;
      if (api && records.some((r) => !r.attributeName.startsWith("data-")) && api.unmount(this)) api.mount(this);
    });
    connectedCallback() { this.#options.observe(this, { attributes: true }); }
    disconnectedCallback() { this.#options.disconnect(); }
  });
}

__wbg_init({ module_or_path: new Request(new URL(wasmName, import.meta.url), { integrity: "WASM_INTEGRITY" }) })
  .catch((error) => failUnfinished("could not start", error));
