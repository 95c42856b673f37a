//! The reader: one document's metadata, headings and paragraphs, with entity mentions linked to
//! their pages and search hits marked. Document text only ever becomes text nodes.

use dossier_engine::view::{self, View};
use dossier_engine::{BlockKind, DocIdx, Mention};
use yew::prelude::*;

use super::hit_nav::HitNav;
use super::legend::Legend;
use super::{human_date, kind_class, kind_label};
use crate::filter;

/// Properties of [`Reader`].
#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// The current view.
    pub view: View,
    /// The document to show.
    pub doc: DocIdx,
    /// The current results, for previous/next links.
    pub results: std::rc::Rc<Vec<DocIdx>>,
}

/// `<article id="reader">`.
#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let corpus = crate::corpus();
    let d = &corpus.documents[props.doc as usize];
    let view = &props.view;
    crate::bodies::use_bodies(&[props.doc], 0);
    let body = crate::bodies::body(props.doc);
    let text = body.text().unwrap_or_default();
    let hits = filter::hits(text, &filter::terms(corpus, &view.q));
    let raw_mentions: &[_] = &corpus.mentions.of(props.doc).collect::<Vec<_>>();
    let mentions = if body.text().is_some() {
        valid_mentions(text, raw_mentions, corpus.entities.len())
    } else {
        // The list of entities needs no text; the marks wait for it.
        raw_mentions
            .iter()
            .filter(|m| (m.entity as usize) < corpus.entities.len())
            .copied()
            .collect()
    };
    // Hits as the body shows them: one `mark` per hit piece inside a block.
    let body_hits = if d.blocks.is_empty() {
        hits.len()
    } else {
        d.blocks
            .iter()
            .map(|b| {
                pieces((b.start as usize, b.end as usize), &mentions, &hits)
                    .iter()
                    .filter(|p| p.hit)
                    .count()
            })
            .sum()
    };
    let close = view::href(&view::with_doc(view, None));
    let position = props.results.iter().position(|&i| i == props.doc);
    let neighbour = |offset: isize| -> Option<(String, String)> {
        let at = position?.checked_add_signed(offset)?;
        let other = &corpus.documents[*props.results.get(at)? as usize];
        Some((
            view::href(&view::with_doc(view, Some(&other.id))),
            other.title.clone(),
        ))
    };
    let (prev, next) = (neighbour(-1), neighbour(1));
    let url = d
        .url
        .as_deref()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    let render_block = |start: usize, end: usize| -> Html {
        let ps = pieces((start, end), &mentions, &hits);
        render_pieces(text, &ps, &mentions, view)
    };
    let blocks: Html = if let crate::bodies::Body::Loading = body {
        html! { <p class="doc-loading" aria-busy="true">{ "Loading the text…" }</p> }
    } else if let crate::bodies::Body::Failed(why) = &body {
        html! { <p class="doc-unavailable" role="alert">{ format!("The text could not be loaded: {why}.") }</p> }
    } else if d.blocks.is_empty() {
        html! { <p>{ render_block(0, text.len()) }</p> }
    } else {
        d.blocks
            .iter()
            .map(|b| {
                let (s, e) = (b.start as usize, b.end as usize);
                if e > text.len() || s > e {
                    return html! {};
                }
                match b.kind {
                    BlockKind::Heading => html! { <h2>{ render_block(s, e) }</h2> },
                    BlockKind::Paragraph => html! { <p>{ render_block(s, e) }</p> },
                }
            })
            .collect()
    };
    html! {
        <article id="reader" data-doc-id={d.id.clone()} aria-labelledby="doc-title">
            <a class="close" href={close} aria-label="Close the document">{ "×" }</a>
            <h1 class="doc-title" id="doc-title">{ d.title.clone() }</h1>
            <div class="doc-meta">
                if let Some(date) = d.date {
                    <time class="doc-date" datetime={date.to_string()}>{ human_date(date) }</time>
                } else {
                    <span class="doc-date undated">{ "undated" }</span>
                }
                if let Some(b) = &d.byline { <span class="doc-byline">{ b.clone() }</span> }
                if let Some(dl) = &d.dateline { <span class="doc-dateline">{ dl.clone() }</span> }
                if let Some(s) = &d.source { <span class="doc-source">{ s.clone() }</span> }
                if let Some(u) = url {
                    <a class="doc-url" href={u.to_string()} rel="noopener noreferrer" target="_blank">{ "original article" }</a>
                } else if let Some(u) = &d.url {
                    <span class="doc-url">{ u.clone() }</span>
                }
                if !d.origin.is_empty() {
                    <span class="doc-origin" title="The corpus file this document comes from">{ d.origin.clone() }</span>
                }
            </div>
            if d.title_derived {
                <p class="derived-note">{ "The source has no headline; this title is its first sentence." }</p>
            }
            if !hits.is_empty() { <HitNav count={body_hits} doc={d.id.clone()} /> }
            if !mentions.is_empty() { <Legend hits={!hits.is_empty()} /> }
            <div class="doc-body">{ blocks }</div>
            if !mentions.is_empty() {
                <section class="doc-entities">
                    <h2>{ "In this document" }</h2>
                    <ul class="inline">
                        { for in_document(&mentions).into_iter().map(|(i, n)| {
                            let e = &corpus.entities[i as usize];
                            html! {
                                <li>
                                    <a class={classes!("entity-link", kind_class(e.kind))} data-entity-id={e.id.clone()}
                                       href={view::href(&view::with_entity_page(&view::with_doc(view, None), Some(&e.id)))}>{ e.name.clone() }</a>
                                    <span class="count">{ format!(" ×{n}") }</span>
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }
            if !d.trailer.is_empty() {
                <footer class="doc-trailer">
                    { for d.trailer.iter().map(|t| html! { <p>{ t.clone() }</p> }) }
                </footer>
            }
            if let Some(pos) = position {
                <nav class="doc-nav" aria-label="Other results">
                    if let Some((href, title)) = prev {
                        <a class="doc-prev" {href} rel="prev">{ format!("← {title}") }</a>
                    }
                    <span class="doc-position">{ format!("{} of {}", pos + 1, props.results.len()) }</span>
                    if let Some((href, title)) = next {
                        <a class="doc-next" {href} rel="next">{ format!("{title} →") }</a>
                    }
                </nav>
            }
        </article>
    }
}

/// The entities mentioned, most mentioned first, with their mention counts.
fn in_document(mentions: &[Mention]) -> Vec<(u32, usize)> {
    let mut counts: std::collections::BTreeMap<u32, usize> = Default::default();
    for m in mentions {
        *counts.entry(m.entity).or_default() += 1;
    }
    let mut v: Vec<(u32, usize)> = counts.into_iter().collect();
    dossier_engine::sort::sort_by(&mut v, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// Mentions that lie on char boundaries inside the body, name an existing entity and do not
/// overlap an earlier one.
fn valid_mentions(body: &str, mentions: &[Mention], entities: usize) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        let (s, e) = (m.start as usize, m.end as usize);
        if s < e
            && e <= body.len()
            && body.is_char_boundary(s)
            && body.is_char_boundary(e)
            && (m.entity as usize) < entities
            && out.last().is_none_or(|l| l.end as usize <= s)
        {
            out.push(*m);
        }
    }
    out
}

/// A run of text that is uniformly inside or outside one mention and one hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    start: usize,
    end: usize,
    /// Index into the mentions.
    mention: Option<usize>,
    hit: bool,
}

/// Cuts `range` at every mention and hit boundary.
fn pieces(range: (usize, usize), mentions: &[Mention], hits: &[(usize, usize)]) -> Vec<Piece> {
    let (lo, hi) = range;
    let ms: Vec<(usize, usize, usize)> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| (m.start as usize, m.end as usize, i))
        .filter(|&(s, e, _)| s < hi && e > lo)
        .collect();
    let hs: Vec<(usize, usize)> = hits
        .iter()
        .copied()
        .filter(|&(s, e)| s < hi && e > lo)
        .collect();
    let mut cuts = vec![lo, hi];
    for &(s, e, _) in &ms {
        cuts.extend([s.clamp(lo, hi), e.clamp(lo, hi)]);
    }
    for &(s, e) in &hs {
        cuts.extend([s.clamp(lo, hi), e.clamp(lo, hi)]);
    }
    dossier_engine::sort::sort(&mut cuts);
    cuts.dedup();
    cuts.windows(2)
        .map(|w| Piece {
            start: w[0],
            end: w[1],
            mention: ms.iter().find(|m| m.0 <= w[0] && w[1] <= m.1).map(|m| m.2),
            hit: hs.iter().any(|h| h.0 <= w[0] && w[1] <= h.1),
        })
        .collect()
}

fn render_pieces(body: &str, ps: &[Piece], mentions: &[Mention], view: &View) -> Html {
    let corpus = crate::corpus();
    let text = |p: &Piece| -> Html {
        let t = body.get(p.start..p.end).unwrap_or_default().to_string();
        if p.hit {
            html! { <mark>{ t }</mark> }
        } else {
            html! { { t } }
        }
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < ps.len() {
        match ps[i].mention {
            None => {
                out.push(text(&ps[i]));
                i += 1;
            }
            Some(m) => {
                let mut j = i;
                while j < ps.len() && ps[j].mention == Some(m) {
                    j += 1;
                }
                let mention = mentions[m];
                let e = &corpus.entities[mention.entity as usize];
                let href = view::href(&view::with_entity_page(
                    &view::with_doc(view, None),
                    Some(&e.id),
                ));
                let title = if mention.adjective {
                    format!("{}: {} (adjective form)", kind_label(e.kind), e.name)
                } else {
                    format!("{}: {}", kind_label(e.kind), e.name)
                };
                out.push(html! {
                    <a class={classes!("mention", kind_class(e.kind), mention.adjective.then_some("adjective"))}
                       data-entity-id={e.id.clone()} {href} {title}>
                        { for ps[i..j].iter().map(text) }
                    </a>
                });
                i = j;
            }
        }
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(start: u32, end: u32) -> Mention {
        Mention {
            entity: 0,
            start,
            end,
            adjective: false,
        }
    }

    #[test]
    fn hit_inside_mention_splits_the_mention_into_pieces() {
        let ps = pieces((0, 20), &[m(5, 15)], &[(8, 10)]);
        let spans: Vec<(usize, usize, Option<usize>, bool)> = ps
            .iter()
            .map(|p| (p.start, p.end, p.mention, p.hit))
            .collect();
        assert_eq!(
            spans,
            [
                (0, 5, None, false),
                (5, 8, Some(0), false),
                (8, 10, Some(0), true),
                (10, 15, Some(0), false),
                (15, 20, None, false)
            ]
        );
    }

    #[test]
    fn overlapping_and_misaligned_mentions_are_dropped() {
        let body = "Nausėda and NATO";
        let kept = valid_mentions(body, &[m(0, 8), m(0, 6), m(3, 9), m(13, 17)], 1);
        assert_eq!(kept, [m(0, 8), m(13, 17)]);
    }
}
