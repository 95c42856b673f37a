//! Who said what: the quotations in the current results (narrowed by `said:` in the query), and
//! the quote entry the entity page reuses. Quote text is shown as text, never as markup.

use std::rc::Rc;

use dossier_engine::quotes::{said_by, Quote};
use dossier_engine::view::{self, View};
use dossier_engine::DocIdx;
use yew::prelude::*;

use super::{human_date, kind_class, plural};

/// Quotations rendered at first, and added by each "show more".
const PAGE: usize = 100;

/// Properties of [`Quotes`].
#[derive(Properties, PartialEq)]
pub struct QuotesProps {
    /// The current view (its query's `said:` narrows the list; links keep the rest of it).
    pub view: View,
    /// The current results, in order: quotations are listed in this order.
    pub results: Rc<Vec<DocIdx>>,
}

/// The quotations of `results` (in result order, then by position) whose speaker matches every
/// `said:` of the query.
pub fn quotes_in(results: &[DocIdx], q: &str) -> Vec<&'static Quote> {
    let rank = ranks(results);
    let query = crate::filter::parse(q);
    let said = query.said();
    let mut out: Vec<&Quote> = crate::corpus()
        .quotes
        .iter()
        .filter(|x| matches(x, &rank, &said))
        .collect();
    dossier_engine::sort::sort_by_key(&mut out, |x| (rank[x.document as usize], x.start));
    out
}

/// How many quotations [`quotes_in`] would list, without ordering them (counted on every
/// keystroke for the *Quotes* switch).
pub fn quote_count(results: &[DocIdx], q: &str) -> usize {
    let query = crate::filter::parse(q);
    let said = query.said();
    if said.is_empty() {
        // Every quotation of the results counts: add up the documents' own counts.
        let per_doc = quotes_per_document();
        return results
            .iter()
            .map(|&d| per_doc.get(d as usize).map_or(0, |&n| n as usize))
            .sum();
    }
    let rank = ranks(results);
    crate::corpus()
        .quotes
        .iter()
        .filter(|x| matches(x, &rank, &said))
        .count()
}

/// How many quotations each document holds, by document (counted once).
fn quotes_per_document() -> &'static [u32] {
    static COUNTS: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    COUNTS.get_or_init(|| {
        let corpus = crate::corpus();
        let mut counts = vec![0u32; corpus.documents.len()];
        for q in &corpus.quotes {
            if let Some(c) = counts.get_mut(q.document as usize) {
                *c += 1;
            }
        }
        counts
    })
}

/// Each document's position in `results` (`u32::MAX` when it is not there), by document.
fn ranks(results: &[DocIdx]) -> Vec<u32> {
    let mut rank = vec![u32::MAX; crate::corpus().documents.len()];
    for (i, &d) in results.iter().enumerate() {
        if let Some(r) = rank.get_mut(d as usize) {
            *r = i as u32;
        }
    }
    rank
}

fn matches<S: AsRef<str>>(x: &Quote, rank: &[u32], said: &[S]) -> bool {
    rank.get(x.document as usize)
        .is_some_and(|&r| r != u32::MAX)
        && said
            .iter()
            .all(|s| said_by(x, s.as_ref(), &crate::corpus().entities))
}

/// One quotation: its text, who said it (linked to their entity page when known) and the
/// document it is in (linked, with its date). The caller runs [`crate::bodies::use_bodies`] for
/// its document, so the text arrives in a chunked build.
pub fn quote_item(q: &Quote, base: &View, with_speaker: bool) -> Html {
    let corpus = crate::corpus();
    let doc = &corpus.documents[q.document as usize];
    let text = match crate::bodies::body(q.document) {
        crate::bodies::Body::Ready(body) => {
            html! { <blockquote>{ q.text_in(body).to_string() }</blockquote> }
        }
        crate::bodies::Body::Loading => {
            html! { <blockquote class="loading" aria-busy="true">{ "Loading the quotation…" }</blockquote> }
        }
        crate::bodies::Body::Failed(why) => html! {
            <blockquote class="unavailable" title={why.to_string()}>{ "The quotation could not be loaded." }</blockquote>
        },
    };
    let entity = q.entity.and_then(|e| corpus.entities.get(e as usize));
    let speaker = match (entity, q.speaker.as_deref()) {
        (Some(e), written) => html! {
            <a class={classes!("quote-speaker", "entity-link", kind_class(e.kind))} data-entity-id={e.id.clone()}
               href={view::href(&view::with_entity_page(&view::with_doc(base, None), Some(&e.id)))}
               title={written.filter(|w| *w != e.name).map(|w| format!("written as “{w}”"))}>{ e.name.clone() }</a>
        },
        (None, Some(written)) => {
            html! { <span class="quote-speaker">{ written.to_string() }</span> }
        }
        (None, None) => {
            html! { <span class="quote-speaker unattributed">{ "unattributed" }</span> }
        }
    };
    html! {
        <li class={classes!("quote", q.continued.then_some("continued"))} data-doc-id={doc.id.clone()}
            data-speaker-id={entity.map(|e| e.id.clone())}>
            { text }
            <p class="quote-source">
                if with_speaker { { "— " }{ speaker }{ ", " } }
                <a class="doc-link" data-doc-id={doc.id.clone()}
                   href={view::href(&view::with_doc(&view::with_entity_page(base, None), Some(&doc.id)))}>{ doc.title.clone() }</a>
                if let Some(date) = doc.date {
                    { ", " }<time datetime={date.to_string()}>{ human_date(date) }</time>
                }
            </p>
        </li>
    }
}

/// `<ol id="quotes">`: the quotations in the results.
#[function_component(Quotes)]
pub fn quotes(props: &QuotesProps) -> Html {
    let view = &props.view;
    let list = use_memo((props.results.clone(), view.q.clone()), |(results, q)| {
        quotes_in(results, q)
    });
    let shown = use_state_eq(|| PAGE);
    {
        let shown = shown.clone();
        use_effect_with(list.clone(), move |_| shown.set(PAGE));
    }
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    let n = list.len();
    let limit = (*shown).min(n);
    let shown_docs: Vec<DocIdx> = list[..limit].iter().map(|q| q.document).collect();
    crate::bodies::use_bodies(&shown_docs, crate::bodies::LIST_DELAY_MS);
    let docs = {
        let mut d: Vec<DocIdx> = list.iter().map(|q| q.document).collect();
        dossier_engine::sort::sort(&mut d);
        d.dedup();
        d.len()
    };
    let attributed = list.iter().filter(|q| q.speaker.is_some()).count();
    html! {
        <>
            <p id="quote-count" aria-live="polite">
                { format!("{} in {}; {} attributed.", plural(n, "quotation", "quotations"), plural(docs, "document", "documents"), attributed) }
            </p>
            if n == 0 {
                <p class="empty">{ "No quotation in these results. Widen the search, or use said:name to find what someone said." }</p>
            }
            <ol id="quotes" class="quotes">
                { for list[..limit].iter().map(|q| quote_item(q, view, true)) }
            </ol>
            if limit < n {
                <button type="button" class="show-more" onclick={more}>
                    { format!("Show {} more ({} not shown)", PAGE.min(n - limit), n - limit) }
                </button>
            }
        </>
    }
}
