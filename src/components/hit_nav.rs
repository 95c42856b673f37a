//! "Match i of n" with previous/next buttons that scroll the reader to each search hit.

use wasm_bindgen::JsCast;
use web_sys::{Element, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

/// Properties of [`HitNav`].
#[derive(Properties, PartialEq)]
pub struct HitNavProps {
    /// Number of marked hits in the document body.
    pub count: usize,
    /// The open document, so the position resets when it changes.
    pub doc: AttrValue,
}

/// Brings the `i`-th `mark` of the reader's body into view and outlines it.
fn show(i: usize) {
    let Ok(marks) = gloo::utils::document().query_selector_all("#reader .doc-body mark") else {
        return;
    };
    for k in 0..marks.length() {
        let Some(el) = marks.item(k).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if k as usize == i {
            let _ = el.class_list().add_1("current-hit");
            let options = ScrollIntoViewOptions::new();
            options.set_block(ScrollLogicalPosition::Center);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        } else {
            let _ = el.class_list().remove_1("current-hit");
        }
    }
}

/// `nav.hit-nav`.
#[function_component(HitNav)]
pub fn hit_nav(props: &HitNavProps) -> Html {
    let at = use_state(|| None::<usize>);
    {
        let at = at.clone();
        use_effect_with((props.doc.clone(), props.count), move |_| at.set(None));
    }
    let n = props.count;
    let step = |forward: bool| {
        let at = at.clone();
        Callback::from(move |_: MouseEvent| {
            let next = match (*at, forward) {
                (None, true) => 0,
                (None, false) => n - 1,
                (Some(i), true) => (i + 1) % n,
                (Some(i), false) => (i + n - 1) % n,
            };
            show(next);
            at.set(Some(next));
        })
    };
    let label = match *at {
        Some(i) => format!("Match {} of {n}", i + 1),
        None => super::plural(n, "match", "matches"),
    };
    html! {
        <nav class="hit-nav" aria-label="Search matches in this document">
            <span class="hit-count">{ label }</span>
            <button type="button" class="hit-prev" onclick={step(false)} aria-label="Previous match">{ "↑" }</button>
            <button type="button" class="hit-next" onclick={step(true)} aria-label="Next match">{ "↓" }</button>
        </nav>
    }
}
