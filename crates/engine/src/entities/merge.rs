//! Corpus-wide merging and typing: folds mentions into entities, keeps the evidence of every
//! merge (forms and counts), and applies the user's curation.

use super::candidates::{AcronymPair, Raw};
use super::curation::{At, Rules, FILE};
use super::gazetteer as gz;
use super::{fold, slug, Extracted, Kind};
use crate::diag::Diagnostic;
use crate::model::{DocIdx, Document, Entity, Form, Mention};
use std::collections::{BTreeMap, HashMap, HashSet};

const KINDS: [Kind; 4] = [Kind::Person, Kind::Organization, Kind::Place, Kind::Other];

/// Mentions that share a folded name.
#[derive(Default)]
struct Group {
    key: String,
    members: Vec<usize>,
    /// Documents linked without a mention in the body (datelines), with the form written.
    extra: Vec<(usize, String)>,
}

struct Sets {
    parent: Vec<usize>,
}

impl Sets {
    /// Joins `s` to the one set among `candidates` (other than `s` itself), when there is
    /// exactly one: a short form to the single longer name it can stand for.
    fn join_unique(&mut self, s: usize, candidates: Option<&Vec<usize>>) {
        let mut hits: Vec<usize> = candidates
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter(|&&o| o != s)
            .map(|&o| self.find(o))
            .collect();
        hits.sort_unstable();
        hits.dedup();
        if let [o] = hits[..] {
            self.union(o, s);
        }
    }

    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.parent[r] != r {
            r = self.parent[r];
        }
        let mut y = x;
        while self.parent[y] != r {
            let next = self.parent[y];
            self.parent[y] = r;
            y = next;
        }
        r
    }
    fn union(&mut self, keep: usize, other: usize) {
        let (a, b) = (self.find(keep), self.find(other));
        if a != b {
            self.parent[b] = a;
        }
    }
}

/// Evidence summed over a set of mentions.
#[derive(Default, Clone)]
struct Evidence {
    strong: [u32; 4],
    votes: [u32; 4],
    words: usize,
    acronym: bool,
    compound: bool,
    adjective_only: bool,
    sentence_only: bool,
    place: bool,
    /// Mentions that are one bare capitalised word inside a sentence ([`Raw::bare`]).
    bare: u32,
    /// A mention opens with a given name, or ends with a particle and a surname (`da Silva`).
    personal: bool,
}

fn idx(k: Kind) -> usize {
    KINDS.iter().position(|&x| x == k).unwrap_or(3)
}

fn evidence(raws: &[Raw], members: &[usize]) -> Evidence {
    let mut e = Evidence {
        adjective_only: true,
        sentence_only: true,
        ..Evidence::default()
    };
    for &m in members {
        let r = &raws[m];
        if let Some(k) = r.strong {
            e.strong[idx(k)] += 1;
        }
        for (v, add) in e.votes.iter_mut().zip(r.votes) {
            *v += add;
        }
        e.words = e.words.max(r.words);
        e.acronym |= r.acronym;
        e.compound |= r.compound;
        e.adjective_only &= r.adjective;
        e.sentence_only &= r.sentence_start;
        e.place |= r.strong == Some(Kind::Place) && !r.adjective;
        e.bare += u32::from(r.bare);
        // A given name first, or a surname after a particle to end it (`… Lula da Silva`, but
        // not `Banque Nationale de Paris` or `… du Commerce Exterieur`); only long names are
        // asked.
        if r.words < 4 {
            continue;
        }
        let words: Vec<&str> = r.text.split(' ').collect();
        let particle_surname = words.len() >= 3 && {
            let (p, last) = (words[words.len() - 2], words[words.len() - 1]);
            matches!(
                p,
                "da" | "de" | "do" | "dos" | "das" | "van" | "von" | "bin" | "al" | "del"
            ) && gz::get().place(&fold(last)).is_none()
        };
        e.personal |= words.first().is_some_and(|w| gz::get().is_given_name(w)) || particle_surname;
    }
    e
}

fn argmax(v: &[u32; 4]) -> Option<Kind> {
    let best = *v.iter().max()?;
    if best == 0 {
        return None;
    }
    // Ties: place, organisation, person, other.
    [2, 1, 0, 3]
        .into_iter()
        .find(|&i| v[i] == best)
        .map(|i| KINDS[i])
}

fn kind_of(e: &Evidence) -> Option<Kind> {
    if e.place {
        return Some(Kind::Place);
    }
    if let Some(k) = argmax(&e.strong) {
        return Some(k);
    }
    if let Some(k) = argmax(&e.votes) {
        return Some(k);
    }
    if e.acronym {
        return Some(Kind::Organization);
    }
    match e.words {
        2 | 3 => Some(Kind::Person),
        // `Luiz Inacio Lula da Silva`, `Andres Manuel Lopez Obrador`: a long name with a given
        // name first or a particle inside is a person's; other long names are things.
        w if w >= 4 && e.personal => Some(Kind::Person),
        w if w >= 4 => Some(Kind::Other),
        _ => None,
    }
}

/// A company's key without the corporate suffixes that end it: `acme holdings inc` is `acme`,
/// `j.p. morgan and co` is `j.p. morgan`.
fn company_base(key: &str) -> &str {
    let mut base = key;
    while let Some((rest, last)) = base.rsplit_once(' ') {
        if !gz::COMPANY_SUFFIXES.contains(&last.trim_end_matches('.')) {
            break;
        }
        base = rest
            .strip_suffix(" and")
            .or_else(|| rest.strip_suffix(" &"))
            .unwrap_or(rest);
    }
    base
}

fn initials(key: &str) -> String {
    key.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| {
            !matches!(
                *w,
                "of" | "for" | "and" | "the" | "on" | "in" | "de" | "&" | ""
            )
        })
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Merges raw mentions into entities.
pub fn merge(
    documents: &[Document],
    raws: Vec<Raw>,
    pairs: &[AcronymPair],
    rules: &Rules,
) -> Extracted {
    let g = gz::get();
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut group_of = |key: String, groups: &mut Vec<Group>| -> usize {
        *by_key.entry(key.clone()).or_insert_with(|| {
            groups.push(Group {
                key,
                ..Group::default()
            });
            groups.len() - 1
        })
    };
    // Curation splits: mentions written as the form become their own group.
    let split_key = |r: &Raw| {
        rules
            .splits
            .iter()
            .find(|s| fold(&s.form.text) == fold(&r.text))
            .map(|s| {
                format!(
                    "\u{1}split:{}",
                    fold(s.name.as_deref().unwrap_or(&s.form.text))
                )
            })
    };
    let keys: Vec<String> = raws.iter().map(Raw::key).collect();
    for (i, r) in raws.iter().enumerate() {
        let key = split_key(r).unwrap_or_else(|| keys[i].clone());
        let gi = group_of(key, &mut groups);
        groups[gi].members.push(i);
    }
    for (d, doc) in documents.iter().enumerate() {
        if let Some(line) = &doc.dateline {
            // `AUSTIN, Texas`: the place, then the region or country that qualifies it (not a
            // date or an agency, which the gazetteer does not know).
            let mut linked = Vec::new();
            for part in line.split([',', '(', '/']).map(str::trim) {
                if let Some(p) = g.place(&fold(part)).filter(|p| !linked.contains(&p.name)) {
                    linked.push(p.name.clone());
                    let gi = group_of(fold(&p.name), &mut groups);
                    groups[gi].extra.push((d, part.to_string()));
                }
            }
        }
    }
    let n = groups.len();
    let mut sets = Sets {
        parent: (0..n).collect(),
    };
    let key_index: HashMap<String, usize> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.key.clone(), i))
        .collect();
    let ev: Vec<Evidence> = groups
        .iter()
        .map(|gr| evidence(&raws, &gr.members))
        .collect();
    // Acronyms and their expansions.
    for p in pairs {
        if let (Some(&a), Some(&e)) = (key_index.get(&p.acronym), key_index.get(&p.expansion)) {
            sets.union(a, e);
        }
    }
    let kinds: Vec<Option<Kind>> = ev.iter().map(kind_of).collect();
    // Whether group `o` is named in every document, or in any document, that names group `a`.
    let docs = |g: usize| groups[g].members.iter().map(|&m| raws[m].doc);
    let in_every_document = |a: usize, o: usize| docs(a).all(|d| docs(o).any(|od| od == d));
    let in_a_document = |a: usize, o: usize| docs(a).any(|d| docs(o).any(|od| od == d));
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_base_initials: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_given: HashMap<&str, Vec<usize>> = HashMap::new();
    for (o, gr) in groups.iter().enumerate() {
        if ev[o].words >= 2 && kinds[o] == Some(Kind::Organization) {
            // `IAM`, the International Association of Machinists and Aerospace Workers: an
            // acronym may spell only the words before `and`; and `CDC`, the U.S. Centers for
            // Disease Control and Prevention, not the country that a name opens with.
            let key = gr.key.as_str();
            let unplaced = key
                .split_once(' ')
                .filter(|(first, rest)| {
                    rest.contains(' ') && g.place(&first.replace('.', "")).is_some()
                })
                .map(|(_, rest)| rest);
            let befores = std::iter::once(key)
                .chain(unplaced)
                .filter_map(|n| n.split_once(" and ").map(|(b, _)| b));
            // A part spells three letters at least, so it names no two-letter acronym (`EU`).
            let mut spelled: Vec<String> = unplaced
                .into_iter()
                .chain(befores)
                .map(initials)
                .filter(|i| i.chars().count() >= 3)
                .collect();
            spelled.push(initials(key));
            // `TWA`, Trans World Airlines Inc: a company's suffix is not spelled. Asked only of
            // an acronym in a document that names the company (not `SEC` of Swedish Export
            // Credit Corp, in a corpus where the SEC is the American regulator).
            let base = initials(company_base(key));
            if base.chars().count() >= 2 && base != initials(key) {
                by_base_initials.entry(base).or_default().push(o);
            }
            spelled.sort_unstable();
            spelled.dedup();
            for i in spelled {
                by_initials.entry(i).or_default().push(o);
            }
        }
        if ev[o].words >= 2 && kinds[o] == Some(Kind::Person) {
            if let Some(last) = gr.key.rsplit(' ').next() {
                by_surname.entry(last).or_default().push(o);
                // `Bashar al-Assad` is `Assad` too.
                if let Some((_, bare)) = last.split_once('-').filter(|_| {
                    gr.members
                        .first()
                        .and_then(|&m| raws[m].text.rsplit(' ').next())
                        .is_some_and(super::candidates::article_name)
                }) {
                    by_surname.entry(bare).or_default().push(o);
                }
            }
            // `Lai Ching-te`, `Tsai Ing-wen`: a hyphenated given name written last, with the
            // family name first, as Chinese and Korean names are.
            let family_first = gr.members.first().is_some_and(|&m| {
                let words: Vec<&str> = raws[m].text.split(' ').collect();
                words.len() == 2
                    && words[1]
                        .split_once(['-', '‐'])
                        .is_some_and(|(_, b)| b.chars().next().is_some_and(char::is_lowercase))
            });
            if let (true, Some(first)) = (family_first, gr.key.split(' ').next()) {
                by_surname.entry(first).or_default().push(o);
            }
            if let Some(first) = gr.key.split(' ').next() {
                by_given.entry(first).or_default().push(o);
            }
        }
    }
    // One company written with and without its suffix, or with different suffixes (`General
    // Dynamics`, `General Dynamics Corp`; `ACI Holdings`, `ACI Holdings Inc`), is one, before
    // its initials are matched: the forms spell one acronym.
    let mut early_base: HashMap<&str, Vec<usize>> = HashMap::new();
    for (o, gr) in groups.iter().enumerate() {
        if ev[o].words >= 2 && kinds[o] == Some(Kind::Organization) {
            early_base.entry(company_base(&gr.key)).or_default().push(o);
        }
    }
    for same in early_base.values().filter(|v| v.len() > 1) {
        let suffixed = |&o: &usize| company_base(&groups[o].key) != groups[o].key;
        if same.iter().any(suffixed) {
            for w in same.windows(2) {
                sets.union(w[0], w[1]);
            }
        }
    }
    for (a, gr) in groups.iter().enumerate() {
        if !ev[a].acronym || ev[a].place || sets.find(a) != a {
            continue;
        }
        let spelling = || {
            by_initials
                .get(&gr.key)
                .into_iter()
                .chain(by_base_initials.get(&gr.key))
                .flatten()
                .copied()
        };
        // `AGL` spells `Aubrey G. Lanston` and `Australian Gas Light Co`: the one named in every
        // document that writes the acronym.
        let near: Vec<usize> = spelling().filter(|&o| in_every_document(a, o)).collect();
        sets.join_unique(a, Some(&near));
        if sets.find(a) == a {
            sets.join_unique(a, by_initials.get(&gr.key));
        }
        // `TWA` in two documents, `Trans World Airlines Inc` in one of them.
        if sets.find(a) == a {
            let near: Vec<usize> = spelling().filter(|&o| in_a_document(a, o)).collect();
            sets.join_unique(a, Some(&near));
        }
    }
    // A one-word group that is no acronym, place or adjective, typed `kind` or not at all: a
    // short form that may join a longer name.
    let lone = |s: usize, kind: Kind| {
        let e = &ev[s];
        e.words == 1
            && !e.acronym
            && !e.place
            && !e.adjective_only
            && (kinds[s].is_none() || kinds[s] == Some(kind))
    };
    let given = |s: usize| {
        groups[s]
            .members
            .iter()
            .any(|&m| g.is_given_name(&raws[m].text))
    };
    // Surnames to the one full name ending with them.
    for s in 0..n {
        let e = &ev[s];
        if e.words != 1 || e.acronym || e.place || e.adjective_only || groups[s].key.contains(' ') {
            continue;
        }
        if e.strong[1] + e.strong[3] > 0 {
            continue;
        }
        let candidates = by_surname.get(groups[s].key.as_str());
        sets.join_unique(s, candidates);
        // `Julian Assange` and, later, `his wife, Stella Assange`: a surname named in one
        // document only is the one person that document had named in full before it (`Mary
        // Smith met John Smith. Smith said` stays unresolved).
        let members = &groups[s].members;
        let Some(&first) = members.first() else {
            continue;
        };
        let doc = raws[first].doc;
        // Nor a word more often typed an organisation (`Smith Barney`).
        if sets.find(s) != s
            || members.iter().any(|&m| raws[m].doc != doc)
            || ev[s].votes[1] > ev[s].votes[0]
        {
            continue;
        }
        let opens = members.iter().map(|&m| raws[m].start).min().unwrap_or(0);
        let before: Vec<usize> = candidates
            .into_iter()
            .flatten()
            .filter(|&&o| {
                groups[o]
                    .members
                    .iter()
                    .any(|&m| raws[m].doc == doc && raws[m].start < opens)
            })
            .copied()
            .collect();
        if let [o] = before[..] {
            sets.union(o, s);
        }
    }
    // `Lula` of `Luiz Inacio Lula da Silva`: a word inside one person's long name (neither
    // first nor last, no given name), to that person.
    let mut by_inner: HashMap<&str, Vec<usize>> = HashMap::new();
    for (o, gr) in groups.iter().enumerate() {
        let words: Vec<&str> = gr.key.split(' ').collect();
        if words.len() >= 3 && kinds[o] == Some(Kind::Person) {
            for w in &words[1..words.len() - 1] {
                by_inner.entry(w).or_default().push(o);
            }
        }
    }
    for (s, gr) in groups.iter().enumerate() {
        if !lone(s, Kind::Person) || given(s) {
            continue;
        }
        // Only in documents that name the person in full (`Lord Krishna` is not
        // `Lal Krishna Advani`).
        let near: Vec<usize> = by_inner
            .get(gr.key.as_str())
            .into_iter()
            .flatten()
            .copied()
            .filter(|&o| in_every_document(s, o))
            .collect();
        if sets.find(s) == s {
            sets.join_unique(s, Some(&near));
        }
    }
    // `Samsung`: one word, to the one company written out with a corporate suffix that starts
    // with it (`Samsung Electronics Co`, `Apple Inc`).
    let mut by_first_company: HashMap<&str, Vec<usize>> = HashMap::new();
    // `Irving Securities Corp`, `General Acquisition Inc` and `General Acquisition Co`: a
    // company's name without its corporate suffixes, its base.
    let mut by_base: HashMap<&str, Vec<usize>> = HashMap::new();
    for (o, gr) in groups.iter().enumerate() {
        let (Some(first), Some(last)) = (gr.key.split(' ').next(), gr.key.rsplit(' ').next())
        else {
            continue;
        };
        if ev[o].words >= 2
            && kinds[o] == Some(Kind::Organization)
            && gz::COMPANY_SUFFIXES.contains(&last.trim_end_matches('.'))
        {
            by_first_company.entry(first).or_default().push(o);
            let base = company_base(&gr.key);
            by_base.entry(base).or_default().push(o);
            // `J.C. Penney Co Inc` is `Penney` too: initials, then one word.
            if let Some((initials, word)) = base.rsplit_once(' ') {
                let initial =
                    |w: &str| w.ends_with('.') && w.chars().filter(|c| *c != '.').count() <= 3;
                if initials.split(' ').all(initial) {
                    by_first_company.entry(word).or_default().push(o);
                }
            }
        }
    }
    // A name typed a person by its verbs alone (`Gencorp said`, `Gencorp failed to`) may be
    // the company it begins: nothing else in the corpus makes it a person.
    let unnamed = |s: usize, sets: &mut Sets| {
        kinds[s] == Some(Kind::Person)
            && ev[s].strong[0] == 0
            && !ev[s].personal
            && !given(s)
            && sets.find(s) == s
    };
    // How many groups share each set: an acronym already read as another name's initials
    // (`IC`, the `INRO Council`) is not also a company's first word.
    let mut shared = vec![0u32; n];
    for o in 0..n {
        shared[sets.find(o)] += 1;
    }
    for (s, gr) in groups.iter().enumerate() {
        let loose = ev[s].words == 1
            && !ev[s].acronym
            && !ev[s].place
            && !ev[s].adjective_only
            && unnamed(s, &mut sets);
        // `AFG`, to `AFG Industries Inc`.
        let acronym = ev[s].words == 1
            && ev[s].acronym
            && !ev[s].place
            && matches!(kinds[s], None | Some(Kind::Organization))
            && sets.find(s) == s
            && shared[s] == 1;
        if lone(s, Kind::Organization) || loose || acronym {
            sets.join_unique(s, by_first_company.get(gr.key.as_str()));
        }
        // `Irving Securities`, to `Irving Securities Corp`.
        let typed = matches!(kinds[s], None | Some(Kind::Organization)) || unnamed(s, &mut sets);
        if ev[s].words >= 2 && !ev[s].place && typed {
            sets.join_unique(s, by_base.get(gr.key.as_str()));
        }
    }
    // `Sir Keir`: an honorific with a given name, to the one full name starting with it.
    for s in 0..n {
        let honoured = |m: &usize| {
            raws[*m]
                .role
                .as_deref()
                .is_some_and(|r| matches!(fold(r).as_str(), "sir" | "dame"))
        };
        if ev[s].words != 1
            || groups[s].members.is_empty()
            || !groups[s].members.iter().all(honoured)
        {
            continue;
        }
        sets.join_unique(s, by_given.get(groups[s].key.as_str()));
    }
    // `Yoon` of `Yoon Suk Yeol`, `Xi` of `Xi Jinping`: a family name written first, to the one
    // person named with a title, role or verb (not `Microsoft Windows`, a person only by
    // default) whose name starts with it, when it is no given name and nothing else types it.
    for (s, gr) in groups.iter().enumerate() {
        // Not a word already joined as someone's surname (`Wang` of `Charles B. Wang`).
        if !lone(s, Kind::Person) || given(s) || sets.find(s) != s {
            continue;
        }
        // `Zhai Guang Ming`: three words or more are no product's name.
        let family: Vec<usize> = by_given
            .get(gr.key.as_str())
            .into_iter()
            .flatten()
            .copied()
            .filter(|&o| ev[o].strong[0] + ev[o].votes[0] > 0 || ev[o].words >= 3)
            .collect();
        sets.join_unique(s, Some(&family));
    }
    // `Todd` of `Todd Woodbridge`: a given name alone, in documents that all name one person
    // with it in full, is that person, unless something else fixes its kind.
    for (s, gr) in groups.iter().enumerate() {
        let e = &ev[s];
        if e.words != 1
            || e.acronym
            || e.place
            || !given(s)
            || sets.find(s) != s
            || e.strong[1] + e.strong[2] + e.strong[3] > 0
            || kinds[s] == Some(Kind::Place)
            || g.demonym(&gr.key).is_some()
            || e.adjective_only
        {
            continue;
        }
        // A person the text itself makes one (a title, role or verb), not by default.
        let near: Vec<usize> = by_given
            .get(gr.key.as_str())
            .into_iter()
            .flatten()
            .copied()
            .filter(|&o| kinds[o] == Some(Kind::Person) && ev[o].strong[0] + ev[o].votes[0] > 0)
            .filter(|&o| in_every_document(s, o))
            .collect();
        sets.join_unique(s, Some(&near));
    }
    // Names a curation rule may use for a group: key, forms, slug.
    let mut errors = Vec::new();
    let resolve = |sets: &mut Sets, at: &At, errors: &mut Vec<Diagnostic>| -> Option<usize> {
        let f = fold(&at.text);
        let hit = key_index
            .get(&f)
            .copied()
            .or_else(|| key_index.get(&format!("\u{1}split:{f}")).copied())
            .or_else(|| {
                (0..n).find(|&i| {
                    slug(&groups[i].key) == at.text
                        || groups[i].members.iter().any(|&m| fold(&raws[m].text) == f)
                })
            });
        match hit {
            Some(i) => Some(sets.find(i)),
            None => {
                errors.push(Diagnostic::error(
                    FILE,
                    Some(at.line),
                    format!("no entity named `{}` in the corpus", at.text),
                ));
                None
            }
        }
    };
    for m in &rules.merges {
        if let Some(into) = resolve(&mut sets, &m.into, &mut errors) {
            for f in &m.from {
                if let Some(o) = resolve(&mut sets, f, &mut errors) {
                    sets.union(into, o);
                    let root = sets.find(o);
                    if root != into {
                        sets.parent[root] = into;
                        sets.parent[into] = into;
                    }
                }
            }
        }
    }
    let mut ignored = vec![false; n];
    for a in &rules.ignore {
        if let Some(r) = resolve(&mut sets, a, &mut errors) {
            ignored[r] = true;
        }
    }
    let mut retype: HashMap<usize, Kind> = HashMap::new();
    for (a, k) in &rules.retypes {
        if let Some(r) = resolve(&mut sets, a, &mut errors) {
            retype.insert(r, *k);
        }
    }
    let mut rename: HashMap<usize, String> = HashMap::new();
    for (a, name) in &rules.renames {
        if let Some(r) = resolve(&mut sets, a, &mut errors) {
            rename.insert(r, name.clone());
        }
    }
    let mut split_kind: HashMap<usize, (String, Option<Kind>)> = HashMap::new();
    for s in &rules.splits {
        let name = s.name.clone().unwrap_or_else(|| s.form.text.clone());
        match key_index.get(&format!("\u{1}split:{}", fold(&name))) {
            Some(&i) => {
                let r = sets.find(i);
                split_kind.insert(r, (name, s.kind));
            }
            None => errors.push(Diagnostic::error(
                FILE,
                Some(s.form.line),
                format!("no mention written `{}` in the corpus", s.form.text),
            )),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Collect merged sets.
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut extras: BTreeMap<usize, Vec<(usize, String)>> = BTreeMap::new();
    for (i, group) in groups.iter().enumerate() {
        let r = sets.find(i);
        members.entry(r).or_default().extend(&group.members);
        extras
            .entry(r)
            .or_default()
            .extend(group.extra.iter().cloned());
    }
    let paired: HashSet<&str> = pairs.iter().map(|p| p.acronym.as_str()).collect();
    let mut entities: Vec<(Entity, Vec<usize>)> = Vec::new();
    for (root, ms) in members {
        if ignored[root] {
            continue;
        }
        let e = evidence(&raws, &ms);
        let ex = extras.remove(&root).unwrap_or_default();
        let merged = ms.iter().any(|&m| keys[m] != keys[ms[0]]);
        let forced = retype
            .get(&root)
            .copied()
            .or(split_kind.get(&root).and_then(|s| s.1));
        // A lone word named bare at least twice (`Google`, `Hamas`) and typed by nothing else
        // is taken for an organisation: a person's first mention gives the full name (a word
        // that ends one, `Assad` of two al-Assads, is left out), and a place is in the
        // gazetteer or after `in`.
        let surname = by_surname.contains_key(groups[root].key.as_str());
        let named = !merged && !surname && e.words <= 1 && e.bare >= 2;
        let kind = match forced.or_else(|| kind_of(&e)) {
            // `Microsoft said`: a lone word that speaks, with nothing but the verb saying it is
            // a person (no title, honorific or role), no full name it ends, and no given name,
            // is an organisation; people in the news are named in full before they are named
            // short.
            Some(Kind::Person)
                if forced.is_none()
                    && e.words == 1
                    && e.strong == [0; 4]
                    && e.votes[0] == ms.iter().map(|&m| raws[m].said).sum::<u32>()
                    && !merged
                    && !surname
                    && ms.iter().all(|&m| !g.is_given_name(&raws[m].text)) =>
            {
                Kind::Organization
            }
            Some(k) => k,
            None if !ex.is_empty() => Kind::Place,
            None if named => Kind::Organization,
            None => continue,
        };
        let curated =
            forced.is_some() || split_kind.contains_key(&root) || rename.contains_key(&root);
        // Spans with no evidence of being a name are dropped.
        if !curated
            && !merged
            && ex.is_empty()
            && e.words <= 1
            && !e.acronym
            && !e.place
            && e.strong == [0; 4]
        {
            let weak = e.votes.iter().sum::<u32>() < 2 && !named;
            // Only ever opening a sentence is a capitalised common word, unless what follows
            // makes it someone's employer (`Microsoft chief executive Satya Nadella`,
            // `Bundesbank President Joachim Nagel`).
            // A noun English writes in lower case is no employer's name (`Opposition leader
            // Friedrich Merz`, `Police chief`).
            let key = groups[root].key.as_str();
            let noun = [gz::ORG_CUES, gz::ORG_NOUNS, gz::PLACE_OF, gz::COMMON_HEADS]
                .iter()
                .any(|list| gz::is(list, key));
            let common = ms.iter().all(|&m| raws[m].sentence_start)
                && e.votes[0] < 2
                && (e.votes[1] < 2 || noun);
            if weak || common || e.compound {
                continue;
            }
        }
        let name = rename
            .get(&root)
            .cloned()
            .or_else(|| split_kind.get(&root).map(|s| s.0.clone()))
            .unwrap_or_else(|| canonical(&raws, &keys, &ms, &groups[root].key, &paired));
        let mut forms: BTreeMap<(String, bool), u32> = BTreeMap::new();
        let mut roles: BTreeMap<String, u32> = BTreeMap::new();
        let mut docs: Vec<DocIdx> = Vec::new();
        for &m in &ms {
            let r = &raws[m];
            *forms.entry((r.text.clone(), r.adjective)).or_default() += 1;
            if let Some(role) = &r.role {
                *roles.entry(role.clone()).or_default() += 1;
            }
            docs.push(r.doc as DocIdx);
        }
        for (d, text) in &ex {
            *forms.entry((text.clone(), false)).or_default() += 1;
            docs.push(*d as DocIdx);
        }
        docs.sort_unstable();
        docs.dedup();
        let mut forms: Vec<Form> = forms
            .into_iter()
            .map(|((text, adjective), count)| Form {
                text,
                count,
                adjective,
            })
            .collect();
        forms.sort_by(|a, b| b.count.cmp(&a.count).then(a.text.cmp(&b.text)));
        let mut roles: Vec<(String, u32)> = roles.into_iter().collect();
        roles.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        entities.push((
            Entity {
                id: slug(&name),
                name,
                kind,
                forms,
                roles: roles.into_iter().map(|r| r.0).collect(),
                documents: docs,
            },
            ms,
        ));
    }
    // Stable, unique ids.
    entities.sort_by(|a, b| {
        a.0.id
            .cmp(&b.0.id)
            .then(b.0.documents.len().cmp(&a.0.documents.len()))
    });
    let mut seen: HashMap<String, u32> = HashMap::new();
    for (e, _) in entities.iter_mut() {
        let c = seen.entry(e.id.clone()).or_default();
        *c += 1;
        if *c > 1 {
            e.id = format!("{}-{}", e.id, c);
        }
    }
    entities.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); documents.len()];
    for (i, (_, ms)) in entities.iter().enumerate() {
        for &m in ms {
            let r = &raws[m];
            mentions[r.doc].push(Mention {
                entity: i as u32,
                start: r.start as u32,
                end: r.end as u32,
                adjective: r.adjective,
            });
        }
    }
    for list in mentions.iter_mut() {
        list.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut last_end = 0;
        list.retain(|m| {
            let keep = m.start >= last_end;
            if keep {
                last_end = m.end;
            }
            keep
        });
    }
    Ok((entities.into_iter().map(|e| e.0).collect(), mentions))
}

/// The display name of a merged set: the gazetteer's for places, the acronym of an acronym pair,
/// otherwise the most complete form (most words, diacritics kept, most frequent).
///
/// `keys[m]` is `raws[m].key()`; `paired` holds the folded acronyms of all acronym pairs.
fn canonical(
    raws: &[Raw],
    keys: &[String],
    ms: &[usize],
    key: &str,
    paired: &HashSet<&str>,
) -> String {
    let g = gz::get();
    if let Some(&a) = ms.iter().find(|&&m| raws[m].adjective) {
        if ms.iter().all(|&m| raws[m].adjective || keys[m] == keys[a]) {
            return raws[a].name.clone();
        }
    }
    let names: Vec<usize> = ms.iter().copied().filter(|&m| !raws[m].adjective).collect();
    if let Some(&acr) = names
        .iter()
        .find(|&&m| raws[m].acronym && paired.contains(keys[m].as_str()))
    {
        return raws[acr].name.clone();
    }
    if let Some(p) = names.iter().find_map(|&m| g.place(&keys[m])) {
        return p.name.clone();
    }
    if names.is_empty() {
        if let Some(p) = g.place(key) {
            return p.name.clone();
        }
    }
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for &m in &names {
        *counts.entry(raws[m].name.as_str()).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(name, count)| {
            (
                name.split_whitespace().count(),
                name.chars().filter(|c| !c.is_ascii()).count(),
                !name.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()) || name.len() <= 6,
                *count,
            )
        })
        .map(|(n, _)| n.to_string())
        .unwrap_or_else(|| key.to_string())
}
