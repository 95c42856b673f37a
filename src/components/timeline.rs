//! The results timeline: an SVG histogram of the current results that is also a control. Click a
//! bucket or drag across the chart to set the date range; arrow keys move between buckets.
//! Geometry (buckets, scales, ticks, brush mapping, bursts) is the engine's `timeline` module.

use super::Fixed;
use chrono::NaiveDate;
use dossier_engine::timeline::{
    layout, results_timeline, Burst, Chart, EntityBaseline, Granularity, Histogram, LayoutOptions,
    ResultsTimeline,
};
use dossier_engine::view::{self, View};
use dossier_engine::{DocIdx, EntityIdx};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlSelectElement, SvgElement};
use yew::prelude::*;

/// Chart size in SVG units (it scales to the pane width).
const WIDTH: f64 = 360.0;
const HEIGHT: f64 = 130.0;
/// Drags shorter than this (in SVG units) are clicks.
const MIN_DRAG: f64 = 4.0;
/// Headlines listed in a bucket's tooltip.
const TOP_HEADLINES: usize = 3;

/// Properties of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// The current view (its `from`/`to` draw the brush; links keep the rest of it).
    pub view: View,
    /// The results without the date range, so the whole span stays visible while brushing.
    pub results: Rc<Vec<DocIdx>>,
    /// Called with the view a brush selects (the app writes it to the URL as a new entry).
    pub on_navigate: Callback<View>,
    /// A small chart for an entity page: no granularity control or burst list, and its own ids
    /// (`entity-timeline…`) so it can sit beside the results timeline.
    #[prop_or_default]
    pub compact: bool,
}

/// Okabe–Ito colours, readable for colour-blind readers, in series order.
const SERIES: [&str; 6] = [
    "series-0", "series-1", "series-2", "series-3", "series-4", "series-5",
];

/// What the chart shows, derived from the results.
struct Derived {
    hist: Histogram,
    chart: Chart,
    /// Per series entity, documents per bucket.
    series: Vec<Vec<u32>>,
    series_ids: Vec<EntityIdx>,
    found: Vec<Burst>,
    /// Per drawn bar, its first headlines in result order.
    bar_headlines: Vec<Vec<String>>,
}

fn derive(
    results: &[DocIdx],
    granularity: Option<Granularity>,
    series_ids: &[EntityIdx],
) -> Derived {
    let corpus = crate::corpus();
    let facts = dossier_engine::timeline::result_facts(crate::facets(), results);
    // Bursts are measured against the whole corpus (`baseline`).
    let ResultsTimeline {
        hist,
        series,
        bursts: found,
        top,
    } = results_timeline(&facts, granularity, series_ids, baseline(), TOP_HEADLINES);
    let chart = layout(
        &hist,
        &LayoutOptions {
            width: WIDTH,
            height: HEIGHT,
            ..LayoutOptions::default()
        },
    );
    let bar_headlines = chart
        .bars
        .iter()
        .map(|b| {
            top[b.index]
                .iter()
                .map(|&k| corpus.documents[results[k] as usize].title.clone())
                .collect()
        })
        .collect();
    Derived {
        hist,
        chart,
        series,
        series_ids: series_ids.to_vec(),
        found,
        bar_headlines,
    }
}

/// How many documents of the whole corpus mention each entity, for burst drivers.
fn baseline() -> &'static EntityBaseline {
    static BASELINE: std::sync::OnceLock<EntityBaseline> = std::sync::OnceLock::new();
    BASELINE.get_or_init(|| EntityBaseline::of(crate::corpus()))
}

/// `<figure id="timeline">`.
#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let corpus = crate::corpus();
    let view = &props.view;
    let p = if props.compact {
        "entity-timeline"
    } else {
        "timeline"
    };
    let drag = use_state(|| None::<(f64, f64)>);
    // The bucket under the pointer or with keyboard focus, shown in the readout below the chart.
    let hovered = use_state(|| None::<usize>);
    let table_open = use_state(|| false);
    let on_table_toggle = {
        let table_open = table_open.clone();
        Callback::from(move |e: Event| {
            if let Some(d) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) {
                table_open.set(d.has_attribute("open"));
            }
        })
    };
    let svg_ref = use_node_ref();
    let series_ids: Vec<EntityIdx> = view
        .entities
        .iter()
        .chain(view.pins.iter())
        .filter_map(|id| corpus.entity_index(id))
        .take(SERIES.len())
        .collect();
    // Everything derived from the results, computed once per results, granularity and series
    // (hovering, focusing and dragging only re-render).
    let derived = use_memo(
        (props.results.clone(), view.granularity, series_ids),
        |(results, granularity, series_ids)| derive(results, *granularity, series_ids),
    );
    let Derived {
        hist,
        chart,
        series,
        found,
        bar_headlines,
        series_ids,
    } = &*derived;
    if hist.buckets.is_empty() {
        return html! {
            <figure id={p} class="timeline">
                <figcaption>{ match hist.undated { 0 => "No documents to chart.".to_string(), n => format!("{n} undated documents; nothing to chart.") } }</figcaption>
            </figure>
        };
    }
    let plot = chart.plot;
    let f = |x: f64| Fixed(x, 1).to_string();

    let range_view = |from: Option<NaiveDate>, to: Option<NaiveDate>| {
        view::with_range(&view::with_doc(view, None), from, to)
    };
    let brush = match (view.from, view.to) {
        (None, None) => None,
        (from, to) => {
            chart.brush_extent(from.unwrap_or(NaiveDate::MIN), to.unwrap_or(NaiveDate::MAX))
        }
    };
    let live = (*drag).map(|(a, b)| (a.min(b), a.max(b)));

    let to_svg_x = {
        let svg_ref = svg_ref.clone();
        move |client_x: i32| -> Option<f64> {
            let el: Element = svg_ref.cast::<Element>()?;
            let rect = el.get_bounding_client_rect();
            (rect.width() > 0.0).then(|| (client_x as f64 - rect.left()) * WIDTH / rect.width())
        }
    };
    let on_down = {
        let drag = drag.clone();
        let to_svg_x = to_svg_x.clone();
        Callback::from(move |e: MouseEvent| {
            if e.button() == 0 {
                if let Some(x) = to_svg_x(e.client_x()) {
                    drag.set(Some((x, x)));
                }
            }
        })
    };
    let on_move = {
        let drag = drag.clone();
        let to_svg_x = to_svg_x.clone();
        Callback::from(move |e: MouseEvent| {
            if let (Some((a, _)), Some(x)) = (*drag, to_svg_x(e.client_x())) {
                drag.set(Some((a, x)));
            }
        })
    };
    let on_up = {
        let drag = drag.clone();
        let derived = derived.clone();
        let on_navigate = props.on_navigate.clone();
        let base = view::with_doc(view, None);
        Callback::from(move |e: MouseEvent| {
            let Some((a, _)) = *drag else { return };
            drag.set(None);
            let Some(b) = to_svg_x(e.client_x()) else {
                return;
            };
            if (b - a).abs() < MIN_DRAG {
                return; // A click: the bucket link under the pointer handles it.
            }
            e.prevent_default();
            if let Some((from, to)) = derived.chart.brush(a, b) {
                on_navigate.emit(view::with_range(&base, Some(from), Some(to)));
            }
        })
    };
    // Arrow keys move focus between bucket links; Enter follows the focused one.
    let on_key = Callback::from(|e: KeyboardEvent| {
        let step: i32 = match e.key().as_str() {
            "ArrowRight" | "ArrowDown" => 1,
            "ArrowLeft" | "ArrowUp" => -1,
            "Home" => -10_000,
            "End" => 10_000,
            _ => return,
        };
        let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let Some(svg) = target.closest("svg").ok().flatten() else {
            return;
        };
        let Ok(links) = svg.query_selector_all("a.bucket-link") else {
            return;
        };
        let n = links.length() as i32;
        let current = (0..n)
            .find(|&i| {
                links
                    .item(i as u32)
                    .is_some_and(|l| l.is_same_node(Some(&target)))
            })
            .unwrap_or(0);
        let next = (current + step).clamp(0, n - 1);
        if let Some(el) = links
            .item(next as u32)
            .and_then(|l| l.dyn_into::<SvgElement>().ok())
        {
            e.prevent_default();
            let _ = el.focus();
        }
    });
    let on_granularity = {
        let on_navigate = props.on_navigate.clone();
        let base = view.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
            else {
                return;
            };
            let g = Granularity::parse(&select.value());
            on_navigate.emit(view::with_granularity(&base, g));
        })
    };
    let (min, max) = (
        hist.buckets[0].start,
        hist.buckets[hist.buckets.len() - 1].end,
    );
    let choices = Granularity::choices(min, max);
    let current_g = view.granularity;
    let mut first_link = true;
    let on_svg_leave = {
        let drag = drag.clone();
        let hovered = hovered.clone();
        Callback::from(move |_: MouseEvent| {
            drag.set(None);
            hovered.set(None);
        })
    };
    // One listener for all bars: the bucket under the pointer or with focus is the readout's.
    let bucket_of = |e: &Event| -> Option<usize> {
        let target = e.target()?.dyn_into::<Element>().ok()?;
        target
            .closest("g.bucket")
            .ok()??
            .get_attribute("data-k")?
            .parse()
            .ok()
    };
    let on_over = {
        let hovered = hovered.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(k) = bucket_of(&e) {
                hovered.set(Some(k));
            }
        })
    };
    let on_focus_in = {
        let hovered = hovered.clone();
        Callback::from(move |e: FocusEvent| hovered.set(bucket_of(&e)))
    };
    let on_focus_out = {
        let hovered = hovered.clone();
        Callback::from(move |_: FocusEvent| hovered.set(None))
    };
    // What the readout says: the hovered or focused bucket, else how to use the chart.
    let readout = match (*hovered).and_then(|k| chart.bars.get(k).map(|b| (b, &bar_headlines[k]))) {
        Some((b, headlines)) => html! {
            <>
                <strong class="readout-label">{ b.label.clone() }</strong>
                { format!(": {}", super::plural(b.count as usize, "document", "documents")) }
                if !headlines.is_empty() {
                    <ul class="readout-headlines">
                        { for headlines.iter().map(|h| html! { <li>{ h.clone() }</li> }) }
                        if b.count as usize > headlines.len() {
                            <li class="more">{ format!("and {} more", b.count as usize - headlines.len()) }</li>
                        }
                    </ul>
                }
            </>
        },
        None => {
            html! { { "Point at or focus a bar to see its documents; click it or drag across the chart to narrow the dates." } }
        }
    };

    html! {
        <figure id={p} class={classes!("timeline", props.compact.then_some("compact"))} aria-labelledby={format!("{p}-title")}>
            <div class="timeline-head">
                <h2 id={format!("{p}-title")} class="timeline-title">{ if props.compact { "Documents over time" } else { "Timeline" } }</h2>
                if !props.compact {
                <label class="timeline-control">{ "By " }
                    <select id="timeline-granularity" onchange={on_granularity} aria-label="Timeline granularity">
                        <option value="" selected={current_g.is_none()}>{ format!("auto ({})", hist.granularity.as_str()) }</option>
                        { for choices.iter().map(|g| html! {
                            <option value={g.as_str()} selected={current_g.is_some() && hist.granularity == *g}>{ g.as_str() }</option>
                        }) }
                    </select>
                </label>
                }
                if let Some(asked) = current_g.filter(|g| *g != hist.granularity) {
                    <span class="timeline-coarsened" role="note">{ format!(
                        "By {} there would be too many bars for this span; drawn by {}. Narrow the dates to see {}s.",
                        asked.as_str(), hist.granularity.as_str(), asked.as_str()
                    ) }</span>
                }
                if view.from.is_some() || view.to.is_some() {
                    <a id={format!("{p}-reset")} class="timeline-reset" href={view::href(&range_view(None, None))}>{ "Reset dates" }</a>
                }
                if hist.undated > 0 {
                    <span class="timeline-undated">{ format!("{} undated", hist.undated) }</span>
                }
            </div>
            <svg ref={svg_ref} id={format!("{p}-svg")} viewBox={format!("0 0 {} {}", f(chart.width), f(chart.height))}
                 role="group" aria-label="Documents per bucket; arrow keys move between buckets, Enter narrows to one"
                 onmousedown={on_down} onmousemove={on_move} onmouseup={on_up} onmouseleave={on_svg_leave} onkeydown={on_key}
                 onmouseover={on_over} onfocusin={on_focus_in} onfocusout={on_focus_out}>
                { for chart.y_ticks.iter().map(|t| html! {
                    <g class="y-tick">
                        <line x1={f(plot.x)} x2={f(plot.x + plot.width)} y1={f(t.y)} y2={f(t.y)} />
                        <text x={f(plot.x - 4.0)} y={f(t.y + 3.0)} text-anchor="end">{ t.label.clone() }</text>
                    </g>
                }) }
                if let Some((x0, x1)) = brush {
                    <rect class="brush" x={f(x0)} y={f(plot.y)} width={f((x1 - x0).max(1.0))} height={f(plot.height)} />
                }
                if let Some((x0, x1)) = live {
                    <rect class="brush live" x={f(x0)} y={f(plot.y)} width={f((x1 - x0).max(1.0))} height={f(plot.height)} />
                }
                { for chart.bars.iter().enumerate().map(|(k, b)| {
                    let href = view::href(&range_view(Some(b.start), Some(b.end)));
                    let tabindex = if b.count > 0 && std::mem::take(&mut first_link) { "0" } else { "-1" };
                    html! {
                        <g class={classes!("bucket", (b.count > 0).then_some("nonempty"))} data-k={k.to_string()}
                           data-from={b.start.to_string()} data-to={b.end.to_string()} data-count={b.count.to_string()}>
                            if b.count > 0 {
                                <a class="bucket-link" {href} tabindex={tabindex}
                                   aria-label={format!("{}: {}", b.label, super::plural(b.count as usize, "document", "documents"))}>
                                    <rect class="column" x={f(b.column.x)} y={f(plot.y)} width={f(b.column.width)} height={f(plot.height)} />
                                    <rect class="bar" x={f(b.rect.x)} y={f(b.rect.y)} width={f(b.rect.width)} height={f(b.rect.height)} />
                                </a>
                            }
                        </g>
                    }
                }) }
                { for series.iter().enumerate().map(|(k, counts)| {
                    let points: Vec<String> = chart.series_points(counts).iter().map(|(x, y)| format!("{},{}", Fixed(*x, 1), Fixed(*y, 1))).collect();
                    html! { <polyline class={classes!("series", SERIES[k])} points={points.join(" ")} /> }
                }) }
                { for found.iter().filter_map(|burst| chart.bars.get(burst.bucket).map(|b| (burst, b))).map(|(burst, b)| {
                    let drivers: Vec<String> = burst.drivers.iter().take(3).map(|d| corpus.entities[d.entity as usize].name.clone()).collect();
                    let x = b.rect.x + b.rect.width / 2.0;
                    html! {
                        <g class="burst">
                            <path d={format!("M{},{} l-4,-7 h8 z", Fixed(x, 1), Fixed(b.rect.y - 2.0, 1))} />
                            <title>{ format!("Burst: {} documents, about {} expected{}", burst.count, Fixed(burst.expected, 1), if drivers.is_empty() { String::new() } else { format!("; driven by {}", drivers.join(", ")) }) }</title>
                        </g>
                    }
                }) }
                { for chart.x_ticks.iter().map(|t| html! {
                    <text class="x-tick" x={f(t.x)} y={f(plot.y + plot.height + 14.0)} text-anchor="middle">{ t.label.clone() }</text>
                }) }
            </svg>
            <div id={format!("{p}-readout")} class="timeline-readout" aria-live="polite">{ readout }</div>
            if !series_ids.is_empty() {
                <ul class="timeline-legend" aria-label="Entity series">
                    { for series_ids.iter().enumerate().map(|(k, &e)| {
                        let entity = &corpus.entities[e as usize];
                        html! {
                            <li class={classes!("legend-series", SERIES[k])} data-entity-id={entity.id.clone()}>
                                { entity.name.clone() }
                                if view.pins.contains(&entity.id) {
                                    <a class="legend-unpin" href={view::href(&view::toggle_pin(view, &entity.id))}
                                       aria-label={format!("Unpin {} from the timeline", entity.name)}>{ "×" }</a>
                                }
                            </li>
                        }
                    }) }
                </ul>
            }
            if !found.is_empty() && !props.compact {
                <ul class="timeline-bursts" aria-label="Bursts">
                    { for found.iter().map(|burst| {
                        let (from, to) = (hist.buckets[burst.bucket].start, hist.buckets[burst.bucket].end);
                        let drivers: Vec<String> = burst.drivers.iter().take(3).map(|d| corpus.entities[d.entity as usize].name.clone()).collect();
                        html! {
                            <li><a href={view::href(&range_view(Some(from), Some(to)))}>{ hist.granularity.bucket_label(from) }</a>
                                { format!(": {} documents{}", burst.count, if drivers.is_empty() { String::new() } else { format!(", driven by {}", drivers.join(", ")) }) }</li>
                        }
                    }) }
                </ul>
            }
            <p class="visually-hidden" id={format!("{p}-description")}>{ hist.describe() }</p>
            <details class="timeline-table-toggle" open={*table_open} ontoggle={on_table_toggle}>
                <summary>{ "Table" }</summary>
                // Rows only while open: at week granularity over years they would double the
                // chart's cost on every render for a view nobody has asked for yet.
                if *table_open {
                <table id={format!("{p}-table")}>
                    <caption class="visually-hidden">{ "Documents per bucket" }</caption>
                    <thead><tr><th scope="col">{ "Period" }</th><th scope="col">{ "Documents" }</th></tr></thead>
                    <tbody>
                        { for hist.buckets.iter().filter(|b| b.count > 0).map(|b| html! {
                            <tr>
                                <th scope="row"><a href={view::href(&range_view(Some(b.start), Some(b.end)))}>{ hist.granularity.bucket_label(b.start) }</a></th>
                                <td>{ b.count }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                }
            </details>
        </figure>
    }
}
