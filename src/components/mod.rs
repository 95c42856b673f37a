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

/// `x` written with `places` decimals (at most 6; more are written as 6), as
/// `format!("{x:.places$}")` would write it (halves round away from zero; a value that is not
/// finite is written as 0). Integer formatting only:
/// `f64`'s own `Display` brings about 14 KB of float-printing code into the wasm.
pub struct Fixed(pub f64, pub u8);

impl std::fmt::Display for Fixed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let places = u32::from(self.1.min(6));
        let scale = 10u64.pow(places);
        let x = if self.0.is_finite() { self.0 } else { 0.0 };
        // Past 2^53 units of the last place an f64 has no such digits left: clamped there.
        let n = (x.abs() * scale as f64)
            .round()
            .min(9_007_199_254_740_992.0) as u64;
        if x < 0.0 && n > 0 {
            f.write_str("-")?;
        }
        write!(f, "{}", n / scale)?;
        if places > 0 {
            write!(f, ".{:0width$}", n % scale, width = places as usize)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Fixed;

    #[test]
    fn fixed_writes_like_the_float_formatter() {
        let cases: &[(f64, u8, &str)] = &[
            (0.0, 1, "0.0"),
            (12.34, 1, "12.3"),
            (12.36, 1, "12.4"),
            (-7.456, 2, "-7.46"),
            (-0.04, 1, "0.0"),
            (2.5, 0, "3"),
            (360.0, 0, "360"),
            (0.125, 3, "0.125"),
            (1e300, 1, "900719925474099.2"),
            (f64::NAN, 1, "0.0"),
            (f64::INFINITY, 2, "0.00"),
            (1.5, 9, "1.500000"),
        ];
        for &(x, places, want) in cases {
            assert_eq!(Fixed(x, places).to_string(), want, "{x} to {places} places");
        }
    }

    #[test]
    fn fixed_agrees_with_format_away_from_halves() {
        // Chart coordinates and ratios: values whose next digit is not a 5, so that the two
        // rounding rules (halves away from zero, and exact halves to even) cannot differ.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..10_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = (x % 2_000_000) as f64 / 1_000.0 - 1_000.0 + 0.000_3;
            for places in 0..=3u8 {
                let want = format!("{v:.p$}", p = places as usize);
                // `format!` keeps the sign of a negative value that rounds to zero; `Fixed` drops it.
                let zero = want
                    .trim_start_matches('-')
                    .trim_matches(['0', '.'])
                    .is_empty();
                let want = if zero {
                    want.trim_start_matches('-').to_string()
                } else {
                    want
                };
                assert_eq!(Fixed(v, places).to_string(), want, "{v} to {places} places");
            }
        }
    }
}
