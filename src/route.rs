//! The browser side of view URLs: reads `location.search`, writes history entries and
//! intercepts clicks on in-app links. The URL format itself is the engine's `view` module.

use dossier_engine::view::{self, View};
use wasm_bindgen::JsCast;
use web_sys::{Element, MouseEvent};

/// The view named by the current URL and the notice for anything in it that was ignored.
pub fn current() -> (View, Option<String>) {
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    parse(&search)
}

/// Reads a query string against the embedded corpus.
pub fn parse(query: &str) -> (View, Option<String>) {
    let (view, ignored) = view::decode(query, crate::corpus());
    (view, view::notice(&ignored))
}

/// How a view change enters the browser history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A new entry (link clicks): back returns to the previous view.
    Push,
    /// Replace the current entry (typing in the search box).
    Replace,
}

/// Writes `view` to the address bar unless it is already there.
pub fn write(view: &View, entry: Entry) {
    let window = gloo::utils::window();
    let href = view::href(view);
    let current = window.location().search().unwrap_or_default();
    let same = current == href || (current.is_empty() && href == "?");
    if same {
        return;
    }
    // `?` alone would leave a bare `?` in the address; the path alone clears the query.
    let url = if href == "?" {
        window.location().pathname().unwrap_or_else(|_| "?".into())
    } else {
        href
    };
    if let Ok(history) = window.history() {
        let _ = match entry {
            Entry::Push => {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            }
            Entry::Replace => {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            }
        };
    }
}

/// If `event` is a plain left click on an in-app link (`href` starting with `?`), cancels the
/// browser's navigation and returns the link's query string. Clicks with a modifier key, other
/// buttons and links with a `target` are left to the browser (new tab, download, ...).
pub fn intercept(event: &MouseEvent) -> Option<String> {
    if event.default_prevented()
        || event.button() != 0
        || event.ctrl_key()
        || event.meta_key()
        || event.shift_key()
        || event.alt_key()
    {
        return None;
    }
    let target: Element = event.target()?.dyn_into().ok()?;
    let link = target.closest("a[href]").ok()??;
    if link.has_attribute("target") || link.has_attribute("download") {
        return None;
    }
    let href = link.get_attribute("href")?;
    if !href.starts_with('?') {
        return None;
    }
    event.prevent_default();
    Some(href)
}
