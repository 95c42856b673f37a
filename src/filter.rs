//! The app's side of search: runs the engine's query over the embedded index for a view, and
//! gives the ranges to mark and the snippet window. Matching, ranking and the query language are
//! the engine's (`dossier_engine::search`).

use dossier_engine::search::{self, query, Filters, Highlight, Sort};
use dossier_engine::view::{SortOrder, View};
use dossier_engine::{Corpus, DocIdx};

/// Case- and diacritic-folded text (`Nausėda` -> `nauseda`), as the engine compares names.
pub fn fold(s: &str) -> String {
    dossier_engine::fold_name(s)
}

/// The query of a view. The last word counts as a prefix while the user is still typing it.
pub fn parse(q: &str) -> query::Query {
    query::parse(q, true)
}

/// What the view's query marks in titles, snippets and the reader.
pub fn terms(corpus: &Corpus, q: &str) -> Highlight {
    search::highlight(corpus, &parse(q))
}

/// Byte ranges in `text` to mark, sorted and not overlapping.
pub fn hits(text: &str, hl: &Highlight) -> Vec<(usize, usize)> {
    search::hit_ranges(text, hl)
}

/// The documents matching a view's query, entity, source and date filters, in its sort order.
pub fn results(corpus: &Corpus, view: &View) -> Vec<DocIdx> {
    let filters = Filters {
        entities: view.entities.clone(),
        sources: view.sources.clone(),
        from: view.from,
        to: view.to,
    };
    let sort = match view.sort {
        SortOrder::Relevance => Sort::Relevance,
        SortOrder::Newest => Sort::Newest,
        SortOrder::Oldest => Sort::Oldest,
    };
    let timer = SearchTimer::start();
    let docs = search::search(corpus, &parse(&view.q), &filters, sort).docs;
    timer.stop();
    docs
}

/// Times each search as a User Timing measure named `dossier-search` (what the browser
/// benchmark reads, next to its peers' timings); the last 500 are kept.
struct SearchTimer;

impl SearchTimer {
    #[cfg(target_arch = "wasm32")]
    const MARK: &'static str = "dossier-search-start";
    #[cfg(target_arch = "wasm32")]
    const MEASURE: &'static str = "dossier-search";

    fn start() -> SearchTimer {
        #[cfg(target_arch = "wasm32")]
        if let Some(perf) = gloo::utils::window().performance() {
            let _ = perf.mark(Self::MARK);
        }
        SearchTimer
    }

    fn stop(self) {
        #[cfg(target_arch = "wasm32")]
        if let Some(perf) = gloo::utils::window().performance() {
            use std::cell::Cell;
            thread_local!(static COUNT: Cell<u32> = const { Cell::new(0) });
            let _ = perf.measure_with_start_mark(Self::MEASURE, Self::MARK);
            perf.clear_marks_with_mark_name(Self::MARK);
            if COUNT.with(|c| {
                c.set(c.get() + 1);
                c.get() % 500 == 0
            }) {
                perf.clear_measures_with_measure_name(Self::MEASURE);
            }
        }
    }
}

/// The snippet of a body for a view's query: its byte range and the hits inside it. Only the
/// text up to the first hit and the window itself are read, not the whole body, so a long
/// result list stays quick to draw as the user types.
pub fn snippet(body: &str, hl: &Highlight, len: usize) -> (usize, usize, Vec<(usize, usize)>) {
    let first: Vec<(usize, usize)> = search::first_hit(body, hl).into_iter().collect();
    let (s, e) = snippet_range(body, &first, len);
    let hits = search::hit_ranges(&body[s..e], hl)
        .into_iter()
        .map(|(a, b)| (a + s, b + s))
        .collect();
    (s, e, hits)
}

/// Largest char boundary of `s` at or before `i`.
pub fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Smallest char boundary of `s` at or after `i`.
pub fn ceil_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// A short excerpt of a body: around the first hit if there is one, else its opening. Returns the
/// byte range of the excerpt; it is cut at spaces where possible.
pub fn snippet_range(body: &str, hits: &[(usize, usize)], len: usize) -> (usize, usize) {
    let (start, end) = match hits.first() {
        Some(&(s, _)) => {
            let start = floor_boundary(body, s.saturating_sub(len / 3));
            (start, ceil_boundary(body, start + len))
        }
        None => (0, ceil_boundary(body, len)),
    };
    let start = if start > 0 && !body[..start].ends_with(char::is_whitespace) {
        body[start..]
            .find(' ')
            .filter(|&k| start + k < hits.first().map_or(usize::MAX, |h| h.0))
            .map_or(start, |k| start + k + 1)
    } else {
        start
    };
    let end = if end < body.len() {
        body[start..end].rfind(' ').map_or(end, |k| start + k)
    } else {
        end
    };
    (start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_marks_what_the_whole_body_would_inside_its_window() {
        let body = "Intro words here. Later the eastern flank met Rutte and the flank again, \
                    with more text after that goes on and on past the window's end for a while.";
        let hl = Highlight {
            words: ["flank".to_string(), "rutte".to_string()].into(),
            phrases: vec![],
        };
        let (s, e, hits) = snippet(body, &hl, 60);
        let all = search::hit_ranges(body, &hl);
        let (s2, e2) = snippet_range(body, &all, 60);
        assert_eq!((s, e), (s2, e2));
        let inside: Vec<_> = all.into_iter().filter(|&(a, b)| a >= s && b <= e).collect();
        assert_eq!(hits, inside);
        assert!(!hits.is_empty());
    }

    #[test]
    fn snippet_starts_at_a_word() {
        let body = "alpha beta gamma delta epsilon zeta eta theta";
        let (s, e) = snippet_range(body, &[(17, 22)], 18);
        assert_eq!(&body[s..e], "gamma delta");
    }
}
