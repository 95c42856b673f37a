//! Sources facet: each source with its document count for the current filter.

use std::collections::BTreeMap;
use std::rc::Rc;

use dossier_engine::view::{self, View};
use dossier_engine::DocIdx;
use yew::prelude::*;

/// Properties of [`SourcePanel`].
#[derive(Properties, PartialEq)]
pub struct SourcePanelProps {
    /// The current view.
    pub view: View,
    /// Matching documents.
    pub results: Rc<Vec<DocIdx>>,
}

/// `#source-panel`: links that add or remove a source filter.
#[function_component(SourcePanel)]
pub fn source_panel(props: &SourcePanelProps) -> Html {
    let facets = crate::facets();
    let mut counts: BTreeMap<&str, usize> =
        facets.all_sources().into_iter().map(|s| (s, 0)).collect();
    if counts.is_empty() {
        return html! {};
    }
    let found = crate::facet_counts(&props.results);
    for (source, n) in &found.sources {
        counts.insert(source.as_str(), *n as usize);
    }
    let mut list: Vec<(&str, usize)> = counts.into_iter().collect();
    dossier_engine::sort::sort_by(&mut list, |a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    html! {
        <section id="source-panel" class="facet-group">
            <h2>{ "Sources" }</h2>
            <ul>
                { for list.into_iter().map(|(name, n)| {
                    let active = props.view.sources.iter().any(|s| s == name);
                    html! {
                        <li>
                            <a class={classes!("facet-source", active.then_some("active"), (n == 0).then_some("zero"))}
                               href={view::href(&view::toggle_source(&props.view, name))}
                               aria-current={active.then_some("true")}>
                                <span class="name">{ name.to_string() }</span>
                                <span class="count">{ n }</span>
                            </a>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
