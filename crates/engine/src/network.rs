//! Entity network: who appears with whom in a set of documents, thresholded, capped and laid out.
//!
//! Edges count documents in which two entities both occur and are kept only when they are
//! frequent enough (`min_count`) and specific enough (`min_lift`, so an entity that is in every
//! document does not link to everything). The layout is a force-directed one with a fixed number
//! of steps, starting positions derived from entity ids and no randomness, so the same view
//! always draws the same picture.

use std::collections::HashMap;

use crate::model::{Block, BlockKind, DocIdx, EntityIdx, Mention};

/// Thresholds and caps for [`network`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NetworkOptions {
    /// Fewest shared documents for an edge.
    pub min_count: u32,
    /// Least lift, `P(a,b) / (P(a)·P(b))`, for an edge; 1 means "as often as chance".
    pub min_lift: f64,
    /// Most nodes drawn; the entities in the fewest documents are left out first.
    pub max_nodes: usize,
    /// Most edges drawn; the weakest (by `count × ln lift`) are left out first.
    pub max_edges: usize,
}

impl Default for NetworkOptions {
    fn default() -> Self {
        NetworkOptions {
            min_count: 2,
            min_lift: 1.5,
            max_nodes: 60,
            max_edges: 200,
        }
    }
}

impl NetworkOptions {
    /// The defaults with the thresholds a view sets (`min_count`, `min_lift`).
    pub fn for_view(view: &crate::view::View) -> NetworkOptions {
        let d = NetworkOptions::default();
        NetworkOptions {
            min_count: view.min_count.unwrap_or(d.min_count),
            min_lift: view.min_lift.map_or(d.min_lift, |t| t.value()),
            ..d
        }
    }
}

/// An entity in the network.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The entity.
    pub entity: EntityIdx,
    /// Documents of the set that mention it (for sizing).
    pub documents: u32,
    /// Edges kept that touch it.
    pub degree: u32,
    /// Horizontal position, set by [`layout_network`].
    pub x: f64,
    /// Vertical position, set by [`layout_network`].
    pub y: f64,
}

/// Two entities that occur in the same documents.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// Position of one end in [`Network::nodes`] (the smaller position).
    pub a: usize,
    /// Position of the other end in [`Network::nodes`].
    pub b: usize,
    /// Documents mentioning both.
    pub count: u32,
    /// `P(a,b) / (P(a)·P(b))` over the document set.
    pub lift: f64,
}

/// The thresholded network of a document set.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Network {
    /// Nodes, most documents first (ties by entity).
    pub nodes: Vec<Node>,
    /// Edges that passed the thresholds, strongest first.
    pub edges: Vec<Edge>,
    /// Documents in the set.
    pub documents: u32,
    /// Entities in the set that were not drawn because of `max_nodes`.
    pub left_out_nodes: usize,
    /// Pairs among drawn nodes that occur together but failed `min_count` or `min_lift`.
    pub below_threshold_edges: usize,
    /// Edges that passed the thresholds but were not drawn because of `max_edges`.
    pub left_out_edges: usize,
}

impl Network {
    /// The note to show when something was left out, e.g. `Showing 60 of 412 entities (those in
    /// the most documents); 35 weaker links hidden.` `None` when everything is drawn.
    pub fn note(&self) -> Option<String> {
        let mut parts = Vec::new();
        if self.left_out_nodes > 0 {
            parts.push(format!(
                "Showing {} of {} entities (those in the most documents)",
                self.nodes.len(),
                self.nodes.len() + self.left_out_nodes
            ));
        }
        if self.left_out_edges > 0 {
            parts.push(format!(
                "{} weaker link{} hidden",
                self.left_out_edges,
                if self.left_out_edges == 1 { "" } else { "s" }
            ));
        }
        if parts.is_empty() {
            None
        } else {
            Some(format!("{}.", parts.join("; ")))
        }
    }

    /// Positions in [`Network::nodes`] of the nodes linked to node `i`.
    pub fn neighbours(&self, i: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .edges
            .iter()
            .filter_map(|e| {
                if e.a == i {
                    Some(e.b)
                } else if e.b == i {
                    Some(e.a)
                } else {
                    None
                }
            })
            .collect();
        out.sort_unstable();
        out
    }
}

/// Lift of a pair: how much more often `a` and `b` share a document than chance would give.
pub fn lift(both: u32, a: u32, b: u32, documents: u32) -> f64 {
    if a == 0 || b == 0 {
        return 0.0;
    }
    f64::from(both) * f64::from(documents) / (f64::from(a) * f64::from(b))
}

/// Builds the network of a document set, given each document's entities (duplicates within a
/// document are counted once). Positions are left at zero; see [`layout_network`].
pub fn network(docs: &[&[EntityIdx]], opts: &NetworkOptions) -> Network {
    let mut scratch: Vec<EntityIdx> = Vec::new();
    let mut df = Tally::for_keys(docs.iter().flat_map(|d| d.iter()).copied().max());
    for doc in docs {
        unique(doc, &mut scratch);
        for e in &scratch {
            df.add(*e as usize);
        }
    }
    let mut ranked: Vec<(EntityIdx, u32)> = df
        .into_counts()
        .into_iter()
        .map(|(e, c)| (e as EntityIdx, c))
        .collect();
    crate::sort::sort_by(&mut ranked, |x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    let left_out_nodes = ranked.len().saturating_sub(opts.max_nodes);
    ranked.truncate(opts.max_nodes);
    let max_kept = ranked.iter().map(|(e, _)| *e as usize).max();
    let position: Box<dyn Fn(EntityIdx) -> Option<usize>> = match max_kept {
        Some(m) if m < 1 << 22 => {
            let mut dense = vec![usize::MAX; m + 1];
            for (i, (e, _)) in ranked.iter().enumerate() {
                dense[*e as usize] = i;
            }
            Box::new(move |e| dense.get(e as usize).copied().filter(|p| *p != usize::MAX))
        }
        _ => {
            let map: HashMap<EntityIdx, usize> = ranked
                .iter()
                .enumerate()
                .map(|(i, (e, _))| (*e, i))
                .collect();
            Box::new(move |e| map.get(&e).copied())
        }
    };
    let n = ranked.len();
    // Pair (a, b), a < b, counted at a·n + b.
    let mut pairs = Tally::for_keys(n.checked_mul(n).map(|x| x.saturating_sub(1) as u64));
    let mut kept: Vec<usize> = Vec::new();
    for doc in docs {
        unique(doc, &mut scratch);
        kept.clear();
        kept.extend(scratch.iter().filter_map(|e| position(*e)));
        kept.sort_unstable();
        for (i, &a) in kept.iter().enumerate() {
            for &b in &kept[i + 1..] {
                pairs.add(a * n + b);
            }
        }
    }
    let pairs = pairs
        .into_counts()
        .into_iter()
        .map(|(key, count)| ((key / n, key % n), count));
    let n_docs = docs.len() as u32;
    let mut edges: Vec<Edge> = Vec::new();
    let mut below = 0;
    for ((a, b), count) in pairs {
        let l = lift(count, ranked[a].1, ranked[b].1, n_docs);
        if count >= opts.min_count && l >= opts.min_lift {
            edges.push(Edge {
                a,
                b,
                count,
                lift: l,
            });
        } else {
            below += 1;
        }
    }
    let strength = |e: &Edge| f64::from(e.count) * e.lift.max(1.0).ln();
    crate::sort::sort_by(&mut edges, |x, y| {
        strength(y)
            .total_cmp(&strength(x))
            .then(y.count.cmp(&x.count))
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    let left_out_edges = edges.len().saturating_sub(opts.max_edges);
    edges.truncate(opts.max_edges);
    let mut nodes: Vec<Node> = ranked
        .into_iter()
        .map(|(entity, documents)| Node {
            entity,
            documents,
            degree: 0,
            x: 0.0,
            y: 0.0,
        })
        .collect();
    for e in &edges {
        nodes[e.a].degree += 1;
        nodes[e.b].degree += 1;
    }
    Network {
        nodes,
        edges,
        documents: n_docs,
        left_out_nodes,
        below_threshold_edges: below,
        left_out_edges,
    }
}

/// Counts by small integer key: a plain array when the keys are few enough, a map otherwise.
enum Tally {
    Dense(Vec<u32>),
    Sparse(HashMap<usize, u32>),
}

impl Tally {
    /// Dense up to four million keys (16 MB).
    fn for_keys<K: TryInto<u64>>(max_key: Option<K>) -> Tally {
        match max_key.and_then(|k| k.try_into().ok()) {
            Some(k) if k < 1 << 22 => Tally::Dense(vec![0; k as usize + 1]),
            Some(_) => Tally::Sparse(HashMap::new()),
            None => Tally::Dense(Vec::new()),
        }
    }

    fn add(&mut self, key: usize) {
        match self {
            Tally::Dense(v) => v[key] += 1,
            Tally::Sparse(m) => *m.entry(key).or_insert(0) += 1,
        }
    }

    /// Non-zero counts, by ascending key.
    fn into_counts(self) -> Vec<(usize, u32)> {
        match self {
            Tally::Dense(v) => v.into_iter().enumerate().filter(|(_, c)| *c > 0).collect(),
            Tally::Sparse(m) => {
                let mut v: Vec<(usize, u32)> = m.into_iter().collect();
                v.sort_unstable();
                v
            }
        }
    }
}

fn unique(doc: &[EntityIdx], out: &mut Vec<EntityIdx>) {
    out.clear();
    out.extend_from_slice(doc);
    out.sort_unstable();
    out.dedup();
}

/// The entities of each paragraph of a document (headings are skipped; a paragraph without
/// entities gives an empty list), from its blocks and its mentions sorted by start. These are
/// the units [`network`] counts when links are "same paragraph" rather than "same document".
pub fn paragraph_entities(blocks: &[Block], mentions: &[Mention]) -> Vec<Vec<EntityIdx>> {
    let mut out = Vec::new();
    let mut m = 0;
    for b in blocks.iter().filter(|b| b.kind == BlockKind::Paragraph) {
        while m < mentions.len() && mentions[m].start < b.start {
            m += 1;
        }
        let mut here = Vec::new();
        while m < mentions.len() && mentions[m].end <= b.end {
            here.push(mentions[m].entity);
            m += 1;
        }
        out.push(here);
    }
    out
}

/// Documents in both ascending lists: what clicking an edge shows.
pub fn shared_documents(a: &[DocIdx], b: &[DocIdx]) -> Vec<DocIdx> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Steps of the force-directed layout.
pub const LAYOUT_ITERATIONS: usize = 150;

/// Places the nodes in a `width` × `height` box (keeping `margin` free at the edges) with a
/// Fruchterman–Reingold layout: linked nodes attract, nearby nodes repel (only within two ideal
/// edge lengths, found with a grid), a weak pull keeps unlinked nodes near the centre. Starting
/// points come from the entity ids and the arithmetic uses only `+ − × ÷ √`, so the same network
/// gets the same picture on every machine.
pub fn layout_network(net: &mut Network, width: f64, height: f64, margin: f64) {
    let n = net.nodes.len();
    if n == 0 {
        return;
    }
    let (w, h) = (width.max(1.0), height.max(1.0));
    let (cx, cy) = (w / 2.0, h / 2.0);
    if n == 1 {
        net.nodes[0].x = cx;
        net.nodes[0].y = cy;
        return;
    }
    let k = (w * h / n as f64).sqrt();
    let mut pos: Vec<(f64, f64)> = net
        .nodes
        .iter()
        .map(|node| {
            let mut r = Splitmix(u64::from(node.entity) ^ 0x5EED);
            (r.unit() * w, r.unit() * h)
        })
        .collect();
    let max_count = net.edges.iter().map(|e| e.count).max().unwrap_or(1);
    let weights: Vec<f64> = net
        .edges
        .iter()
        .map(|e| 0.5 + f64::from(e.count) / f64::from(max_count))
        .collect();
    let cell = 2.0 * k;
    let (k2, cell2) = (k * k, cell * cell);
    let mut disp = vec![(0.0f64, 0.0f64); n];
    // Flat grid over the box (positions are clamped to it): node indices sorted by cell.
    let cols = (w / cell).floor() as usize + 1;
    let rows = (h / cell).floor() as usize + 1;
    let mut cell_start = vec![0usize; cols * rows + 1];
    let mut by_cell = vec![0usize; n];
    let mut node_cell = vec![0usize; n];
    let t0 = w.max(h) / 10.0;
    let gravity = 0.5 * k / w.max(h);
    for it in 0..LAYOUT_ITERATIONS {
        let t = t0 * (1.0 - it as f64 / LAYOUT_ITERATIONS as f64) + 0.5;
        disp.iter_mut().for_each(|d| *d = (0.0, 0.0));
        cell_start.iter_mut().for_each(|c| *c = 0);
        for (i, p) in pos.iter().enumerate() {
            let c = ((p.1 / cell) as usize).min(rows - 1) * cols
                + ((p.0 / cell) as usize).min(cols - 1);
            node_cell[i] = c;
            cell_start[c + 1] += 1;
        }
        for c in 0..cols * rows {
            cell_start[c + 1] += cell_start[c];
        }
        let mut fill = cell_start.clone();
        for (i, &c) in node_cell.iter().enumerate() {
            by_cell[fill[c]] = i;
            fill[c] += 1;
        }
        for v in 0..n {
            let (gx, gy) = (node_cell[v] % cols, node_cell[v] / cols);
            for ny in gy.saturating_sub(1)..(gy + 2).min(rows) {
                for nx in gx.saturating_sub(1)..(gx + 2).min(cols) {
                    let c = ny * cols + nx;
                    for &u in &by_cell[cell_start[c]..cell_start[c + 1]] {
                        // Each pair once, from its lower index.
                        if u <= v {
                            continue;
                        }
                        let (mut ddx, mut ddy) = (pos[v].0 - pos[u].0, pos[v].1 - pos[u].1);
                        let mut d2 = ddx * ddx + ddy * ddy;
                        if d2 < 1e-12 {
                            // Same spot: push apart along a direction fixed by the indices.
                            ddx = 0.01;
                            ddy = 0.005;
                            d2 = ddx * ddx + ddy * ddy;
                        }
                        if d2 < cell2 {
                            // Force k²/d along the unit vector: (dx, dy) · k²/d².
                            let f = k2 / d2;
                            disp[v].0 += ddx * f;
                            disp[v].1 += ddy * f;
                            disp[u].0 -= ddx * f;
                            disp[u].1 -= ddy * f;
                        }
                    }
                }
            }
        }
        for (e, wgt) in net.edges.iter().zip(&weights) {
            let (ddx, ddy) = (pos[e.a].0 - pos[e.b].0, pos[e.a].1 - pos[e.b].1);
            let dist = (ddx * ddx + ddy * ddy).sqrt();
            if dist < 1e-9 {
                continue;
            }
            let f = dist * dist / k * wgt;
            disp[e.a].0 -= ddx / dist * f;
            disp[e.a].1 -= ddy / dist * f;
            disp[e.b].0 += ddx / dist * f;
            disp[e.b].1 += ddy / dist * f;
        }
        for v in 0..n {
            // Gravity: grows with the distance from the centre, weak next to the springs.
            disp[v].0 += (cx - pos[v].0) * gravity;
            disp[v].1 += (cy - pos[v].1) * gravity;
            let (dx, dy) = disp[v];
            let len = (dx * dx + dy * dy).sqrt();
            if len > 1e-9 {
                let step = len.min(t);
                pos[v].0 = (pos[v].0 + dx / len * step).clamp(0.0, w);
                pos[v].1 = (pos[v].1 + dy / len * step).clamp(0.0, h);
            }
        }
    }
    // Fit the drawing into the box minus the margin, keeping its proportions.
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(x, y) in &pos {
        x0 = x0.min(x);
        x1 = x1.max(x);
        y0 = y0.min(y);
        y1 = y1.max(y);
    }
    let inner_w = (w - 2.0 * margin).max(1.0);
    let inner_h = (h - 2.0 * margin).max(1.0);
    let scale = (inner_w / (x1 - x0).max(1e-9)).min(inner_h / (y1 - y0).max(1e-9));
    let (ox, oy) = (cx - (x0 + x1) / 2.0 * scale, cy - (y0 + y1) / 2.0 * scale);
    for (node, (x, y)) in net.nodes.iter_mut().zip(pos) {
        node.x = ox + x * scale;
        node.y = oy + y * scale;
    }
}

/// SplitMix64: a tiny integer generator for starting positions.
struct Splitmix(u64);

impl Splitmix {
    fn unit(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod paragraph_tests {
    use super::*;

    fn block(kind: BlockKind, start: u32, end: u32) -> Block {
        Block { kind, start, end }
    }

    fn mention(entity: EntityIdx, start: u32) -> Mention {
        Mention {
            entity,
            start,
            end: start + 3,
            adjective: false,
        }
    }

    #[test]
    fn mentions_fall_into_their_paragraphs_and_headings_are_skipped() {
        let blocks = [
            block(BlockKind::Paragraph, 0, 20),
            block(BlockKind::Heading, 22, 30),
            block(BlockKind::Paragraph, 32, 60),
            block(BlockKind::Paragraph, 62, 80),
        ];
        let mentions = [
            mention(0, 2),
            mention(1, 10),
            mention(2, 24),
            mention(1, 40),
        ];
        assert_eq!(
            paragraph_entities(&blocks, &mentions),
            vec![vec![0, 1], vec![1], vec![]]
        );
    }

    #[test]
    fn paragraph_links_are_fewer_than_document_links() {
        // Two entities in the same document but never in the same paragraph.
        let blocks = [
            block(BlockKind::Paragraph, 0, 20),
            block(BlockKind::Paragraph, 22, 40),
        ];
        let mentions = [mention(0, 2), mention(1, 25)];
        let docs: Vec<Vec<EntityIdx>> = (0..3).map(|_| vec![0, 1]).collect();
        let doc_refs: Vec<&[EntityIdx]> = docs.iter().map(Vec::as_slice).collect();
        let opts = NetworkOptions {
            min_lift: 0.0,
            ..NetworkOptions::default()
        };
        assert_eq!(network(&doc_refs, &opts).edges.len(), 1);
        let paras: Vec<Vec<EntityIdx>> = (0..3)
            .flat_map(|_| paragraph_entities(&blocks, &mentions))
            .collect();
        let para_refs: Vec<&[EntityIdx]> = paras.iter().map(Vec::as_slice).collect();
        assert!(network(&para_refs, &opts).edges.is_empty());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Entities: 0 NATO (everywhere), 1 Rutte, 2 Nauseda, 3 Vilnius, 4 Paluckas, 5 Zelensky.
    fn fixture() -> Vec<Vec<EntityIdx>> {
        vec![
            vec![0, 1, 2, 3],
            vec![0, 1, 2, 3, 3],
            vec![0, 1, 2],
            vec![0, 4, 5],
            vec![0, 4, 5],
            vec![0, 4],
        ]
    }

    fn build(opts: &NetworkOptions) -> Network {
        let docs = fixture();
        let refs: Vec<&[EntityIdx]> = docs.iter().map(Vec::as_slice).collect();
        network(&refs, opts)
    }

    fn edge_list(net: &Network) -> Vec<(EntityIdx, EntityIdx, u32)> {
        net.edges
            .iter()
            .map(|e| (net.nodes[e.a].entity, net.nodes[e.b].entity, e.count))
            .collect()
    }

    #[test]
    fn lift_compares_with_chance() {
        assert_eq!(lift(2, 2, 2, 4), 2.0);
        assert_eq!(lift(3, 6, 3, 6), 1.0);
        assert_eq!(lift(0, 3, 3, 6), 0.0);
        assert_eq!(lift(1, 0, 3, 6), 0.0);
    }

    #[test]
    fn weights_and_thresholds() {
        let everything = build(&NetworkOptions {
            min_count: 1,
            min_lift: 0.0,
            ..NetworkOptions::default()
        });
        let nodes: Vec<(EntityIdx, u32)> = everything
            .nodes
            .iter()
            .map(|n| (n.entity, n.documents))
            .collect();
        assert_eq!(nodes, vec![(0, 6), (1, 3), (2, 3), (4, 3), (3, 2), (5, 2)]);
        // NATO links to all five; plus 1-2, 1-3, 2-3, 4-5.
        assert_eq!(everything.edges.len(), 9);
        assert_eq!(everything.below_threshold_edges, 0);
        let nato_rutte = everything
            .edges
            .iter()
            .find(|e| (everything.nodes[e.a].entity, everything.nodes[e.b].entity) == (0, 1))
            .unwrap();
        assert_eq!((nato_rutte.count, nato_rutte.lift), (3, 1.0));

        // Defaults: two shared documents and a lift of 1.5 — NATO's links are chance.
        let net = build(&NetworkOptions::default());
        assert_eq!(
            edge_list(&net),
            vec![(1, 2, 3), (1, 3, 2), (2, 3, 2), (4, 5, 2)]
        );
        assert_eq!(net.below_threshold_edges, 5);
        assert_eq!(net.nodes[0].degree, 0);
        assert_eq!(net.neighbours(1), vec![2, 4]);
        assert_eq!(net.note(), None);

        let strict = build(&NetworkOptions {
            min_count: 3,
            ..NetworkOptions::default()
        });
        assert_eq!(edge_list(&strict), vec![(1, 2, 3)]);
    }

    #[test]
    fn caps_say_what_was_left_out() {
        let net = build(&NetworkOptions {
            max_nodes: 3,
            max_edges: 1,
            min_count: 1,
            min_lift: 1.0,
        });
        assert_eq!(net.nodes.len(), 3);
        assert_eq!(net.left_out_nodes, 3);
        assert_eq!(net.left_out_edges, 2);
        assert_eq!(edge_list(&net), vec![(1, 2, 3)]);
        assert_eq!(
            net.note().as_deref(),
            Some("Showing 3 of 6 entities (those in the most documents); 2 weaker links hidden.")
        );
    }

    #[test]
    fn huge_entity_indices_use_the_sparse_path() {
        let docs: Vec<&[EntityIdx]> = vec![&[u32::MAX, 5], &[5, u32::MAX], &[7]];
        let net = network(
            &docs,
            &NetworkOptions {
                min_count: 1,
                min_lift: 1.0,
                ..NetworkOptions::default()
            },
        );
        assert_eq!(edge_list(&net), vec![(5, u32::MAX, 2)]);
        assert_eq!(net.nodes.len(), 3);
    }

    #[test]
    fn view_thresholds() {
        let mut view = crate::view::View::default();
        assert_eq!(NetworkOptions::for_view(&view), NetworkOptions::default());
        view.min_count = Some(4);
        view.min_lift = Some(crate::view::Tenths(25));
        let o = NetworkOptions::for_view(&view);
        assert_eq!((o.min_count, o.min_lift), (4, 2.5));
    }

    #[test]
    fn empty_set() {
        let net = network(&[], &NetworkOptions::default());
        assert!(net.nodes.is_empty() && net.edges.is_empty());
        let mut net = net;
        layout_network(&mut net, 400.0, 300.0, 20.0);
    }

    #[test]
    fn layout_is_deterministic_inside_the_box_and_pulls_links_together() {
        let mut a = build(&NetworkOptions::default());
        let mut b = build(&NetworkOptions::default());
        layout_network(&mut a, 400.0, 300.0, 20.0);
        layout_network(&mut b, 400.0, 300.0, 20.0);
        assert_eq!(a, b);
        for n in &a.nodes {
            assert!(n.x >= 20.0 - 1e-9 && n.x <= 380.0 + 1e-9, "{n:?}");
            assert!(n.y >= 20.0 - 1e-9 && n.y <= 280.0 + 1e-9, "{n:?}");
        }
        let dist = |i: usize, j: usize| {
            let (p, q) = (&a.nodes[i], &a.nodes[j]);
            ((p.x - q.x).powi(2) + (p.y - q.y).powi(2)).sqrt()
        };
        // Rutte (1) and Nauseda (2) are linked; Rutte and Zelensky (5) are not.
        assert!(dist(1, 2) < dist(1, 5), "{a:?}");
        // No two nodes on top of each other.
        for i in 0..a.nodes.len() {
            for j in i + 1..a.nodes.len() {
                assert!(dist(i, j) > 5.0, "{i} {j}: {a:?}");
            }
        }
        let mut one = Network {
            nodes: vec![a.nodes[0].clone()],
            ..Network::default()
        };
        layout_network(&mut one, 400.0, 300.0, 20.0);
        assert_eq!((one.nodes[0].x, one.nodes[0].y), (200.0, 150.0));
    }

    #[test]
    fn shared_documents_intersect() {
        assert_eq!(shared_documents(&[1, 3, 5, 7], &[2, 3, 7, 9]), vec![3, 7]);
        assert_eq!(shared_documents(&[], &[1]), Vec::<DocIdx>::new());
    }
}
