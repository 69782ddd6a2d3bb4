//! The typography check, on the target: doubled spaces and words, whitespace at the ends that differs
//! from the source's, the spacing of punctuation (French puts a space before `: ; ! ? »` and after `«`,
//! English none), and quotes and brackets left open where the source closes them.

use super::{Check, Issue, Severity, Side, Span};
use crate::language::{Language, LanguageFamily};

/// Words that are correctly written twice in a row (nous nous levons, vous vous trompez, what it is is).
const MAY_REPEAT: &[&str] = &["had", "is", "nous", "that", "vous"];

pub(crate) fn check(source: &str, target: &str, language: &Language, nbsp: bool, issues: &mut Vec<Issue>) {
    let warn = |message: String, start: usize, end: usize| {
        Issue::new(Check::Typography, Severity::Warning, message).at(Span::of(Side::Target, target, start, end))
    };
    // Doubled spaces between words (unless the source has some too: where a TMX inline code was taken
    // out of both texts, its spaces remain).
    let bytes = target.as_bytes();
    let mut k = if source.contains("  ") { target.len() } else { 0 };
    while let Some(at) = target[k..].find("  ").map(|p| p + k) {
        let end = at + bytes[at..].iter().take_while(|b| **b == b' ').count();
        if at > 0 && end < bytes.len() && !target[..at].ends_with('\n') {
            issues.push(warn("a doubled space".into(), at, end).suggest(" "));
        }
        k = end;
    }
    // Doubled words.
    let words = super::words(target);
    for pair in words.windows(2) {
        let ((s1, e1), (s2, e2)) = (pair[0], pair[1]);
        let (first, second) = (&target[s1..e1], &target[s2..e2]);
        let between = &target[e1..s2];
        let repeated = first.to_lowercase() == second.to_lowercase()
            && first.chars().any(char::is_alphabetic)
            && between.chars().all(|c| c == ' ');
        if repeated && !MAY_REPEAT.contains(&first.to_lowercase().as_str()) {
            issues.push(warn(format!("{first} is written twice"), s1, e2).suggest(first));
        }
    }
    // Whitespace at the ends.
    let starts = |t: &str| t.starts_with(char::is_whitespace);
    let ends = |t: &str| t.ends_with(char::is_whitespace);
    if starts(source) != starts(target) || ends(source) != ends(target) {
        issues.push(Issue::new(
            Check::Typography,
            Severity::Warning,
            "whitespace at the start or end of the target differs from the source's",
        ));
    }
    // Text split into tokens (`bank , and`), as some corpora are: its spacing is no typography.
    let tokenized = target.contains(" , ")
        || target.contains(" .")
        || target.match_indices(" '").any(|(k, _)| target[k + 2..].starts_with(|c: char| c.is_lowercase()));
    if !tokenized {
        punctuation_spacing(target, language.family(), nbsp, issues);
    }
    balance(source, target, issues);
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

fn is_nbsp(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}')
}

/// The byte ranges of the web and e-mail addresses of `text`, whose colons and marks are not punctuation.
fn addresses(text: &str) -> Vec<(usize, usize)> {
    text.split_whitespace()
        .filter(|w| w.contains("://") || w.starts_with("www.") || w.contains('@'))
        .map(|w| {
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            (start, start + w.len())
        })
        .collect()
}

fn punctuation_spacing(target: &str, family: LanguageFamily, nbsp: bool, issues: &mut Vec<Issue>) {
    let addresses = addresses(target);
    let inside = |k: usize| addresses.iter().any(|(s, e)| (*s..*e).contains(&k));
    let chars: Vec<(usize, char)> = target.char_indices().collect();
    for (n, &(k, c)) in chars.iter().enumerate() {
        if inside(k) {
            continue;
        }
        let before = n.checked_sub(1).map(|p| chars[p].1);
        let after = chars.get(n + 1).map(|p| p.1);
        let end = k + c.len_utf8();
        match family {
            LanguageFamily::French if matches!(c, ':' | ';' | '!' | '?' | '»') => {
                // A run of marks (?!) takes the space before the first; 21:40 and 3:1 take none.
                let Some(before) = before else { continue };
                let run = matches!(c, '!' | '?') && matches!(before, '!' | '?' | '…');
                if run || c == ':' && before.is_ascii_digit() {
                    continue;
                }
                if c == ':' && after.is_some_and(|a| a.is_ascii_digit() || a == '/') {
                    continue;
                }
                if !is_space(before) {
                    let mark = if nbsp { "a no-break space" } else { "a space" };
                    issues.push(
                        Issue::new(Check::Typography, Severity::Warning, format!("French puts {mark} before {c}"))
                            .at(Span::of(Side::Target, target, k, end))
                            .suggest(format!("\u{a0}{c}")),
                    );
                } else if nbsp && !is_nbsp(before) {
                    let start = k - before.len_utf8();
                    issues.push(
                        Issue::new(
                            Check::Typography,
                            Severity::Warning,
                            format!("the space before {c} should be a no-break space"),
                        )
                        .at(Span::of(Side::Target, target, start, end))
                        .suggest(format!("\u{a0}{c}")),
                    );
                }
            }
            LanguageFamily::French
                if c == '«' && (after.is_some_and(|a| !is_space(a)) || nbsp && after.is_some_and(|a| !is_nbsp(a))) =>
            {
                issues.push(
                    Issue::new(Check::Typography, Severity::Warning, "French puts a no-break space after «")
                        .at(Span::of(Side::Target, target, k, end))
                        .suggest("«\u{a0}"),
                );
            }
            LanguageFamily::English
                if matches!(c, ':' | ';' | '!' | '?')
                    && before.is_some_and(is_space)
                    && n >= 2
                    && !is_space(chars[n - 2].1) =>
            {
                let start = chars[n - 1].0;
                issues.push(
                    Issue::new(Check::Typography, Severity::Warning, format!("English puts no space before {c}"))
                        .at(Span::of(Side::Target, target, start, end))
                        .suggest(c.to_string()),
                );
            }
            LanguageFamily::English if matches!(c, '«' | '»') => {
                issues.push(
                    Issue::new(Check::Typography, Severity::Warning, "English quotes with “ ” rather than « »")
                        .at(Span::of(Side::Target, target, k, end))
                        .suggest(if c == '«' { "“" } else { "”" }),
                );
            }
            _ => {}
        }
    }
}

/// How many brackets of each kind and quotes a text leaves open (negative: closes more than it opens).
fn open_counts(text: &str) -> [i32; 3] {
    let (mut round, mut square, mut quotes, mut straight) = (0, 0, 0, 0);
    for c in text.chars() {
        match c {
            '(' => round += 1,
            ')' => round -= 1,
            '[' => square += 1,
            ']' => square -= 1,
            '«' | '“' => quotes += 1,
            '»' | '”' => quotes -= 1,
            '"' => straight += 1,
            _ => {}
        }
    }
    [round, square, quotes + straight % 2]
}

/// Whether `text` has quotation marks (of the kinds [`open_counts`] counts).
fn quoted(text: &str) -> bool {
    text.contains(['«', '»', '“', '”', '"'])
}

/// Brackets the target leaves open or closes where the source does not (a segment may be one sentence
/// of a longer parenthesis: what matters is that both sides agree), and quotation marks the target leaves
/// unpaired where the source has some and pairs them (languages mark dialogue too differently, French
/// with dashes or guillemets over several sentences, English with single quotes, to compare more).
fn balance(source: &str, target: &str, issues: &mut Vec<Issue>) {
    let (from, to) = (open_counts(source), open_counts(target));
    for (k, what) in ["round brackets", "square brackets", "quotation marks"].iter().enumerate() {
        let differs = if k == 2 { quoted(source) && from[k] == 0 && to[k] != 0 } else { from[k] != to[k] };
        if differs {
            issues.push(Issue::new(
                Check::Typography,
                Severity::Warning,
                format!("the {what} of the target do not pair as the source's do"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(source: &str, target: &str, language: Language) -> Vec<String> {
        let mut issues = Vec::new();
        check(source, target, &language, false, &mut issues);
        issues.into_iter().map(|i| i.message).collect()
    }

    #[test]
    fn french_and_english_spacing() {
        let en = Language::english();
        let fr = Language::french();
        assert!(run("x", "Why? He said: “now”; at 9:40 see https://a.org/b?c=d!", en.clone()).is_empty());
        assert_eq!(run("x", "Why ? He said : now", en.clone()).len(), 2);
        assert!(
            run("x", "Pourquoi ?! Il a dit : « maintenant » à 21:40 ; voir https://a.org/b?c=d", fr.clone()).is_empty()
        );
        assert_eq!(run("x", "Pourquoi? Il a dit: «maintenant»", fr.clone()).len(), 4);
    }

    #[test]
    fn doubled_words_spaces_and_pairs() {
        let en = Language::english();
        assert_eq!(run("x", "The the army  left.", en.clone()), ["a doubled space", "The is written twice"]);
        assert_eq!(
            run("(a) « b »", "(a “b”", en.clone()),
            ["the round brackets of the target do not pair as the source's do"]
        );
        assert!(run("« Il part.", "“He leaves.", en.clone()).is_empty());
        // Dialogue marked by a dash in French, by a quote over several sentences in English.
        assert!(run("-- Une maison à elle !", "“A house of her own!", en.clone()).is_empty());
        assert_eq!(run("« Une maison ! »", "“A house of her own!", en.clone()).len(), 1);
    }

    #[test]
    fn tokenized_text_is_no_typography() {
        let en = Language::english();
        assert!(run("x", "He said : no , never !", en.clone()).is_empty());
        assert!(run("x", "They 'll come back !", en.clone()).is_empty());
        assert_eq!(run("x", "They will come back !", en).len(), 1);
    }
}
