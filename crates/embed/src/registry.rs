//! The page's placeholders and the observers that drive them.
//!
//! Lifecycle of a placeholder: registered (config parsed; an invalid one shows its error box at
//! once) -> waiting until it comes within about one viewport of the screen -> mounted (a pooled
//! slot moved into its shadow root, told its [`Visibility`]) -> unmounted when it leaves the
//! document (the slot is emptied, which drops the widget's listeners, timers and animation
//! frames, and goes back to the pool; see `slot.rs` for why slots are pooled).

use crate::handoff::{self, Role};
use crate::placeholder::{self, SELECTOR};
use crate::shadow::{self, SheetKind, Sheets};
use crate::slot::{App, Callback, Content, SlotProps};
use crate::{with_embed, Error};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use js_sys::Array;
use std::rc::Rc;
#[cfg(feature = "src")]
use story::config::{ConfigError, Expected, SeriesFileError, SrcFile};
#[cfg(feature = "src")]
use story::WidgetKind;
use story::{Lang, WidgetConfig};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit,
    MutationObserver, MutationObserverInit, MutationRecord, Window,
};
#[cfg(feature = "src")]
use widgets::src_file;
use widgets::Visibility;

/// How far outside the viewport a placeholder starts mounting: one viewport height.
const NEAR_MARGIN: &str = "100% 0px";

/// A slot and the element it renders into, moved between shadow roots of one kind.
struct Mount {
    root: Element,
    app: App,
    /// What this slot renders, for good: its root is in the pool of that kind, whose
    /// stylesheet its shadow roots adopt.
    kind: SheetKind,
}

enum State {
    /// Valid config; not yet near the viewport.
    Waiting(WidgetConfig),
    /// A tally or chart whose `src` file decides its story: not yet near the viewport
    /// (`false`), or being read (`true`); configured once it is read.
    #[cfg(feature = "src")]
    File(String, bool),
    Mounted(Mount, Mounted),
    Failed(Mount),
    /// Failed where no error box can be shown (the element cannot hold a shadow root).
    Inert,
}

/// What a mounted widget is drawn with, besides its visibility and the page's theme: made once
/// per mount; a refresh (visibility or theme) tells the same widget (same key) what changed.
struct Mounted {
    config: WidgetConfig,
    /// Identifies this mount's widget inside the (reused) slot.
    key: u32,
    /// The placeholder's width at mount, read once: a refresh runs from an observer's
    /// callback, where reading layout again would force a synchronous layout while scrolling.
    width: Option<f64>,
    on_ready: Callback<()>,
    on_error: Callback<String>,
}

struct Slot {
    host: Element,
    on_screen: bool,
    state: State,
}

pub(crate) struct Embed {
    document: Document,
    /// Which placeholders this module serves (see handoff.rs).
    role: Role,
    slots: Vec<Slot>,
    sheets: Sheets,
    /// Emptied slots, ready for the next mount of their kind. One pool per kind keeps each
    /// app's delegated listeners to its own kind's event types, so the page's listener count
    /// is fixed by how many widgets of each kind are mounted at once (see `slot.rs`).
    pool: Vec<Mount>,
    /// Key of the latest widget mounted; each mount takes a new one.
    generation: u32,
    page_visible: bool,
    /// Placeholders that came near the screen, waiting to mount: one per task (see
    /// [`Embed::wake_next`]), so no single task mounts every widget of the page.
    queue: Vec<Element>,
    /// The task that mounts the next queued placeholder, while one is scheduled.
    next_mount: Option<Timeout>,
    /// Mounts placeholders that come near the viewport.
    near: IntersectionObserver,
    /// Tracks which mounted placeholders are on screen.
    seen: IntersectionObserver,
    mutations: MutationObserver,
    // The callbacks above live exactly as long as this state: kept, never forgotten.
    _on_near: Closure<dyn FnMut(Array)>,
    _on_seen: Closure<dyn FnMut(Array)>,
    _on_mutations: Closure<dyn FnMut(Array)>,
    _on_visibility: EventListener,
}

impl Embed {
    pub(crate) fn new(window: &Window, role: Role) -> Option<Self> {
        let document = window.document()?;
        let on_near = Closure::<dyn FnMut(Array)>::new(|entries: Array| {
            with_embed(|embed| embed.on_near(&entries));
        });
        let init = IntersectionObserverInit::new();
        init.set_root_margin(NEAR_MARGIN);
        let near =
            IntersectionObserver::new_with_options(on_near.as_ref().unchecked_ref(), &init).ok()?;
        let on_seen = Closure::<dyn FnMut(Array)>::new(|entries: Array| {
            with_embed(|embed| embed.on_seen(&entries));
        });
        let seen = IntersectionObserver::new(on_seen.as_ref().unchecked_ref()).ok()?;
        let on_mutations = Closure::<dyn FnMut(Array)>::new(|records: Array| {
            with_embed(|embed| embed.on_mutations(&records));
        });
        let mutations = MutationObserver::new(on_mutations.as_ref().unchecked_ref()).ok()?;
        let options = MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        if role == Role::Beside {
            // Placeholders the lean module hands over later are marked, not added.
            options.set_attribute_filter(&Array::of1(&JsValue::from_str(handoff::MODULE)));
        }
        mutations.observe_with_options(&document, &options).ok()?;
        let on_visibility = EventListener::new(&document, "visibilitychange", |_| {
            with_embed(Embed::on_visibility_change);
        });
        Some(Embed {
            page_visible: !document.hidden(),
            document,
            role,
            slots: Vec::new(),
            sheets: Sheets::default(),
            pool: Vec::new(),
            generation: 0,
            queue: Vec::new(),
            next_mount: None,
            near,
            seen,
            mutations,
            _on_near: on_near,
            _on_seen: on_seen,
            _on_mutations: on_mutations,
            _on_visibility: on_visibility,
        })
    }

    /// Registers every placeholder already in the document.
    pub(crate) fn scan(&mut self) {
        self.register_within(&self.document.clone().into());
    }

    /// `FeatureWidgets.mount(element)`: registers the element and mounts it now, near the
    /// viewport or not. True if the element is (now) managed by this module.
    pub(crate) fn mount_now(&mut self, host: Element) -> bool {
        let Some(index) = self.register(host) else {
            return false;
        };
        self.wake(index);
        true
    }

    /// `FeatureWidgets.unmount(element)`: destroys its widget and forgets it. True if it was
    /// managed.
    pub(crate) fn unmount(&mut self, host: &Element) -> bool {
        let Some(index) = self.position(host) else {
            return false;
        };
        let slot = self.slots.remove(index);
        self.teardown(slot);
        true
    }

    fn position(&self, host: &Element) -> Option<usize> {
        self.slots.iter().position(|slot| slot.host == *host)
    }

    fn register_within(&mut self, root: &web_sys::Node) {
        if let Some(el) = root.dyn_ref::<Element>() {
            if el.matches(SELECTOR).unwrap_or(false) {
                self.register(el.clone());
            }
        }
        let list = match root.dyn_ref::<Element>() {
            Some(el) => el.query_selector_all(SELECTOR),
            None => match root.dyn_ref::<Document>() {
                Some(doc) => doc.query_selector_all(SELECTOR),
                None => return,
            },
        };
        let Ok(list) = list else {
            return;
        };
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                self.register(el);
            }
        }
    }

    /// Reads the placeholder's config; an invalid one shows its error at once, a valid one
    /// waits to come near the viewport. Returns the slot's index, or `None` for a placeholder
    /// the other module serves (see handoff.rs).
    fn register(&mut self, host: Element) -> Option<usize> {
        if let Some(index) = self.position(&host) {
            return Some(index);
        }
        if !self.role.serves(&host) {
            return None;
        }
        shadow::adopt_declared(&host);
        let options = placeholder::options(&host);
        let json = placeholder::json_options(&host);
        let attrs = || options.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        // `None`: a placeholder this (lean) module cannot draw: it names a file, or its kind was
        // left out.
        let parsed = match WidgetConfig::story_src(attrs(), json.as_deref()) {
            Err(err) => Err(err),
            #[cfg(feature = "src")]
            Ok(Some(src)) => Ok(Some(State::File(src, false))),
            #[cfg(not(feature = "src"))]
            Ok(Some(_)) => Ok(None),
            Ok(None) => WidgetConfig::parse(attrs(), json.as_deref())
                .map(|config| handoff::can_draw(&config).then_some(State::Waiting(config))),
        };
        let state = match parsed {
            Ok(None) => {
                handoff::to_full(&host);
                return None;
            }
            Ok(Some(state)) => {
                self.near.observe(&host);
                self.seen.observe(&host);
                state
            }
            Err(err) => {
                let lang = placeholder::message_lang(&options);
                self.fail(&host, lang, err.into())
            }
        };
        self.slots.push(Slot {
            host,
            on_screen: false,
            state,
        });
        Some(self.slots.len() - 1)
    }

    fn fail(&mut self, host: &Element, lang: Lang, err: Error) -> State {
        self.fail_with(host, lang, err.message(lang))
    }

    /// Shows `message` in the placeholder's box instead of its widget.
    fn fail_with(&mut self, host: &Element, lang: Lang, message: String) -> State {
        placeholder::report_error(host, &message);
        let Some(mut mount) = self.acquire(host, SheetKind::Error) else {
            return State::Inert;
        };
        // The error box replaces a static layer: the page's graphic no longer matches its options.
        shadow::drop_static(host, &mount.root);
        mount.app.update(SlotProps {
            content: Content::Failed { lang, message },
        });
        State::Failed(mount)
    }

    /// Mounts the widget of a waiting placeholder, or asks for its `src` file.
    fn wake(&mut self, index: usize) {
        #[cfg(feature = "src")]
        if let Some(Slot {
            host,
            state: State::File(src, requested),
            ..
        }) = self.slots.get_mut(index)
        {
            if !*requested {
                *requested = true;
                placeholder::report_loading(host, true);
                let (host, src, address) = (host.clone(), src.clone(), src.clone());
                self.near.unobserve(&host);
                let done = move |file: src_file::Loaded| {
                    with_embed(|embed| embed.file_read(&host, &src, &file));
                };
                src_file::load(&address, Box::new(done));
            }
            return;
        }
        let Some(Slot {
            host,
            state: State::Waiting(config),
            ..
        }) = self.slots.get(index)
        else {
            return;
        };
        let (host, config) = (host.clone(), config.clone());
        self.near.unobserve(&host);
        let Some(mount) = self.acquire(&host, SheetKind::Widget(config.kind)) else {
            placeholder::report_error(&host, &Error::NoShadowRoot.message(Lang::En));
            if let Some(slot) = self.slots.get_mut(index) {
                slot.state = State::Inert;
            }
            return;
        };
        let (ready, failed, root) = (host.clone(), host.clone(), mount.root.clone());
        let failed_root = root.clone();
        let mounted = Mounted {
            config,
            key: self.next_key(),
            // Laid out for the box it fills from the first render.
            width: Some(host.get_bounding_client_rect().width()).filter(|w| *w > 0.0),
            on_ready: Rc::new(move |()| {
                shadow::drop_static(&ready, &root);
                placeholder::report_ready(&ready)
            }),
            // The widget shows its error box: it takes the static layer's place too.
            on_error: Rc::new(move |message: String| {
                shadow::drop_static(&failed, &failed_root);
                placeholder::report_error(&failed, &message)
            }),
        };
        if let Some(slot) = self.slots.get_mut(index) {
            slot.state = State::Mounted(mount, mounted);
        }
        self.refresh(index);
    }

    #[cfg(feature = "src")]
    /// Configures a placeholder with its `src` file, now read: with the story of a bundle; for
    /// the chart, with its series file (which the chart reads, and whose errors it shows beside
    /// the source's totals); otherwise the file's error in the placeholder's box.
    fn file_read(&mut self, host: &Element, src: &str, file: &src_file::Loaded) {
        // Gone meanwhile, or removed and added again and configured by an earlier answer.
        let Some(index) = self.position(host) else {
            return;
        };
        if !matches!(
            self.slots.get(index),
            Some(Slot {
                state: State::File(..),
                ..
            })
        ) {
            return;
        }
        placeholder::report_loading(host, false);
        let options = placeholder::options(host);
        let json = placeholder::json_options(host);
        let attrs = options.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        let lang = placeholder::message_lang(&options);
        // Messages, not errors: the file's error is shared by every widget that names it.
        let refused = |e: story::ConfigError| Error::from(e).message(lang);
        let parsed = match &**file {
            Ok(SrcFile::Story(story)) => {
                WidgetConfig::parse_for(attrs, json.as_deref(), Some(story)).map_err(refused)
            }
            other => match WidgetConfig::parse(attrs, json.as_deref()) {
                Err(e) => Err(refused(e)),
                Ok(config) => match (config.kind, other) {
                    // A bundle with a mistake: no story to draw, not even the built-in one's
                    // totals beside the message (as the chart does when its series fails).
                    (_, Err(e @ SeriesFileError::Story(_))) => Err(e.message(src, lang)),
                    (WidgetKind::Payments, _) => Ok(config),
                    (_, Err(e)) => Err(e.message(src, lang)),
                    (_, Ok(_)) => Err(SeriesFileError::Invalid(ConfigError::WrongType {
                        field: "src".into(),
                        value: "[…]".into(),
                        expected: Expected::StoryBundle,
                    })
                    .message(src, lang)),
                },
            },
        };
        let state = match parsed {
            Ok(config) => State::Waiting(config),
            Err(message) => self.fail_with(host, lang, message),
        };
        let waiting = matches!(state, State::Waiting(_));
        if let Some(slot) = self.slots.get_mut(index) {
            slot.state = state;
        }
        if waiting {
            self.wake(index);
        }
    }

    fn next_key(&mut self) -> u32 {
        self.generation = self.generation.wrapping_add(1);
        self.generation
    }

    /// A slot of `kind` from the pool (or a new one), its root moved into `host`'s styled
    /// shadow root.
    fn acquire(&mut self, host: &Element, kind: SheetKind) -> Option<Mount> {
        let pooled = self.pool.iter().rposition(|mount| mount.kind == kind);
        let mount = match pooled.map(|i| self.pool.swap_remove(i)) {
            Some(mount) => mount,
            None => {
                let root = self.document.create_element("div").ok()?;
                root.set_class_name("fw-root");
                let app = App::new(&root, kind);
                Mount { root, app, kind }
            }
        };
        if shadow::prepare(host, &mut self.sheets, kind, &mount.root).is_none() {
            self.pool.push(mount);
            return None;
        }
        Some(mount)
    }

    /// Empties a slot, detaches its root and returns it to the pool.
    fn release(&mut self, mut mount: Mount) {
        shadow::show(&mount.root, true);
        mount.app.update(SlotProps {
            content: Content::Empty,
        });
        mount.root.remove();
        self.pool.push(mount);
    }

    fn visibility_of(&self, index: usize) -> Visibility {
        Visibility {
            on_screen: self.slots.get(index).is_some_and(|slot| slot.on_screen),
            page_visible: self.page_visible,
        }
    }

    /// Renders a mounted widget with its current visibility.
    fn refresh(&mut self, index: usize) {
        let visibility = self.visibility_of(index);
        if let Some(Slot {
            state: State::Mounted(mount, mounted),
            ..
        }) = self.slots.get_mut(index)
        {
            mount.app.update(SlotProps {
                content: Content::Widget {
                    key: mounted.key,
                    config: crate::host_theme::follow_page(mounted.config.clone()),
                    visibility,
                    width: mounted.width,
                    on_ready: mounted.on_ready.clone(),
                    on_error: mounted.on_error.clone(),
                },
            });
        }
    }

    fn on_near(&mut self, entries: &Array) {
        for entry in entries.iter() {
            let Ok(entry) = entry.dyn_into::<IntersectionObserverEntry>() else {
                continue;
            };
            let host = entry.target();
            if entry.is_intersecting() && !self.queue.contains(&host) {
                self.queue.push(host);
            }
        }
        self.schedule_mount();
    }

    /// Mounts the next queued placeholder in a task of its own. A widget's mount (its first
    /// render, layout and drawing) is tens of milliseconds on a slow phone; three in one task
    /// would block the main thread for their sum, and input with it.
    fn schedule_mount(&mut self) {
        if self.next_mount.is_none() && !self.queue.is_empty() {
            self.next_mount = Some(Timeout::new(0, || {
                with_embed(Embed::wake_next);
            }));
        }
    }

    fn wake_next(&mut self) {
        // wasm-bindgen defers freeing a closure dropped while it runs, as this one is here.
        self.next_mount = None;
        if !self.queue.is_empty() {
            let host = self.queue.remove(0);
            if let Some(index) = self.position(&host) {
                self.wake(index);
            }
        }
        self.schedule_mount();
    }

    fn on_seen(&mut self, entries: &Array) {
        for entry in entries.iter() {
            let Ok(entry) = entry.dyn_into::<IntersectionObserverEntry>() else {
                continue;
            };
            let Some(index) = self.position(&entry.target()) else {
                continue;
            };
            if let Some(slot) = self.slots.get_mut(index) {
                slot.on_screen = entry.is_intersecting();
            }
            self.refresh(index);
        }
    }

    fn on_visibility_change(&mut self) {
        self.page_visible = !self.document.hidden();
        self.refresh_all();
    }

    /// Renders every mounted widget again (visibility or the page's theme changed).
    pub(crate) fn refresh_all(&mut self) {
        for index in 0..self.slots.len() {
            self.refresh(index);
        }
    }

    fn on_mutations(&mut self, records: &Array) {
        let mut removed = false;
        for record in records.iter() {
            let Ok(record) = record.dyn_into::<MutationRecord>() else {
                continue;
            };
            removed |= record.removed_nodes().length() > 0;
            // Only observed beside a lean module: a placeholder it has just handed over.
            if record.type_() == "attributes" {
                if let Some(host) = record.target().and_then(|t| t.dyn_into::<Element>().ok()) {
                    self.register(host);
                }
            }
            let added = record.added_nodes();
            for i in 0..added.length() {
                if let Some(node) = added.item(i) {
                    self.register_within(&node);
                }
            }
        }
        if removed {
            let (gone, kept) = std::mem::take(&mut self.slots)
                .into_iter()
                .partition(|slot| !slot.host.is_connected());
            self.slots = kept;
            for slot in gone {
                self.teardown(slot);
            }
        }
    }

    fn teardown(&mut self, slot: Slot) {
        self.queue.retain(|host| *host != slot.host);
        self.near.unobserve(&slot.host);
        self.seen.unobserve(&slot.host);
        match slot.state {
            State::Mounted(mount, ..) | State::Failed(mount) => self.release(mount),
            #[cfg(feature = "src")]
            State::File(..) => {}
            State::Waiting(_) | State::Inert => {}
        }
        shadow::release(&slot.host);
        placeholder::clear_state(&slot.host);
    }
}

impl Drop for Embed {
    fn drop(&mut self) {
        self.near.disconnect();
        self.seen.disconnect();
        self.mutations.disconnect();
    }
}
