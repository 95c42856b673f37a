//! Years facet: documents per year for the current filter; a year narrows `from`/`to` to it.

use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::NaiveDate;
use dossier_engine::view::{self, View};
use dossier_engine::DocIdx;
use yew::prelude::*;

/// Properties of [`YearPanel`].
#[derive(Properties, PartialEq)]
pub struct YearPanelProps {
    /// The current view.
    pub view: View,
    /// Matching documents.
    pub results: Rc<Vec<DocIdx>>,
}

/// `#year-panel`: one link per year that has documents in the corpus.
#[function_component(YearPanel)]
pub fn year_panel(props: &YearPanelProps) -> Html {
    let facets = crate::facets();
    let mut counts: BTreeMap<i32, usize> = facets.all_years().into_iter().map(|y| (y, 0)).collect();
    if counts.is_empty() {
        return html! {};
    }
    for &(year, n) in &crate::facet_counts(&props.results).years {
        counts.insert(year, n as usize);
    }
    let v = &props.view;
    html! {
        <section id="year-panel" class="facet-group">
            <h2>{ "Years" }</h2>
            <ul>
                { for counts.into_iter().rev().map(|(year, n)| {
                    let (Some(first), Some(last)) = (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31)) else {
                        return html! {};
                    };
                    let active = v.from == Some(first) && v.to == Some(last);
                    let target = if active { view::with_range(v, None, None) } else { view::with_range(v, Some(first), Some(last)) };
                    html! {
                        <li>
                            <a class={classes!("facet-year", active.then_some("active"), (n == 0).then_some("zero"))}
                               href={view::href(&View { doc: None, ..target })}
                               aria-current={active.then_some("true")}>
                                <span class="name">{ year }</span>
                                <span class="count">{ n }</span>
                            </a>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
