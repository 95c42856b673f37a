//! Active filters shown as removable chips.

use dossier_engine::view::{self, View};
use yew::prelude::*;

use super::{human_date, kind_class};

/// Properties of [`ActiveFilters`].
#[derive(Properties, PartialEq)]
pub struct ActiveFiltersProps {
    /// The current view.
    pub view: View,
}

/// `#active-filters`: one chip per entity, source and date filter; each chip links to the view
/// without it.
#[function_component(ActiveFilters)]
pub fn active_filters(props: &ActiveFiltersProps) -> Html {
    let corpus = crate::corpus();
    let v = &props.view;
    if v.entities.is_empty() && v.sources.is_empty() && v.from.is_none() && v.to.is_none() {
        return html! {};
    }
    let cleared = View {
        q: v.q.clone(),
        sort: v.sort,
        ..View::default()
    };
    let range = match (v.from, v.to) {
        (None, None) => None,
        (Some(f), None) => Some(format!("from {}", human_date(f))),
        (None, Some(t)) => Some(format!("until {}", human_date(t))),
        (Some(f), Some(t)) => Some(format!("{} – {}", human_date(f), human_date(t))),
    };
    html! {
        <div id="active-filters" aria-label="Active filters">
            <span class="label">{ "Filtered by" }</span>
            { for v.entities.iter().map(|id| {
                let e = corpus.entity_index(id).map(|i| &corpus.entities[i as usize]);
                let name = e.map_or(id.clone(), |e| e.name.clone());
                html! {
                    <a class={classes!("chip", "chip-entity", e.map(|e| kind_class(e.kind)))}
                       data-entity-id={id.clone()}
                       href={view::href(&view::toggle_entity(v, id))}
                       title={format!("Remove the filter {name}")}>
                        { name }<span class="chip-x" aria-hidden="true">{ "×" }</span>
                    </a>
                }
            }) }
            { for v.sources.iter().map(|s| html! {
                <a class="chip chip-source" href={view::href(&view::toggle_source(v, s))}
                   title={format!("Remove the source filter {s}")}>
                    { format!("source: {s}") }<span class="chip-x" aria-hidden="true">{ "×" }</span>
                </a>
            }) }
            if let Some(r) = range {
                <a class="chip chip-date" href={view::href(&view::with_range(v, None, None))}
                   title="Remove the date filter">
                    { r }<span class="chip-x" aria-hidden="true">{ "×" }</span>
                </a>
            }
            <a class="clear-filters" href={view::href(&cleared)}>{ "Clear filters" }</a>
        </div>
    }
}
