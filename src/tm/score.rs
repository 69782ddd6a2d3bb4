//! Match scores as CAT tools give them, and the differences behind a score.
//!
//! Texts are compared after [`normalized`]: Unicode NFC, whitespace runs as one space, ends trimmed. The
//! score is `100 × (1 − d / max(|a|, |b|))`, rounded down, where `d` is the Levenshtein distance in
//! characters between the two normalised texts and `|a|` a text's length in characters; only identical
//! texts score 100 (a one-character difference in a long sentence scores 99).

use rapidfuzz::distance::levenshtein;
use std::borrow::Cow;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// `text` in NFC with whitespace runs as one space and the ends trimmed.
pub fn normalized(text: &str) -> String {
    let spaced = single_spaced(text);
    if text.is_ascii() || is_nfc_quick(spaced.chars()) == IsNormalized::Yes {
        return spaced.into_owned();
    }
    spaced.nfc().collect()
}

/// Calls `each` with parts of [`normalized`]`(text)`, in order, without building it when `text` is in
/// NFC already.
pub(crate) fn for_each_normalized(text: &str, mut each: impl FnMut(&[u8])) {
    let bytes = text.as_bytes();
    // Characters below U+0300 (lead bytes below 0xCC) are in NFC whatever surrounds them, and their
    // only whitespace is ASCII's, U+0085 and U+00A0: most French and English text.
    let beyond = bytes.iter().fold(false, |beyond, &b| beyond | (b >= 0xcc));
    if beyond && is_nfc_quick(text.chars()) != IsNormalized::Yes {
        each(normalized(text).as_bytes());
        return;
    }
    // Most segments are normalised already: no whitespace but single spaces inside, none at the ends.
    let clean = !beyond
        && !bytes.iter().fold(false, |odd, &b| odd | matches!(b, 0x09..=0x0d))
        && bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && memchr::memmem::find(bytes, b"  ").is_none()
        && memchr::memchr_iter(0xc2, bytes).all(|i| !matches!(bytes.get(i + 1), Some(0x85 | 0xa0)));
    if clean {
        each(bytes);
        return;
    }
    for (k, word) in text.split_whitespace().enumerate() {
        if k > 0 {
            each(b" ");
        }
        each(word.as_bytes());
    }
}

/// `text` with whitespace runs as one space and the ends trimmed (borrowed when it is so already).
fn single_spaced(text: &str) -> Cow<'_, str> {
    let mut previous_space = true;
    let mut clean = true;
    for c in text.chars() {
        let space = c.is_whitespace();
        if space && (c != ' ' || previous_space) {
            clean = false;
            break;
        }
        previous_space = space;
    }
    let clean = clean && !previous_space || text.is_empty();
    if clean {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// The score (0-100) of `candidate` for `query`, both [`normalized`].
pub fn score(query: &str, candidate: &str) -> u8 {
    if query == candidate {
        return 100;
    }
    let (a, b) = (query.chars().count(), candidate.chars().count());
    let longest = a.max(b);
    if longest == 0 {
        return 100;
    }
    let distance = levenshtein::distance(query.chars(), candidate.chars());
    let similarity = 1.0 - distance as f64 / longest as f64;
    ((similarity * 100.0).floor() as u8).min(99)
}

/// The score of `candidate` for `query` if it reaches `min`, found faster than [`score`] when it does
/// not (the distance is given up on past what `min` allows).
pub fn score_at_least(query: &str, candidate: &str, query_length: usize, min: u8) -> Option<u8> {
    if query == candidate {
        return Some(100);
    }
    let length = candidate.chars().count();
    let longest = query_length.max(length).max(1);
    // d ≤ (1 − min/100) × longest, in whole edits.
    let allowed = ((100 - min.min(100)) as usize * longest) / 100;
    if query_length.abs_diff(length) > allowed {
        return None;
    }
    let args = levenshtein::Args::default().score_cutoff(allowed);
    let distance = levenshtein::distance_with_args(query.chars(), candidate.chars(), &args)?;
    let similarity = 1.0 - distance as f64 / longest as f64;
    let score = ((similarity * 100.0).floor() as u8).min(99);
    (score >= min).then_some(score)
}

/// What differs between a memory's text (`old`) and the query (`new`), word by word, as `wdiff` writes
/// it: `[-removed-]{+added+}`; empty when they are the same.
pub fn changes(old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let diff = similar::TextDiff::from_words(old, new);
    let mut out = String::new();
    let mut pending: Option<similar::ChangeTag> = None;
    for change in diff.iter_all_changes() {
        let tag = change.tag();
        if pending != Some(tag) {
            match pending {
                Some(similar::ChangeTag::Delete) => out.push_str("-]"),
                Some(similar::ChangeTag::Insert) => out.push_str("+}"),
                _ => {}
            }
            match tag {
                similar::ChangeTag::Delete => out.push_str("[-"),
                similar::ChangeTag::Insert => out.push_str("{+"),
                similar::ChangeTag::Equal => {}
            }
            pending = Some(tag);
        }
        out.push_str(change.value());
    }
    match pending {
        Some(similar::ChangeTag::Delete) => out.push_str("-]"),
        Some(similar::ChangeTag::Insert) => out.push_str("+}"),
        _ => {}
    }
    // Spaces at the edge of a change read better outside it.
    out.replace(" -]", "-] ").replace(" +}", "+} ").replace("[- ", " [-").replace("{+ ", " {+")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalized_in_parts_is_normalized() {
        for text in [
            "",
            "  ",
            " Le\u{A0}chat\n est  là. ",
            "e\u{301}te\u{301}  x",
            "a\u{2003}b\tc",
            "plain text",
            "\u{85}x\u{85}\u{a0}ÿ\u{0b}é ",
            "x\u{1c}y \u{2028}z",
            "a\u{1c}b  c\u{85}",
            "déjà vu",
            "déjà\u{a0}vu",
            " déjà",
            "déjà\t",
            "a  b",
            "x\u{c2}",
        ] {
            let mut parts = Vec::new();
            for_each_normalized(text, |part| parts.extend_from_slice(part));
            assert_eq!(String::from_utf8(parts).unwrap(), normalized(text), "{text:?}");
        }
    }

    #[test]
    fn scores() {
        assert_eq!(normalized("  Le\u{A0}chat\n est  là. "), "Le chat est là.");
        assert_eq!(normalized("e\u{301}te\u{301}"), "été");
        assert_eq!(score("Le chat dort.", "Le chat dort."), 100);
        assert_eq!(score("Le chat dort.", "Le chat dort!"), 92);
        let long = "Le président biélorusse a rencontré son homologue russe à Saint-Pétersbourg hier soir.";
        assert_eq!(score(long, &long.replace("hier", "Hier")), 98);
        assert_eq!(score("abc", "xyz"), 0);
        for min in [0, 50, 90, 98, 99] {
            let fast = score_at_least(long, &long.replace("hier", "Hier"), long.chars().count(), min);
            assert_eq!(fast, (98 >= min).then_some(98), "{min}");
        }
    }

    #[test]
    fn differences() {
        assert_eq!(changes("Le chat dort.", "Le chat dort."), "");
        assert_eq!(changes("Le chat noir dort.", "Le chien noir dort."), "Le [-chat-]{+chien+} noir dort.");
        assert_eq!(changes("Il dort.", "Il dort bien."), "Il [-dort.-]{+dort bien.+}");
        assert_eq!(changes("Il dort bien.", "Il dort."), "Il [-dort bien.-]{+dort.+}");
    }
}
