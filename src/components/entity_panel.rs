//! The entity panel: entities grouped by type with their document counts for the current filter;
//! each adds (or removes) itself as a filter, and can be pinned as a series on the timeline.

use std::rc::Rc;

use dossier_engine::view::{self, View};
use dossier_engine::{DocIdx, EntityIdx, EntityKind};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{kind_class, kind_plural};
use crate::filter;

/// Entities shown per group before "show all".
const COLLAPSED: usize = 12;

/// Corpora with more entities than this get a box to find one in the panel.
const FIND_FROM: usize = 30;

/// Properties of [`EntityPanel`].
#[derive(Properties, PartialEq)]
pub struct EntityPanelProps {
    /// The current view.
    pub view: View,
    /// Matching documents.
    pub results: Rc<Vec<DocIdx>>,
}

/// `#entity-panel`.
#[function_component(EntityPanel)]
pub fn entity_panel(props: &EntityPanelProps) -> Html {
    let corpus = crate::corpus();
    let groups = use_memo(
        (props.results.clone(), props.view.entities.clone()),
        |(results, active)| groups(results, active),
    );
    let find = use_state(String::new);
    let oninput = {
        let find = find.clone();
        Callback::from(move |e: InputEvent| {
            find.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let needle = filter::fold(find.trim());
    let groups: Vec<(EntityKind, Vec<(EntityIdx, usize)>)> = groups
        .iter()
        .map(|(k, items)| {
            let items = items
                .iter()
                .copied()
                .filter(|&(i, _)| {
                    needle.is_empty()
                        || filter::fold(&corpus.entities[i as usize].name).contains(&needle)
                })
                .collect();
            (*k, items)
        })
        .collect();
    html! {
        <section id="entity-panel" aria-label="Entities">
            <h2>{ "Entities" }</h2>
            if corpus.entities.len() > FIND_FROM {
                <input type="search" class="entity-find" placeholder="Find an entity" aria-label="Find an entity in the list"
                       value={(*find).clone()} {oninput} />
            }
            if corpus.entities.is_empty() {
                <p class="empty">{ "No entities were found in this corpus." }</p>
            } else if groups.iter().all(|g| g.1.is_empty()) {
                <p class="empty">{ "No entities in the matching documents." }</p>
            }
            { for groups.into_iter().filter(|g| !g.1.is_empty()).map(|(kind, items)| {
                html! { <FacetGroup key={kind.as_str()} {kind} {items} view={props.view.clone()} /> }
            }) }
        </section>
    }
}

/// Entities with a document among `results` (or in the `active` filters), by type, most
/// documents first.
fn groups(
    results: &Rc<Vec<DocIdx>>,
    active: &[String],
) -> Vec<(EntityKind, Vec<(EntityIdx, usize)>)> {
    let corpus = crate::corpus();
    // Counts against the current results: one bitset intersection per entity (shared with the
    // source and year panels).
    let counts = crate::facet_counts(results);
    let mut groups: Vec<(EntityKind, Vec<(EntityIdx, usize)>)> = EntityKind::ALL
        .into_iter()
        .map(|k| (k, Vec::new()))
        .collect();
    let mut push = |i: EntityIdx, n: usize| {
        let kind = corpus.entities[i as usize].kind;
        if let Some(g) = groups.iter_mut().find(|g| g.0 == kind) {
            g.1.push((i, n));
        }
    };
    for &(i, n) in &counts.entities {
        push(i, n as usize);
    }
    for id in active {
        if let Some(i) = corpus.entity_index(id) {
            if !counts.entities.iter().any(|c| c.0 == i) {
                push(i, 0);
            }
        }
    }
    // Most documents first, then by name: one radix sort over (count, name rank) keys instead
    // of comparing names, as every entity of the results is ordered on each keystroke.
    let rank = name_ranks();
    for (_, items) in &mut groups {
        let mut keyed: Vec<(u64, (EntityIdx, usize))> = items
            .iter()
            .map(|&(i, n)| {
                let r = rank.get(i as usize).copied().unwrap_or(u32::MAX);
                ((u64::from(!(n as u32)) << 32) | u64::from(r), (i, n))
            })
            .collect();
        dossier_engine::sort::by_u64_key(&mut keyed);
        *items = keyed.into_iter().map(|k| k.1).collect();
    }
    groups
}

/// Each entity's position in name order (ties by index), computed once.
fn name_ranks() -> &'static [u32] {
    static RANKS: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    RANKS.get_or_init(|| {
        let entities = &crate::corpus().entities;
        let mut order: Vec<u32> = (0..entities.len() as u32).collect();
        dossier_engine::sort::sort_by(&mut order, |&a, &b| {
            entities[a as usize].name.cmp(&entities[b as usize].name)
        });
        let mut rank = vec![0u32; entities.len()];
        for (r, &e) in order.iter().enumerate() {
            rank[e as usize] = r as u32;
        }
        rank
    })
}

/// Properties of [`FacetGroup`].
#[derive(Properties, PartialEq)]
pub struct FacetGroupProps {
    /// The entity type of this group.
    pub kind: EntityKind,
    /// Entities and their counts, in display order.
    pub items: Vec<(EntityIdx, usize)>,
    /// The current view.
    pub view: View,
}

/// One type's entities, collapsed to the first few until expanded.
#[function_component(FacetGroup)]
pub fn facet_group(props: &FacetGroupProps) -> Html {
    let corpus = crate::corpus();
    let expanded = use_state(|| false);
    let toggle = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    let shown = if *expanded {
        props.items.len()
    } else {
        COLLAPSED.min(props.items.len())
    };
    let view = &props.view;
    html! {
        <section class={classes!("facet-group", kind_class(props.kind))}>
            <h3><span class={classes!("swatch", kind_class(props.kind))} aria-hidden="true"></span>{ kind_plural(props.kind) }</h3>
            <ul>
                { for props.items[..shown].iter().map(|&(i, n)| {
                    let e = &corpus.entities[i as usize];
                    let active = view.entities.contains(&e.id);
                    let pinned = view.pins.contains(&e.id);
                    let page = view::with_entity_page(&view::with_doc(view, None), Some(&e.id));
                    html! {
                        <li>
                            <a class={classes!("facet-entity", kind_class(e.kind), active.then_some("active"))}
                               data-entity-id={e.id.clone()}
                               href={view::href(&view::toggle_entity(view, &e.id))}
                               aria-current={active.then_some("true")}
                               title={if active { format!("Remove the filter {}", e.name) } else { format!("Show only documents mentioning {}", e.name) }}>
                                <span class="name">{ e.name.clone() }</span>
                                <span class="count">{ n }</span>
                            </a>
                            <a class={classes!("entity-pin", pinned.then_some("active"))} data-entity-id={e.id.clone()}
                               href={view::href(&view::toggle_pin(view, &e.id))}
                               title={if pinned { format!("Remove {} from the timeline", e.name) } else { format!("Draw {} on the timeline", e.name) }}
                               aria-label={if pinned { format!("Unpin {} from the timeline", e.name) } else { format!("Pin {} on the timeline", e.name) }}>{ "∿" }</a>
                            <a class="entity-page-link" data-entity-id={e.id.clone()} href={view::href(&page)}
                               title={format!("Open the page of {}", e.name)} aria-label={format!("About {}", e.name)}>{ "›" }</a>
                        </li>
                    }
                }) }
            </ul>
            if props.items.len() > COLLAPSED {
                <button type="button" class="show-all" onclick={toggle}>
                    { if *expanded { "Show fewer".to_string() } else { format!("Show all {}", props.items.len()) } }
                </button>
            }
        </section>
    }
}
