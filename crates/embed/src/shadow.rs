//! The placeholder's shadow root and its adopted stylesheets.
//!
//! One constructable `CSSStyleSheet` per widget kind is built on first use and shared by every
//! shadow root of that kind. Constructable sheets are not subject to CSP `style-src`; only a
//! browser without them gets a `<style>` element instead (which a strict CSP would block).

use story::WidgetKind;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    CssStyleSheet, Element, HtmlElement, HtmlTemplateElement, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};

/// Which stylesheet a shadow root needs: a widget's, or the error box's alone.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum SheetKind {
    Widget(WidgetKind),
    Error,
}

impl SheetKind {
    fn css(self) -> String {
        match self {
            SheetKind::Widget(kind) => widgets::stylesheet(kind),
            SheetKind::Error => widgets::error_stylesheet(),
        }
    }
}

#[derive(Default)]
pub(crate) struct Sheets {
    built: Vec<(SheetKind, CssStyleSheet)>,
}

impl Sheets {
    fn get(&mut self, kind: SheetKind) -> Option<CssStyleSheet> {
        if let Some((_, sheet)) = self.built.iter().find(|(k, _)| *k == kind) {
            return Some(sheet.clone());
        }
        let sheet = CssStyleSheet::new().ok()?;
        sheet.replace_sync(&kind.css()).ok()?;
        self.built.push((kind, sheet.clone()));
        Some(sheet)
    }
}

/// Gives `host` an open shadow root (reusing one this module attached before, or the one the
/// page declared for the static layer), empties it, styles it for `kind` and moves `root` (the
/// element a slot renders into) inside it. A static layer (`data-static` on the host) stays
/// until the widget's first render is done ([`drop_static`]), so the reader never sees an empty
/// box. `None` when the element cannot hold a shadow root (e.g. `<img>`, or someone else
/// attached a closed one).
pub(crate) fn prepare(
    host: &Element,
    sheets: &mut Sheets,
    kind: SheetKind,
    root: &Element,
) -> Option<()> {
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .ok()?,
    };
    if host.has_attribute("data-static") {
        // The live root stays hidden until `drop_static` swaps it in (when the widget reports
        // ready), so no frame ever shows both layers, or neither.
        show(root, false);
    } else {
        clear(&shadow);
    }
    let document = host.owner_document()?;
    let adopted =
        js_sys::Reflect::has(&shadow, &JsValue::from_str("adoptedStyleSheets")).unwrap_or(false);
    match sheets.get(kind).filter(|_| adopted) {
        Some(sheet) => shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet)),
        None => {
            let style = document.create_element("style").ok()?;
            style.set_text_content(Some(&kind.css()));
            shadow.append_child(&style).ok()?;
        }
    }
    shadow.append_child(root).ok()?;
    Some(())
}

/// Attaches a placeholder's declared shadow root as the HTML parser would have: a placeholder
/// inserted by a script (`innerHTML`, a CMS's widget loader) keeps its `<template
/// shadowrootmode>` inert, so its static layer would never show.
pub(crate) fn adopt_declared(host: &Element) {
    if host.shadow_root().is_some() {
        return;
    }
    let template = host
        .query_selector(":scope > template[shadowrootmode]")
        .ok()
        .flatten()
        .and_then(|t| t.dyn_into::<HtmlTemplateElement>().ok());
    let Some(template) = template else {
        return;
    };
    let Ok(shadow) = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)) else {
        return;
    };
    if let Ok(content) = template.content().clone_node_with_deep(true) {
        let _ = shadow.append_child(&content);
    }
}

/// Removes the static layer once the live widget has rendered: everything in the shadow root
/// but `root` and the styles. Called in the same task as the widget's first render, before the
/// browser paints, so the live widget replaces the static one in a single frame.
pub(crate) fn drop_static(host: &Element, root: &Element) {
    show(root, true);
    // The attribute stays: it still tells the host stylesheet that nothing needs reserving.
    if !host.has_attribute("data-static") {
        return;
    }
    let Some(shadow) = host.shadow_root() else {
        return;
    };
    let children = shadow.children();
    for i in (0..children.length()).rev() {
        if let Some(child) = children.item(i) {
            if child != *root && child.tag_name() != "STYLE" {
                child.remove();
            }
        }
    }
}

/// Shows or hides the element a slot renders into (an inline `display` set through the CSSOM).
pub(crate) fn show(root: &Element, shown: bool) {
    if let Some(style) = root.dyn_ref::<HtmlElement>().map(HtmlElement::style) {
        let _ = if shown {
            style.remove_property("display").map(drop)
        } else {
            style.set_property("display", "none")
        };
    }
}

/// Empties the placeholder's shadow root, if it has one.
pub(crate) fn release(host: &Element) {
    if let Some(shadow) = host.shadow_root() {
        clear(&shadow);
    }
}

fn clear(shadow: &ShadowRoot) {
    while let Some(child) = shadow.last_child() {
        if shadow.remove_child(&child).is_err() {
            break;
        }
    }
}
