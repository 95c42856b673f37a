//! Keyboard shortcuts: `/` focuses the search box, `j`/`k` move through the results, Esc closes
//! the open document or entity page (or leaves the search box), `?` lists the shortcuts.

use dossier_engine::view::{self, View};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

/// What a key press asks for.
#[derive(Debug, PartialEq)]
pub enum Command {
    /// Navigate to this view (push a history entry).
    Go(View),
    /// Nothing to do with the state; the key was handled in the page (focus moved).
    Handled,
    /// Show or hide the list of shortcuts.
    Help,
}

/// Handles a key press on the page given the current view; `None` leaves it to the browser.
pub fn handle(event: &KeyboardEvent, current: &View) -> Option<Command> {
    if event.ctrl_key() || event.meta_key() || event.alt_key() || event.default_prevented() {
        return None;
    }
    let document = gloo::utils::document();
    let active = document.active_element();
    let typing = active.as_ref().is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || el.has_attribute("contenteditable")
    });
    let key = event.key();
    if typing {
        if key == "Escape" {
            if let Some(el) = active.and_then(|a| a.dyn_into::<HtmlElement>().ok()) {
                el.blur().ok()?;
            }
            return Some(Command::Handled);
        }
        return None;
    }
    match key.as_str() {
        "/" => {
            let input = document.get_element_by_id("search")?;
            input.dyn_into::<HtmlElement>().ok()?.focus().ok()?;
            event.prevent_default();
            Some(Command::Handled)
        }
        "j" | "k" => {
            let links = document
                .query_selector_all("#results a.result-title")
                .ok()?;
            let n = links.length();
            if n == 0 {
                return None;
            }
            let focused = (0..n).find(|&i| {
                links
                    .item(i)
                    .zip(active.as_ref())
                    .is_some_and(|(l, a)| l.is_same_node(Some(a)))
            });
            let next = match (focused, key.as_str()) {
                (None, "j") => 0,
                (None, _) => n - 1,
                (Some(i), "j") => (i + 1).min(n - 1),
                (Some(i), _) => i.saturating_sub(1),
            };
            let link = links.item(next)?.dyn_into::<HtmlElement>().ok()?;
            link.focus().ok()?;
            event.prevent_default();
            Some(Command::Handled)
        }
        "?" => Some(Command::Help),
        "Escape" => {
            if current.entity_page.is_some() {
                Some(Command::Go(view::with_entity_page(current, None)))
            } else if current.doc.is_some() {
                Some(Command::Go(view::with_doc(current, None)))
            } else {
                None
            }
        }
        _ => None,
    }
}
