//! The colour legend for entity mentions in the reader.

use dossier_engine::EntityKind;
use yew::prelude::*;

use super::{kind_class, kind_label};

/// One swatch per entity type, plus how adjective mentions and search hits look.
#[function_component(Legend)]
pub fn legend() -> Html {
    html! {
        <ul class="legend" aria-label="Legend">
            { for EntityKind::ALL.into_iter().map(|k| html! {
                <li><span class={classes!("mention", "legend-sample", kind_class(k))}>{ kind_label(k) }</span></li>
            }) }
            <li><span class="mention legend-sample entity-place adjective">{ "adjective form" }</span></li>
            <li><mark>{ "search hit" }</mark></li>
        </ul>
    }
}
