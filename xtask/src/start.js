
// Added by `cargo xtask dist` (xtask/src/start.js) to each module variant's glue. The entry
// module (xtask/src/entry.js) imports this glue and calls `start`, which fetches the variant's
// WASM with Subresource Integrity; Rust's `#[wasm_bindgen(start)]` then runs inside init.
export function start() {
  return __wbg_init({ module_or_path: new Request(new URL("WASM_NAME", import.meta.url), { integrity: "WASM_INTEGRITY" }) });
}
