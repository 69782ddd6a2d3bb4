//! The numbers check: each number, time and ordinal of the source found in the target, and each of the
//! target found in the source, whatever format each language writes it in (9,5 / 9.5; 1 000 / 1,000;
//! 21 h 40 / 9:40 p.m.; 2e / 2nd / XXe / 20th), a number word counting for its value (deux / two); and
//! numbers written in the other language's format in the target (9,5 in English).
//!
//! A number that could be read two ways (1,000 is a thousand in English, one in French) stands for both:
//! the check would rather miss a rare error than report a correct translation.

use super::{Check, Issue, Severity, Side, Span};
use crate::language::{Language, LanguageFamily};
use std::collections::HashSet;

/// A number found in a text: its byte range and the values it may stand for (`v:9.5`, `t:1300` for a
/// time in minutes, `o:2` for an ordinal).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Quantity {
    pub start: usize,
    pub end: usize,
    pub keys: Vec<String>,
    /// A better way to write it in the text's language, when it is written in another's.
    pub respelled: Option<String>,
}

pub(crate) fn check(source: &str, target: &str, from: &Language, to: &Language, issues: &mut Vec<Issue>) {
    let (from, to) = (from.family(), to.family());
    let sources = outside_codes(quantities(source, from), source);
    let targets = outside_codes(quantities(target, to), target);
    let keys = |found: &[Quantity], text: &str, family| {
        let mut keys: HashSet<String> = found.iter().flat_map(|q| q.keys.iter().cloned()).collect();
        keys.extend(number_words(text, family));
        keys
    };
    let (source_keys, target_keys) = (keys(&sources, source, from), keys(&targets, target, to));
    for q in &sources {
        if !q.keys.iter().any(|k| target_keys.contains(k)) {
            let shown = &source[q.start..q.end];
            issues.push(
                Issue::new(Check::Numbers, Severity::Error, format!("{shown} is not in the target")).at(Span::of(
                    Side::Source,
                    source,
                    q.start,
                    q.end,
                )),
            );
        }
    }
    for q in &targets {
        let shown = &target[q.start..q.end];
        if !q.keys.iter().any(|k| source_keys.contains(k)) {
            issues.push(
                Issue::new(Check::Numbers, Severity::Warning, format!("{shown} in the target is not in the source"))
                    .at(Span::of(Side::Target, target, q.start, q.end)),
            );
        } else if let Some(better) = &q.respelled {
            issues.push(
                Issue::new(
                    Check::Numbers,
                    Severity::Warning,
                    format!("{shown} is not how the target language writes it"),
                )
                .at(Span::of(Side::Target, target, q.start, q.end))
                .suggest(better.clone()),
            );
        }
    }
}

/// The quantities that are not part of an address, a tag or a placeholder.
fn outside_codes(found: Vec<Quantity>, text: &str) -> Vec<Quantity> {
    if found.is_empty() {
        return found;
    }
    let codes = super::codes::code_ranges(text);
    found.into_iter().filter(|q| !codes.iter().any(|(s, e)| q.start >= *s && q.end <= *e)).collect()
}

/// Spaces that may separate groups of thousands (space, no-break space, narrow and thin spaces).
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// The numbers of `text`.
pub(crate) fn quantities(text: &str, family: LanguageFamily) -> Vec<Quantity> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut groups: Vec<&str> = Vec::new();
        let mut separators: Vec<char> = Vec::new();
        let mut end = digits_end(bytes, i);
        groups.push(&text[i..end]);
        // More groups: after `.`, `,` or `'` any digits; after a space only three (1 000), and only while
        // the number has been grouped by spaces (in 2019 100 people, 2019 and 100 are two numbers).
        while let Some(sep) = text[end..].chars().next() {
            let next = end + sep.len_utf8();
            if next >= bytes.len() || !bytes[next].is_ascii_digit() {
                break;
            }
            let group_end = digits_end(bytes, next);
            let spaced = is_group_space(sep);
            let fits = if spaced {
                group_end - next == 3 && groups[0].len() <= 3 && separators.iter().all(|s| is_group_space(*s))
            } else {
                matches!(sep, '.' | ',' | '\'')
            };
            if !fits {
                break;
            }
            separators.push(sep);
            groups.push(&text[next..group_end]);
            end = group_end;
        }
        let mut quantity = Quantity { start, end, keys: Vec::new(), respelled: None };
        if let Some(time) = time(text, &groups, &separators, &mut quantity, family) {
            quantity.keys.extend(time);
        } else if let Some(n) = ordinal(text, &groups, &separators, &mut quantity) {
            quantity.keys.push(format!("o:{n}"));
            quantity.keys.push(format!("v:{n}"));
        } else {
            let values = readings(&groups, &separators);
            if values.is_empty() {
                quantity.keys.push(format!("l:{}", &text[start..end]));
            }
            let scale = scale_after(&text[end..], family);
            for v in values {
                quantity.keys.push(key(v));
                if let Some(scale) = scale {
                    quantity.keys.push(key(v * scale));
                }
            }
            quantity.respelled = respelled(&groups, &separators, family);
        }
        i = quantity.end;
        found.push(quantity);
    }
    found.extend(roman_ordinals(text, family));
    found.sort_by_key(|q| q.start);
    found
}

fn digits_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        i += 1;
    }
    i
}

fn key(v: f64) -> String {
    let rounded = (v * 1e6).round() / 1e6;
    format!("v:{rounded}")
}

/// The values digits grouped so may stand for: with groups of thousands, with a decimal part, or both.
fn readings(groups: &[&str], separators: &[char]) -> Vec<f64> {
    let parse = |s: &str| s.parse::<f64>().ok();
    if separators.is_empty() {
        return parse(groups[0]).into_iter().collect();
    }
    let mut values = Vec::new();
    let thousands = groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3)
        && separators.iter().all(|s| *s == separators[0] || is_group_space(*s) && is_group_space(separators[0]));
    if thousands && let Some(v) = parse(&groups.concat()) {
        values.push(v);
    }
    let last = *separators.last().expect("separators");
    let (head, tail) = groups.split_at(groups.len() - 1);
    let head_seps = &separators[..separators.len() - 1];
    let head_ok = head[1..].iter().all(|g| g.len() == 3) && head_seps.iter().all(|s| *s != last);
    let decimal = matches!(last, '.' | ',') && (head.len() == 1 || head_ok && head[0].len() <= 3);
    if decimal
        && let Some(v) = parse(&format!("{}.{}", head.concat(), tail[0]))
        && !values.contains(&v)
    {
        values.push(v);
    }
    values
}

/// How the number should be written in a text of `family` when it is written the other language's way:
/// a decimal comma in English (9,5 → 9.5), a decimal point in French (9.5 → 9,5), thousands grouped by a
/// space in English (1 000 → 1,000).
fn respelled(groups: &[&str], separators: &[char], family: LanguageFamily) -> Option<String> {
    let [first, rest] = groups else {
        if family == LanguageFamily::English
            && groups.len() > 2
            && separators.iter().all(|s| is_group_space(*s))
            && groups[1..].iter().all(|g| g.len() == 3)
        {
            return Some(groups.join(","));
        }
        return None;
    };
    let sep = separators[0];
    match family {
        LanguageFamily::English if sep == ',' && rest.len() != 3 => Some(format!("{first}.{rest}")),
        LanguageFamily::English if is_group_space(sep) && rest.len() == 3 => Some(format!("{first},{rest}")),
        LanguageFamily::French if sep == '.' && rest.len() != 3 => Some(format!("{first},{rest}")),
        _ => None,
    }
}

/// The factor a scale word after a number gives it (9,5 millions).
fn scale_after(rest: &str, family: LanguageFamily) -> Option<f64> {
    let rest = rest.trim_start_matches(is_group_space);
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
    match word.as_str() {
        "million" | "millions" => Some(1e6),
        "milliard" | "milliards" => Some(1e9),
        "billion" | "billions" if family == LanguageFamily::French => Some(1e12),
        "billion" | "billions" | "bn" => Some(1e9),
        "thousand" | "mille" => Some(1e3),
        "trillion" | "trillions" => Some(1e12),
        _ => None,
    }
}

/// A time: 21 h 40, 21h, 21:40, 9:40 p.m., 9 pm. Moves the quantity's end past it; its keys are the
/// minutes of the day (both readings of 9:40 without a.m. or p.m.) and, for 21 h, the number 21 (a
/// duration is written so too).
fn time(
    text: &str,
    groups: &[&str],
    separators: &[char],
    quantity: &mut Quantity,
    family: LanguageFamily,
) -> Option<Vec<String>> {
    let hours: u32 = groups[0].parse().ok().filter(|h| *h <= 24 && groups[0].len() <= 2)?;
    let rest = &text[quantity.end..];
    let mut keys = Vec::new();
    if separators.is_empty() {
        // 21:40
        if let Some(minutes) =
            rest.strip_prefix(':').filter(|m| m.len() >= 2 && m.as_bytes()[..2].iter().all(u8::is_ascii_digit))
        {
            if minutes.as_bytes().get(2).is_some_and(u8::is_ascii_digit) {
                return None;
            }
            let m: u32 = minutes[..2].parse().ok().filter(|m| *m < 60)?;
            quantity.end += 3;
            let (h, meridiem) = meridiem(&text[quantity.end..], hours, quantity);
            keys.push(format!("t:{}", h * 60 + m));
            if !meridiem && h < 12 {
                keys.push(format!("t:{}", (h + 12) * 60 + m));
            }
            return Some(keys);
        }
        // 21 h 40, 21h, 21 h
        let spaced = rest.trim_start_matches(is_group_space);
        if family != LanguageFamily::English
            && let Some(after) = spaced.strip_prefix('h')
            && !after.chars().next().is_some_and(char::is_alphabetic)
        {
            let mut end = quantity.end + (rest.len() - after.len());
            let after_spaces = after.trim_start_matches(is_group_space);
            let digits = after_spaces.bytes().take_while(u8::is_ascii_digit).count();
            let mut minutes = 0;
            if digits == 2 {
                minutes = after_spaces[..2].parse().ok().filter(|m| *m < 60)?;
                end += after.len() - after_spaces.len() + 2;
            }
            quantity.end = end;
            keys.push(format!("t:{}", hours * 60 + minutes));
            if minutes == 0 {
                keys.push(format!("v:{hours}"));
            }
            return Some(keys);
        }
        // 9 pm
        let (h, meridiem) = meridiem(rest, hours, quantity);
        if meridiem {
            return Some(vec![format!("t:{}", h * 60)]);
        }
    }
    None
}

/// Hours after an a.m. or p.m. that follows at the start of `rest` (the quantity's end moved past it).
fn meridiem(rest: &str, hours: u32, quantity: &mut Quantity) -> (u32, bool) {
    let spaced = rest.trim_start_matches(is_group_space);
    let lower: String = spaced.chars().take(4).collect::<String>().to_lowercase();
    for (mark, pm) in [("p.m.", true), ("a.m.", false), ("pm", true), ("am", false)] {
        if lower.starts_with(mark) && !spaced[mark.len()..].chars().next().is_some_and(char::is_alphabetic) {
            quantity.end += rest.len() - spaced.len() + mark.len();
            let h = match (pm, hours) {
                (true, h) if h < 12 => h + 12,
                (false, 12) => 0,
                (_, h) => h,
            };
            return (h, true);
        }
    }
    (hours, false)
}

/// An ordinal written with digits: 1er, 2e, 3ème, 1st, 22nd. Moves the quantity's end past its suffix.
fn ordinal(text: &str, groups: &[&str], separators: &[char], quantity: &mut Quantity) -> Option<u64> {
    if !separators.is_empty() {
        return None;
    }
    let rest = &text[quantity.end..];
    let suffix_len = rest.chars().take_while(|c| c.is_alphabetic()).map(char::len_utf8).sum::<usize>();
    let suffix = rest[..suffix_len].to_lowercase();
    let ordinal = matches!(
        suffix.as_str(),
        "er" | "re" | "ère" | "ere" | "e" | "ème" | "eme" | "è" | "nd" | "nde" | "st" | "rd" | "th"
    );
    if !ordinal {
        return None;
    }
    quantity.end += suffix_len;
    groups[0].parse().ok()
}

/// Roman numerals with a French ordinal suffix (XXe siècle, IIIe République), as ordinals.
fn roman_ordinals(text: &str, family: LanguageFamily) -> Vec<Quantity> {
    if family != LanguageFamily::French {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (start, end) in super::words(text) {
        let word = &text[start..end];
        let numeral_len = word.bytes().take_while(|b| b"IVXLC".contains(b)).count();
        // Le and Ce are words, not the 50th and the 100th.
        if numeral_len == 0
            || matches!(&word[..numeral_len], "L" | "C")
            || !matches!(&word[numeral_len..], "e" | "er" | "ème" | "eme")
        {
            continue;
        }
        if let Some(n) = roman(&word[..numeral_len]) {
            found.push(Quantity { start, end, keys: vec![format!("o:{n}")], respelled: None });
        }
    }
    found
}

fn roman(numeral: &str) -> Option<u64> {
    let value = |c: u8| match c {
        b'I' => 1,
        b'V' => 5,
        b'X' => 10,
        b'L' => 50,
        b'C' => 100,
        _ => 0,
    };
    let bytes = numeral.as_bytes();
    let mut total: i64 = 0;
    for (k, &c) in bytes.iter().enumerate() {
        let v = value(c);
        if bytes.get(k + 1).is_some_and(|&n| value(n) > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    u64::try_from(total).ok().filter(|n| *n > 0 && *n < 400)
}

/// Keys of the number words of `text` (deux, two, second, dozen): they answer for digits on the other
/// side, but are not asked for themselves.
fn number_words(text: &str, family: LanguageFamily) -> Vec<String> {
    let table: &[(&str, u32, bool)] = match family {
        LanguageFamily::French => FRENCH_WORDS,
        LanguageFamily::English => ENGLISH_WORDS,
        LanguageFamily::Other => &[],
    };
    let mut keys = Vec::new();
    for (start, end) in super::words(text) {
        let word = text[start..end].to_lowercase();
        for &(w, n, is_ordinal) in table {
            if w == word {
                keys.push(format!("v:{n}"));
                if is_ordinal {
                    keys.push(format!("o:{n}"));
                }
            }
        }
    }
    keys
}

/// (word, value, ordinal).
#[rustfmt::skip]
const FRENCH_WORDS: &[(&str, u32, bool)] = &[
    ("zéro", 0, false), ("un", 1, false), ("une", 1, false), ("deux", 2, false), ("trois", 3, false),
    ("quatre", 4, false), ("cinq", 5, false), ("six", 6, false), ("sept", 7, false), ("huit", 8, false),
    ("neuf", 9, false), ("dix", 10, false), ("onze", 11, false), ("douze", 12, false), ("treize", 13, false),
    ("quatorze", 14, false), ("quinze", 15, false), ("seize", 16, false), ("vingt", 20, false),
    ("trente", 30, false), ("quarante", 40, false), ("cinquante", 50, false), ("soixante", 60, false),
    ("cent", 100, false), ("mille", 1000, false), ("million", 1_000_000, false), ("millions", 1_000_000, false),
    ("milliard", 1_000_000_000, false), ("milliards", 1_000_000_000, false), ("douzaine", 12, false),
    ("premier", 1, true), ("première", 1, true), ("deuxième", 2, true), ("second", 2, true),
    ("seconde", 2, true), ("troisième", 3, true), ("quatrième", 4, true), ("cinquième", 5, true),
    ("sixième", 6, true), ("septième", 7, true), ("huitième", 8, true), ("neuvième", 9, true),
    ("dixième", 10, true), ("moitié", 50, false),
];

#[rustfmt::skip]
const ENGLISH_WORDS: &[(&str, u32, bool)] = &[
    ("zero", 0, false), ("one", 1, false), ("two", 2, false), ("three", 3, false), ("four", 4, false),
    ("five", 5, false), ("six", 6, false), ("seven", 7, false), ("eight", 8, false), ("nine", 9, false),
    ("ten", 10, false), ("eleven", 11, false), ("twelve", 12, false), ("thirteen", 13, false),
    ("fourteen", 14, false), ("fifteen", 15, false), ("sixteen", 16, false), ("twenty", 20, false),
    ("thirty", 30, false), ("forty", 40, false), ("fifty", 50, false), ("sixty", 60, false),
    ("hundred", 100, false), ("thousand", 1000, false), ("million", 1_000_000, false),
    ("billion", 1_000_000_000, false), ("dozen", 12, false), ("first", 1, true), ("second", 2, true),
    ("third", 3, true), ("fourth", 4, true), ("fifth", 5, true), ("sixth", 6, true), ("seventh", 7, true),
    ("eighth", 8, true), ("ninth", 9, true), ("tenth", 10, true), ("half", 50, false),
];

#[cfg(test)]
mod tests {
    use super::*;
    use LanguageFamily::{English, French};

    fn keys(text: &str, family: LanguageFamily) -> Vec<Vec<String>> {
        quantities(text, family).into_iter().map(|q| q.keys).collect()
    }

    #[test]
    fn french_and_english_formats_meet() {
        assert_eq!(keys("9,5 millions", French), [["v:9.5", "v:9500000"]]);
        assert_eq!(keys("9.5 million", English), [["v:9.5", "v:9500000"]]);
        assert_eq!(keys("1 000 soldats", French), [["v:1000"]]);
        assert_eq!(keys("1\u{202f}000 soldats", French), [["v:1000"]]);
        assert_eq!(keys("1,000 soldiers", English), [["v:1000", "v:1"]]);
        assert_eq!(keys("en 2019 100 personnes", French), [["v:2019"], ["v:100"]]);
        assert_eq!(keys("2 % et 2%", French), [["v:2"], ["v:2"]]);
    }

    #[test]
    fn times_and_ordinals() {
        assert_eq!(keys("à 21 h 40", French), [["t:1300"]]);
        assert_eq!(keys("à 21h40", French), [["t:1300"]]);
        assert_eq!(keys("at 9:40 p.m.", English), [["t:1300"]]);
        assert_eq!(keys("at 9:40", English), [["t:580", "t:1300"]]);
        assert_eq!(keys("le 2e jour", French), [["o:2", "v:2"]]);
        assert_eq!(keys("the 2nd day", English), [["o:2", "v:2"]]);
        assert_eq!(keys("au XXe siècle", French), [["o:20"]]);
    }

    #[test]
    fn numbers_must_agree_across_languages_whatever_their_separators() {
        let (fr, en) = (Language::french(), Language::english());
        let run = |s: &str, t: &str| {
            let mut issues = Vec::new();
            check(s, t, &fr, &en, &mut issues);
            issues.into_iter().map(|i| (i.severity, i.span.unwrap().text, i.suggestion)).collect::<Vec<_>>()
        };
        assert!(
            run("Il compte 9,5 millions d'habitants à 21 h 40.", "It has 9.5 million people at 9:40 p.m.").is_empty()
        );
        assert!(run("Deux chars et 3 avions.", "2 tanks and three planes.").is_empty());
        assert!(run("Au XXe siècle, le 1er mai.", "In the 20th century, on 1st May.").is_empty());
        assert_eq!(
            run("Il compte 9,5 millions d'habitants.", "It has 9.6 million people."),
            [(Severity::Error, "9,5".to_string(), None), (Severity::Warning, "9.6".to_string(), None)]
        );
        assert_eq!(
            run("Il compte 9,5 millions d'habitants.", "It has 9,5 million people."),
            [(Severity::Warning, "9,5".to_string(), Some("9.5".to_string()))]
        );
    }
}
