//! The built-in sentence rules: one pass over a paragraph that stops only at characters that can end a
//! sentence or start a list item, and decides each from its neighbours.
//!
//! A full stop ends a sentence when what follows looks like the start of one (a capital, a digit, an
//! opening quote) and what precedes is not an abbreviation that says otherwise (see
//! [`abbreviations`]); after an ambiguous abbreviation or an initial, only a typical sentence opener
//! ([`starters`]) makes it a break.

mod abbreviations;
mod chars;
mod informal;
mod lists;
mod starters;

use super::BreakRules;
use crate::language::LanguageFamily;
use abbreviations::{AbbreviationKind, abbreviation};
use chars::*;
use informal::{
    date_time_stamp, is_closing, is_salutation, never_opens, separator_run, starts_web_address, web_address,
};
use lists::{MarkerStyle, marker_at};
use starters::{is_elided_opener, is_name_particle, is_sentence_starter};

/// The built-in French, English and language-neutral rules.
pub(crate) struct RuleBreaker {
    family: LanguageFamily,
}

impl RuleBreaker {
    pub(crate) fn new(family: LanguageFamily) -> Self {
        RuleBreaker { family }
    }
}

impl BreakRules for RuleBreaker {
    fn breaks(&self, paragraph: &str, out: &mut Vec<usize>) {
        Scan::new(self.family, paragraph, out).run();
    }
}

/// Bytes the scanner has to look at: sentence punctuation, `)` of list markers, line breaks, the lead
/// bytes of the multi-byte marks (… • ⁃ 。 ！ ？), and what informal text marks sentences with: the comma
/// of a greeting or closing, `;` before a capital, `:` of a header's time stamp or of a web address,
/// `@` of an e-mail address, separator lines.
const INTERESTING: [bool; 256] = {
    let mut table = [false; 256];
    let bytes =
        [b'.', b'!', b'?', b')', b'\n', b'\r', 0xE2, 0xE3, 0xEF, b',', b';', b':', b'@', b'*', b'=', b'_', b'~', b'-'];
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

/// How the punctuation cluster at a candidate break reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cluster {
    /// A single full stop.
    Period,
    /// Two or more full stops, or `…`.
    Ellipsis,
    /// Contains `!` or `?`.
    Strong,
}

/// What the token before a full stop is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Before {
    Word,
    Abbreviation(AbbreviationKind),
    /// A single capital letter: William J. Clinton.
    Initial,
    /// Letters and full stops: U.S., e.g., J.-C.
    Acronym,
    /// a.m., p.m.
    Time,
}

/// The start of what follows a candidate break.
struct Next<'t> {
    /// The first character after any opening quotes or brackets.
    first: char,
    /// The letters of the first word (up to an apostrophe for elisions).
    word: &'t str,
    /// The whole first word, apostrophes included.
    full: &'t str,
}

impl<'t> Next<'t> {
    fn read(text: &'t str, at: usize) -> Option<Self> {
        let mut pos = at;
        while let Some(c) = char_at(text, pos).filter(|&c| is_opener(c)) {
            pos = skip_whitespace(text, pos + c.len_utf8());
        }
        let first = char_at(text, pos)?;
        let rest = &text[pos..];
        let word_end = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
        let full_end = rest.find(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’')).unwrap_or(rest.len());
        Some(Next { first, word: &rest[..word_end], full: &rest[..full_end] })
    }

    fn capitalized(&self) -> bool {
        self.first.is_uppercase()
    }

    fn digit(&self) -> bool {
        self.first.is_numeric()
    }

    fn opens_sentence(&self, family: LanguageFamily) -> bool {
        self.capitalized() && (is_sentence_starter(family, self.word) || is_elided_opener(self.full))
    }
}

struct Scan<'a> {
    family: LanguageFamily,
    text: &'a str,
    out: &'a mut Vec<usize>,
    /// Where the current sentence starts.
    sentence_start: usize,
    /// Where the current line starts.
    line_start: usize,
    /// Punctuation before this offset belongs to the list marker that opens the current sentence.
    marker_end: usize,
    /// The style and number of the list item expected next, once a list has started.
    list: Option<(MarkerStyle, u32)>,
}

impl<'a> Scan<'a> {
    fn new(family: LanguageFamily, text: &'a str, out: &'a mut Vec<usize>) -> Self {
        Scan { family, text, out, sentence_start: 0, line_start: 0, marker_end: 0, list: None }
    }

    fn run(&mut self) {
        self.start_sentence(0);
        let bytes = self.text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if !INTERESTING[bytes[i] as usize] {
                i += 1;
                continue;
            }
            i = match bytes[i] {
                b'.' | b'!' | b'?' => self.terminator(i),
                b')' => self.close_paren(i),
                b'\n' | b'\r' => self.line_break(i),
                b',' => self.comma(i),
                b';' => self.semicolon(i),
                b':' => self.colon(i),
                b'@' => self.web_address(i),
                // Most are hyphens and underscores inside words: look further only at a run of three.
                mark @ (b'*' | b'=' | b'_' | b'~' | b'-') => {
                    if bytes.get(i + 1) == Some(&mark) && bytes.get(i + 2) == Some(&mark) {
                        self.separator(i)
                    } else {
                        i + 1
                    }
                }
                _ => match char_at(self.text, i) {
                    Some('…') => self.terminator(i),
                    Some(c) if is_cjk_terminator(c) => self.cjk_terminator(i),
                    Some(c) if is_bullet(c) => self.bullet(i),
                    Some(c) => i + c.len_utf8(),
                    None => i + 1,
                },
            };
        }
    }

    /// Records a break at `at` (ignored at the edges or out of order) and starts a sentence there.
    fn push(&mut self, at: usize) {
        if at == 0 || at >= self.text.len() || self.out.last().is_some_and(|&last| at <= last) {
            return;
        }
        self.out.push(at);
        self.start_sentence(at);
    }

    fn start_sentence(&mut self, at: usize) {
        self.sentence_start = at;
        self.marker_end = at;
        let mut pos = skip_whitespace(self.text, at);
        if let Some(c) = char_at(self.text, pos).filter(|&c| is_bullet(c)) {
            pos = skip_whitespace(self.text, pos + c.len_utf8());
        }
        if let Some(marker) = marker_at(self.text, pos) {
            self.marker_end = marker.punct_end;
            self.list = Some((marker.style, marker.value + 1));
        }
    }

    /// Whether the current sentence has any text before `at`.
    fn sentence_has_text_before(&self, at: usize) -> bool {
        !self.text[self.sentence_start..at].trim().is_empty()
    }

    /// If the digits or letter just before `punct` are the next item of the current list (`2.` after `1.`),
    /// the offset where that item starts.
    fn next_list_item(&self, punct: usize) -> Option<usize> {
        let (style, value) = self.list?;
        let bytes = self.text.as_bytes();
        let mut start = punct;
        while start > 0 && bytes[start - 1].is_ascii_alphanumeric() && punct - start < 3 {
            start -= 1;
        }
        if start == punct || !char_before(self.text, start).is_some_and(char::is_whitespace) {
            return None;
        }
        let marker = marker_at(self.text, start)?;
        (marker.style == style && marker.value == value).then_some(start)
    }

    fn terminator(&mut self, i: usize) -> usize {
        if i < self.marker_end {
            return i + 1;
        }
        let text = self.text;
        let bytes = text.as_bytes();
        if bytes[i] == b'.' && bytes.get(i + 1) == Some(&b' ') && bytes.get(i + 2) == Some(&b'.') {
            return self.spaced_ellipsis(i);
        }
        let (end, cluster) = read_cluster(text, i);
        if cluster == Cluster::Period
            && let Some(item) = self.next_list_item(i)
        {
            self.push(item);
            return i + 1;
        }
        let after = skip_closers(text, end);
        if after >= text.len() {
            return text.len();
        }
        if !char_at(text, after).is_some_and(char::is_whitespace) {
            if cluster == Cluster::Period && after == end && self.glued_sentences(i) {
                self.push(i + 1);
            }
            return after.max(end);
        }
        let Some(next) = Next::read(text, skip_whitespace(text, after)) else {
            return text.len();
        };
        let breaks = match cluster {
            Cluster::Strong => {
                !continues_sentence(next.first) || (after == end && self.lowercase_after_strong(i, &next))
            }
            Cluster::Ellipsis => !self.bracketed(i, end) && next.capitalized(),
            Cluster::Period => self.period_breaks(i, &next) || (after == end && self.lowercase_after_period(i, &next)),
        };
        if breaks {
            self.push(after);
        }
        after
    }

    /// Decides a single full stop at `i` followed by whitespace and `next`.
    fn period_breaks(&self, i: usize, next: &Next<'_>) -> bool {
        if continues_sentence(next.first) {
            return false;
        }
        let (start, token) = self.token_before(i);
        match self.classify(start, token) {
            Before::Word => true,
            Before::Abbreviation(AbbreviationKind::Title) => false,
            Before::Abbreviation(AbbreviationKind::NumberPrefix) => !next.digit() && next.opens_sentence(self.family),
            Before::Abbreviation(AbbreviationKind::Ambiguous) | Before::Acronym => next.opens_sentence(self.family),
            Before::Abbreviation(AbbreviationKind::Final) => next.capitalized(),
            Before::Initial => next.opens_sentence(self.family) && !is_name_particle(next.word),
            // "At 5 a.m. Mr. Smith went" goes on; "He left at 6 P.M. Mr. Smith then went" does not.
            Before::Time => {
                next.opens_sentence(self.family)
                    || (next.capitalized() && word_count(&self.text[self.sentence_start..start]) >= 3)
            }
        }
    }

    /// Informal text starts sentences in lower case ("i am out of town. i am in portland."): a full stop
    /// after an ordinary word, followed by a space and a lower-case word that can open a sentence, ends
    /// one. Not after an abbreviation, an initial or an acronym ("U.S. citizens"), a single letter, or a
    /// word without a vowel ("5th st. near"), nor before a closing quote or bracket (the caller checks).
    fn lowercase_after_period(&self, i: usize, next: &Next<'_>) -> bool {
        if self.family == LanguageFamily::Other || !self.lowercase_opener(next) {
            return false;
        }
        let (start, token) = self.token_before(i);
        if self.classify(start, token) != Before::Word {
            return false;
        }
        // After an elided article an abbreviation is not classified as one ("l'ill. ci-dessous"): check again.
        let (_, word) = strip_elision(token);
        let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
        if abbreviation(self.family, word).is_some() {
            return false;
        }
        if word.chars().any(|c| c.is_ascii_digit()) {
            return true;
        }
        word.chars().count() >= 2 && word.chars().all(char::is_alphabetic) && word.chars().any(is_vowel)
    }

    /// In English, "?" and "!" before a lower-case word end a sentence in informal text ("are you kidding?
    /// why would you"), but not after a capitalised word before "!" (a name such as "Yahoo! in"), after other
    /// punctuation, or before a closing quote (the caller checks). French continues after them ("Ah ! que").
    fn lowercase_after_strong(&self, i: usize, next: &Next<'_>) -> bool {
        if self.family != LanguageFamily::English || !self.lowercase_opener(next) {
            return false;
        }
        let Some(before) = char_before(self.text, i) else {
            return false;
        };
        if before.is_whitespace() {
            return true;
        }
        if !before.is_alphanumeric() {
            return false;
        }
        let (_, token) = self.token_before(i);
        let exclaims = self.text[i..].starts_with('!');
        !(exclaims && token.chars().next().is_some_and(char::is_uppercase))
    }

    fn lowercase_opener(&self, next: &Next<'_>) -> bool {
        next.first.is_lowercase() && !next.word.is_empty() && !never_opens(self.family, next.word)
    }

    /// The token that ends at the full stop at `i`: back to whitespace, an opening quote or bracket, or the
    /// start of the sentence ("Tuesday.Mr. Smith").
    fn token_before(&self, i: usize) -> (usize, &'a str) {
        let mut start = i;
        while let Some(c) =
            char_before(self.text, start).filter(|&c| !is_token_boundary(c) && start > self.sentence_start)
        {
            start -= c.len_utf8();
        }
        (start, &self.text[start..i])
    }

    fn classify(&self, start: usize, token: &str) -> Before {
        let Some(last) = token.chars().next_back() else {
            return Before::Word;
        };
        if !(last.is_alphanumeric() || last == '°' || last == 'º')
            || token.contains('@')
            || token.contains("://")
            || token.starts_with("www.")
        {
            return Before::Word;
        }
        let (elided, word) = strip_elision(token);
        if word.chars().any(|c| c.is_ascii_digit()) {
            return Before::Word;
        }
        // After an elided article only a number abbreviation stays one: "l'art. 49.3", but "à l'art. Le".
        match abbreviation(self.family, word) {
            Some(kind) if !elided || kind == AbbreviationKind::NumberPrefix => return Before::Abbreviation(kind),
            _ => {}
        }
        if word.contains('.') {
            if hyphenated_initials(word) {
                return Before::Initial;
            }
            if !is_dotted_acronym(word) {
                return Before::Word;
            }
            let lower = word.to_lowercase();
            return if lower == "a.m" || lower == "p.m" { Before::Time } else { Before::Acronym };
        }
        let mut chars = word.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_uppercase() && !elided => {
                // English "I" after a lower-case word is the pronoun: "you and I. Did you see...".
                if self.family == LanguageFamily::English && c == 'I' && self.previous_word_is_lowercase(start) {
                    Before::Word
                } else {
                    Before::Initial
                }
            }
            _ => Before::Word,
        }
    }

    fn previous_word_is_lowercase(&self, start: usize) -> bool {
        // The last word by splitting, not one byte past the space: a no-break space is two bytes.
        let head = self.text[..start].trim_end();
        let word = head.rsplit(char::is_whitespace).next().unwrap_or(head);
        word.chars().next().is_some_and(char::is_lowercase)
    }

    /// A full stop with no space after it between two sentences: "Hello world.Today is Tuesday."
    fn glued_sentences(&self, i: usize) -> bool {
        let text = self.text;
        let (Some(prev), Some(next)) = (char_before(text, i), char_at(text, i + 1)) else {
            return false;
        };
        let second = char_at(text, i + 1 + next.len_utf8());
        if !(prev.is_lowercase() || prev.is_ascii_digit())
            || !next.is_uppercase()
            || !second.is_some_and(char::is_lowercase)
        {
            return false;
        }
        let (start, token) = self.token_before(i);
        let rest = &text[i..];
        let run_end = i + rest.find(char::is_whitespace).unwrap_or(rest.len());
        let run = &text[start..run_end];
        if run.contains('@') || run.contains("://") || run.contains("www.") || token.chars().count() < 2 {
            return false;
        }
        !matches!(abbreviation(self.family, token), Some(AbbreviationKind::Title))
    }

    /// `[...]` and `(…)` mark a cut, not an end.
    fn bracketed(&self, start: usize, end: usize) -> bool {
        matches!(char_before(self.text, start), Some('[' | '(')) && matches!(char_at(self.text, end), Some(']' | ')'))
    }

    /// Full stops separated by spaces: ". . ." is an ellipsis inside a sentence; ". . . ." ends one; and
    /// "word. . . . Next" is a full stop followed by an ellipsis that opens the next sentence.
    fn spaced_ellipsis(&mut self, i: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut dots = 1;
        let mut end = i + 1;
        while bytes.get(end) == Some(&b' ') && bytes.get(end + 1) == Some(&b'.') {
            dots += 1;
            end += 2;
        }
        let after = skip_closers(text, end);
        if dots < 4 || after >= text.len() || !char_at(text, after).is_some_and(char::is_whitespace) {
            return after.max(end);
        }
        let attached = char_before(text, i).is_some_and(|c| !c.is_whitespace());
        if Next::read(text, skip_whitespace(text, after)).is_some_and(|next| next.capitalized()) {
            self.push(if attached { i + 1 } else { after });
        }
        after
    }

    fn close_paren(&mut self, i: usize) -> usize {
        if i >= self.marker_end
            && let Some(item) = self.next_list_item(i)
        {
            self.push(item);
        }
        i + 1
    }

    fn bullet(&mut self, i: usize) -> usize {
        if char_before(self.text, i).is_some_and(char::is_whitespace) && self.sentence_has_text_before(i) {
            self.push(i);
        }
        i + char_at(self.text, i).map_or(1, char::len_utf8)
    }

    fn cjk_terminator(&mut self, i: usize) -> usize {
        let mut end = i;
        while let Some(c) = char_at(self.text, end).filter(|&c| is_cjk_terminator(c) || is_terminator(c)) {
            end += c.len_utf8();
        }
        let after = skip_closers(self.text, end);
        self.push(after);
        after
    }

    /// A comma after a greeting that opens the text ("Hi, I am ...") or a closing formula ("Regards, Ann")
    /// ends a sentence.
    fn comma(&mut self, i: usize) -> usize {
        const LONGEST: usize = 40;
        if i - self.sentence_start > LONGEST || !char_at(self.text, i + 1).is_some_and(char::is_whitespace) {
            return i + 1;
        }
        let fragment = self.text[self.sentence_start..i].trim();
        let Some(next) = Next::read(self.text, skip_whitespace(self.text, i + 1)).filter(Next::capitalized) else {
            return i + 1;
        };
        let breaks = if self.sentence_start == 0 && is_salutation(self.family, fragment) {
            is_sentence_starter(self.family, next.word) || next.full == "I'm"
        } else {
            is_closing(self.family, fragment) && !self.name_then_comma(i + 1)
        };
        if breaks {
            self.push(i + 1);
        }
        i + 1
    }

    /// Whether the capitalised words after `at` are followed by a comma: "Thanks, John, for the help."
    fn name_then_comma(&self, at: usize) -> bool {
        let mut pos = skip_whitespace(self.text, at);
        while char_at(self.text, pos).is_some_and(char::is_uppercase) {
            let rest = &self.text[pos..];
            let end = pos + rest.find(|c: char| !c.is_alphabetic() && c != '-').unwrap_or(rest.len());
            if char_at(self.text, end) == Some(',') {
                return true;
            }
            pos = skip_whitespace(self.text, end);
        }
        false
    }

    /// In French a semicolon is followed by lower case; before a capitalised sentence opener it ends a list
    /// item or a sentence: "... au catholicisme ; En 1945 la production ...".
    fn semicolon(&mut self, i: usize) -> usize {
        if self.family == LanguageFamily::French
            && char_at(self.text, i + 1).is_some_and(char::is_whitespace)
            && Next::read(self.text, skip_whitespace(self.text, i + 1)).is_some_and(|n| n.opens_sentence(self.family))
        {
            self.push(i + 1);
        }
        i + 1
    }

    fn colon(&mut self, i: usize) -> usize {
        if self.text[i..].starts_with("://") {
            return self.web_address(i);
        }
        let Some(stamp) = date_time_stamp(self.text, i) else {
            return i + 1;
        };
        self.date_time_stamp(stamp)
    }

    /// A message header's time stamp stands alone: after the sender's name or address ("Ann Lee
    /// 08/16/2000 12:05 PM I just wanted ..."), not after a lower-case word ("sent on 08/16/2000 ...").
    fn date_time_stamp(&mut self, stamp: std::ops::Range<usize>) -> usize {
        let head = self.text[self.sentence_start..stamp.start].trim_end();
        let word_before = head.rsplit(char::is_whitespace).next().unwrap_or(head);
        let stands_alone = word_before.is_empty() || !word_before.starts_with(char::is_lowercase);
        if stands_alone {
            self.push(stamp.start);
        }
        // After "sent on 08/16/2000 12:05 PM" only a capital starts the message.
        let after = skip_whitespace(self.text, stamp.end);
        if after > stamp.end
            && char_at(self.text, after)
                .is_some_and(|c| c.is_uppercase() || c.is_numeric() || (stands_alone && c.is_alphabetic()))
        {
            self.push(stamp.end);
        }
        stamp.end
    }

    /// A web or e-mail address followed by a capitalised word or another address ends what it closes: in
    /// headers and signatures ("Email: ann@example.org Groups: ...") and lists of links.
    fn web_address(&mut self, i: usize) -> usize {
        let Some(address) = web_address(self.text, i) else {
            return i + 1;
        };
        let after = skip_whitespace(self.text, address.end);
        if after > address.end
            && (starts_web_address(self.text, after)
                || Next::read(self.text, after).is_some_and(|next| next.capitalized()))
        {
            self.push(address.end);
        }
        address.end
    }

    /// A separator line written inline ("*****", "=====") stands apart from the sentences around it.
    fn separator(&mut self, i: usize) -> usize {
        let Some(end) = separator_run(self.text, i) else {
            return i + 1;
        };
        if self.sentence_has_text_before(i) {
            self.push(i);
        }
        if skip_whitespace(self.text, end) < self.text.len() {
            self.push(end);
        }
        end
    }

    /// A line break inside a paragraph: a break before a list item, or after a heading.
    fn line_break(&mut self, i: usize) -> usize {
        let text = self.text;
        let mut next_line = i + 1;
        if text.as_bytes()[i] == b'\r' && text.as_bytes().get(next_line) == Some(&b'\n') {
            next_line += 1;
        }
        let line_start = std::mem::replace(&mut self.line_start, next_line);
        let at = skip_horizontal_space(text, next_line);
        let Some(first) = char_at(text, at) else {
            return next_line;
        };
        let list_item = is_bullet(first)
            || marker_at(text, at).is_some()
            || (matches!(first, '-' | '*' | '+' | '–' | '—') && char_at(text, at + first.len_utf8()) == Some(' '));
        // A heading is a whole sentence on its own line.
        let began_on_this_line =
            self.sentence_start >= line_start || text[self.sentence_start..line_start].trim().is_empty();
        let heading = (first.is_uppercase() || first.is_numeric() || is_opener(first))
            && began_on_this_line
            && is_heading(text[self.sentence_start.max(line_start)..i].trim());
        if list_item || heading {
            self.push(at);
        }
        next_line
    }
}

/// The end of the punctuation cluster starting at `i`, and how it reads.
fn read_cluster(text: &str, i: usize) -> (usize, Cluster) {
    let mut end = i;
    let (mut dots, mut strong, mut ellipsis) = (0, false, false);
    while let Some(c) = char_at(text, end).filter(|&c| is_terminator(c)) {
        match c {
            '.' => dots += 1,
            '…' => ellipsis = true,
            _ => strong = true,
        }
        end += c.len_utf8();
    }
    let cluster = if strong {
        Cluster::Strong
    } else if ellipsis || dots > 1 {
        Cluster::Ellipsis
    } else {
        Cluster::Period
    };
    (end, cluster)
}

/// `l'art` is the word `art` after an elided article, not the abbreviation `art.`.
fn strip_elision(token: &str) -> (bool, &str) {
    match token.find(['\'', '’']) {
        Some(pos) if pos > 0 && pos <= 3 && token[..pos].chars().all(char::is_alphabetic) => {
            let rest = &token[pos + token[pos..].chars().next().map_or(1, char::len_utf8)..];
            (true, rest)
        }
        _ => (false, token),
    }
}

/// Letters with full stops between groups of one or two: U.S, e.g, J.-C, LL.AA.II.RR, Ph.D.
fn is_dotted_acronym(word: &str) -> bool {
    let mut parts = 0;
    for part in word.split('.') {
        let part = part.trim_start_matches('-');
        let letters = part.chars().count();
        if !(1..=2).contains(&letters) || !part.chars().all(char::is_alphabetic) {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

/// A line that reads as a heading: short, capitalised, with no closing punctuation.
fn is_heading(line: &str) -> bool {
    let (Some(first), Some(last)) = (line.chars().next(), line.chars().next_back()) else {
        return false;
    };
    (first.is_uppercase() || first.is_numeric()) && last.is_alphanumeric() && word_count(line) <= 8
}

/// Vowels, with or without accents, and `y`: a word without one is likely an abbreviation (st, rd, mgmt).
fn is_vowel(c: char) -> bool {
    matches!(
        c.to_lowercase().next().unwrap_or(c),
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'à' | 'â' | 'é' | 'è' | 'ê' | 'ë' | 'î' | 'ï' | 'ô' | 'ù' | 'û' | 'ü'
    )
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// French initials of a compound given name, before their last full stop: "J.-P" (Jean-Pierre), "M.-C";
/// not "J.-C" (Jésus-Christ, which ends dates: "av. J.-C.").
fn hyphenated_initials(word: &str) -> bool {
    let parts: Vec<&str> = word.split(".-").collect();
    if word == "J.-C" {
        return false;
    }
    parts.len() >= 2 && parts.iter().all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

#[cfg(test)]
mod tests;
