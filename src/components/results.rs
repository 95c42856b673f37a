//! The results list: one linked entry per matching document with date, source and snippet.

use std::rc::Rc;

use dossier_engine::view::{self, SortOrder, View};
use dossier_engine::DocIdx;
use yew::prelude::*;

use super::export_menu::ExportMenu;
use super::human_date;
use crate::bodies::Body;
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
const PAGE: usize = 40;

/// `#result-count`, the sort links and `<ol id="results">`.
#[function_component(Results)]
pub fn results(props: &ResultsProps) -> Html {
    let corpus = crate::corpus();
    let view = &props.view;
    let terms = filter::terms(corpus, &view.q);
    let ignored = filter::parse(&view.q).ignored;
    let total = corpus.documents.len();
    let n = props.results.len();
    let shown = use_state_eq(|| PAGE);
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
    crate::bodies::use_bodies(&props.results[..limit], crate::bodies::LIST_DELAY_MS);
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
        let snippet = match crate::bodies::body(i) {
            Body::Ready(body) => {
                let (s, e, hits) = filter::snippet(body, &terms, SNIPPET_BYTES);
                html! {
                    <p class="result-snippet">
                        if s > 0 { { "… " } }
                        { marked(body, s, e, &hits) }
                        if e < body.len() { { " …" } }
                    </p>
                }
            }
            Body::Loading => html! {
                <p class="result-snippet loading" aria-busy="true">{ "Loading text…" }</p>
            },
            Body::Failed(why) => html! {
                <p class="result-snippet unavailable" title={why.to_string()}>{ "Text unavailable" }</p>
            },
        };
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
                { snippet }
            </li>
        }
    });
    html! {
        <>
            <div class="results-head">
                <p id="result-count" aria-live="polite">{ count }</p>
                { sort }
                <ExportMenu results={props.results.clone()} />
            </div>
            if !ignored.is_empty() {
                <p id="query-ignored" class="query-ignored" role="status">
                    { "Part of the query was ignored: " }{ ignored.join("; ") }
                </p>
            }
            if n == 0 {
                <div class="empty">
                    <p>{ "No document matches. Check the spelling, or try:" }</p>
                    <ul class="suggestions">
                        { for suggestions(view).into_iter().map(|(label, v, k)| html! {
                            <li><a href={view::href(&v)}>{ label }</a>{ format!(" ({})", super::plural(k, "document", "documents")) }</li>
                        }) }
                        <li><a href={view::href(&View::default())}>{ "Clear the search and all filters" }</a></li>
                    </ul>
                </div>
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

/// Views one step wider than `view` that have results: without one filter or one search word.
fn suggestions(view: &View) -> Vec<(String, View, usize)> {
    let corpus = crate::corpus();
    let mut out: Vec<(String, View)> = Vec::new();
    for id in &view.entities {
        let name = corpus
            .entity_index(id)
            .map_or(id.clone(), |i| corpus.entities[i as usize].name.clone());
        out.push((format!("without {name}"), view::toggle_entity(view, id)));
    }
    for s in &view.sources {
        out.push((format!("without source {s}"), view::toggle_source(view, s)));
    }
    if view.from.is_some() || view.to.is_some() {
        out.push(("any date".into(), view::with_range(view, None, None)));
    }
    let words: Vec<&str> = view.q.split_whitespace().collect();
    if words.len() > 1 && !view.q.contains('"') {
        for (i, w) in words.iter().enumerate() {
            let rest: Vec<&str> = words
                .iter()
                .enumerate()
                .filter(|&(k, _)| k != i)
                .map(|(_, w)| *w)
                .collect();
            out.push((
                format!("without the word {w}"),
                view::with_query(view, &rest.join(" ")),
            ));
        }
    }
    out.into_iter()
        .filter_map(|(label, v)| {
            let k = filter::results(corpus, &v).len();
            (k > 0).then_some((label, View { doc: None, ..v }, k))
        })
        .collect()
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
