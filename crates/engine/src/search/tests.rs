//! Search tests on small invented corpora.

use super::query::parse;
use super::*;
use crate::{build, SourceFile};

fn corpus(docs: &[(&str, &str)]) -> Corpus {
    let files: Vec<SourceFile> = docs
        .iter()
        .map(|(name, text)| SourceFile {
            path: format!("{name}.md"),
            bytes: text.as_bytes().to_vec(),
        })
        .collect();
    build(&files, None).corpus
}

fn ids(c: &Corpus, q: &str) -> Vec<String> {
    let r = search(c, &parse(q, false), &Filters::default(), Sort::Relevance);
    r.docs
        .iter()
        .map(|&d| c.documents[d as usize].id.clone())
        .collect()
}

fn sample() -> Corpus {
    corpus(&[
        ("a", "---\ntitle: Rutte meets Nausėda\ndate: 2024-04-02\nsource: Wire\n---\nThe leaders discussed meetings on air defence in Vilnius."),
        ("b", "---\ntitle: Budget talks\ndate: 2021-02-10\nsource: BNS\n---\nJens Stoltenberg said the meeting with Nauseda covered the eastern flank."),
        ("c", "---\ntitle: Summit\ndate: 2025-02-11\nsource: Wire\n---\nA summit in The Hague on defence spending. Rutte spoke about Ukraine."),
    ])
}

#[test]
fn folding_finds_diacritics_both_ways() {
    let c = sample();
    assert_eq!(ids(&c, "nauseda"), ["a", "b"]);
    assert_eq!(ids(&c, "NAUSĖDA"), ["a", "b"]);
}

#[test]
fn all_words_must_match() {
    let c = sample();
    assert_eq!(ids(&c, "rutte ukraine"), ["c"]);
}

#[test]
fn title_boost_ranks_title_hits_first() {
    let c = sample();
    assert_eq!(ids(&c, "rutte"), ["a", "c"]);
}

#[test]
fn exact_form_ranks_above_stem() {
    let c = sample();
    // `meeting` is exact in b and a stem match (`meetings`) in a.
    assert_eq!(ids(&c, "meeting"), ["b", "a"]);
}

#[test]
fn prefix_of_the_last_word_while_typing() {
    let c = sample();
    let r = search(
        &c,
        &parse("stolten", true),
        &Filters::default(),
        Sort::Relevance,
    );
    assert_eq!(r.docs, [1]);
    let r = search(
        &c,
        &parse("stolten", false),
        &Filters::default(),
        Sort::Relevance,
    );
    assert!(r.docs.is_empty());
}

#[test]
fn one_typo_for_long_words_ranked_below_exact() {
    let c = sample();
    assert_eq!(ids(&c, "stoltenbreg"), Vec::<String>::new(), "two edits");
    assert_eq!(ids(&c, "stoltenbrg"), ["b"]);
    assert_eq!(
        ids(&c, "rutt"),
        Vec::<String>::new(),
        "short words need exact matches"
    );
    // `defence` exact in a and c; `defense` (one edit) in none: exact hits only.
    assert_eq!(ids(&c, "defense"), ["a", "c"]);
}

#[test]
fn phrases_exclusions_or() {
    let c = sample();
    assert_eq!(ids(&c, "\"eastern flank\""), ["b"]);
    assert_eq!(ids(&c, "\"flank eastern\""), Vec::<String>::new());
    assert_eq!(ids(&c, "rutte -ukraine"), ["a"]);
    assert_eq!(ids(&c, "ukraine OR stoltenberg").len(), 2);
}

#[test]
fn fields_filter() {
    let c = sample();
    assert_eq!(ids(&c, "source:bns"), ["b"]);
    assert_eq!(ids(&c, "date:2024-04"), ["a"]);
    assert_eq!(ids(&c, "date:2021..2024"), ["a", "b"]);
    assert_eq!(ids(&c, "before:2024"), ["b"]);
    assert_eq!(ids(&c, "after:2024-04"), ["c"]);
    assert_eq!(ids(&c, "place:\"the hague\""), ["c"]);
    assert_eq!(ids(&c, "person:stoltenberg"), ["b"]);
}

#[test]
fn sorts_and_empty_query() {
    let c = sample();
    assert_eq!(ids(&c, ""), ["c", "a", "b"]);
    let r = search(
        &c,
        &parse("defence", false),
        &Filters::default(),
        Sort::Oldest,
    );
    assert_eq!(r.docs, [0, 2]);
}

#[test]
fn filters_combine_with_the_query() {
    let c = sample();
    let f = Filters {
        sources: vec!["Wire".into()],
        ..Filters::default()
    };
    let r = search(&c, &parse("rutte", false), &f, Sort::Relevance);
    assert_eq!(r.docs.len(), 2);
    let f = Filters {
        from: NaiveDate::from_ymd_opt(2025, 1, 1),
        ..Filters::default()
    };
    assert_eq!(search(&c, &parse("", false), &f, Sort::Relevance).docs, [2]);
}

#[test]
fn malformed_query_still_searches_what_it_can() {
    let c = sample();
    let r = search(
        &c,
        &parse("rutte date:2024-99", false),
        &Filters::default(),
        Sort::Relevance,
    );
    assert_eq!(r.docs.len(), 2);
    assert_eq!(r.ignored.len(), 1);
}

#[test]
fn hit_ranges_cover_words_and_phrases_with_multibyte_text() {
    let c = sample();
    let r = search(
        &c,
        &parse("nauseda \"eastern flank\"", false),
        &Filters::default(),
        Sort::Relevance,
    );
    let text = "Nausėda saw the eastern flank.";
    let ranges = hit_ranges(text, &r.highlight);
    let marked: Vec<&str> = ranges.iter().map(|&(s, e)| &text[s..e]).collect();
    assert_eq!(marked, ["Nausėda", "eastern flank"]);
}

#[test]
fn facet_counts_follow_the_results() {
    let c = sample();
    let f = facets::Facets::new(&c);
    let r = search(
        &c,
        &parse("rutte", false),
        &Filters::default(),
        Sort::Relevance,
    );
    let counts = f.counts(&f.set(&r.docs));
    assert_eq!(counts.sources, [("Wire".to_string(), 2)]);
    assert_eq!(counts.years, [(2025, 1), (2024, 1)]);
    let rutte = c.entity_index("rutte").or(c.entity_index("mark-rutte"));
    assert!(
        counts
            .entities
            .iter()
            .any(|(e, n)| Some(*e) == rutte && *n == 1),
        "{:?}",
        c.entities.iter().map(|e| &e.id).collect::<Vec<_>>()
    );
}

#[test]
fn first_hit_is_the_first_marked_range() {
    let hl = |words: &[&str], phrases: &[&[&str]]| Highlight {
        words: words.iter().map(|w| w.to_string()).collect(),
        phrases: phrases
            .iter()
            .map(|p| p.iter().map(|w| w.to_string()).collect())
            .collect(),
    };
    let text = "Nausėda saw the eastern flank, and Nausėda left.";
    let words = hl(&["left"], &[]);
    assert_eq!(
        first_hit(text, &words),
        hit_ranges(text, &words).first().copied()
    );
    let phrase = hl(&[], &[&["eastern", "flank"]]);
    assert_eq!(
        first_hit(text, &phrase).map(|(s, e)| &text[s..e]),
        Some("eastern flank")
    );
    let both = hl(&["nauseda"], &[&["eastern", "flank"]]);
    assert_eq!(
        first_hit(text, &both).map(|(s, e)| &text[s..e]),
        Some("Nausėda")
    );
    assert_eq!(first_hit(text, &hl(&["absent"], &[])), None);
    assert_eq!(first_hit(text, &hl(&[], &[])), None);
}

#[test]
fn chunked_bodies_search_the_same_as_embedded_ones() {
    let embedded = sample();
    let mut chunked = embedded.clone();
    crate::bodies::split(&mut chunked, 64);
    assert!(chunked.documents.iter().all(|d| d.body.is_empty()));
    for q in [
        "rutte",
        "defence",
        "\"air defence\"",
        "\"eastern flank\"",
        "meet",
        "nausėda -summit",
        "stoltenbreg",
        "hague",
    ] {
        assert_eq!(ids(&chunked, q), ids(&embedded, q), "query {q}");
    }
}

/// The dense and the merging paths of `union` give the same list, folded in list order.
#[test]
fn union_dense_and_merged_agree() {
    let a: Scores = vec![(1, 1.0), (4, 2.0), (9, 0.5)];
    let b: Scores = vec![(0, 3.0), (4, 1.0), (9, 4.0)];
    let want: Scores = vec![(0, 3.0), (1, 1.0), (4, 3.0), (9, 4.5)];
    // Six postings against 10 documents is dense; against 1000, merged.
    assert_eq!(union(vec![a.clone(), b.clone()], 10, |x, y| x + y), want);
    assert_eq!(union(vec![a.clone(), b.clone()], 1000, |x, y| x + y), want);
    assert_eq!(
        union(vec![a.clone(), b.clone()], 10, f32::max),
        [(0, 3.0), (1, 1.0), (4, 2.0), (9, 4.0)]
    );
    assert_eq!(union(vec![a.clone()], 10, f32::max), a);
    assert!(union(Vec::new(), 10, f32::max).is_empty());
}

/// Intersection walks both lists, or looks the short one up in the long one; same answer.
#[test]
fn intersect_walking_and_looking_up_agree() {
    let long: Scores = (0..100).map(|d| (d * 2, 1.0)).collect();
    let short: Scores = vec![(3, 5.0), (4, 5.0), (150, 2.0), (400, 1.0)];
    let want: Scores = vec![(4, 6.0), (150, 3.0)];
    assert_eq!(intersect(&long, &short), want);
    assert_eq!(intersect(&short, &long), want);
    let other: Scores = (0..100).map(|d| (d * 3, 2.0)).collect();
    let both = intersect(&long, &other);
    assert_eq!(both.len(), 34);
    assert!(both.iter().all(|&(d, s)| d % 6 == 0 && s == 3.0));
}

/// Sort keys: later dates and higher scores give larger keys; undated takes the given key.
#[test]
fn sort_keys_keep_order() {
    let d = |s: &str| Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap());
    assert!(date_key(d("2024-01-02"), 0) > date_key(d("2024-01-01"), 0));
    assert!(date_key(d("0001-01-01"), 0) > date_key(d("-0400-01-01"), 0));
    assert!(date_key(d("-0400-01-01"), 0) > 0);
    assert!(date_key(Some(NaiveDate::MAX), 0) < u32::MAX);
    assert_eq!(date_key(None, 7), 7);
    assert!(score_key(2.5) > score_key(2.4));
    assert_eq!(score_key(f32::NAN), score_key(0.0));
}

/// Newest and oldest put undated documents last; relevance ties go newest first.
#[test]
fn sorts_put_undated_last() {
    let c = corpus(&[
        ("old", "---\ntitle: Old\ndate: 2001-01-01\n---\nNato met."),
        ("none", "---\ntitle: None\n---\nNato met."),
        ("new", "---\ntitle: New\ndate: 2020-01-01\n---\nNato met."),
    ]);
    let order = |q: &str, sort| {
        search(&c, &parse(q, false), &Filters::default(), sort)
            .docs
            .iter()
            .map(|&d| c.documents[d as usize].id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(order("nato", Sort::Newest), ["new", "old", "none"]);
    assert_eq!(order("nato", Sort::Oldest), ["old", "new", "none"]);
    assert_eq!(order("", Sort::Oldest), ["old", "new", "none"]);
    assert_eq!(order("", Sort::Relevance), ["new", "old", "none"]);
    assert_eq!(order("nato", Sort::Relevance), ["new", "old", "none"]);
}

/// Relevance ties (here every document of a group scores the same) go newest first, undated
/// last, then in corpus order, however long the run of equal scores.
#[test]
fn long_runs_of_equal_scores_go_newest_first() {
    let texts: Vec<(String, String)> = (0..60)
        .map(|i| {
            let title = if i % 3 == 0 { "Nato" } else { "Other" };
            let date = match i % 7 {
                0 => String::new(),
                k => format!("date: 20{:02}-0{k}-01\n", 10 + (i * 13) % 11),
            };
            (
                format!("d{i:02}"),
                format!("---\ntitle: {title}\n{date}---\nNato met."),
            )
        })
        .collect();
    let docs: Vec<(&str, &str)> = texts
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let c = corpus(&docs);
    let got: Vec<DocIdx> = search(
        &c,
        &parse("nato", false),
        &Filters::default(),
        Sort::Relevance,
    )
    .docs;
    let mut want: Vec<DocIdx> = (0..c.documents.len() as DocIdx).collect();
    want.sort_by_key(|&d| {
        let doc = &c.documents[d as usize];
        (
            doc.title != "Nato",
            doc.date.is_none(),
            std::cmp::Reverse(doc.date),
            d,
        )
    });
    assert_eq!(got, want);
}

/// A word's expansions scored straight into an array give what the union of their lists gives.
#[test]
fn best_of_dense_agrees_with_the_union_of_lists() {
    let c = sample();
    let columns = c.tables.get(&c);
    let ctx = Ctx {
        corpus: &c,
        index: &c.index,
        norms: &columns.norms,
        n: c.documents.len() as f32,
    };
    for word in ["d", "me", "s", "t"] {
        let terms = expand(&c.index, word, true);
        assert!(terms.len() > 1, "{word}: {terms:?}");
        let lists = terms.iter().map(|&(id, w)| ctx.bm25(id, w)).collect();
        let want = union(lists, c.documents.len(), f32::max);
        assert_eq!(ctx.best_of_dense(&terms), want, "{word}");
    }
}

#[test]
fn result_facts_are_each_results_date_and_entities_in_order() {
    let c = sample();
    let f = facets::Facets::new(&c);
    let r = search(&c, &parse("", false), &Filters::default(), Sort::Oldest);
    let mut docs = r.docs.clone();
    assert_eq!(docs.len(), 3);
    docs.reverse();
    docs.push(c.documents.len() as u32); // past the corpus: no date, no entities
    let facts = crate::timeline::result_facts(&f, &docs);
    assert_eq!(facts.len(), docs.len());
    for (fact, &d) in facts.iter().zip(&docs) {
        let doc = c.documents.get(d as usize);
        assert_eq!(fact.date, doc.and_then(|doc| doc.date), "document {d}");
        assert_eq!(fact.entities, f.document_entities(d), "document {d}");
    }
    assert!(facts.iter().any(|x| !x.entities.is_empty()));
    assert!(facts.iter().any(|x| x.date.is_some()));
}
