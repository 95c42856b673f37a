//! Tokens of a paragraph with byte offsets, capitalisation and sentence-start flags.

/// One word of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte, in the document body.
    pub start: usize,
    /// Byte offset one past the word (a possessive `'s` is not part of it).
    pub end: usize,
    /// The word, without a possessive ending.
    pub text: String,
    /// The word folded (lower case, no diacritics), computed once.
    pub folded: String,
    /// First character is upper case.
    pub cap: bool,
    /// At least two letters and no lower-case letter (`NATO`, `VILNIUS`, `NATO2030`).
    pub all_caps: bool,
    /// First word of a sentence, a quotation or a paragraph.
    pub sentence_start: bool,
    /// Followed by a possessive `'s` / `’s` / `'`.
    pub possessive: bool,
    /// Only white space between this token and the previous one.
    pub joined_to_prev: bool,
    /// The characters between the previous token and this one.
    pub gap_before: String,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | '&')
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "prof", "gen", "col", "lt", "sen", "rep", "gov", "jr", "sr",
    "inc", "corp", "co", "ltd", "no", "vs", "capt", "sgt", "jan", "feb", "aug", "sept", "oct",
    "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "mt", "ft", "adm", "maj", "cmdr",
];

/// `W` in `George W. Bush` or `S` in `chairman S. Somanath`: one capital letter after a
/// capitalised word or a role, whose dot is followed by one space and a capitalised word that
/// does not open sentences (`The`, `He`); not `Plan B. The` or `platform X. Markets`.
fn initial_before_name(prev: Option<&Token>, gap: &str, word: &str, after: &str) -> bool {
    let mut cs = word.chars();
    if !(cs.next().is_some_and(char::is_uppercase) && cs.next().is_none()) {
        return false;
    }
    let named = prev.is_some_and(|p| {
        use super::gazetteer as gz;
        let f = p.folded.as_str();
        gap == " "
            && !p.all_caps
            && (p.cap || gz::ROLE_BEFORE.contains(&f) || gz::ROLE_HEADS.contains(&f))
    });
    if !named {
        return false;
    }
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let next: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    next.chars().next().is_some_and(char::is_uppercase)
        && next.chars().count() >= 2
        && !super::gazetteer::FUNCTION_WORDS.contains(&super::fold(&next).as_str())
}

/// `St.` in `St. Petersburg`, `Mt.` in `Mt. Everest`: the abbreviation belongs to the name.
fn place_prefix_before_name(word: &str, after: &str) -> bool {
    matches!(word, "St" | "Mt" | "Ft")
        && after
            .strip_prefix(' ')
            .is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase))
}

/// Splits `text` (which starts at byte `base` of the body) into tokens.
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut tokens: Vec<Token> = Vec::new();
    let mut i = 0;
    let mut last_end = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !is_word_char(c) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if is_word_char(c) {
                j += 1;
            } else if is_joiner(c) && j + 1 < chars.len() && is_word_char(chars[j + 1].1) {
                j += 2;
            } else {
                break;
            }
        }
        let mut end = if j < chars.len() {
            chars[j].0
        } else {
            text.len()
        };
        // `U.S.`: keep the final dot of a dotted abbreviation, and of an initial before a name
        // (`George W. Bush`, `S. Somanath`; not `Plan B. The`).
        let word = &text[start..end];
        if j < chars.len()
            && chars[j].1 == '.'
            && (word.len() >= 3 && word.split('.').all(|p| p.chars().count() == 1)
                || initial_before_name(
                    tokens.last(),
                    &text[last_end..start],
                    word,
                    &text[chars[j].0 + 1..],
                )
                || place_prefix_before_name(word, &text[chars[j].0 + 1..]))
        {
            end += 1;
            j += 1;
        }
        let mut word = &text[start..end];
        let mut possessive = false;
        for suffix in ["'s", "’s", "'S", "’S"] {
            if let Some(w) = word.strip_suffix(suffix) {
                if !w.is_empty() {
                    word = w;
                    possessive = true;
                    break;
                }
            }
        }
        if !possessive && j < chars.len() && matches!(chars[j].1, '\'' | '’') {
            let after = chars.get(j + 1).map(|c| c.1);
            if word.ends_with('s') && after.is_none_or(|c| !c.is_alphanumeric()) {
                possessive = true;
            }
        }
        let word_end = start + word.len();
        let gap = &text[last_end..start];
        let prev_text = tokens.last().map(|t| t.text.to_lowercase());
        let sentence_start = match &prev_text {
            None => true,
            Some(p) => {
                let g = gap.trim();
                let ends_sentence = g.starts_with(['.', '!', '?', ':', ';'])
                    && !(g.starts_with('.') && ABBREVIATIONS.contains(&p.as_str()));
                let opens_quote = g.ends_with(['"', '“', '‘', '(', '[']);
                ends_sentence || opens_quote || g.contains('\n') || g.contains(['–', '—'])
            }
        };
        let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
        let first = word.chars().next().unwrap_or(' ');
        tokens.push(Token {
            start: base + start,
            end: base + word_end,
            text: word.to_string(),
            folded: super::fold(word),
            cap: first.is_uppercase(),
            all_caps: letters.len() >= 2 && letters.iter().all(|c| !c.is_lowercase()),
            sentence_start,
            possessive,
            joined_to_prev: !tokens.is_empty()
                && !gap.is_empty()
                && gap.chars().all(char::is_whitespace),
            gap_before: gap.to_string(),
        });
        last_end = end;
        i = j;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possessives_and_abbreviations() {
        let t = tokenize("Rutte's plan. The U.S. and Belarus' army", 10);
        let words: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            words,
            ["Rutte", "plan", "The", "U.S.", "and", "Belarus", "army"]
        );
        assert!(t[0].possessive && t[5].possessive);
        assert_eq!((t[0].start, t[0].end), (10, 15));
        assert!(t[2].sentence_start);
        assert!(!t[4].sentence_start, "no sentence break after U.S.");
    }

    #[test]
    fn an_initial_keeps_its_dot_and_does_not_end_the_sentence() {
        let t = tokenize(
            "Former President George W. Bush spoke. It was Plan B. The end.",
            0,
        );
        let x = tokenize("on the platform X. Markets rallied", 0);
        assert_eq!(x[3].text, "X");
        assert!(x[4].sentence_start);
        let words: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(words[3], "W.");
        assert!(t[4].joined_to_prev && !t[4].sentence_start, "Bush joins W.");
        assert_eq!(words[9], "B");
        assert!(t[10].sentence_start, "The after Plan B. opens a sentence");
    }

    #[test]
    fn quotes_start_sentences_and_punctuation_breaks_joins() {
        let t = tokenize("he said \"Lithuania is, Vilnius", 0);
        assert!(t[2].sentence_start);
        assert!(!t[4].joined_to_prev);
        assert!(t[3].joined_to_prev);
    }
}
