//! What `dist` does to wasm-bindgen's JS glue, and to the WASM's import and export names.
//!
//! wasm-bindgen names each import `__wbg_<method>_<16 hex digits>` (about 200 of them), and each
//! name is spelled twice: in the WASM's import section and as a key of the glue's import object.
//! wasm-opt's `--minify-imports-and-exports-and-modules` renames them (`a`, `b`, … `$c`) and
//! prints the mapping; [`rename`] applies that mapping to the glue. The glue's shape is
//! wasm-bindgen's, not ours: every rewrite checks that it found exactly what it expects and the
//! result is checked against the WASM's own import and export lists ([`check_links`]), so a new
//! wasm-bindgen that changes the shape fails the build instead of shipping a module that cannot
//! link. The end-to-end tests then instantiate the real thing.

/// This module's own failures, as the words that say which rule the glue or WASM broke;
/// `dist` wraps them in [`crate::error::Error::Glue`].
type Result<T = ()> = std::result::Result<T, String>;
use serde::Deserialize;

/// The mapping wasm-opt prints for `--minify-imports-and-exports-and-modules`.
#[derive(Deserialize, Debug)]
pub struct NameMap {
    /// `[module, old name, new name]`.
    pub imports: Vec<(String, String, String)>,
    /// `[old name, new name]`.
    pub exports: Vec<(String, String)>,
}

impl NameMap {
    pub fn parse(json: &str) -> Result<NameMap> {
        serde_json::from_str(json).map_err(|e| format!("wasm-opt's name mapping: {e}"))
    }
}

/// Where wasm-bindgen's glue puts each import: one key per line in `__wbg_get_imports`.
const IMPORT_KEY_INDENT: &str = "\n        ";

/// Applies wasm-opt's renaming to the glue: the import module's name (`new_module`, read from
/// the minified WASM), each import's key, and each `wasm.<export>` use.
pub fn rename(glue: &str, map: &NameMap, new_module: &str) -> Result<String> {
    let shape_changed = |what: &str| {
        Err(format!(
            "wasm-bindgen glue changed shape ({what}); update xtask/src/glue.rs"
        ))
    };
    let mut modules: Vec<&str> = map.imports.iter().map(|(m, ..)| m.as_str()).collect();
    modules.dedup();
    let [old_module] = modules.as_slice() else {
        return shape_changed(&format!("imports from {modules:?}, not one module"));
    };
    let mut out = replace_once(
        glue,
        &format!("\"{old_module}\": import0"),
        &format!("\"{new_module}\": import0"),
    )
    .or_else(|_| shape_changed(&format!("no single `\"{old_module}\": import0`")))?;

    for (_, old, new) in &map.imports {
        out = replace_once(
            &out,
            &format!("{IMPORT_KEY_INDENT}{old}: "),
            &format!("{IMPORT_KEY_INDENT}{new}: "),
        )
        .or_else(|_| shape_changed(&format!("import `{old}` is not one key of import0")))?;
        if out.contains(old.as_str()) {
            return shape_changed(&format!("import `{old}` is named outside import0"));
        }
    }
    for (old, new) in &map.exports {
        out = replace_tokens(&out, &format!("wasm.{old}"), &format!("wasm.{new}"));
    }
    // No export may be reached another way (`instance.exports.x`, `wasm['x']`). The glue's own
    // wrapper functions may share an export's name: locals, which terser renames anyway.
    for (old, _) in &map.exports {
        if [".", "'", "\"", "`"]
            .iter()
            .any(|p| contains_token(&out, &format!("{p}{old}")))
        {
            return shape_changed(&format!("export `{old}` is used other than as wasm.{old}"));
        }
    }
    Ok(out)
}

/// Checks the renamed glue against the WASM it loads: every import the WASM declares is a key of
/// the glue's import object under the module name the glue provides, and every `wasm.<name>`
/// the glue uses is an export of the WASM.
pub fn check_links(glue: &str, wasm: &Interface) -> Result {
    for (module, name) in &wasm.imports {
        if !glue.contains(&format!("\"{module}\": import0"))
            || !glue.contains(&format!("{IMPORT_KEY_INDENT}{name}: "))
        {
            return Err(format!(
                "the glue does not provide the WASM's import {module}.{name}; see xtask/src/glue.rs"
            ));
        }
    }
    for used in tokens_after(glue, "wasm.") {
        if !wasm.exports.iter().any(|e| e == used) {
            return Err(format!(
                "the glue calls wasm.{used}, which the WASM does not export; see xtask/src/glue.rs"
            ));
        }
    }
    Ok(())
}

/// `text` with the one occurrence of `from` replaced; an error if there is none or several.
fn replace_once(text: &str, from: &str, to: &str) -> Result<String> {
    match text.match_indices(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(format!("`{from}` found {n} times")),
    }
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// Replaces `from` wherever it is a whole token: not followed by an identifier character
/// (`wasm.__wbindgen_export` must not touch `wasm.__wbindgen_export2`) nor preceded by one.
fn replace_tokens(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(from) {
        let (before, tail) = rest.split_at(at);
        let after = tail.get(from.len()..).unwrap_or_default();
        let whole = !after.starts_with(is_ident_char)
            && !before.ends_with(is_ident_char)
            && !before.ends_with('.');
        out.push_str(before);
        out.push_str(if whole { to } else { from });
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Whether `word` occurs in `text` and is not part of a longer identifier.
fn contains_token(text: &str, word: &str) -> bool {
    let open_start = !word.starts_with(is_ident_char);
    text.match_indices(word).any(|(at, _)| {
        let before = text.get(..at).unwrap_or_default();
        let after = text.get(at + word.len()..).unwrap_or_default();
        (open_start || !before.ends_with(is_ident_char)) && !after.starts_with(is_ident_char)
    })
}

/// The identifiers that follow each whole-token `prefix` (e.g. every `x` in `wasm.x`).
fn tokens_after<'a>(text: &'a str, prefix: &str) -> Vec<&'a str> {
    let mut found: Vec<&str> = text
        .match_indices(prefix)
        .filter(|(at, _)| {
            !text
                .get(..*at)
                .unwrap_or_default()
                .ends_with(|c| is_ident_char(c) || c == '.')
        })
        .filter_map(|(at, _)| {
            let tail = text.get(at + prefix.len()..)?;
            let end = tail.find(|c| !is_ident_char(c)).unwrap_or(tail.len());
            tail.get(..end).filter(|t| !t.is_empty())
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// A WASM module's imports (module, name) and export names, read from its binary.
#[derive(Debug, Default, PartialEq)]
pub struct Interface {
    pub imports: Vec<(String, String)>,
    pub exports: Vec<String>,
}

impl Interface {
    /// Reads the import (2) and export (7) sections; other sections are skipped.
    pub fn read(wasm: &[u8]) -> Result<Interface> {
        let mut r = Reader { bytes: wasm, at: 0 };
        if r.take(8)? != b"\0asm\x01\0\0\0" {
            return Err("not a WASM module (version 1)".into());
        }
        let mut interface = Interface::default();
        while r.at < wasm.len() {
            let id = r.byte()?;
            let size = r.uleb()? as usize;
            let body = r.take(size)?;
            let mut s = Reader { bytes: body, at: 0 };
            match id {
                2 => {
                    for _ in 0..s.uleb()? {
                        let module = s.name()?;
                        let name = s.name()?;
                        s.import_desc()?;
                        interface.imports.push((module, name));
                    }
                }
                7 => {
                    for _ in 0..s.uleb()? {
                        interface.exports.push(s.name()?);
                        s.byte()?;
                        s.uleb()?;
                    }
                }
                _ => {}
            }
        }
        Ok(interface)
    }

    /// The one module every import comes from (wasm-bindgen's glue provides exactly one).
    pub fn import_module(&self) -> Result<&str> {
        let first = self.imports.first().map(|(m, _)| m.as_str()).unwrap_or("");
        if self.imports.iter().any(|(m, _)| m != first) {
            return Err("the WASM imports from more than one module".into());
        }
        Ok(first)
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let slice = self
            .bytes
            .get(self.at..self.at.saturating_add(n))
            .ok_or("WASM ends early")?;
        self.at += n;
        Ok(slice)
    }

    fn byte(&mut self) -> Result<u8> {
        self.take(1)?
            .first()
            .copied()
            .ok_or_else(|| "WASM ends early".into())
    }

    fn uleb(&mut self) -> Result<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("malformed LEB128 in WASM".into())
    }

    fn name(&mut self) -> Result<String> {
        let len = self.uleb()? as usize;
        String::from_utf8(self.take(len)?.to_vec()).map_err(|_| "non-UTF-8 name in WASM".into())
    }

    fn limits(&mut self) -> Result {
        let flags = self.byte()?;
        self.uleb()?;
        if flags & 1 != 0 {
            self.uleb()?;
        }
        Ok(())
    }

    /// Skips an import's description: function, table, memory, global or tag.
    fn import_desc(&mut self) -> Result {
        match self.byte()? {
            0 => self.uleb().map(drop),
            1 => {
                self.byte()?;
                self.limits()
            }
            2 => self.limits(),
            3 => self.take(2).map(drop),
            4 => {
                self.byte()?;
                self.uleb().map(drop)
            }
            kind => Err(format!("unknown import kind {kind} in WASM")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape of wasm-bindgen 0.2's `--target web` glue, cut down to what `rename` touches.
    const GLUE: &str = r#"export function start() {
    wasm.start();
}
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_appendChild_fb8c52e7dd8484ea: function() { return handleError(function (arg0, arg1) {
            const ret = getObject(arg0).appendChild(getObject(arg1));
            return addHeapObject(ret);
        }, arguments); },
        __wbindgen_object_drop_ref: function(arg0) {
            takeObject(arg0);
        },
    };
    return {
        __proto__: null,
        "./embed_bg.js": import0,
    };
}
function passStringToWasm0(arg, malloc, realloc) {
    const ptr = malloc(arg.length, 1) >>> 0;
    new Uint8Array(wasm.memory.buffer).set(arg, ptr);
}
const a = passStringToWasm0(s, wasm.__wbindgen_export, wasm.__wbindgen_export2);
function __wbg_finalize_init(instance, module) {
    wasm = instance.exports;
    wasm.__wbindgen_start();
}
function __wbindgen_export(arg0) {
    wasm.__wbindgen_export(arg0);
}
"#;

    fn map() -> NameMap {
        NameMap::parse(
            r#"{
 "imports": [
  ["./embed_bg.js", "__wbg_appendChild_fb8c52e7dd8484ea", "a"],
  ["./embed_bg.js", "__wbindgen_object_drop_ref", "$"]
 ],
"exports": [
  ["__wbindgen_start", "$c"],
  ["memory", "Jc"],
  ["start", "Kc"],
  ["__wbindgen_export", "Vc"],
  ["__wbindgen_export2", "Wc"]
 ]
}"#,
        )
        .unwrap()
    }

    fn interface() -> Interface {
        Interface {
            imports: vec![("m".into(), "a".into()), ("m".into(), "$".into())],
            exports: ["$c", "Jc", "Kc", "Vc", "Wc"].map(String::from).to_vec(),
        }
    }

    #[test]
    fn renames_imports_module_and_exports() {
        let out = rename(GLUE, &map(), "m").unwrap();
        assert!(out.contains("\n        a: function() { return handleError("));
        assert!(out.contains("\n        $: function(arg0) {"));
        assert!(out.contains("\"m\": import0"));
        assert!(out.contains("passStringToWasm0(s, wasm.Vc, wasm.Wc)"));
        assert!(out.contains("new Uint8Array(wasm.Jc.buffer)"));
        assert!(out.contains("wasm.$c();"));
        assert!(out.contains("    wasm.Kc();\n"));
        // The JS export keeps its name; only the WASM's export is renamed.
        assert!(out.contains("export function start() {"));
        assert!(!out.contains("__wbg_appendChild"));
        assert!(!out.contains("wasm.__w"));
        check_links(&out, &interface()).unwrap();
    }

    #[test]
    fn fails_when_the_glue_changes_shape() {
        // An import referenced outside the import object.
        let extra = format!("{GLUE}\nconst f = import0.__wbg_appendChild_fb8c52e7dd8484ea;\n");
        assert!(rename(&extra, &map(), "m").is_err());
        // An import key the mapping names but the glue lacks.
        let missing = GLUE.replace("__wbindgen_object_drop_ref: ", "__wbindgen_drop: ");
        assert!(rename(&missing, &map(), "m").is_err());
        // The import module under another shape.
        let module = GLUE.replace("\"./embed_bg.js\": import0", "'./embed_bg.js': import0");
        assert!(rename(&module, &map(), "m").is_err());
        // An export used through another path than `wasm.`.
        let export = format!("{GLUE}\ninstance.exports.__wbindgen_start();\n");
        assert!(rename(&export, &map(), "m").is_err());
        let export = format!("{GLUE}\nwasm['memory'].buffer;\n");
        assert!(rename(&export, &map(), "m").is_err());
    }

    #[test]
    fn link_check_finds_missing_imports_and_exports() {
        let out = rename(GLUE, &map(), "m").unwrap();
        let mut more_imports = interface();
        more_imports.imports.push(("m".into(), "b".into()));
        assert!(check_links(&out, &more_imports).is_err());
        let mut other_module = interface();
        other_module.imports = vec![("n".into(), "a".into())];
        assert!(check_links(&out, &other_module).is_err());
        let mut fewer_exports = interface();
        fewer_exports.exports.retain(|e| e != "Wc");
        assert!(check_links(&out, &fewer_exports).is_err());
    }

    #[test]
    fn token_replacement_respects_identifier_boundaries() {
        assert_eq!(
            replace_tokens(
                "wasm.ab wasm.abc xwasm.ab a.wasm.ab wasm.ab)",
                "wasm.ab",
                "wasm.z"
            ),
            "wasm.z wasm.abc xwasm.ab a.wasm.ab wasm.z)"
        );
        assert_eq!(
            tokens_after("wasm.a(wasm.$b) xwasm.c wasm.a", "wasm."),
            vec!["$b", "a"]
        );
        assert!(contains_token("f(__w_x2, __w_x)", "__w_x"));
        assert!(!contains_token("f(__w_x2, a__w_x)", "__w_x"));
        assert!(contains_token("a.exports.__w_x()", ".__w_x"));
    }

    #[test]
    fn reads_imports_and_exports_of_a_module() {
        // (module (import "m" "f" (func)) (import "m" "mem" (memory 1 2))
        //   (import "m" "g" (global i32)) (import "m" "t" (table 1 funcref))
        //   (func (export "run")) (export "mem2" (memory 0)))
        let wasm: Vec<u8> = [
            &b"\0asm\x01\0\0\0"[..],
            &[1, 4, 1, 0x60, 0, 0],    // type section: () -> ()
            &[2, 32, 4],               // import section, 4 entries
            &[1, b'm', 1, b'f', 0, 0], // func, type 0
            &[1, b'm', 3, b'm', b'e', b'm', 2, 1, 1, 2], // memory, min 1 max 2
            &[1, b'm', 1, b'g', 3, 0x7f, 0], // global i32, immutable
            &[1, b'm', 1, b't', 1, 0x70, 0, 1], // table funcref, min 1
            &[3, 2, 1, 0],             // function section
            &[
                7, 14, 2, 3, b'r', b'u', b'n', 0, 1, 4, b'm', b'e', b'm', b'2', 2, 0,
            ],
            &[10, 4, 1, 2, 0, 0x0b], // code: one empty body
        ]
        .concat();
        let read = Interface::read(&wasm).unwrap();
        let names: Vec<(&str, &str)> = read
            .imports
            .iter()
            .map(|(m, n)| (m.as_str(), n.as_str()))
            .collect();
        assert_eq!(names, [("m", "f"), ("m", "mem"), ("m", "g"), ("m", "t")]);
        assert_eq!(read.exports, ["run", "mem2"]);
        assert_eq!(read.import_module().unwrap(), "m");
        assert!(Interface::read(&wasm[..wasm.len() - 3]).is_err());
        assert!(Interface::read(b"\0asm\x02\0\0\0").is_err());
    }
}
