//! The results list: one linked entry per matching document with date, source and snippet.

use std::rc::Rc;

use dossier_engine::view::{self, SortOrder, View};
use dossier_engine::DocIdx;
use yew::prelude::*;

use super::human_date;
use crate::filter;

/// Properties of [`Results`].
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// The current view (for links and the query).
    pub view: View,
    /// Matching documents, in order.
    pub results: Rc<Vec<DocIdx>>,
}

/// How many bytes of text a snippet shows.
const SNIPPET_BYTES: usize = 220;

/// Results rendered at first, and added by each "show more".
const PAGE: usize = 100;

/// `#result-count`, the sort links and `<ol id="results">`.
#[function_component(Results)]
pub fn results(props: &ResultsProps) -> Html {
    let corpus = crate::corpus();
    let view = &props.view;
    let terms = filter::terms(&view.q);
    let total = corpus.documents.len();
    let n = props.results.len();
    let shown = use_state(|| PAGE);
    {
        // A new result list starts again from the first page.
        let shown = shown.clone();
        use_effect_with(props.results.clone(), move |_| shown.set(PAGE));
    }
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    let limit = (*shown).min(n);
    let count = if n == total {
        super::plural(n, "document", "documents")
    } else {
        format!("{n} of {total} documents")
    };
    let sort = html! {
        <nav class="sort" aria-label="Sort results">
            { "Sort: " }
            { for SortOrder::ALL.into_iter().map(|s| {
                let current = s == view.sort;
                html! {
                    <a class={classes!("sort-link", current.then_some("current"))}
                       href={view::href(&view::with_sort(view, s))}
                       aria-current={current.then_some("true")}>
                        { s.as_str() }
                    </a>
                }
            }) }
        </nav>
    };
    let items = props.results[..limit].iter().map(|&i| {
        let d = &corpus.documents[i as usize];
        let href = view::href(&view::with_doc(&view::with_entity_page(view, None), Some(&d.id)));
        let current = view.doc.as_deref() == Some(d.id.as_str());
        let hits = filter::hits(&d.body, &terms);
        let (s, e) = filter::snippet_range(&d.body, &hits, SNIPPET_BYTES);
        let snippet = marked(&d.body, s, e, &hits);
        html! {
            <li class={classes!("result", current.then_some("current"))} data-doc-id={d.id.clone()}>
                <a class="result-title" {href} aria-current={current.then_some("page")}>{ marked(&d.title, 0, d.title.len(), &filter::hits(&d.title, &terms)) }</a>
                <div class="result-meta">
                    if let Some(date) = d.date {
                        <time class="result-date" datetime={date.to_string()}>{ human_date(date) }</time>
                    } else {
                        <span class="result-date undated">{ "undated" }</span>
                    }
                    if let Some(src) = &d.source {
                        <span class="result-source">{ src.clone() }</span>
                    } else {
                        <span class="result-source unknown">{ "source unknown" }</span>
                    }
                </div>
                <p class="result-snippet">
                    if s > 0 { { "… " } }
                    { snippet }
                    if e < d.body.len() { { " …" } }
                </p>
            </li>
        }
    });
    html! {
        <>
            <div class="results-head">
                <p id="result-count" aria-live="polite">{ count }</p>
                { sort }
            </div>
            if n == 0 {
                <p class="empty">
                    { "No document matches. " }
                    <a href={view::href(&View::default())}>{ "Clear the search and filters" }</a>
                </p>
            }
            <ol id="results">{ for items }</ol>
            if limit < n {
                <button type="button" class="show-more" onclick={more}>
                    { format!("Show {} more ({} not shown)", PAGE.min(n - limit), n - limit) }
                </button>
            }
        </>
    }
}

/// The text `body[start..end]` as text nodes, with `hits` inside it wrapped in `<mark>`.
pub fn marked(body: &str, start: usize, end: usize, hits: &[(usize, usize)]) -> Html {
    let mut out = Vec::new();
    let mut at = start;
    for &(hs, he) in hits {
        let (hs, he) = (hs.max(at), he.min(end));
        if hs >= he {
            continue;
        }
        if hs > at {
            out.push(html! { { body[at..hs].to_string() } });
        }
        out.push(html! { <mark>{ body[hs..he].to_string() }</mark> });
        at = he;
    }
    if at < end {
        out.push(html! { { body[at..end].to_string() } });
    }
    out.into_iter().collect()
}
