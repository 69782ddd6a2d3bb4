//! What informal text (e-mail, forums, reviews) marks sentences with when it drops capitals and full stops:
//! the formulas that open and close a letter, message-header time stamps, separator lines, web addresses.
//!
//! The tables are sorted (a test keeps them so) and hold general vocabulary, not words of any one text.

use super::chars::{char_at, char_before};
use crate::language::LanguageFamily;
use std::ops::Range;

/// Lower-case words that never open a sentence, even in text written without capitals: after "Inst."
/// or "Corp." they show the full stop was an abbreviation's ("Mass. Inst. of Technology").
const ENGLISH_NEVER_OPENS: &[&str] = &["of", "per", "than"];

/// Greetings that open a letter or a message ("Hi, ...", "Dear all, ..."), lower case.
const ENGLISH_SALUTATIONS: &[&str] =
    &["dear", "good afternoon", "good evening", "good morning", "greetings", "hello", "hey", "hi"];

const FRENCH_SALUTATIONS: &[&str] = &["bonjour", "bonsoir", "cher", "chers", "chère", "chères", "salut"];

/// Formulas that close a letter before the signature ("Best regards, Ann"), lower case.
const ENGLISH_CLOSINGS: &[&str] = &[
    "all the best",
    "best",
    "best regards",
    "best wishes",
    "cheers",
    "cordially",
    "kind regards",
    "kindest regards",
    "love",
    "many thanks",
    "regards",
    "respectfully",
    "sincerely",
    "sincerely yours",
    "take care",
    "thank you",
    "thanks",
    "warm regards",
    "warmest regards",
    "with thanks",
    "yours",
    "yours sincerely",
    "yours truly",
];

const FRENCH_CLOSINGS: &[&str] = &[
    "amicalement",
    "amitiés",
    "bien amicalement",
    "bien cordialement",
    "bien à toi",
    "bien à vous",
    "bises",
    "cordialement",
    "merci",
    "salutations",
    "sincèrement",
    "à bientôt",
];

fn tables(
    family: LanguageFamily,
    english: &'static [&'static str],
    french: &'static [&'static str],
) -> [&'static [&'static str]; 2] {
    match family {
        LanguageFamily::English => [english, &[]],
        LanguageFamily::French => [french, &[]],
        LanguageFamily::Other => [english, french],
    }
}

fn contains(tables: [&[&str]; 2], phrase: &str) -> bool {
    tables.iter().any(|table| table.binary_search(&phrase).is_ok())
}

/// `words` lower-cased and joined by single spaces.
fn phrase(words: &[&str]) -> String {
    words.join(" ").to_lowercase()
}

/// Whether lower-case `word` cannot open a sentence in `family`.
pub(crate) fn never_opens(family: LanguageFamily, word: &str) -> bool {
    family != LanguageFamily::French && ENGLISH_NEVER_OPENS.binary_search(&word).is_ok()
}

/// Whether `fragment` (the words before a comma that opens a text) is a greeting: a salutation and at
/// most three words naming whom it greets ("Hi", "Dear all", "Good morning Ann Smith").
pub(crate) fn is_salutation(family: LanguageFamily, fragment: &str) -> bool {
    let words: Vec<&str> = fragment.split_whitespace().collect();
    let tables = tables(family, ENGLISH_SALUTATIONS, FRENCH_SALUTATIONS);
    (1..=2.min(words.len())).any(|n| words.len() - n <= 3 && contains(tables, &phrase(&words[..n])))
        && words.iter().all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\''))
}

/// Whether `fragment` (the words before a comma) is a closing formula ("Best regards", "Cordialement").
pub(crate) fn is_closing(family: LanguageFamily, fragment: &str) -> bool {
    let words: Vec<&str> = fragment.split_whitespace().collect();
    words.len() <= 4 && contains(tables(family, ENGLISH_CLOSINGS, FRENCH_CLOSINGS), &phrase(&words))
}

/// The digits ending at `end` (at most `max`), as the offset where they start.
fn digits_before(text: &str, end: usize, max: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut start = end;
    while start > 0 && bytes[start - 1].is_ascii_digit() && end - start < max {
        start -= 1;
    }
    (start < end).then_some(start)
}

/// The digits starting at `start` (exactly `count`), as the offset after them.
fn digits_after(text: &str, start: usize, count: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let end = start + count;
    (end <= bytes.len() && bytes[start..end].iter().all(u8::is_ascii_digit)).then_some(end)
}

/// The time stamp a mail program writes in a message header, numeric date then time of day
/// ("08/16/2000 03:14:14 PM", "16/08/2000 15:14"), around the colon at `colon`: its byte range.
pub(crate) fn date_time_stamp(text: &str, colon: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let hour = digits_before(text, colon, 2)?;
    let mut end = digits_after(text, colon + 1, 2)?;
    if bytes.get(end) == Some(&b':') {
        end = digits_after(text, end + 1, 2)?;
    }
    if end < bytes.len() && bytes[end].is_ascii_digit() {
        return None;
    }
    // Day, month and year before the time, separated by slashes.
    if hour == 0 || bytes[hour - 1] != b' ' {
        return None;
    }
    let year = digits_before(text, hour - 1, 4).filter(|&y| hour - 1 - y >= 2)?;
    let mut start = year;
    for _ in 0..2 {
        if start == 0 || bytes[start - 1] != b'/' {
            return None;
        }
        start = digits_before(text, start - 1, 2)?;
    }
    if char_before(text, start).is_some_and(|c| !c.is_whitespace()) {
        return None;
    }
    let rest = &text[end..];
    let spaced = rest.strip_prefix(' ').unwrap_or(rest);
    if let Some(after) = ["AM", "PM", "am", "pm"].iter().find_map(|m| spaced.strip_prefix(m))
        && !after.starts_with(char::is_alphanumeric)
    {
        end = text.len() - after.len();
    }
    Some(start..end)
}

/// A separator line written inline: a standalone run of at least three `*`, `=`, `_` or `~`, or of at
/// least four `-` (three may stand for a dash), starting at `at`; its end.
pub(crate) fn separator_run(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mark = bytes[at];
    let least = match mark {
        b'*' | b'=' | b'_' | b'~' => 3,
        b'-' => 4,
        _ => return None,
    };
    if char_before(text, at).is_some_and(|c| !c.is_whitespace()) {
        return None;
    }
    let end = at + bytes[at..].iter().take_while(|&&b| b == mark).count();
    (end - at >= least && char_at(text, end).is_none_or(char::is_whitespace)).then_some(end)
}

/// The whitespace-delimited token around `at` that is a web or e-mail address, with the punctuation that
/// ends a sentence after it left out: its byte range.
pub(crate) fn web_address(text: &str, at: usize) -> Option<Range<usize>> {
    let start = text[..at].rfind(char::is_whitespace).map_or(0, |p| p + char_at(text, p).map_or(1, char::len_utf8));
    let end = text[at..].find(char::is_whitespace).map_or(text.len(), |p| at + p);
    let token = &text[start..end];
    let web = token.contains("://")
        || token.split_once('@').is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
    let core = token.trim_end_matches(['.', ',', ';', ':', '!', '?']);
    (web && !core.is_empty()).then(|| start..start + core.len())
}

/// Whether the text at `at` starts a web or e-mail address.
pub(crate) fn starts_web_address(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    let token = &rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())];
    let lower = token.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.") || {
        let token = token.trim_start_matches(['<', '(', '[', '"']);
        token.split_once('@').is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_lower_case_and_unique() {
        for table in [ENGLISH_NEVER_OPENS, ENGLISH_SALUTATIONS, FRENCH_SALUTATIONS, ENGLISH_CLOSINGS, FRENCH_CLOSINGS] {
            assert!(table.windows(2).all(|w| w[0] < w[1]), "not sorted: {table:?}");
            assert!(table.iter().all(|w| w.to_lowercase() == *w), "not lower case: {table:?}");
        }
    }

    #[track_caller]
    fn stamp(text: &str, expected: Option<&str>) {
        let colon = text.find(':').unwrap();
        assert_eq!(date_time_stamp(text, colon).map(|r| &text[r]), expected, "{text:?}");
    }

    #[test]
    fn time_stamps() {
        stamp("Ann Lee 08/16/2000 03:14:14 PM Hello", Some("08/16/2000 03:14:14 PM"));
        stamp("Ann Lee 16/08/2000 15:14 Bonjour", Some("16/08/2000 15:14"));
        stamp("x 1/2/99 9:05 am.", Some("1/2/99 9:05 am"));
        stamp("We met at 10:30 AM on Monday", None);
        stamp("Score 3/4 10:30", None);
        stamp("ref12/08/2000 10:30", None);
        stamp("08/16/2000 10:305", None);
    }

    #[test]
    fn salutations_and_closings() {
        use LanguageFamily::*;
        assert!(is_salutation(English, "Hi"));
        assert!(is_salutation(English, "Dear all"));
        assert!(is_salutation(English, "Good morning Ann Smith"));
        assert!(!is_salutation(English, "Hi there my dear old friend"));
        assert!(!is_salutation(English, "Highly"));
        assert!(is_salutation(French, "Chère Marie"));
        assert!(is_closing(English, "Best  regards"));
        assert!(is_closing(English, "Thanks"));
        assert!(!is_closing(English, "Thanks again for the help"));
        assert!(is_closing(French, "Bien à vous"));
        assert!(!is_closing(French, "Regards"));
        assert!(never_opens(English, "of"));
        assert!(!never_opens(French, "of"));
    }

    #[test]
    fn separators_and_addresses() {
        assert_eq!(separator_run("a *** b", 2), Some(5));
        assert_eq!(separator_run("a --- b", 2), None);
        assert_eq!(separator_run("a ---- b", 2), Some(6));
        assert_eq!(separator_run("a ***b", 2), None);
        let text = "mail ann@example.org. Then";
        assert_eq!(web_address(text, 8).map(|r| &text[r]), Some("ann@example.org"));
        assert_eq!(web_address("John Smith@ENRON x", 10), None);
        assert!(starts_web_address("https://x.org y", 0));
        assert!(starts_web_address("<ann@x.org>", 0));
        assert!(!starts_web_address("Then", 0));
    }
}
