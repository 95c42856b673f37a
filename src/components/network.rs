//! The entity network of the current results: nodes sized by documents and coloured by type,
//! links weighted by shared documents (or paragraphs, `within=paragraph`) and thresholded by count and lift, laid out by the engine
//! (deterministic, so a shared link draws the same picture). A node links to the results
//! narrowed by it, a link to the documents where both occur; zoom and pan with the buttons,
//! the wheel or a drag.

use std::rc::Rc;

use dossier_engine::network::{layout_network, network, paragraph_entities, NetworkOptions};
use dossier_engine::view::{self, Tenths, View};
use dossier_engine::DocIdx;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::{kind_class, plural, Fixed};

/// Drawing size in SVG units (it scales to the pane width).
const WIDTH: f64 = 360.0;
const HEIGHT: f64 = 280.0;
const MARGIN: f64 = 24.0;
/// Nodes labelled without hovering: the ones in the most documents.
const LABELLED: usize = 24;
/// Zoom limits and step.
const MIN_SCALE: f64 = 0.5;
const MAX_SCALE: f64 = 8.0;
const STEP: f64 = 1.25;

/// Properties of [`Network`].
#[derive(Properties, PartialEq)]
pub struct NetworkProps {
    /// The current view (thresholds; links keep the rest of it).
    pub view: View,
    /// The current results: the network follows every filter, the date range included.
    pub results: Rc<Vec<DocIdx>>,
    /// Called with the view the threshold controls select.
    pub on_navigate: Callback<View>,
}

/// Zoom and pan of the drawing: `scale`, then a shift in SVG units.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Camera {
    scale: f64,
    x: f64,
    y: f64,
}

impl Camera {
    const HOME: Camera = Camera {
        scale: 1.0,
        x: 0.0,
        y: 0.0,
    };

    /// Zooms by `factor` keeping the point (`cx`, `cy`) of the drawing where it is.
    fn zoom(self, factor: f64, cx: f64, cy: f64) -> Camera {
        let scale = (self.scale * factor).clamp(MIN_SCALE, MAX_SCALE);
        let f = scale / self.scale;
        Camera {
            scale,
            x: cx - (cx - self.x) * f,
            y: cy - (cy - self.y) * f,
        }
    }
}

/// `<figure id="network">`.
#[function_component(Network)]
pub fn network_view(props: &NetworkProps) -> Html {
    let corpus = crate::corpus();
    let view = &props.view;
    let opts = NetworkOptions::for_view(view);
    let net = use_memo(
        (
            props.results.clone(),
            opts.min_count,
            view.min_lift,
            view.paragraphs,
        ),
        move |(results, _, _, paragraphs)| {
            let mut net = if *paragraphs {
                // Each paragraph is a unit: links count paragraphs where both occur.
                let units: Vec<Vec<u32>> = results
                    .iter()
                    .flat_map(|&d| {
                        paragraph_entities(
                            &corpus.documents[d as usize].blocks,
                            &corpus.mentions.of(d).collect::<Vec<_>>(),
                        )
                    })
                    .collect();
                let refs: Vec<&[u32]> = units.iter().map(Vec::as_slice).collect();
                network(&refs, &opts)
            } else {
                let docs: Vec<&[u32]> = results.iter().map(|&d| crate::doc_entities(d)).collect();
                network(&docs, &opts)
            };
            layout_network(&mut net, WIDTH, HEIGHT, MARGIN);
            net
        },
    );
    let (unit, units) = if view.paragraphs {
        ("paragraph", "paragraphs")
    } else {
        ("document", "documents")
    };
    let hovered = use_state(|| None::<usize>);
    let camera = use_state(|| Camera::HOME);
    let pan = use_state(|| None::<(i32, i32, Camera)>);
    let svg_ref = use_node_ref();

    let base = view::with_doc(view, None);
    let max_docs = net
        .nodes
        .iter()
        .map(|n| n.documents)
        .max()
        .unwrap_or(1)
        .max(1);
    let radius = |docs: u32| 4.0 + 10.0 * (f64::from(docs) / f64::from(max_docs)).sqrt();
    let max_count = net.edges.iter().map(|e| e.count).max().unwrap_or(1).max(1);
    let neighbours = (*hovered).map(|h| net.neighbours(h)).unwrap_or_default();
    let node_state = |i: usize| match *hovered {
        None => None,
        Some(h) if h == i => Some("active"),
        Some(_) if neighbours.binary_search(&i).is_ok() => Some("neighbour"),
        Some(_) => Some("dim"),
    };

    // SVG units per CSS pixel, to turn a drag into a shift.
    let units_per_px = {
        let svg_ref = svg_ref.clone();
        move || -> f64 {
            svg_ref
                .cast::<Element>()
                .map(|el| el.get_bounding_client_rect().width())
                .filter(|w| *w > 0.0)
                .map_or(1.0, |w| WIDTH / w)
        }
    };
    let on_down = {
        let pan = pan.clone();
        let camera = camera.clone();
        Callback::from(move |e: MouseEvent| {
            // Drags start on the background only, so node and link clicks stay clicks.
            let on_background = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .is_some_and(|el| el.closest("a").ok().flatten().is_none());
            if e.button() == 0 && on_background {
                e.prevent_default();
                pan.set(Some((e.client_x(), e.client_y(), *camera)));
            }
        })
    };
    let on_move = {
        let pan = pan.clone();
        let camera = camera.clone();
        let units_per_px = units_per_px.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some((x0, y0, start)) = *pan {
                let u = units_per_px();
                camera.set(Camera {
                    x: start.x + f64::from(e.client_x() - x0) * u,
                    y: start.y + f64::from(e.client_y() - y0) * u,
                    ..start
                });
            }
        })
    };
    let on_up = {
        let pan = pan.clone();
        Callback::from(move |_: MouseEvent| pan.set(None))
    };
    let on_leave = {
        let pan = pan.clone();
        let hovered = hovered.clone();
        Callback::from(move |_: MouseEvent| {
            pan.set(None);
            hovered.set(None);
        })
    };
    let on_wheel = {
        let camera = camera.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: WheelEvent| {
            let Some(el) = svg_ref.cast::<Element>() else {
                return;
            };
            let rect = el.get_bounding_client_rect();
            if rect.width() <= 0.0 {
                return;
            }
            e.prevent_default();
            let u = WIDTH / rect.width();
            let (cx, cy) = (
                (f64::from(e.client_x()) - rect.left()) * u,
                (f64::from(e.client_y()) - rect.top()) * u,
            );
            let factor = if e.delta_y() < 0.0 { STEP } else { 1.0 / STEP };
            camera.set(camera.zoom(factor, cx, cy));
        })
    };
    let zoom_button = |factor: Option<f64>| {
        let camera = camera.clone();
        Callback::from(move |_: MouseEvent| {
            camera.set(match factor {
                Some(f) => camera.zoom(f, WIDTH / 2.0, HEIGHT / 2.0),
                None => Camera::HOME,
            })
        })
    };
    let on_min_count = {
        let on_navigate = props.on_navigate.clone();
        let base = view.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let value = input.value().trim().parse::<u32>().ok();
            if let Some(n) = value.filter(|n| (1..=view::MAX_MIN_COUNT).contains(n)) {
                on_navigate.emit(view::with_network(&base, true, Some(n), base.min_lift));
            }
        })
    };
    let on_min_lift = {
        let on_navigate = props.on_navigate.clone();
        let base = view.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            if let Some(t) = Tenths::parse(input.value().trim()) {
                on_navigate.emit(view::with_network(&base, true, base.min_count, Some(t)));
            }
        })
    };

    let f = |x: f64| Fixed(x, 1).to_string();
    let cam = *camera;
    let hide_href = view::href(&view::with_network(&base, false, None, None));
    let on_within = {
        let on_navigate = props.on_navigate.clone();
        let base = view.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
            else {
                return;
            };
            on_navigate.emit(view::with_paragraphs(&base, select.value() == "paragraph"));
        })
    };
    let summary = format!(
        "{} and {} among {}.",
        plural(net.nodes.len(), "entity", "entities"),
        plural(net.edges.len(), "link", "links"),
        plural(net.documents as usize, unit, units)
    );
    let readout = match *hovered {
        Some(h) if h < net.nodes.len() => {
            let node = &net.nodes[h];
            let e = &corpus.entities[node.entity as usize];
            format!(
                "{}: {}, linked to {}",
                e.name,
                plural(node.documents as usize, unit, units),
                match neighbours.len() {
                    0 => "nothing above the thresholds".to_string(),
                    _ => neighbours
                        .iter()
                        .take(6)
                        .map(|&n| corpus.entities[net.nodes[n].entity as usize].name.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                }
            )
        }
        _ => "Point at an entity to see its links; click it to filter by it, click a link to see the documents where both occur.".to_string(),
    };

    html! {
        <figure id="network" class="network" aria-labelledby="network-title">
            <div class="network-head">
                <h2 id="network-title" class="network-title">{ "Entity network" }</h2>
                <label class="network-control">{ "Links from " }
                    <input id="network-min-count" type="number" min="1" step="1" inputmode="numeric"
                           value={opts.min_count.to_string()} onchange={on_min_count}
                           aria-label={format!("Fewest shared {units} for a link")} />
                    { if view.paragraphs { " shared paragraphs" } else { " shared docs" } }
                </label>
                <label class="network-control">{ "within " }
                    <select id="network-within" onchange={on_within} aria-label="Count links within the same document or the same paragraph">
                        <option value="document" selected={!view.paragraphs}>{ "a document" }</option>
                        <option value="paragraph" selected={view.paragraphs}>{ "a paragraph" }</option>
                    </select>
                </label>
                <label class="network-control">{ "lift ≥ " }
                    <input id="network-min-lift" type="number" min="0" step="0.5" inputmode="decimal"
                           value={Tenths((opts.min_lift * 10.0).round() as u32).to_string()} onchange={on_min_lift}
                           aria-label="Least lift for a link" />
                </label>
                <span class="network-zoom" role="group" aria-label="Zoom">
                    <button type="button" id="network-zoom-in" onclick={zoom_button(Some(STEP))} aria-label="Zoom in">{ "+" }</button>
                    <button type="button" id="network-zoom-out" onclick={zoom_button(Some(1.0 / STEP))} aria-label="Zoom out">{ "−" }</button>
                    <button type="button" id="network-zoom-reset" onclick={zoom_button(None)} aria-label="Fit the whole network in view">{ "Fit" }</button>
                </span>
                <a id="network-hide" href={hide_href}>{ "Hide" }</a>
            </div>
            if net.nodes.is_empty() {
                <p class="empty">{ "No entities in these results." }</p>
            } else {
                <svg ref={svg_ref} id="network-svg" viewBox={format!("0 0 {} {}", Fixed(WIDTH, 0), Fixed(HEIGHT, 0))}
                     role="group" aria-label={summary.clone()} class={classes!(pan.is_some().then_some("panning"))}
                     onmousedown={on_down} onmousemove={on_move} onmouseup={on_up} onmouseleave={on_leave} onwheel={on_wheel}>
                    <rect class="network-bg" x="0" y="0" width={Fixed(WIDTH, 0).to_string()} height={Fixed(HEIGHT, 0).to_string()} />
                    <g class="network-camera" transform={format!("translate({} {}) scale({})", Fixed(cam.x, 2), Fixed(cam.y, 2), Fixed(cam.scale, 3))}>
                        { for net.edges.iter().map(|edge| {
                            let (a, b) = (&net.nodes[edge.a], &net.nodes[edge.b]);
                            let (ea, eb) = (&corpus.entities[a.entity as usize], &corpus.entities[b.entity as usize]);
                            let mut both = base.clone();
                            for id in [&ea.id, &eb.id] {
                                if !both.entities.contains(id) {
                                    both = view::toggle_entity(&both, id);
                                }
                            }
                            let lit = hovered.is_some_and(|h| h == edge.a || h == edge.b);
                            let tip = format!("{} and {}: {}, lift {}", ea.name, eb.name, plural(edge.count as usize, &format!("shared {unit}"), &format!("shared {units}")), Fixed(edge.lift, 1));
                            let width = 1.0 + 3.0 * f64::from(edge.count) / f64::from(max_count);
                            html! {
                                <a class="edge-link" href={view::href(&both)} aria-label={tip.clone()}>
                                    <line class="edge-hit" x1={f(a.x)} y1={f(a.y)} x2={f(b.x)} y2={f(b.y)} />
                                    <line class={classes!("edge", lit.then_some("active"), (hovered.is_some() && !lit).then_some("dim"))}
                                          data-a={ea.id.clone()} data-b={eb.id.clone()} data-count={edge.count.to_string()}
                                          x1={f(a.x)} y1={f(a.y)} x2={f(b.x)} y2={f(b.y)} stroke-width={Fixed(width, 1).to_string()} />
                                    <title>{ tip }</title>
                                </a>
                            }
                        }) }
                        { for net.nodes.iter().enumerate().map(|(i, node)| {
                            let e = &corpus.entities[node.entity as usize];
                            let r = radius(node.documents);
                            let selected = view.entities.contains(&e.id);
                            let href = view::href(&view::toggle_entity(&base, &e.id));
                            let tip = format!("{}: {}{}", e.name, plural(node.documents as usize, unit, units),
                                if selected { " (filtering; click to remove)" } else { "" });
                            let show = { let hovered = hovered.clone(); Callback::from(move |_: MouseEvent| hovered.set(Some(i))) };
                            let focus = { let hovered = hovered.clone(); Callback::from(move |_: FocusEvent| hovered.set(Some(i))) };
                            let blur = { let hovered = hovered.clone(); Callback::from(move |_: FocusEvent| hovered.set(None)) };
                            let labelled = i < LABELLED || node_state(i).is_some_and(|s| s != "dim");
                            html! {
                                <g class={classes!("node", kind_class(e.kind), node_state(i), selected.then_some("selected"))}
                                   data-entity-id={e.id.clone()} data-documents={node.documents.to_string()}>
                                    <a class="node-link" {href} aria-label={tip.clone()} onmouseover={show} onfocusin={focus} onfocusout={blur}>
                                        <circle cx={f(node.x)} cy={f(node.y)} r={f(r)} />
                                        if labelled {
                                            <text x={f(node.x)} y={f(node.y + r + 9.0)} text-anchor="middle">{ e.name.clone() }</text>
                                        }
                                        <title>{ tip }</title>
                                    </a>
                                </g>
                            }
                        }) }
                    </g>
                </svg>
            }
            <p id="network-readout" class="network-readout" aria-live="polite">{ readout }</p>
            <p id="network-note" class="network-note">
                { summary }
                if let Some(note) = net.note() { { " " }{ note } }
                if net.below_threshold_edges > 0 {
                    { format!(" {} below the thresholds (fewer than {} or lift under {}).",
                        plural(net.below_threshold_edges, "pair is", "pairs are"), plural(opts.min_count as usize, &format!("shared {unit}"), &format!("shared {units}")), Fixed(opts.min_lift, 1)) }
                }
            </p>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::Camera;

    #[test]
    fn zoom_keeps_the_point_under_the_pointer() {
        let c = Camera::HOME.zoom(2.0, 100.0, 50.0);
        assert_eq!(c.scale, 2.0);
        // The drawing point (100, 50) is still drawn at (100, 50).
        assert_eq!((100.0 * c.scale + c.x, 50.0 * c.scale + c.y), (100.0, 50.0));
    }

    #[test]
    fn zoom_is_clamped() {
        let mut c = Camera::HOME;
        for _ in 0..40 {
            c = c.zoom(2.0, 0.0, 0.0);
        }
        assert_eq!(c.scale, super::MAX_SCALE);
    }
}
