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

/// How long typing may pause before the address bar follows: browsers ignore
/// `history.replaceState` beyond about 200 calls in 10 seconds (Chromium's flood guard), so
/// one call per keystroke would leave a fast typist's address behind the view.
const REPLACE_DELAY_MS: u32 = 250;

thread_local! {
    /// The address a pending replace will write, and its timer.
    static PENDING: std::cell::RefCell<Option<(String, gloo::timers::callback::Timeout)>> =
        const { std::cell::RefCell::new(None) };
}

/// Writes `view` to the address bar unless it is already there. A push happens at once,
/// after any pending replace (so back returns to what was typed); replaces are written once
/// typing pauses, see [`flush`].
pub fn write(view: &View, entry: Entry) {
    match entry {
        Entry::Push => {
            flush();
            if let Some(url) = address(view) {
                history(&url, Entry::Push);
            }
        }
        Entry::Replace => match address(view) {
            None => cancel(),
            Some(url) => {
                let timer = {
                    let url = url.clone();
                    gloo::timers::callback::Timeout::new(REPLACE_DELAY_MS, move || {
                        PENDING.with(|p| p.borrow_mut().take());
                        history(&url, Entry::Replace);
                    })
                };
                PENDING.with(|p| *p.borrow_mut() = Some((url, timer)));
            }
        },
    }
}

/// Writes a pending replace now: before anything reads the address (copying the link,
/// recording it in an export).
pub fn flush() {
    if let Some((url, timer)) = PENDING.with(|p| p.borrow_mut().take()) {
        timer.cancel();
        history(&url, Entry::Replace);
    }
}

/// Drops a pending replace: the address changed under it (back or forward).
pub fn cancel() {
    if let Some((_, timer)) = PENDING.with(|p| p.borrow_mut().take()) {
        timer.cancel();
    }
}

/// The address for `view`, or `None` when the address bar already shows it.
fn address(view: &View) -> Option<String> {
    let window = gloo::utils::window();
    let href = view::href(view);
    let current = window.location().search().unwrap_or_default();
    if current == href || (current.is_empty() && href == "?") {
        return None;
    }
    // `?` alone would leave a bare `?` in the address; the path alone clears the query.
    Some(if href == "?" {
        window.location().pathname().unwrap_or_else(|_| "?".into())
    } else {
        href
    })
}

fn history(url: &str, entry: Entry) {
    if let Ok(history) = gloo::utils::window().history() {
        let _ = match entry {
            Entry::Push => history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url)),
            Entry::Replace => {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
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

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::intercept;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
    use web_sys::{HtmlElement, MouseEvent, MouseEventInit};

    wasm_bindgen_test_configure!(run_in_browser);

    /// Listeners that may cancel the event, like Yew's `onclick` (gloo's default is passive).
    fn active() -> gloo::events::EventListenerOptions {
        gloo::events::EventListenerOptions::enable_prevent_default()
    }

    /// Clicks a fresh link with `href` and reports what `intercept` made of it, and whether
    /// the browser's navigation was cancelled.
    fn click(href: &str, init: &MouseEventInit) -> (Option<String>, bool) {
        let document = gloo::utils::document();
        let a: HtmlElement = document.create_element("a").unwrap().unchecked_into();
        a.set_attribute("href", href).unwrap();
        let span = document.create_element("span").unwrap();
        a.append_child(&span).unwrap();
        document.body().unwrap().append_child(&a).unwrap();
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = MouseEvent::new_with_mouse_event_init_dict("click", init).unwrap();
        let seen = std::rc::Rc::new(std::cell::RefCell::new((None, false)));
        let listener = {
            let seen = seen.clone();
            gloo::events::EventListener::new_with_options(&a, "click", active(), move |e| {
                let got = intercept(e.unchecked_ref());
                *seen.borrow_mut() = (got, e.default_prevented());
            })
        };
        // Keeps the test page from following the links the app leaves to the browser.
        let guard =
            gloo::events::EventListener::new_with_options(&document, "click", active(), |e| {
                e.prevent_default()
            });
        span.dispatch_event(&event).unwrap();
        drop((listener, guard));
        a.remove();
        let got = seen.borrow().clone();
        got
    }

    #[wasm_bindgen_test]
    fn plain_click_on_an_in_app_link_is_taken_over() {
        let (got, prevented) = click("?doc=a", &MouseEventInit::new());
        assert_eq!(got.as_deref(), Some("?doc=a"));
        assert!(prevented);
    }

    #[wasm_bindgen_test]
    fn modified_clicks_and_outside_links_are_left_to_the_browser() {
        let ctrl = MouseEventInit::new();
        ctrl.set_ctrl_key(true);
        assert_eq!(click("?doc=a", &ctrl), (None, false));
        let middle = MouseEventInit::new();
        middle.set_button(1);
        assert_eq!(click("?doc=a", &middle), (None, false));
        assert_eq!(
            click("https://example.org/", &MouseEventInit::new()),
            (None, false)
        );
    }
}
