//! The words of a sentence, as byte ranges of the text they come from, with what separates each from the
//! word before it: a French elision (l', d', qu') comes off as a word of its own, an English possessive
//! ('s) is left out, initials and dotted acronyms (J.-P., U.S.) stay whole, and a capital glued to a
//! lower-case word (laRussie) parts them.

/// What stands between a word and the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gap {
    /// Spaces only (or nothing, after an elision).
    Space,
    /// Punctuation that does not start a sentence: a comma, a parenthesis, a closing quote.
    Punctuation,
    /// The start of the sentence, or what starts one inside it: a dialogue dash, an opening quote, a colon,
    /// a line break, an exclamation or question mark, an ellipsis. A capital after it says nothing.
    Start,
}

/// One word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    pub gap: Gap,
    /// Glued to the previous word without a space (laRussie).
    pub glued: bool,
}

impl Token {
    /// The word in `text`.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// French elided words, as they come before the apostrophe.
const ELISIONS: &[&str] =
    &["c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "presqu", "puisqu", "qu", "quelqu", "quoiqu", "s", "t"];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Whether `word` is an elided word with its apostrophe (l', Qu’).
pub(crate) fn is_elision(word: &str) -> bool {
    word.strip_suffix(['\'', '’']).is_some_and(|head| ELISIONS.binary_search(&head.to_lowercase().as_str()).is_ok())
}

/// The words of `text[range]`, with offsets into `text`.
pub(crate) fn tokens(text: &str, range: std::ops::Range<usize>) -> Vec<Token> {
    let mut out = Vec::new();
    let mut at = range.start;
    let end = range.end;
    let mut gap_start = at;
    while at < end {
        let Some(c) = text[at..end].chars().next() else { break };
        if !c.is_alphanumeric() {
            at += c.len_utf8();
            continue;
        }
        let gap = classify_gap(&text[gap_start..at], out.is_empty());
        let word_end = initials_end(text, at, end).unwrap_or_else(|| word_end(text, at, end));
        push_word(text, at, word_end, gap, &mut out);
        at = word_end;
        // An elided word written apart from what follows (d' altitude) keeps its apostrophe.
        if let Some(next) = text[at..end].chars().next().filter(|c| is_apostrophe(*c)) {
            let with = at + next.len_utf8();
            if is_elision(&text[out.last().map_or(at, |t: &Token| t.start)..with]) {
                if let Some(last) = out.last_mut() {
                    last.end = with;
                }
                at = with;
            }
        }
        gap_start = at;
    }
    out
}

/// A word: letters and digits, with hyphens and apostrophes inside.
fn word_end(text: &str, start: usize, end: usize) -> usize {
    let bytes = &text[start..end];
    let mut last = start;
    let mut chars = bytes.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            last = start + i + c.len_utf8();
        } else if (c == '-' || is_apostrophe(c)) && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric()) {
            // Not a hyphen before an initial (Gunten-A.Reist: two names).
            let rest = &bytes[i + c.len_utf8()..];
            let mut ahead = rest.chars();
            let initial = ahead.next().is_some_and(char::is_uppercase) && ahead.next() == Some('.');
            if c == '-' && initial && ahead.next().is_some_and(char::is_uppercase) {
                break;
            }
            continue;
        } else {
            break;
        }
    }
    last
}

/// The end of initials or a dotted acronym at `start` (J., J.-P., N.D., U.S.), if there is one.
fn initials_end(text: &str, start: usize, end: usize) -> Option<usize> {
    let rest = &text[start..end];
    let mut chars = rest.char_indices().peekable();
    let mut last = None;
    loop {
        let (_, letter) = chars.next()?;
        if !letter.is_uppercase() {
            return last;
        }
        match chars.next() {
            Some((i, '.')) => last = Some(start + i + 1),
            _ => return last,
        }
        if chars.peek().is_some_and(|(_, c)| *c == '-') {
            chars.next();
        }
    }
}

/// Splits a word at an elision and at a capital glued to a lower-case word, and leaves out a possessive.
fn push_word(text: &str, start: usize, end: usize, gap: Gap, out: &mut Vec<Token>) {
    let mut word = &text[start..end];
    let mut end = end;
    for suffix in ["'s", "’s"] {
        if word.len() > suffix.len() + 1 && word.ends_with(suffix) {
            end -= suffix.len();
            word = &text[start..end];
        }
    }
    let mut start = start;
    let mut gap = gap;
    if let Some((k, c)) = word.char_indices().find(|(_, c)| is_apostrophe(*c)) {
        let head = &word[..k + c.len_utf8()];
        if is_elision(head) && k + c.len_utf8() < word.len() {
            out.push(Token { start, end: start + head.len(), gap, glued: false });
            start += head.len();
            gap = Gap::Space;
        }
    }
    let mut glued = false;
    for (from, to) in case_parts(&text[start..end]) {
        out.push(Token { start: start + from, end: start + to, gap: if glued { Gap::Space } else { gap }, glued });
        glued = true;
    }
}

/// "laRussie" → "la", "Russie": a word that starts in lower case with two letters or more and goes on with
/// a capital followed by a lower-case letter. Words that start with a capital (McDonald, JavaScript) stay
/// whole, as do hyphenated parts (Iskander-M).
fn case_parts(word: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    if chars.first().is_none_or(|(_, c)| !c.is_lowercase()) {
        return vec![(0, word.len())];
    }
    let mut parts = Vec::new();
    let mut from = 0;
    let mut run = 0;
    for k in 0..chars.len() {
        let c = chars[k].1;
        if run >= 2 && c.is_uppercase() && chars.get(k + 1).is_some_and(|(_, n)| n.is_lowercase()) {
            parts.push((from, chars[k].0));
            from = chars[k].0;
        }
        run = if c.is_lowercase() { run + 1 } else { 0 };
    }
    parts.push((from, word.len()));
    parts
}

/// What the characters between two words say.
fn classify_gap(gap: &str, first: bool) -> Gap {
    if first {
        return Gap::Start;
    }
    let trimmed = gap.trim();
    if trimmed.is_empty() {
        return if gap.contains('\n') { Gap::Start } else { Gap::Space };
    }
    let starts = gap.contains('\n')
        || trimmed.contains("--")
        || trimmed.chars().any(|c| matches!(c, '«' | '“' | '"' | '—' | '–' | ':' | '!' | '?' | '…' | '¡' | '¿'))
        || trimmed.contains("...")
        // A full stop after a word that is no initial (7000 m. Le Rakaposhi): a sentence ends there.
        || trimmed.contains('.')
        || (trimmed == "-" && gap.starts_with(char::is_whitespace) && gap.ends_with(char::is_whitespace));
    if starts {
        Gap::Start
    } else if trimmed == "-" || trimmed.chars().all(is_apostrophe) {
        // A clitic written apart (voulez -vous) or an apostrophe left alone.
        Gap::Space
    } else {
        Gap::Punctuation
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, expected: &[&str]) {
        let words: Vec<&str> = tokens(text, 0..text.len()).iter().map(|t| t.text(text)).collect();
        assert_eq!(words, expected, "{text}");
    }

    #[test]
    fn words_elisions_initials_and_glued_capitals() {
        case("l'OTAN et d'Iskander-M.", &["l'", "OTAN", "et", "d'", "Iskander-M"]);
        case("Lukashenko's police", &["Lukashenko", "police"]);
        case("laRussieentraîne", &["la", "Russieentraîne"]);
        case("McDonald et OTAN", &["McDonald", "et", "OTAN"]);
        case("In March the U.S. reopened", &["In", "March", "the", "U.S.", "reopened"]);
        case("J.-P. Le Goff et J. Martin", &["J.-P.", "Le", "Goff", "et", "J.", "Martin"]);
        case("des cotes d' altitude", &["des", "cotes", "d'", "altitude"]);
        case("aujourd’hui, qu’il", &["aujourd’hui", "qu’", "il"]);
        case("Écoutez-moi !", &["Écoutez-moi"]);
        case("voulez -vous", &["voulez", "vous"]);
        case("H. von Gunten-A.Reist", &["H.", "von", "Gunten", "A.", "Reist"]);
    }

    #[test]
    fn what_starts_a_sentence_inside_one() {
        let text = "Il dit : « Seulement, voilà. » — Tiens\nTrois (Cantal) -- Voire";
        let gaps: Vec<(&str, Gap)> = tokens(text, 0..text.len()).iter().map(|t| (t.text(text), t.gap)).collect();
        let of = |w: &str| gaps.iter().find(|(t, _)| *t == w).unwrap().1;
        assert_eq!(of("Il"), Gap::Start);
        assert_eq!(of("dit"), Gap::Space);
        assert_eq!(of("Seulement"), Gap::Start);
        assert_eq!(of("voilà"), Gap::Punctuation);
        assert_eq!(of("Tiens"), Gap::Start);
        assert_eq!(of("Trois"), Gap::Start);
        assert_eq!(of("Cantal"), Gap::Punctuation);
        assert_eq!(of("Voire"), Gap::Start);
    }
}
