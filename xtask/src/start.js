
// Added by `cargo xtask dist` (xtask/src/start.js) to each module variant's glue. The entry
// module (xtask/src/entry.js) imports this glue and calls `startFeatureWidgets` with the WASM's
// response, which it requested with the WASM's Subresource Integrity beside the glue's import
// (not after it); Rust's `#[wasm_bindgen(start)]` then runs inside init.
export function startFeatureWidgets(wasmResponse) {
  return __wbg_init({ module_or_path: wasmResponse });
}
