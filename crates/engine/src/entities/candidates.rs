//! Candidate mentions in one paragraph: capitalised spans split into roles, names, demonyms and
//! acronym expansions, each with the typing evidence its context gives.

use super::gazetteer::{self as gz, is};
use super::tokens::Token;
use super::{fold, Kind};

/// A mention found in the text, before corpus-wide merging.
#[derive(Clone, Debug)]
pub struct Raw {
    /// Document index.
    pub doc: usize,
    /// Byte offset in the body.
    pub start: usize,
    /// Byte offset in the body, one past the end.
    pub end: usize,
    /// The surface text.
    pub text: String,
    /// Display name (the gazetteer's for places, the country's for demonyms).
    pub name: String,
    /// True for an adjective (demonym) mention of a country.
    pub adjective: bool,
    /// A type the name itself fixes (gazetteer, cue word, role before the name).
    pub strong: Option<Kind>,
    /// Weaker evidence from context, per kind (person, organization, place, other).
    pub votes: [u32; 4],
    /// Title or role written before the name.
    pub role: Option<String>,
    /// Number of words.
    pub words: usize,
    /// Every word is capitalised only because it opens a sentence.
    pub sentence_start: bool,
    /// An all-caps acronym (`NATO`).
    pub acronym: bool,
    /// A single word with a capitalised prefix and a hyphen (`Euro-Atlantic`).
    pub compound: bool,
    /// One word capitalised inside a sentence, with no article before it, that the corpus never
    /// writes in lower case (`ruled that Google illegally`).
    pub bare: bool,
    /// The person votes a speech verb after the name gave, unless it attributes a quotation
    /// (`Microsoft said`, not `"We will," Pellin said`).
    pub said: u32,
}

impl Raw {
    /// Folded key under which mentions merge.
    pub fn key(&self) -> String {
        fold(&self.name)
    }
}

/// An acronym and its spelled-out form found together (`… Development (OECD)`).
#[derive(Clone, Debug)]
pub struct AcronymPair {
    /// Folded acronym.
    pub acronym: String,
    /// Folded expansion.
    pub expansion: String,
}

/// Corpus-wide word statistics the rules consult.
pub struct Lexicon {
    /// Folded words seen in lower case somewhere in the corpus (common words).
    pub lower: std::collections::HashSet<String>,
    /// Folded words seen capitalised in the middle of a sentence (names, not sentence openers).
    pub mid_caps: std::collections::HashSet<String>,
}

const CONNECT_PARTICLES: &[&str] = &[
    "de", "du", "la", "le", "von", "van", "der", "den", "al", "bin", "da", "di", "del", "dos",
];

/// An organisation cue, singular or plural (`Institute`, `Canadian Institutes of Health`).
fn org_cue(w: &str) -> bool {
    // Asked of most words of every name: a set, not the list's linear scan.
    static CUES: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    let cues = CUES.get_or_init(|| gz::ORG_CUES.iter().copied().collect());
    let cue = |s: &str| cues.contains(s);
    // A corporate suffix, or one joined by a hyphen (`Fiat SpA`, `Muenchener Beteiligungs-AG`).
    let suffix = |s: &str| is(gz::COMPANY_SUFFIXES, s.trim_end_matches('.'));
    cue(w)
        || suffix(w)
        || w.rsplit_once('-')
            .is_some_and(|(a, b)| !a.is_empty() && b.len() >= 2 && suffix(b))
        || w.strip_suffix('s').is_some_and(|s| s.len() > 3 && cue(s))
        || w.strip_suffix("ies")
            .is_some_and(|s| s.len() > 3 && cue(&format!("{s}y")))
}

fn folded(t: &Token) -> &str {
    &t.folded
}

/// The folded words of `toks[a..b]`, joined as the gazetteer keys names (`north america`).
fn folded_name(toks: &[Token], a: usize, b: usize) -> String {
    toks[a..b].iter().map(folded).collect::<Vec<_>>().join(" ")
}

fn is_candidate_start(t: &Token) -> bool {
    // `I've`, `Don't`, `We're`: a contraction opens no name (`O'Brien` keeps its capital).
    let contraction = t
        .text
        .split_once(['\'', '\u{2019}'])
        .is_some_and(|(_, b)| matches!(b, "ve" | "re" | "ll" | "d" | "m" | "t"));
    t.cap && t.text.chars().any(char::is_alphabetic) && !contraction || article_name(&t.text)
}

/// `al-Assad`, `el-Sisi`, `ash-Sham`: an Arabic article joined to a capitalised name.
pub(crate) fn article_name(s: &str) -> bool {
    s.split_once(['-', '‐']).is_some_and(|(a, b)| {
        matches!(
            a,
            "al" | "el" | "ad" | "ash" | "as" | "an" | "ar" | "at" | "az"
        ) && b.chars().next().is_some_and(char::is_uppercase)
    })
}

fn is_role_head(toks: &[Token], i: usize) -> bool {
    let w = folded(&toks[i]);
    if w == "general" {
        let prev = i.checked_sub(1).map(|p| folded(&toks[p]));
        let next_given = toks
            .get(i + 1)
            .is_some_and(|n| gz::get().is_given_name(&n.text));
        return matches!(
            prev,
            Some("secretary" | "attorney" | "surgeon" | "inspector" | "auditor" | "solicitor")
        ) || (prev.is_none() && next_given);
    }
    if w == "secretary" {
        return true;
    }
    // `Chief Executive`, `Chief Financial Officer`: heads only after the word that makes them one.
    if matches!(w, "executive" | "officer") {
        let prev = i.checked_sub(1).map(|p| folded(&toks[p]));
        return prev == Some("chief")
            || w == "officer" && prev.is_some_and(|p| is(gz::OFFICER_KINDS, p));
    }
    if matches!(w, "foreign" | "defence" | "defense") {
        return false;
    }
    // `Director-General`, `Deputy-Director`: a role written hyphenated.
    let hyphenated = w.split_once('-').is_some_and(|(a, b)| {
        let part = |p: &str| is(gz::ROLE_HEADS, p) || role_modifier(p) || p == "general";
        part(a) && part(b) && (is(gz::ROLE_HEADS, a) || is(gz::ROLE_HEADS, b))
    });
    is(gz::ROLE_HEADS, w) || hyphenated
}

fn is_domain(s: &str) -> bool {
    let Some((host, tld)) = s.rsplit_once('.') else {
        return false;
    };
    (2..=6).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_lowercase())
        && !host.is_empty()
        && !host.contains(' ')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
}

/// A word that qualifies a role head (`Prime`, `Deputy`, `Financial` in `Chief Financial
/// Officer`).
fn role_modifier(w: &str) -> bool {
    is(gz::ROLE_MODIFIERS, w) || is(gz::OFFICER_KINDS, w)
}

/// `BlackRock`, `PayPal`, `OpenAI`: an upper-case letter after at least three lower-case ones
/// from the start (not `McDonald`, `DeSantis`, `MacArthur`, `FitzGerald`).
pub(crate) fn camel(s: &str) -> bool {
    let cs: Vec<char> = s.chars().collect();
    if cs.len() < 5
        || !cs[0].is_uppercase()
        || ["Mac", "Fitz", "Van", "Von"]
            .iter()
            .any(|p| s.starts_with(p))
    {
        return false;
    }
    let lower = cs[1..].iter().take_while(|c| c.is_lowercase()).count();
    // `JPMorgan`, `GEnie`: capitals, then at least three lower-case letters.
    let caps = cs.iter().take_while(|c| c.is_uppercase()).count();
    let tail = cs[caps..].iter().take_while(|c| c.is_lowercase()).count();
    lower >= 2 && cs.get(1 + lower).is_some_and(|c| c.is_uppercase())
        || caps >= 2 && tail >= 3 && caps + tail == cs.len()
}

/// `J.K.`, `W.`: initials written before a surname.
fn is_initial(s: &str) -> bool {
    s.ends_with('.')
        && s.split('.').all(|p| p.chars().count() <= 1)
        && s.chars().all(|c| c == '.' || c.is_uppercase())
}

fn has_digit(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
}

/// Finds the candidate mentions of one paragraph (`toks` from [`super::tokens::tokenize`]).
pub fn paragraph(
    doc: usize,
    body: &str,
    toks: &[Token],
    lex: &Lexicon,
    out: &mut Vec<Raw>,
    pairs: &mut Vec<AcronymPair>,
) {
    let mut used = vec![false; toks.len()];
    acronyms(doc, body, toks, &mut used, out, pairs);
    let mut i = 0;
    while i < toks.len() {
        if used[i] || !is_candidate_start(&toks[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        // Set once `of` or `for` joined after a cue: `Court of Arbitration for Sport`.
        let mut cued = false;
        if !toks[i].possessive || name_possessive(body, toks, i, lex) {
            while j < toks.len() && !used[j] {
                let t = &toks[j];
                // `Workers' Party`: the apostrophe after a plural stays inside the name.
                // `Procter & Gamble`, `Marks & Spencer`: an ampersand between capitalised words.
                let ampersand = t.gap_before.trim() == "&" && t.cap && toks[j - 1].cap;
                let joined = t.joined_to_prev
                    || ampersand
                    || name_possessive(body, toks, j - 1, lex)
                        && t.gap_before
                            .trim_start_matches(['\'', '\u{2019}'])
                            .trim()
                            .is_empty();
                // `U.S. And Japanese officials`: a conjunction in capitals ends the name.
                let conjunction = t.cap && matches!(t.folded.as_str(), "and" | "or");
                if t.sentence_start || !joined || conjunction {
                    break;
                }
                if is_candidate_start(t) {
                    j += 1;
                    if t.possessive && !name_possessive(body, toks, j - 1, lex) {
                        break;
                    }
                    continue;
                }
                // Connectors: `Ministry of Defence`, `Ludwig van Beethoven`.
                let w = folded(t);
                let left = folded(&toks[j - 1]);
                let left_cue = org_cue(left) || is(gz::PLACE_CUES, left);
                let mut k = j + 1;
                // `Secretary of State Antony Blinken`: a portfolio after a role head, with `the`
                // before it or not (`Chancellor of the Exchequer Nigel Lawson`).
                let the = toks
                    .get(k)
                    .is_some_and(|n| folded(n) == "the" && n.joined_to_prev);
                let portfolio = w == "of"
                    && is_role_head(toks, j - 1)
                    && toks
                        .get(k + usize::from(the))
                        .is_some_and(|n| is(gz::PORTFOLIOS, folded(n)));
                if portfolio && the {
                    k += 1;
                }
                // `Archbishop of Paris Laurent Ulrich`: the see or city after a role head.
                let see = w == "of" && is_role_head(toks, j - 1) && see(toks, k).is_some();
                if portfolio || see {
                } else if (w == "of" || w == "for") && (left_cue || cued && w == "for") {
                    cued = true;
                    if toks
                        .get(k)
                        .is_some_and(|n| folded(n) == "the" && n.joined_to_prev)
                    {
                        k += 1;
                    }
                } else if w == "and"
                    && toks.get(k).is_some_and(|n| {
                        n.joined_to_prev && matches!(n.folded.as_str(), "co" | "company" | "sons")
                    })
                {
                    // `Morgan Stanley and Co Inc`, `Smith and Sons`.
                } else if w == "and" && cued && {
                    // `Institute of Allergy and Infectious Diseases`: after an `of` name, `and`
                    // joins words the corpus also writes in lower case (not `and Barclays`), or
                    // words an acronym in brackets closes (`Association of Machinists and
                    // Aerospace Workers (IAM)`).
                    let run: Vec<&Token> = toks[k..]
                        .iter()
                        .take_while(|n| n.cap && n.joined_to_prev && !n.sentence_start)
                        .collect();
                    let bracketed = toks.get(k + run.len()).is_some_and(|n| {
                        n.all_caps && n.gap_before.trim() == "(" && !used[k + run.len()]
                    });
                    !run.is_empty()
                        && (bracketed || run.iter().all(|n| lex.lower.contains(&n.folded)))
                } {
                } else if !is(CONNECT_PARTICLES, w) {
                    break;
                } else if toks
                    .get(k)
                    .is_some_and(|n| n.joined_to_prev && !n.cap && is(CONNECT_PARTICLES, folded(n)))
                {
                    // Two particles: `Luis de la Fuente`, `Ursula von der Leyen`.
                    k += 1;
                }
                match toks.get(k) {
                    Some(n) if n.joined_to_prev && is_candidate_start(n) && !used[k] => j = k,
                    _ => break,
                }
            }
        }
        // `envoy to Pakistan Abdul Salam Zaeef`, `ambassador to Japan Rahm Emanuel`: the place
        // a lower-case role is for, then the person who holds it.
        let posted = i >= 2
            && !toks[i - 1].cap
            && matches!(folded(&toks[i - 1]), "to" | "for" | "in" | "of")
            && !toks[i - 2].cap
            && is_role_head(toks, i - 2);
        if let Some(len) = see(toks, i).filter(|len| posted && i + len + 2 <= j) {
            span(doc, body, toks, i, i + len, lex, out);
            if let Some(first) = described_name(doc, body, toks, i + len, j, lex, out) {
                first.strong = Some(Kind::Person);
            }
            i = j;
            continue;
        }
        span(doc, body, toks, i, j, lex, out);
        i = j;
    }
}

/// `People's` in `Taiwan People's Party`, `Workers'` in `Workers' Party`: a plural's
/// possessive at `k`, which names who the body is for inside its name, not an owner before
/// one (`Nvidia's Jensen Huang`, `the Philippines' Ferdinand Marcos`). A regular plural counts
/// when the corpus also writes it in lower case and an organisation's cue follows in the
/// capitalised run (`Pork Producers' Council`, not `Computer Associates' Wang`).
fn name_possessive(body: &str, toks: &[Token], k: usize, lex: &Lexicon) -> bool {
    let t = &toks[k];
    if !t.possessive || !t.cap {
        return false;
    }
    if matches!(t.folded.as_str(), "people" | "women" | "children" | "men") {
        return true;
    }
    let bare = body[t.end..]
        .strip_prefix(['\'', '\u{2019}'])
        .is_some_and(|r| !r.starts_with(['s', 'S']));
    bare && lex.lower.contains(&t.folded)
        && gz::get().place(&t.folded).is_none()
        && toks[k + 1..]
            .iter()
            .take_while(|n| n.cap && !n.sentence_start)
            .take(4)
            .any(|n| org_cue(folded(n)))
}

/// `Spelled Out Name (SON)`: both forms become mentions of one organisation.
fn acronyms(
    doc: usize,
    body: &str,
    toks: &[Token],
    used: &mut [bool],
    out: &mut Vec<Raw>,
    pairs: &mut Vec<AcronymPair>,
) {
    for a in 1..toks.len() {
        let t = &toks[a];
        let closes = toks
            .get(a + 1)
            .is_none_or(|n| n.gap_before.starts_with(')'));
        if !t.all_caps || !t.gap_before.trim_end().ends_with('(') || !closes || has_digit(&t.text) {
            continue;
        }
        let letters: Vec<char> = t.text.chars().filter(|c| c.is_alphabetic()).collect();
        let mut want = letters.len();
        let mut k = a;
        let mut first = None;
        while want > 0 && k > 0 {
            k -= 1;
            let w = &toks[k];
            let gap_ok = k + 1 == a || {
                let g = toks[k + 1].gap_before.trim();
                g.is_empty() || g == ","
            };
            if !gap_ok {
                break;
            }
            let f = folded(w);
            if !w.cap && matches!(f, "and" | "of" | "for" | "the" | "on" | "in" | "de") {
                continue;
            }
            // `al-Sham` gives its `S`.
            let named = if article_name(&w.text) {
                w.text.split_once(['-', '‐']).map_or("", |p| p.1)
            } else {
                &w.text
            };
            let initial = named.chars().next().unwrap_or(' ').to_uppercase().next();
            if !(w.cap || article_name(&w.text))
                || initial != Some(letters[want - 1].to_ascii_uppercase())
            {
                break;
            }
            want -= 1;
            first = Some(k);
        }
        let Some(first) = first.filter(|_| want == 0) else {
            continue;
        };
        let (s, e) = (toks[first].start, toks[a - 1].end);
        let expansion = body[s..e].to_string();
        for u in used.iter_mut().take(a + 1).skip(first) {
            *u = true;
        }
        let raw = |start: usize, end: usize, text: String, words: usize| Raw {
            doc,
            start,
            end,
            name: text.clone(),
            text,
            adjective: false,
            strong: Some(Kind::Organization),
            votes: [0; 4],
            role: None,
            words,
            sentence_start: false,
            acronym: words == 1,
            compound: false,
            bare: false,
            said: 0,
        };
        out.push(raw(s, e, expansion.clone(), a - first));
        out.push(raw(t.start, t.end, t.text.clone(), 1));
        pairs.push(AcronymPair {
            acronym: fold(&t.text),
            expansion: fold(&expansion),
        });
    }
}

/// `B-52`, `F-16`, `A320`, `MD-11`: capital letters, then digits, with a hyphen or not.
fn is_model_code(s: &str) -> bool {
    let letters = s.chars().take_while(char::is_ascii_uppercase).count();
    let rest = s[letters..].strip_prefix('-').unwrap_or(&s[letters..]);
    (1..=3).contains(&letters)
        && !rest.is_empty()
        && rest.chars().next().is_some_and(|c| c.is_ascii_digit())
        && rest.chars().all(|c| c.is_ascii_alphanumeric())
}

/// `three`, `twenty-first`: a number up to thirty-nine written in words, cardinal or ordinal.
fn number_word(w: &str) -> bool {
    const UNITS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "first", "second",
        "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    ];
    const TEENS: &[&str] = &[
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "thirtieth",
    ];
    match w.split_once('-') {
        Some((tens, unit)) => matches!(tens, "twenty" | "thirty") && UNITS.contains(&unit),
        None => UNITS.contains(&w) || TEENS.contains(&w) || matches!(w, "twenty" | "thirty"),
    }
}

/// Classifies the capitalised span `toks[i..j]`.
fn span(
    doc: usize,
    body: &str,
    toks: &[Token],
    i: usize,
    j: usize,
    lex: &Lexicon,
    out: &mut Vec<Raw>,
) {
    let g = gz::get();
    if i >= j {
        return;
    }
    let text = |a: usize, b: usize| body[toks[a].start..toks[b - 1].end].to_string();
    // `Former Salesforce co-chief executive`: a word that dates what follows is no name.
    if j - i >= 2 && matches!(folded(&toks[i]), "former" | "acting") {
        return span(doc, body, toks, i + 1, j, lex, out);
    }
    // `Ohio Republican`, `California Democrat`: a party's member from a place describes the
    // person named after it; the place is a mention, the party word is not a name.
    if let Some(p) = (i + 1..j).find(|&p| {
        // Not `Texas Republican Party`.
        matches!(folded(&toks[p]), "republican" | "democrat")
            && local_place(toks, i, p)
            && !(p + 1..j).any(|k| org_cue(folded(&toks[k])))
    }) {
        span(doc, body, toks, i, p, lex, out);
        if let Some(first) = described_name(doc, body, toks, p + 1, j, lex, out) {
            first.strong = Some(Kind::Person);
            first.role = Some(toks[p].text.clone());
        }
        return;
    }
    // A whole gazetteer name, `The Hague` included.
    let whole = fold(&text(i, j));
    // `"Poor Things"`, `"What Was I Made For?"`: capitalised words that fill a quotation are a
    // title (a film, a book, a song), not a name.
    // One word only when the quotation closes right after it and the corpus never writes it in
    // lower case (`"Oppenheimer"`, but not `"Yes," she said`).
    let opens = toks[i].gap_before.ends_with(['"', '“', '‘', '\'']);
    let after = &body[toks[j - 1].end..];
    let closes = if j - i == 1 {
        after.starts_with(['"', '”', '’', '\''])
            && !lex.lower.contains(&toks[i].folded)
            && !is(gz::FUNCTION_WORDS, folded(&toks[i]))
    } else {
        after
            .trim_start_matches(['?', '!', '.', ','])
            .starts_with(['"', '”', '’', '\''])
    };
    if opens && closes && !toks[j - 1].possessive && g.place(&whole).is_none() {
        let title = text(i, j);
        out.push(fixed(doc, toks, i, j, &title, &title, Kind::Other));
        return;
    }
    // Dotted abbreviations look up without their dots (`U.S.` is `US`).
    let undotted = (j - i == 1
        && whole.contains('.')
        && whole
            .trim_end_matches('.')
            .split('.')
            .all(|p| p.chars().count() == 1))
    .then(|| whole.replace('.', ""));
    if let Some(place) = g
        .place(&whole)
        .or_else(|| undotted.as_deref().and_then(|u| g.place(u)))
        // `Trinidad & Tobago`.
        .or_else(|| g.place(&whole.replace(" & ", " and ")))
    {
        if !(j - i == 1
            && toks[i].sentence_start
            && lex.lower.contains(&toks[i].folded)
            && !toks[i].all_caps)
        {
            out.push(fixed(
                doc,
                toks,
                i,
                j,
                &text(i, j),
                &place.name,
                Kind::Place,
            ));
            return;
        }
    }
    // Leading function words, calendar words and sentence-initial common words.
    let f = folded(&toks[i]);
    // `WHO Director-General`: the World Health Organization's acronym spells a function
    // word (a shouted `MORE` or `NOTE` is no name).
    let acronym = toks[i].all_caps && f == "who";
    // `Striking Brazilian seamen`, `Following Reagan's speech`: a participle opening the
    // sentence before a name, though the corpus never writes it in lower case; not a name the
    // corpus capitalises inside sentences (`Boeing`, `Redding`).
    let participle = j - i >= 2
        && f.len() > 5
        && f.ends_with("ing")
        && !lex.mid_caps.contains(f)
        // Nor a company's name before its suffix (`Boeing Co`, `Redding Research`).
        && !(j - i == 2 && org_cue(folded(&toks[i + 1])));
    let lead_common = toks[i].sentence_start
        && !acronym
        && (lex.lower.contains(&toks[i].folded) || participle)
        && !g.is_given_name(&toks[i].text)
        && g.place(f).is_none()
        && g.demonym(f).is_none()
        && !is_role_head(toks, i)
        && !role_modifier(f);
    // A month that is also a given name, before another name and not after a word that
    // introduces a date, is the given name (`economist Jan Hatzius`, but `in May Rutte said`).
    let given_month = j - i >= 2
        && i > 0
        && !toks[i].sentence_start
        && g.is_given_name(&toks[i].text)
        && !is(gz::BEFORE_DATES, folded(&toks[i - 1]))
        && !is(gz::CALENDAR, folded(&toks[i + 1]))
        // `expire April Three`: a day written in words.
        && !number_word(folded(&toks[i + 1]));
    let month = is(gz::CALENDAR, f) && !given_month;
    if is(gz::FUNCTION_WORDS, f) && !is(gz::ROLE_HEADS, f) && !acronym || month || lead_common {
        return span(doc, body, toks, i + 1, j, lex, out);
    }
    // `Goalkeeper Emiliano Martínez`: a word opening the sentence that is no name, before a
    // given name and a surname, describes the person (but `Lake Victoria Basin` is a place).
    let last = folded(&toks[j - 1]);
    // Or after a demonym: `Irish Taoiseach Leo Varadkar`.
    let after_demonym = i > 0
        && toks[i].joined_to_prev
        && toks[i - 1].cap
        && g.demonym(folded(&toks[i - 1])).is_some();
    let described = (toks[i].sentence_start || after_demonym)
        && j - i >= 3
        && !toks[i].all_caps
        && !toks[i].possessive
        && !g.is_given_name(&toks[i].text)
        && (g.is_given_name(&toks[i + 1].text) || is_initial(&toks[i + 1].text))
        && g.place(f).is_none()
        && g.demonym(f).is_none()
        && !is(CONNECT_PARTICLES, f)
        && !matches!(
            f,
            "abu" | "umm" | "ibn" | "bin" | "bint" | "san" | "santa" | "saint" | "st."
        )
        && !org_cue(last)
        && !is(gz::PLACE_CUES, last)
        && !is(gz::OTHER_CUES, last)
        && !(i + 1..j).any(|k| matches!(folded(&toks[k]), "of" | "for"));
    if described && !(i..j).any(|k| is_role_head(toks, k)) {
        if let Some(first) = described_name(doc, body, toks, i + 1, j, lex, out) {
            first.strong = Some(Kind::Person);
            first.role = Some(toks[i].text.clone());
        }
        return;
    }
    // `Rival BYD Co`, `Carmaker Tesla`, `Broadcaster RTVE`: a word opening the sentence that
    // says what kind of business the name after it is.
    if toks[i].sentence_start
        && j - i >= 2
        && !toks[i].possessive
        && matches!(
            f,
            "rival"
                | "rivals"
                | "carmaker"
                | "automaker"
                | "chipmaker"
                | "drugmaker"
                | "planemaker"
                | "steelmaker"
                | "shipbuilder"
                | "retailer"
                | "lender"
                | "insurer"
                | "broadcaster"
                | "brokerage"
                | "conglomerate"
                | "startup"
                | "regulator"
                | "supplier"
                | "publisher"
        )
    {
        // `Rivals Anies Baswedan and Ganjar Pranowo`: a rival may be a candidate, so only the
        // kinds of business say what the name is.
        let business = !matches!(f, "rival" | "rivals");
        if let Some(first) = described_name(doc, body, toks, i + 1, j, lex, out) {
            if business {
                first.votes[1] += 3;
            }
        }
        return;
    }
    // `NPPC Ray Hankes`, `FCA Frank Naylor`: an acronym, then a person's given name and
    // surname, name the body and the person who speaks for it.
    if j - i >= 3
        && toks[i].text.len() >= 3
        && toks[i].text.bytes().all(|b| b.is_ascii_uppercase())
        && !toks[i].possessive
        && g.place(f).is_none()
        && g.is_given_name(&toks[i + 1].text)
        && !toks[i + 1].all_caps
        // Not `GAFTA London Grain Futures Market`.
        && g.place(folded(&toks[i + 1])).is_none()
        && !(i + 1..j).any(|k| org_cue(folded(&toks[k])) || is(gz::PLACE_CUES, folded(&toks[k])))
    {
        span(doc, body, toks, i, i + 1, lex, out);
        return span(doc, body, toks, i + 1, j, lex, out);
    }
    // `Air Force B-52`, `Lufthansa A320`: a model's code after a name is a thing of its own.
    if j - i >= 2 && is_model_code(&toks[j - 1].text) && !is_model_code(&toks[j - 2].text) {
        span(doc, body, toks, i, j - 1, lex, out);
        return span(doc, body, toks, j - 1, j, lex, out);
    }
    // Calendar words inside split the span.
    if let Some(c) = (i + 1..j).find(|&k| is(gz::CALENDAR, folded(&toks[k]))) {
        span(doc, body, toks, i, c, lex, out);
        return span(doc, body, toks, c + 1, j, lex, out);
    }
    // Titles and roles before a name.
    // A role word after `of` is a portfolio (`Department of Justice`), not a title.
    // A role word written last after one given name is a surname (`Stephanie Pope`).
    let surname = |k: usize| k == i + 1 && k + 1 == j && g.is_given_name(&toks[i].text);
    let titled = |k: usize| {
        // `Office of the Governor-General` too.
        let after_of = k > i && matches!(folded(&toks[k - 1]), "of" | "for")
            || k > i + 1
                && folded(&toks[k - 1]) == "the"
                && matches!(folded(&toks[k - 2]), "of" | "for");
        // `Justice Department`, `Interior Ministry`: the role word names the portfolio.
        let portfolio = k + 1 < j && org_cue(folded(&toks[k + 1]));
        is_role_head(toks, k) && !after_of && !surname(k) && !portfolio
    };
    if let Some(h) = (i..j).rev().find(|&k| titled(k)) {
        let mut s = h;
        while s > i && {
            let p = folded(&toks[s - 1]);
            // `Transportation Secretary`: the portfolio is part of the role; but in `U.S.
            // Department of Agriculture Deputy Administrator` it ends the employer's name.
            let of_name = s >= i + 2
                && matches!(folded(&toks[s - 2]), "of" | "for")
                && (is(gz::PORTFOLIOS, p)
                    || matches!(p, "affairs" | "economic" | "security" | "industrial"));
            !of_name
                && (role_modifier(p)
                    || is_role_head(toks, s - 1)
                    || p == "foreign"
                    || is(gz::PORTFOLIOS, p) && p != "state")
        } {
            s -= 1;
        }
        let before_role = out.len();
        // `Former U.S. Vice President`: the word that dates the role is not the country's.
        let mut from = i;
        // `Assistant U.S. Treasury Secretary`: a role's qualifier written before the country.
        while from < s
            && (matches!(folded(&toks[from]), "former" | "acting" | "then" | "late")
                || role_modifier(folded(&toks[from]))
                    && from + 1 < s
                    && (toks[from + 1].all_caps || local_place(toks, from + 1, from + 2)))
        {
            from += 1;
        }
        // `the Social Democrats of Prime Minister Kalevi Sorsa`: the employer's name ends
        // before the `of` that joins it to the role.
        let mut end = s;
        while end > from && matches!(folded(&toks[end - 1]), "of" | "for" | "the") {
            end -= 1;
        }
        span(doc, body, toks, from, end, lex, out);
        // A name written just before a role is whose role it is: `Fed Chair`, `Labour MP`.
        if let Some(r) = out[before_role..].last_mut() {
            if end > i && r.end == toks[end - 1].end && r.strong.is_none() && !r.adjective {
                r.votes[1] += 2;
            }
        }
        // `Secretary of State`, `Minister of Foreign Affairs`: the portfolio is part of the role.
        let mut h = h;
        if h + 2 < j && folded(&toks[h + 1]) == "of" {
            if let Some(len) = see(toks, h + 2).filter(|len| h + 2 + len < j) {
                // `Archbishop of Paris`: the role names a place of its own.
                span(doc, body, toks, h + 2, h + 2 + len, lex, out);
                h += 1 + len;
            } else {
                h += 2;
                if h + 2 < j && folded(&toks[h]) == "the" {
                    h += 1;
                }
                if h + 2 < j && is(gz::PORTFOLIO_FIRSTS, folded(&toks[h])) {
                    h += 1;
                }
            }
        }
        if h + 1 < j {
            let role = text(s, h + 1);
            if let Some(first) = described_name(doc, body, toks, h + 1, j, lex, out) {
                first.strong = Some(Kind::Person);
                // Honorifics are written as part of the name (`Sir Stuart Peach`).
                if matches!(fold(&role).as_str(), "sir" | "dame" | "lord" | "lady") {
                    first.start = toks[s].start;
                    first.text = body[first.start..first.end].to_string();
                }
                first.role = Some(role);
            }
        }
        return;
    }
    let words = j - i;
    // `737 MAX`, `A350 XWB`: capitals only ever written after a number belong to a model's
    // name, not an acronym (`300 NATO troops` is NATO, named alone elsewhere).
    let after_number = |k: usize| {
        k > 0
            && toks[k].joined_to_prev
            && toks[k - 1].text.chars().any(|c| c.is_ascii_digit())
            && toks[k - 1].text.chars().all(|c| c.is_ascii_alphanumeric())
    };
    let model = words == 1
        && toks[i].all_caps
        && after_number(i)
        && (0..toks.len())
            .filter(|&k| toks[k].text == toks[i].text)
            .all(after_number);
    // `II`, `IV` alone: a numeral, not an acronym.
    let numeral = toks[i].text.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    if words == 1 && toks[i].all_caps && (model || numeral || is(gz::COMMON_ACRONYMS, f)) {
        return;
    }
    // `READ MORE`, `BREAKING NEWS FOR ...`: words in capitals beside a function word in
    // capitals are shouted, not an acronym.
    let shouted = |t: &Token| t.all_caps && is(gz::FUNCTION_WORDS, folded(t));
    if words == 1
        && toks[i].all_caps
        && (toks.get(j).is_some_and(|n| n.joined_to_prev && shouted(n))
            || i > 0 && toks[i].joined_to_prev && shouted(&toks[i - 1]))
    {
        return;
    }
    // `Bank of Korea`, `Gulf of Finland`: the word before `of` or `for` names the kind.
    let of_head = (i + 1..j)
        .find(|&k| matches!(folded(&toks[k]), "of" | "for"))
        .map(|k| folded(&toks[k - 1]));
    let cue = if words < 2 {
        None
    } else if of_head.is_some_and(org_cue) {
        Some(Kind::Organization)
    } else if of_head.is_some_and(|h| is(gz::PLACE_CUES, h)) {
        Some(Kind::Place)
    } else if last == "bank" && is(gz::COMPASS, f) {
        // `West Bank`, `South Bank`: a river bank, not a lender.
        Some(Kind::Place)
    } else if org_cue(last) {
        Some(Kind::Organization)
    } else if is(gz::PLACE_CUES, last) {
        Some(Kind::Place)
    } else if matches!(
        f,
        "lake" | "mount" | "mt." | "stade" | "estadio" | "stadio" | "isla" | "river"
    ) {
        // `Lake Geneva`, `Mount Sinai`, `Stade de France`: a place named by its first word.
        Some(Kind::Place)
    } else if matches!(
        f,
        "bank"
            | "banco"
            | "banque"
            | "banca"
            | "union"
            | "radio"
            | "grupo"
            | "groupe"
            | "gruppo"
            | "compagnie"
    ) || f == "air" && g.place(&folded_name(toks, i + 1, j)).is_some()
    {
        // `Union Pacific`, `Bank Leumi`, `Banque Nationale de Paris`, `Radio Free Europe`: an
        // organisation named by its first word; `Air Canada`, `Air North America`: an airline.
        Some(Kind::Organization)
    } else if is(gz::OTHER_CUES, last)
        || matches!(
            f,
            "operation"
                | "storm"
                | "hurricane"
                | "typhoon"
                | "cyclone"
                | "christmas"
                | "easter"
                | "ramadan"
                | "hanukkah"
                | "diwali"
                | "thanksgiving"
        )
        // `World War I`, `Vatican Council II`: a numbered one, named by the word before.
        || words >= 3
            && matches!(last, "i" | "ii" | "iii" | "iv")
            && is(gz::OTHER_CUES, folded(&toks[j - 2]))
        // `World Aids Day`, `Anzac Day`, `Labor Day`; not `Doris Day`.
        || last == "day" && !g.is_given_name(&toks[i].text)
    {
        // `Operation Barbarossa`, `Storm Daniel`, `Hurricane Katrina`, `Christmas Eve Mass`.
        Some(Kind::Other)
    } else {
        None
    };
    // Demonyms: `Lithuanian`, `German-led`, and a demonym opening a longer span.
    if words >= 2 && cue.is_none() {
        if let Some(country) = g.demonym(&fold(&text(i, i + 2))) {
            let name = country.name.clone();
            out.push(Raw {
                doc,
                start: toks[i].start,
                end: toks[i + 1].end,
                text: text(i, i + 2),
                name,
                adjective: true,
                strong: Some(Kind::Place),
                votes: [0; 4],
                role: None,
                words: 1,
                sentence_start: false,
                acronym: false,
                compound: false,
                bare: false,
                said: 0,
            });
            return span(doc, body, toks, i + 2, j, lex, out);
        }
    }
    if cue.is_none() || words == 1 {
        let head = toks[i].text.split(['-', '‐']).next().unwrap_or("");
        if let Some(country) = g.demonym(&fold(head)) {
            let is_compound = head.len() < toks[i].text.len();
            let tail_is_word = toks[i].text[head.len()..]
                .chars()
                .nth(1)
                .is_some_and(char::is_lowercase);
            if !is_compound || tail_is_word {
                let name = country.name.clone();
                let start = toks[i].start;
                out.push(Raw {
                    doc,
                    start,
                    end: start + head.len(),
                    text: head.to_string(),
                    name,
                    adjective: true,
                    strong: Some(Kind::Place),
                    votes: [0; 4],
                    role: None,
                    words: 1,
                    sentence_start: false,
                    acronym: false,
                    compound: false,
                    bare: false,
                    said: 0,
                });
                return span(doc, body, toks, i + 1, j, lex, out);
            }
        }
    }
    // `African`, `European` alone: an adjective of the continent, not a name of its own (but
    // `European Monetary System` keeps its word); `Latin American`, `Central American` too.
    // Only a word ending as such adjectives do is looked up (`-n`, `-ns`).
    let adjectival = folded(&toks[j - 1]).trim_end_matches('s').ends_with('n');
    if words <= 2 && adjectival && !toks[i].all_caps {
        if let Some(place) = g.derived_demonym(&folded_name(toks, i, j)) {
            let mut raw = fixed(
                doc,
                toks,
                i,
                j,
                &text(i, j),
                &place.name.clone(),
                Kind::Place,
            );
            raw.adjective = true;
            out.push(raw);
            return;
        }
    }
    // A known name followed by common words: `NATO Eastern Flank` -> `NATO`.
    if words > 1
        && cue.is_none()
        && (toks[i].all_caps || g.place(f).is_some())
        && (i + 1..j).all(|k| lex.lower.contains(&toks[k].folded))
    {
        span(doc, body, toks, i, i + 1, lex, out);
        return;
    }
    let name_text = text(i, j);
    let mut raw = Raw {
        doc,
        start: toks[i].start,
        end: toks[j - 1].end,
        text: name_text.clone(),
        name: name_text.replace('’', "'"),
        adjective: false,
        strong: cue,
        votes: [0; 4],
        role: None,
        words,
        sentence_start: toks[i].sentence_start && words == 1,
        acronym: words == 1 && toks[i].all_caps,
        compound: words == 1 && toks[i].text.contains(['-', '‐']) && !toks[i].all_caps,
        bare: false,
        said: 0,
    };
    if words == 1
        && (has_digit(&toks[i].text) && toks[i].all_caps
            || toks[i].text.contains('-') && has_digit(&toks[i].text))
    {
        raw.strong = Some(Kind::Other);
    } else if words == 1 && is_domain(&toks[i].text) {
        raw.strong = Some(Kind::Organization);
    } else if raw.acronym && raw.strong.is_none() {
        raw.votes[1] += 2;
    } else if words == 1 && matches!(f, "senate" | "congress" | "parliament") {
        // `control of the Senate`: a legislature, named by its common noun.
        raw.votes[1] += 2;
    } else if words >= 2 && toks[j - 1].all_caps && g.place(last).is_some() {
        // `Reform UK`, `Amazon US`: no one's name ends in a country's code.
        raw.votes[1] += 2;
    } else if words >= 2
        && !g.is_given_name(&toks[i].text)
        && g.place(last)
            .is_some_and(|p| p.kind == gz::PlaceKind::Country)
        && g.place(&fold(&text(i, j - 1))).is_none()
    {
        // `Amnesty International Kenya`, `Vodafone Egypt`: a body's national branch.
        raw.votes[1] += 2;
    }
    if words == 1 && toks[i].gap_before.ends_with('#') {
        // `#RejectFinanceBill2024`: a hashtag.
        raw.strong = Some(Kind::Other);
    }
    // `Procter & Gamble`, `Ernst & Young`: no person's name holds an ampersand.
    let ampersand = words >= 2 && body[toks[i].start..toks[j - 1].end].contains(" & ");
    if ampersand && raw.strong.is_none() {
        raw.votes[1] += 4;
    }
    if words >= 2 && g.is_given_name(&toks[i].text) && raw.strong.is_none() {
        raw.votes[0] += 2;
    } else if words >= 2
        && raw.strong.is_none()
        && (i..j).any(|k| {
            let t = &toks[k];
            let n = t.text.chars().count();
            // Two capitals after the first word too (`Manufacturing NI`), but not a regnal
            // number or a suffix (`Felipe VI`, `Ken Griffey JR`).
            t.all_caps
                && (n >= 3 || n == 2 && k > i)
                && !t.text.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
                && !matches!(t.folded.as_str(), "jr" | "sr")
        })
    {
        // `BAE Systems`, `HSBC Holdings`: people's names are not written in capitals, and this
        // outweighs a speech verb (`Manufacturing NI said`).
        raw.votes[1] += 2;
    }
    // `Formula One`, `Air Force One`: a name ending in a number word is a thing, not a person.
    if words >= 2
        && raw.strong.is_none()
        && matches!(
            last,
            "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
        )
    {
        raw.votes[3] += 2;
    }
    // `La Libertad Avanza`, `Les Echos`, `Il Sole`: a Romance article opens the name of a
    // party, a paper or a league, not a person's (`Le` and `El` are left out: `Le Pen`,
    // `El Chapo`).
    if words >= 2 && raw.strong.is_none() && matches!(f, "la" | "los" | "las" | "les" | "il") {
        raw.votes[1] += 1;
    }
    // `Infectious Diseases`, `Human Services`: words the corpus also writes in lower case are
    // rarely a person's name (a given name first would say otherwise).
    if words >= 2
        && raw.strong.is_none()
        && !g.is_given_name(&toks[i].text)
        && (i..j).all(|k| lex.lower.contains(&toks[k].folded))
    {
        raw.votes[1] += 1;
    }
    let compass = matches!(
        f,
        "north" | "south" | "east" | "west" | "northern" | "southern" | "eastern" | "western"
    );
    if words >= 2 && compass && raw.strong.is_none() && !toks[i].possessive {
        // `North Yorkshire`, `South Kordofan`: a compass point opens a region's name.
        raw.votes[2] += 2;
    }
    if raw.strong.is_none() && words >= 2 && !compass && !g.is_given_name(&toks[i].text) {
        if words == 2 && local_place(toks, i + 1, j) && !toks[j - 1].possessive {
            if matches!(
                f,
                "greater"
                    | "central"
                    | "downtown"
                    | "inner"
                    | "outer"
                    | "metropolitan"
                    | "metro"
                    | "upper"
                    | "lower"
                    | "old"
                    | "occupied"
            ) {
                // `Greater London`, `Central Kyiv`.
                raw.votes[2] += 2;
            } else if g.place(f).is_none() && g.demonym(f).is_none() {
                // `Bayern Munich`, `Sporting Lisbon`: a word before a city that is no given
                // name is a club's or a company's.
                raw.votes[1] += 1;
            }
        }
        // `Boston Celtics`, `New York Knicks`: a city, then a plural, is a team.
        let plural = last.len() > 3 && last.ends_with('s') && !last.ends_with("ss");
        if plural && (i + 1..j - 1).any(|k| local_place(toks, i, k + 1))
            || words == 2 && plural && local_place(toks, i, i + 1)
        {
            raw.votes[1] += 2;
        }
    }
    // `ruled that Google illegally`: one word written capitalised inside a sentence, with no
    // article (`the Alliance` is a common noun) and never in lower case in the corpus.
    let article = i > 0 && matches!(folded(&toks[i - 1]), "the" | "a" | "an");
    raw.bare = words == 1
        && raw.strong.is_none()
        && !raw.acronym
        && !raw.compound
        && !toks[i].sentence_start
        && !article
        && !lex.lower.contains(&toks[i].folded)
        && !g.is_given_name(&toks[i].text)
        && g.demonym(f).is_none()
        // Not a piece of a longer place name (`Bosnia and Herzegovina`).
        && !g.place_words.contains(f);
    context(toks, i, j, &mut raw);
    out.push(raw);
}

/// Classifies `toks[a..j]`, a name that a title, role or description before `a` describes,
/// and returns the mention it opens with when nothing in the name itself fixed its kind.
fn described_name<'o>(
    doc: usize,
    body: &str,
    toks: &[Token],
    a: usize,
    j: usize,
    lex: &Lexicon,
    out: &'o mut Vec<Raw>,
) -> Option<&'o mut Raw> {
    let before = out.len();
    span(doc, body, toks, a, j, lex, out);
    out.get_mut(before)
        .filter(|r| r.start == toks[a].start && r.strong.is_none() && !r.adjective)
}

/// `toks[a..b]` name a gazetteer place other than a continent (`Munich`, `New South Wales`).
fn local_place(toks: &[Token], a: usize, b: usize) -> bool {
    gz::get()
        .place(&folded_name(toks, a, b))
        .is_some_and(|p| p.kind != gz::PlaceKind::Continent)
}

/// `Paris` in `Archbishop of Paris Laurent Ulrich`, `New York` in `Mayor of New York Eric
/// Adams`: the length of a place at `k`, after a role head and `of`, that a name of two or more
/// words follows.
fn see(toks: &[Token], k: usize) -> Option<usize> {
    let joined = |t: &Token| t.cap && t.joined_to_prev && !t.sentence_start;
    // Not `Chairman of Abu Dhabi Commercial Bank`: the name after the place is no body's.
    let cued = |t: &Token| {
        let w = folded(t);
        org_cue(w) || is(gz::PLACE_CUES, w) || is(gz::OTHER_CUES, w)
    };
    (1..=3).rev().find(|&len| {
        toks.get(k..k + len + 2)
            .is_some_and(|run| run.iter().all(joined))
            && local_place(toks, k, k + len)
            && !toks[k + len..].iter().take_while(|t| joined(t)).any(cued)
    })
}

/// A mention of `toks[i..j]` whose kind the name itself fixes (a gazetteer place, a title).
fn fixed(
    doc: usize,
    toks: &[Token],
    i: usize,
    j: usize,
    text: &str,
    name: &str,
    kind: Kind,
) -> Raw {
    Raw {
        doc,
        start: toks[i].start,
        end: toks[j - 1].end,
        text: text.to_string(),
        name: name.to_string(),
        adjective: false,
        strong: Some(kind),
        votes: [0; 4],
        role: None,
        words: j - i,
        sentence_start: false,
        acronym: false,
        compound: false,
        bare: false,
        said: 0,
    }
}

fn idx(kind: Kind) -> usize {
    match kind {
        Kind::Person => 0,
        Kind::Organization => 1,
        Kind::Place => 2,
        Kind::Other => 3,
    }
}

/// The kind an apposition after a name gives it: `Paiporta, a town of 25,000`, `Wedbush, a
/// brokerage`, `Safaricom, the country's largest company`.
fn apposition(toks: &[Token], j: usize) -> Option<Kind> {
    let first = toks.get(j)?;
    if first.sentence_start
        || first.gap_before.trim() != ","
        || !matches!(folded(first), "a" | "an" | "the")
    {
        return None;
    }
    // The head noun is among the next few lower-case words (`the country's largest company`).
    for (k, t) in toks.iter().enumerate().skip(j + 1).take(4) {
        // `the Danish maker of`: a demonym may qualify the head.
        let demonym = t.cap && gz::get().demonym(folded(t)).is_some();
        if t.cap && !demonym || t.sentence_start || !t.gap_before.trim().is_empty() {
            return None;
        }
        let w = folded(t);
        if t.possessive {
            // `the region's biggest lender`: the owner is not the head.
            continue;
        }
        // `the state railway company`: a place noun qualifying a later head is not the head.
        let later_org = toks[k + 1..]
            .iter()
            .take(3)
            .take_while(|n| !n.cap && n.gap_before.trim().is_empty() && folded(n) != "of")
            .any(|n| is(gz::ORG_NOUNS, folded(n)));
        if is(gz::PLACE_OF, w) && !later_org {
            return Some(Kind::Place);
        }
        if is(gz::ORG_NOUNS, w) {
            // `Stephanie Pope, the company said`: who is speaking, not an apposition.
            let speaks = toks
                .get(k + 1)
                .is_some_and(|n| is(gz::SPEECH_VERBS, folded(n)));
            return (!speaks).then_some(Kind::Organization);
        }
    }
    None
}

/// `is possible`, `was too early`, `would be difficult` at `k`: the `it` before it stands for
/// no one (`said it is possible`).
fn expletive_it(toks: &[Token], k: usize) -> bool {
    let word = |k: usize| toks.get(k).map(folded).unwrap_or_default();
    let mut k = k;
    if matches!(word(k), "would" | "will" | "may" | "might" | "could") && word(k + 1) == "be" {
        k += 2;
    } else if matches!(word(k), "is" | "was") {
        k += 1;
    } else {
        return false;
    }
    matches!(
        word(k),
        "possible"
            | "impossible"
            | "likely"
            | "unlikely"
            | "important"
            | "clear"
            | "unclear"
            | "difficult"
            | "hard"
            | "easy"
            | "necessary"
            | "essential"
            | "vital"
            | "crucial"
            | "too"
            | "time"
            | "premature"
            | "certain"
            | "uncertain"
            | "inevitable"
            | "obvious"
            | "doubtful"
            | "unfortunate"
            | "regrettable"
            | "encouraging"
            | "natural"
            | "normal"
    )
}

/// Evidence from the words around a span.
fn context(toks: &[Token], i: usize, j: usize, raw: &mut Raw) {
    let next = toks.get(j).filter(|n| !n.sentence_start);
    let next_word = next.map(folded);
    let next_joined = next.is_some_and(|n| n.joined_to_prev || n.gap_before.trim() == ",");
    let prev = (i > 0 && !toks[i].sentence_start).then(|| &toks[i - 1]);
    // `the Bundesbank`, `the Social Democrats`: people's names take no article.
    let article = prev.is_some_and(|p| folded(p) == "the");
    // The object of a preposition is not the subject of the verb after it.
    let object = prev.is_some_and(|p| !p.cap && is(gz::PREPOSITIONS, folded(p)));
    if let Some(w) = next_word {
        // `Intel, which has plants in Ohio, said`: a comma before the verb ends an aside.
        let aside = next.is_some_and(|n| n.gap_before.contains(','));
        if is(gz::SPEECH_VERBS, w) && !aside && !object {
            // `Apple said it would appeal`: what says `it` is not a person; but `Tate said it is
            // possible` says nothing of itself.
            let it = toks
                .get(j + 1)
                .is_some_and(|n| matches!(folded(n), "it" | "its"))
                && !expletive_it(toks, j + 2);
            if it || article {
                raw.votes[1] += 2;
            } else {
                raw.votes[0] += 2;
                // `"We will," Pellin said` attributes a quotation, as news does a person's.
                let quoting = toks[i].gap_before.contains(['"', '\u{201d}']);
                if !quoting {
                    raw.said += 2;
                }
            }
        }
        if next_joined && !next.is_some_and(|n| n.cap) {
            let w2 = toks.get(j + 1).map(folded).unwrap_or_default();
            if is(gz::OTHER_AFTER, w) || (w == "air" && matches!(w2, "defense" | "defence")) {
                raw.votes[3] += 3;
            }
            if is(gz::PLACE_AFTER, w) {
                raw.votes[2] += 2;
            }
            // Not an adjective of one word (`the Islamic movement`, `a Shiite militia`).
            let adjective = j - i == 1
                && ["ic", "ist", "ian", "ite", "ish", "ese"]
                    .iter()
                    .any(|s| folded(&toks[i]).ends_with(s));
            if is(gz::ORG_AFTER, w) && !toks[j - 1].possessive && !adjective {
                raw.votes[1] += 3;
            }
            // `Goldman Sachs economist`, `Kremlin spokesman`: the employer, not a person; but
            // `Oliver Blume, chief executive of Volkswagen` is the person the role describes.
            let comma = next.is_some_and(|n| n.gap_before.contains(','));
            // `Salesforce co-chief executive`: a shared role is still the employer's.
            let role = w.strip_prefix("co-").unwrap_or(w);
            if is(gz::EMPLOYER_BEFORE, role) && !toks[j - 1].possessive {
                if comma {
                    raw.votes[0] += 2;
                } else {
                    raw.votes[1] += 3;
                }
            }
        }
        // `Wolfsburg, Germany`, `Hamilton, Ontario`: a name placed in a country or region.
        if next.is_some_and(|n| n.cap && n.gap_before.trim() == "," && !n.possessive)
            && !toks[j - 1].possessive
        {
            // The capitalised run after the comma, `Germany` or `New South Wales`, whole.
            let run = toks[j + 1..]
                .iter()
                .take_while(|t| t.cap && t.joined_to_prev)
                .count();
            // Any place but a continent: `Renton, Washington` names the state by the city
            // that shares its name.
            if run < 3 && local_place(toks, j, j + run + 1) && !toks[j + run].possessive {
                raw.votes[2] += 2;
            }
        }
    }
    // Not for one word: `the Alliance`, `the Summit` are common nouns capitalised.
    if article && raw.words >= 2 {
        raw.votes[1] += 1;
    }
    if let Some(kind) = apposition(toks, j) {
        raw.votes[idx(kind)] += 2;
    }
    // `BlackRock`, `SpendingPulse`: a capital inside a word, past a name's `Mc`, `Mac` or `De`,
    // is a brand's.
    if (i..j).any(|k| camel(&toks[k].text)) {
        raw.votes[1] += 2;
    }
    if i > 0 && !toks[i].sentence_start {
        let p = folded(&toks[i - 1]);
        let pp = if i > 1 { folded(&toks[i - 2]) } else { "" };
        // `analysts at Morgan Stanley`, `a spokesman for the Kremlin`: where staff work is an
        // organisation (but `the president of France` is a country).
        let staff = |k: usize| {
            let w = folded(&toks[k]);
            is(gz::EMPLOYER_BEFORE, w) && !matches!(w, "leader" | "chief" | "president" | "boss")
        };
        let at = |k: usize| matches!(folded(&toks[k]), "at" | "of" | "for") && !toks[k].cap;
        if (i > 1 && at(i - 1) && staff(i - 2))
            || (i > 2 && p == "the" && at(i - 2) && staff(i - 3))
            || (matches!(p, "in" | "of") && !toks[i - 1].cap && is(gz::HOLDINGS, pp))
        {
            raw.votes[1] += 3;
        }
        if !toks[i - 1].cap && is(gz::ROLE_BEFORE, p) {
            raw.votes[0] += 3;
            raw.role.get_or_insert_with(|| toks[i - 1].text.clone());
        }
        // `Ms. Harris`, `Dr. Fauci`: an honorific's dot keeps it apart from the name.
        if matches!(p, "mr" | "mrs" | "ms" | "dr" | "mx") && toks[i].gap_before.trim() == "." {
            raw.votes[0] += 3;
        }
        let two = format!("{pp} {p}");
        // `according to Reuters`; `according to Adobe Analytics` too, but not `told Jane Roe`.
        let cited = gz::CITED_BEFORE.iter().any(|c| *c == two || *c == p);
        let many = raw.words > 1 && gz::CITED_BEFORE.contains(&two.as_str());
        if cited
            && (raw.words == 1 || many && !gz::get().is_given_name(&toks[i].text))
            && raw.votes[0] == 0
        {
            raw.votes[1] += 2;
        }
        // `the journal Nature`, `the broadcaster RTVE`, `carmaker Tesla`.
        if !toks[i - 1].cap && is(gz::ORG_NOUNS, p) && !gz::get().is_given_name(&toks[i].text) {
            raw.votes[1] += 3;
        }
        if matches!(p, "in" | "near" | "from" | "across" | "outside") {
            raw.votes[2] += 1;
        }
        // `the city of Jericho`, `the province of Pará`.
        // `residents of Los Palos`, `the outskirts of Kyiv`.
        let lived = matches!(pp, "residents" | "outskirts" | "inhabitants");
        if p == "of" && i > 1 && !toks[i - 2].cap && (is(gz::PLACE_OF, pp) || lived) {
            raw.votes[2] += 2;
        }
    }
}
