//! The app's components, one per file, and small helpers they share.

pub mod active_filters;
pub mod app;
pub mod copy_link;
pub mod entity_page;
pub mod entity_panel;
pub mod export_menu;
pub mod hit_nav;
pub mod legend;
pub mod network;
pub mod notice;
pub mod quotes;
pub mod reader;
pub mod results;
pub mod search_box;
pub mod source_panel;
pub mod theme_toggle;
pub mod timeline;
pub mod year_panel;

use chrono::NaiveDate;
use dossier_engine::EntityKind;

/// `entity-person`, `entity-organization`, ...: the class that colours an entity by type.
pub fn kind_class(kind: EntityKind) -> String {
    format!("entity-{}", kind.as_str())
}

/// Singular label of a kind for the legend and entity page.
pub fn kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Organization => "Organisation",
        EntityKind::Place => "Place",
        EntityKind::Other => "Other named thing",
    }
}

/// Plural heading of a kind's group in the entity panel.
pub fn kind_plural(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Organization => "Organisations",
        EntityKind::Place => "Places",
        EntityKind::Other => "Other",
    }
}

/// A date as people read it: `2 Apr 2024`.
pub fn human_date(d: NaiveDate) -> String {
    // The engine's, not chrono's `format`: that would ship a strftime parser in the wasm.
    dossier_engine::timeline::human_date(d)
}

/// `1 document`, `3 documents`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
