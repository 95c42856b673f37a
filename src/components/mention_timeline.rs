//! A small bar chart of an entity's mentions over time, drawn from the engine's timeline geometry.

use chrono::NaiveDate;
use dossier_engine::timeline::{histogram, layout, LayoutOptions};
use yew::prelude::*;

/// Properties of [`MentionTimeline`].
#[derive(Properties, PartialEq)]
pub struct MentionTimelineProps {
    /// One date per mention (`None` when its document is undated).
    pub dates: Vec<Option<NaiveDate>>,
    /// What the chart counts, for its accessible label.
    pub label: AttrValue,
}

/// An SVG histogram with automatic bucket width.
#[function_component(MentionTimeline)]
pub fn mention_timeline(props: &MentionTimelineProps) -> Html {
    let hist = histogram(props.dates.iter().copied(), None, None);
    if hist.buckets.is_empty() {
        return html! { <p class="timeline-empty">{ "No dated mentions." }</p> };
    }
    let chart = layout(
        &hist,
        &LayoutOptions {
            width: 420.0,
            height: 120.0,
            ..LayoutOptions::default()
        },
    );
    let plot = chart.plot;
    let f = |x: f64| format!("{x:.1}");
    html! {
        <figure class="mention-timeline">
            <svg viewBox={format!("0 0 {} {}", f(chart.width), f(chart.height))} role="img"
                 aria-label={format!("{}: {} dated, by {}; at most {} in one {}", props.label, chart.dated, chart.granularity.as_str(), chart.max_count, chart.granularity.as_str())}>
                { for chart.y_ticks.iter().map(|t| html! {
                    <g class="y-tick">
                        <line x1={f(plot.x)} x2={f(plot.x + plot.width)} y1={f(t.y)} y2={f(t.y)} />
                        <text x={f(plot.x - 4.0)} y={f(t.y + 3.0)} text-anchor="end">{ t.label.clone() }</text>
                    </g>
                }) }
                { for chart.bars.iter().filter(|b| b.count > 0).map(|b| html! {
                    <rect class="bar" x={f(b.rect.x)} y={f(b.rect.y)} width={f(b.rect.width)} height={f(b.rect.height)}>
                        <title>{ format!("{}: {}", b.label, b.count) }</title>
                    </rect>
                }) }
                { for chart.x_ticks.iter().map(|t| html! {
                    <text class="x-tick" x={f(t.x)} y={f(plot.y + plot.height + 14.0)} text-anchor="middle">{ t.label.clone() }</text>
                }) }
            </svg>
            if chart.undated > 0 {
                <figcaption>{ format!("{} in undated documents", chart.undated) }</figcaption>
            }
        </figure>
    }
}
