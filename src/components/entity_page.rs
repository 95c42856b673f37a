//! The entity page: documents, mention timeline, co-occurring entities and aliases with evidence.

use dossier_engine::view::{self, View};
use dossier_engine::EntityIdx;
use yew::prelude::*;

use super::quotes::quote_item;
use super::timeline::Timeline;
use super::{human_date, kind_class, kind_label, plural, Fixed};
use crate::cooccur::{self, Partner};

/// Partners listed per ranking.
const TOP: usize = 10;

/// Properties of [`EntityPage`].
#[derive(Properties, PartialEq)]
pub struct EntityPageProps {
    /// The current view.
    pub view: View,
    /// The entity to show.
    pub entity: EntityIdx,
    /// Called with the view its timeline's brush selects.
    pub on_navigate: Callback<View>,
}

/// Quotations the page lists (most recent first); each needs its document's text.
const QUOTES_SHOWN: usize = 50;

/// `<section id="entity-page">`.
#[function_component(EntityPage)]
pub fn entity_page(props: &EntityPageProps) -> Html {
    let corpus = crate::corpus();
    let e = &corpus.entities[props.entity as usize];
    let view = &props.view;
    let base = view::with_entity_page(view, None);
    let mention_counts: Vec<usize> = e
        .documents
        .iter()
        .map(|&d| {
            corpus
                .mentions
                .of(d)
                .filter(|m| m.entity == props.entity)
                .count()
        })
        .collect();
    let total_mentions: usize = mention_counts.iter().sum();
    let entity_docs: std::rc::Rc<Vec<dossier_engine::DocIdx>> =
        std::rc::Rc::new(e.documents.clone());
    let mut docs: Vec<(usize, usize)> = e
        .documents
        .iter()
        .map(|&d| d as usize)
        .zip(mention_counts.iter().copied())
        .filter(|(d, _)| *d < corpus.documents.len())
        .collect();
    dossier_engine::sort::sort_by_key(&mut docs, |&(d, _)| {
        (std::cmp::Reverse(corpus.documents[d].date), d)
    });
    let partners = cooccur::partners(corpus, props.entity);
    let by_count = cooccur::by_count(&partners, TOP);
    let by_lift = cooccur::by_lift(&partners, cooccur::MIN_COUNT_FOR_LIFT, TOP);
    // Results narrowed to documents mentioning both entities, with this page closed.
    let shared_view = |other: &str| {
        let mut v = base.clone();
        for id in [e.id.as_str(), other] {
            if !v.entities.iter().any(|x| x == id) {
                v = view::toggle_entity(&v, id);
            }
        }
        v
    };
    let partner_link = |p: &Partner, figure: String| {
        let o = &corpus.entities[p.entity as usize];
        html! {
            <li>
                <a class={classes!("entity-link", kind_class(o.kind))} data-entity-id={o.id.clone()}
                   href={view::href(&view::with_entity_page(view, Some(&o.id)))}>{ o.name.clone() }</a>
                <span class="figure">{ figure }</span>
                <a class="shared-docs" href={view::href(&shared_view(o.id.as_str()))}
                   title={format!("Show the documents mentioning both {} and {}", e.name, o.name)}>{ "shared" }</a>
            </li>
        }
    };
    let said: Vec<&dossier_engine::quotes::Quote> = {
        let mut q: Vec<_> = corpus
            .quotes
            .iter()
            .filter(|q| q.entity == Some(props.entity))
            .collect();
        dossier_engine::sort::sort_by_key(&mut q, |q| {
            (
                std::cmp::Reverse(corpus.documents[q.document as usize].date),
                q.document,
                q.start,
            )
        });
        q
    };
    let said_shown = &said[..said.len().min(QUOTES_SHOWN)];
    let said_docs: Vec<dossier_engine::DocIdx> = said_shown.iter().map(|q| q.document).collect();
    crate::bodies::use_bodies(&said_docs, 0);
    let filter_href = if view.entities.contains(&e.id) {
        None
    } else {
        Some(view::href(&view::toggle_entity(&base, &e.id)))
    };
    html! {
        <section id="entity-page" data-entity-id={e.id.clone()} aria-labelledby="entity-name">
            <a class="close" href={view::href(&base)} aria-label="Close the entity page">{ "×" }</a>
            <p class={classes!("entity-kind", kind_class(e.kind))}>{ kind_label(e.kind) }</p>
            <h1 id="entity-name">{ e.name.clone() }</h1>
            <p class="entity-summary">
                { format!("{} in {}.", plural(total_mentions, "mention", "mentions"), plural(e.documents.len(), "document", "documents")) }
                if let Some(href) = filter_href {
                    { " " }<a class="add-filter" {href} data-entity-id={e.id.clone()}>{ "Filter the results by this entity" }</a>
                }
                { " " }
                <a class="pin-toggle" id="entity-pin" data-entity-id={e.id.clone()} href={view::href(&view::toggle_pin(view, &e.id))}>
                    { if view.pins.contains(&e.id) { "Remove from the results timeline" } else { "Draw on the results timeline" } }
                </a>
            </p>
            if !e.roles.is_empty() {
                <section class="entity-roles">
                    <h2>{ "Roles" }</h2>
                    <ul class="inline">{ for e.roles.iter().map(|r| html! { <li>{ r.clone() }</li> }) }</ul>
                </section>
            }
            <section class="entity-forms">
                <h2>{ "Also written as" }</h2>
                <ul class="inline forms">
                    { for e.forms.iter().map(|f| html! {
                        <li class={classes!("form", f.adjective.then_some("adjective"))}>
                            <q>{ f.text.clone() }</q>
                            <span class="count">{ format!("×{}", f.count) }</span>
                            if f.adjective { <span class="tag">{ "adjective" }</span> }
                        </li>
                    }) }
                </ul>
            </section>
            <section class="entity-timeline">
                <Timeline view={view.clone()} results={entity_docs} on_navigate={props.on_navigate.clone()} compact=true />
            </section>
            <section class="entity-docs">
                <h2>{ "Documents" }</h2>
                <ol id="entity-documents">
                    { for docs.iter().map(|&(d, n)| {
                        let doc = &corpus.documents[d];
                        html! {
                            <li>
                                <a class="doc-link" data-doc-id={doc.id.clone()}
                                   href={view::href(&view::with_doc(&base, Some(&doc.id)))}>{ doc.title.clone() }</a>
                                <span class="doc-link-meta">
                                    if let Some(date) = doc.date {
                                        <time datetime={date.to_string()}>{ human_date(date) }</time>
                                    }
                                    { format!(" · {}", plural(n, "mention", "mentions")) }
                                </span>
                            </li>
                        }
                    }) }
                </ol>
            </section>
            if !said.is_empty() {
                <section class="entity-quotes">
                    <h2>{ format!("Quotes ({})", said.len()) }</h2>
                    <ol id="entity-quotes" class="quotes">
                        { for said_shown.iter().map(|q| quote_item(q, &base, false)) }
                    </ol>
                    if said_shown.len() < said.len() {
                        <p class="quotes-more">{ format!("The {} most recent of {} quotations.", said_shown.len(), said.len()) }</p>
                    }
                </section>
            }
            <section class="entity-cooccur">
                <h2>{ "Appears with" }</h2>
                if partners.is_empty() {
                    <p class="empty">{ "No other entity shares a document with it." }</p>
                } else {
                    <div class="cooccur-columns">
                        <div>
                            <h3>{ "Most shared documents" }</h3>
                            <ol class="cooccur by-count">
                                { for by_count.iter().map(|p| partner_link(p, plural(p.both as usize, "doc", "docs"))) }
                            </ol>
                        </div>
                        <div>
                            <h3>{ "Most specific (lift)" }</h3>
                            if by_lift.is_empty() {
                                <p class="empty">{ format!("No entity shares at least {} documents with it.", cooccur::MIN_COUNT_FOR_LIFT) }</p>
                            } else {
                                <ol class="cooccur by-lift">
                                    { for by_lift.iter().map(|p| partner_link(p, format!("lift {} · {}", Fixed(p.lift, 1), plural(p.both as usize, "doc", "docs")))) }
                                </ol>
                                <p class="hint">{ format!("Lift: how much more often they share a document than chance; pairs with at least {} shared documents.", cooccur::MIN_COUNT_FOR_LIFT) }</p>
                            }
                        </div>
                    </div>
                }
            </section>
        </section>
    }
}
