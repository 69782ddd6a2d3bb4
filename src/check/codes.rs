//! The codes check: what a translation keeps as it is. TMX Level 2 inline codes (`bpt`, `ept`, `ph`,
//! `it`, `hi`) compared by their native code; HTML tags, Markdown code spans and link targets,
//! placeholders (`{0}`, `%s`, `%1$d`), web and e-mail addresses compared as written.

use super::{Check, Issue, Segment, Severity, Side, Span};
use quick_xml::events::Event;
use quick_xml::reader::Reader;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Web and e-mail addresses, HTML tags, Markdown code spans, placeholders.
static PATTERNS: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    let build = |p: &str| Regex::new(p).expect("pattern builds");
    vec![
        ("address", build(r"(?i)\b(?:https?://|www\.)[^\s<>\x22«»]+")),
        ("e-mail address", build(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
        ("tag", build(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")),
        ("code span", build(r"`[^`\n]+`")),
        ("placeholder", build(r"\{[A-Za-z0-9_]*\}|%(?:\d+\$)?[sdif]\b")),
    ]
});

/// The byte ranges of `text` that hold codes, addresses and placeholders (whose digits are no numbers).
pub(crate) fn code_ranges(text: &str) -> Vec<(usize, usize)> {
    PATTERNS.iter().flat_map(|(_, pattern)| pattern.find_iter(text).map(|m| (m.start(), m.end()))).collect()
}

pub(crate) fn check(segment: &Segment, issues: &mut Vec<Issue>) {
    let (source, target) = (segment.source.as_str(), segment.target.as_str());
    for (what, pattern) in PATTERNS.iter() {
        let found = |text: &str| -> Vec<(usize, usize)> {
            pattern
                .find_iter(text)
                .map(|m| (m.start(), m.start() + trim_end(m.as_str(), what)))
                .filter(|(s, e)| e > s)
                .collect()
        };
        compare(what, source, &found(source), target, &found(target), issues);
    }
    if let (Some(source_markup), Some(target_markup)) = (&segment.source_markup, &segment.target_markup) {
        let (from, to) = (inline_codes(source_markup), inline_codes(target_markup));
        let mut counts: HashMap<&str, i64> = HashMap::new();
        for code in &from {
            *counts.entry(code).or_default() += 1;
        }
        for code in &to {
            *counts.entry(code).or_default() -= 1;
        }
        let mut codes: Vec<(&&str, &i64)> = counts.iter().filter(|(_, n)| **n != 0).collect();
        codes.sort();
        for (code, n) in codes {
            let code = shown(code);
            let message = if *n > 0 {
                format!("the inline code {code} of the source is not in the target")
            } else {
                format!("the inline code {code} of the target is not in the source")
            };
            issues.push(Issue::new(Check::Codes, Severity::Error, message));
        }
    }
}

/// An inline code as a person reads it: `<ept>&lt;/b&gt;` is `</b> (ept)`.
fn shown(code: &str) -> String {
    let Some((element, native)) = code.strip_prefix('<').and_then(|c| c.split_once('>')) else { return code.into() };
    if native.is_empty() {
        return code.to_string();
    }
    let native = native.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'");
    format!("{} ({element})", native.replace("&amp;", "&"))
}

/// The length of a match once the punctuation that ends a sentence is taken off an address.
fn trim_end(found: &str, what: &str) -> usize {
    if what == "address" {
        let trimmed = found.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '\'', '’']);
        // A closing bracket that the address opened stays (Wikipedia's "(disambiguation)").
        if found[trimmed.len()..].starts_with(')') && trimmed.contains('(') {
            return trimmed.len() + 1;
        }
        trimmed.len()
    } else {
        found.len()
    }
}

/// Reports what one side has and the other lacks, as written.
fn compare(
    what: &str,
    source: &str,
    from: &[(usize, usize)],
    target: &str,
    to: &[(usize, usize)],
    issues: &mut Vec<Issue>,
) {
    let key = |text: &str, (s, e): (usize, usize)| normalise(what, &text[s..e]);
    let mut left: Vec<String> = to.iter().map(|r| key(target, *r)).collect();
    for range in from {
        let k = key(source, *range);
        match left.iter().position(|t| *t == k) {
            Some(p) => {
                left.remove(p);
            }
            None => {
                let shown = &source[range.0..range.1];
                issues.push(
                    Issue::new(Check::Codes, Severity::Error, format!("the {what} {shown} is not in the target"))
                        .at(Span::of(Side::Source, source, range.0, range.1)),
                );
            }
        }
    }
    let mut extra: Vec<String> = left;
    for range in to {
        let k = key(target, *range);
        if let Some(p) = extra.iter().position(|t| *t == k) {
            extra.remove(p);
            let shown = &target[range.0..range.1];
            issues.push(
                Issue::new(
                    Check::Codes,
                    Severity::Error,
                    format!("the {what} {shown} of the target is not in the source"),
                )
                .at(Span::of(Side::Target, target, range.0, range.1)),
            );
        }
    }
}

/// How two codes are compared: tags by name and the attributes that are not text (`href`, `class`...
/// all of them, as written, but `title` and `alt`, which are translated); the rest as written.
fn normalise(what: &str, found: &str) -> String {
    if what != "tag" {
        return found.to_string();
    }
    static TRANSLATED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"(?i)\s(?:title|alt|aria-label|placeholder)\s*=\s*("[^"]*"|'[^']*')"#).unwrap());
    TRANSLATED.replace_all(found, "").to_lowercase()
}

/// The inline codes of TMX markup (the content of a `<seg>`): element and native code as written, such
/// as `<bpt>&lt;b&gt;`; `<hi>` by its type.
pub(crate) fn inline_codes(markup: &str) -> Vec<String> {
    if !markup.contains('<') {
        return Vec::new();
    }
    let wrapped = format!("<seg>{markup}</seg>");
    let mut reader = Reader::from_str(&wrapped);
    let mut codes = Vec::new();
    // The code being read: its element, where its content starts, and how deep it is.
    let mut open: Option<(String, usize, usize)> = None;
    loop {
        let before = reader.buffer_position() as usize;
        let Ok(event) = reader.read_event() else { break };
        let after = reader.buffer_position() as usize;
        match event {
            Event::Start(tag) => {
                let name = tag.local_name().as_ref().to_string();
                match (&mut open, name.as_str()) {
                    (Some((_, _, depth)), _) => *depth += 1,
                    (None, "bpt" | "ept" | "ph" | "it" | "ut") => open = Some((name, after, 1)),
                    (None, "hi") => {
                        let kind = tag
                            .attributes()
                            .flatten()
                            .find(|a| a.key.as_ref() == "type")
                            .map(|a| a.value.to_string())
                            .unwrap_or_default();
                        codes.push(format!("<hi type=\"{kind}\">"));
                    }
                    _ => {}
                }
            }
            Event::Empty(tag) if open.is_none() => {
                let name = tag.local_name().as_ref().to_string();
                if matches!(name.as_str(), "bpt" | "ept" | "ph" | "it" | "ut" | "x") {
                    codes.push(format!("<{name}/>"));
                }
            }
            Event::End(_) => {
                if let Some((name, start, depth)) = &mut open {
                    *depth -= 1;
                    if *depth == 0 {
                        codes.push(format!("<{name}>{}", &wrapped[*start..before]));
                        open = None;
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    codes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(segment: &Segment) -> Vec<String> {
        let mut issues = Vec::new();
        check(segment, &mut issues);
        issues.into_iter().map(|i| i.message).collect()
    }

    #[test]
    fn inline_codes_compared_by_their_native_code() {
        let mut segment = Segment::new("1", "Le texte gras.", "The bold text.");
        segment.source_markup = Some("Le <bpt i=\"1\">&lt;b&gt;</bpt>texte<ept i=\"1\">&lt;/b&gt;</ept> gras.".into());
        segment.target_markup = Some("The <bpt i=\"3\">&lt;b&gt;</bpt>bold<ept i=\"3\">&lt;/b&gt;</ept> text.".into());
        assert!(run(&segment).is_empty());
        segment.target_markup = Some("The <bpt i=\"3\">&lt;b&gt;</bpt>bold text.".into());
        assert_eq!(run(&segment), ["the inline code </b> (ept) of the source is not in the target"]);
    }

    #[test]
    fn addresses_tags_and_placeholders() {
        let ok = Segment::new(
            "1",
            "Voir <a href=\"x.html\" title=\"ici\">https://moonofalabama.org/2022</a>, {0}.",
            "See <a href=\"x.html\" title=\"here\">https://moonofalabama.org/2022</a>, {0}.",
        );
        assert!(run(&ok).is_empty());
        let bad = Segment::new(
            "1",
            "Écrire à redaction@example.org ou voir https://example.org/a.",
            "Write to redaction@example.com or see https://example.org/b.",
        );
        assert_eq!(run(&bad).len(), 4, "{:?}", run(&bad));
    }
}
