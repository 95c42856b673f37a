//! The Dossier app as a library: decodes the embedded corpus once, installs the panic hook and
//! mounts the Yew app ([`start`]); `main.rs` only calls it, so browser benchmarks in `tests/`
//! can render components too.
//!
//! Code map: `bodies` (document text: embedded, or fetched by chunk), `state` (the one reducer: view + notice), `route` (address bar and link clicks; the
//! URL format is the engine's `view`), `keys` (shortcuts), `filter` (the engine's search for a view, marks and
//! snippets), `cooccur` (co-occurrence ranking for the entity
//! page, app-side until an engine equivalent exists), `components/` (one component per file).

pub mod bodies;
pub mod components;
mod cooccur;
mod export;
mod filter;
mod keys;
mod route;
mod state;

use std::sync::OnceLock;

use dossier_engine::Corpus;

/// The corpus snapshot written by `build.rs`.
static SNAPSHOT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

static CORPUS: OnceLock<Corpus> = OnceLock::new();

/// The embedded corpus, decoded at start-up.
pub fn corpus() -> &'static Corpus {
    CORPUS.get_or_init(|| {
        dossier_engine::snapshot::decode_static(SNAPSHOT).expect("the embedded corpus decodes")
    })
}

/// Facet bitsets (one per entity, source and year), built on first use.
pub fn facets() -> &'static dossier_engine::search::facets::Facets {
    static FACETS: OnceLock<dossier_engine::search::facets::Facets> = OnceLock::new();
    FACETS.get_or_init(|| dossier_engine::search::facets::Facets::new(corpus()))
}

/// Facet counts against a result list. The entity, source and year panels each ask for the
/// same list on a keystroke; the last answer is kept, so the bitsets are intersected once.
pub fn facet_counts(
    results: &std::rc::Rc<Vec<dossier_engine::DocIdx>>,
) -> std::rc::Rc<dossier_engine::search::facets::FacetCounts> {
    type Memo = Option<(
        std::rc::Rc<Vec<dossier_engine::DocIdx>>,
        std::rc::Rc<dossier_engine::search::facets::FacetCounts>,
    )>;
    thread_local! {
        static LAST: std::cell::RefCell<Memo> = const { std::cell::RefCell::new(None) };
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((r, c)) = last.as_ref() {
            if std::rc::Rc::ptr_eq(r, results) || **r == **results {
                return c.clone();
            }
        }
        let f = facets();
        let counts = std::rc::Rc::new(f.counts(&f.set(results)));
        *last = Some((results.clone(), counts.clone()));
        counts
    })
}

/// The entities of a document, each once (for timeline series, bursts and the network): the
/// facet tables' document-to-entity lists, so the corpus holds one copy.
pub fn doc_entities(d: dossier_engine::DocIdx) -> &'static [dossier_engine::EntityIdx] {
    facets().document_entities(d)
}

/// Fingerprint of the embedded corpus, recorded in exports.
pub fn fingerprint() -> &'static str {
    static FINGERPRINT: OnceLock<String> = OnceLock::new();
    FINGERPRINT.get_or_init(|| export::fingerprint(SNAPSHOT))
}

/// Uses `corpus` instead of the embedded one, if nothing has read the corpus yet; for browser
/// benchmarks that render components over a generated corpus. Returns whether it took effect.
#[doc(hidden)]
pub fn use_corpus(corpus: Corpus) -> bool {
    CORPUS.set(corpus).is_ok()
}

/// Shows `message` in a visible `#fatal-error` box with a reload link and hides `#loading`.
/// The panic hook and a corpus that cannot be decoded end up here (public for its test).
#[doc(hidden)]
pub fn show_fatal(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(loading) = document.get_element_by_id("loading") {
        loading.remove();
    }
    let Some(body) = document.body() else { return };
    let existing = document.get_element_by_id("fatal-error");
    let Some(boxed) = existing.or_else(|| {
        let el = document.create_element("div").ok()?;
        el.set_id("fatal-error");
        el.set_attribute("role", "alert").ok()?;
        body.prepend_with_node_1(&el).ok()?;
        Some(el)
    }) else {
        return;
    };
    boxed.set_text_content(None);
    let build = || -> Option<()> {
        let h = document.create_element("h2").ok()?;
        h.set_text_content(Some("Dossier could not start"));
        boxed.append_child(&h).ok()?;
        let p = document.create_element("p").ok()?;
        p.set_class_name("fatal-message");
        p.set_text_content(Some(message));
        boxed.append_child(&p).ok()?;
        let a = document.create_element("a").ok()?;
        let here = web_sys::window()?.location().href().ok()?;
        a.set_attribute("href", &here).ok()?;
        a.set_class_name("fatal-reload");
        a.set_text_content(Some("Reload the page"));
        boxed.append_child(&a).ok()?;
        Some(())
    };
    let _ = build();
}

/// Starts the app: panic hook, corpus, theme, then the root component in `#app`.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let message = match info.payload().downcast_ref::<&str>() {
            Some(s) => (*s).to_string(),
            None => match info.payload().downcast_ref::<String>() {
                Some(s) => s.clone(),
                None => "an internal error occurred".to_string(),
            },
        };
        show_fatal(&format!(
            "Internal error: {message}. Details are in the browser console."
        ));
    }));
    match dossier_engine::snapshot::decode_static(SNAPSHOT) {
        Ok(c) => {
            let _ = CORPUS.set(c);
        }
        Err(e) => {
            show_fatal(&format!("The embedded corpus could not be read: {e}."));
            return;
        }
    }
    components::theme_toggle::apply(components::theme_toggle::saved());
    // The first render runs in a task of its own, after the one that instantiated the module and
    // decoded the corpus: together they would keep the browser busy for longer than a frame.
    gloo::timers::callback::Timeout::new(0, || {
        let root = gloo::utils::document()
            .get_element_by_id("app")
            .unwrap_or_else(|| gloo::utils::body().into());
        yew::Renderer::<components::app::App>::with_root(root).render();
    })
    .forget();
}
