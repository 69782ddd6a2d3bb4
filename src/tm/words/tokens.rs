//! The words the index holds and their hashes: runs of letters and digits, folded as
//! [`crate::fold::fold`] folds them, hashed to 32 bits without a string for each.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// The hash of a folded word's bytes: eight bytes at a time, each eight mixed in by a multiplication.
fn word_hash(bytes: &[u8]) -> u32 {
    word_hash_with(bytes, 0)
}

/// [`word_hash`] of `bytes` with `mask` or-ed into every byte (0x20 lower-cases an ASCII word).
fn word_hash_with(bytes: &[u8], mask: u8) -> u32 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mask = u64::from_le_bytes([mask; 8]);
    let mut hash = (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let v = u64::from_le_bytes(chunk.try_into().expect("eight bytes")) | mask;
        hash = (hash ^ v).wrapping_mul(K);
        hash ^= hash >> 29;
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        let v = u64::from_le_bytes(last) | (mask >> (8 * (8 - rest.len())));
        hash = (hash ^ v).wrapping_mul(K);
        hash ^= hash >> 29;
    }
    hash = hash.wrapping_mul(K);
    (hash >> 32) as u32 ^ hash as u32
}

/// Appends the hashes of the words of `text` that the index holds to `out`.
///
/// A word is a run of letters and digits (with the combining marks among them); it is indexed when it has
/// three characters or more, or a digit (the shortest words are too common to find candidates by). It is
/// hashed folded as [`crate::fold::fold`] folds it: lower case, accents off, ligatures spelled out. ASCII
/// words (most) are hashed where they lie; the others are folded into a small buffer first.
pub(crate) fn push_word_hashes(text: &str, out: &mut Vec<u32>) {
    let bytes = text.as_bytes();
    let mut folded: Vec<u8> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        // Skip to a word.
        let byte = bytes[at];
        if byte.is_ascii() && !byte.is_ascii_alphanumeric() {
            at += 1;
            continue;
        }
        // An ASCII word, as long as it stays ASCII.
        let start = at;
        let mut digit = false;
        while at < bytes.len() && bytes[at].is_ascii_alphanumeric() {
            digit |= bytes[at].is_ascii_digit();
            at += 1;
        }
        if at == bytes.len() || bytes[at].is_ascii() {
            if at - start >= 3 || digit {
                // Letters and digits only: or-ing 0x20 lower-cases the letters and keeps the digits.
                out.push(word_hash_with(&bytes[start..at], 0x20));
            }
            continue;
        }
        // A word with other characters: folded character by character.
        folded.clear();
        folded.extend(bytes[start..at].iter().map(u8::to_ascii_lowercase));
        let mut length = at - start;
        let mut in_word = at > start;
        while at < bytes.len() {
            let byte = bytes[at];
            if byte.is_ascii() {
                if !byte.is_ascii_alphanumeric() {
                    break;
                }
                folded.push(byte.to_ascii_lowercase());
                length += 1;
                digit |= byte.is_ascii_digit();
                at += 1;
                continue;
            }
            let (kind, width) = if (0xc2..0xe0).contains(&byte) && at + 1 < bytes.len() {
                // Two-byte characters (accented Latin letters among them) from a table.
                let code = (usize::from(byte & 0x1f) << 6) | usize::from(bytes[at + 1] & 0x3f);
                let entry = &two_byte_table()[code - 0x80];
                if matches!(entry.kind, Kind::Letter | Kind::Digit) {
                    folded.extend_from_slice(&entry.folded[..usize::from(entry.length)]);
                }
                (entry.kind, 2)
            } else {
                let c = text[at..].chars().next().expect("at a character boundary");
                let kind = character_kind(c);
                if matches!(kind, Kind::Letter | Kind::Digit) {
                    fold_char(c, |f| folded.extend_from_slice(f.encode_utf8(&mut [0; 4]).as_bytes()));
                }
                (kind, c.len_utf8())
            };
            if kind == Kind::Other {
                break;
            }
            at += width;
            if kind != Kind::Mark {
                length += 1;
                digit |= kind == Kind::Digit;
                in_word = true;
            }
        }
        if in_word && (length >= 3 || digit) {
            out.push(word_hash(&folded));
        }
        // A lone mark or other character: step over it.
        if at == start {
            at += text[at..].chars().next().map_or(1, char::len_utf8);
        }
    }
}

/// What a character is to the index.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Not part of a word.
    Other,
    /// A combining mark: inside a word, left out.
    Mark,
    /// A letter.
    Letter,
    /// A digit (or other number).
    Digit,
}

fn character_kind(c: char) -> Kind {
    if is_combining_mark(c) {
        Kind::Mark
    } else if !c.is_alphanumeric() {
        Kind::Other
    } else if c.is_numeric() {
        Kind::Digit
    } else {
        Kind::Letter
    }
}

/// A two-byte character as the index sees it: its kind and its folded UTF-8 bytes.
struct Folded {
    kind: Kind,
    length: u8,
    folded: [u8; 12],
}

/// U+0080 to U+07FF, each as [`push_word_hashes`] would take it character by character.
fn two_byte_table() -> &'static [Folded] {
    static TABLE: std::sync::OnceLock<Vec<Folded>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0x80u32..0x800)
            .map(|code| {
                let c = char::from_u32(code).expect("not a surrogate");
                let kind = character_kind(c);
                let mut folded = String::new();
                if matches!(kind, Kind::Letter | Kind::Digit) {
                    fold_char(c, |f| folded.push(f));
                }
                let mut entry = Folded { kind, length: folded.len() as u8, folded: [0; 12] };
                entry.folded[..folded.len()].copy_from_slice(folded.as_bytes());
                entry
            })
            .collect()
    })
}

/// The characters [`crate::fold::fold`] makes of `c` (a letter or digit that is not ASCII).
fn fold_char(c: char, mut emit: impl FnMut(char)) {
    decompose_canonical(c, |d| match d {
        d if is_combining_mark(d) => {}
        'œ' | 'Œ' => "oe".chars().for_each(&mut emit),
        'æ' | 'Æ' => "ae".chars().for_each(&mut emit),
        'ß' => "ss".chars().for_each(&mut emit),
        'ø' | 'Ø' => emit('o'),
        'ł' | 'Ł' => emit('l'),
        'đ' | 'Đ' => emit('d'),
        '’' | '‘' | 'ʼ' => emit('\''),
        d => d.to_lowercase().for_each(&mut emit),
    });
}

/// The words of `text` as the index sees them, short ones included: each one's byte range in `text`
/// and its folded form (combining marks inside a word belong to it; one before any letter is skipped).
pub(crate) fn word_spans(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut spans = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (at, c) in text.char_indices() {
        match character_kind(c) {
            Kind::Letter | Kind::Digit => {
                let (_, folded) = current.get_or_insert_with(|| (at, String::new()));
                if c.is_ascii() {
                    folded.push(c.to_ascii_lowercase());
                } else {
                    fold_char(c, |f| folded.push(f));
                }
            }
            Kind::Mark => {}
            Kind::Other => {
                if let Some((start, folded)) = current.take() {
                    spans.push((start..at, folded));
                }
            }
        }
    }
    if let Some((start, folded)) = current {
        spans.push((start..text.len(), folded));
    }
    spans
}

/// The distinct word hashes of `texts`, sorted.
pub(crate) fn unit_words<'t>(texts: impl IntoIterator<Item = &'t str>) -> Vec<u32> {
    let mut words = Vec::new();
    for text in texts {
        push_word_hashes(text, &mut words);
    }
    words.sort_unstable();
    words.dedup();
    words
}

/// The hashes of the index words of `query`, in order (repeats kept).
pub(crate) fn query_words(query: &str) -> Vec<u32> {
    let mut words = Vec::new();
    push_word_hashes(query, &mut words);
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash of a word folded by the crate's own folding (what the fast path must agree with).
    fn folded_hash(word: &str) -> u32 {
        word_hash(crate::fold::fold(word).as_bytes())
    }

    #[test]
    fn words_fold_case_and_accents_and_keep_short_ones_out() {
        assert_eq!(unit_words(["Élysée, ELYSEE et élysée!"]), unit_words(["elysee"]));
        assert_eq!(query_words("Le chat a 3 pattes"), query_words("chat 3 PATTES"));
        assert!(query_words("le la de").is_empty());
        let text = "Le CHAT dort à 3 h, l'ÉTÉ. Ärger über 1984 Öl-Preise ΣΊΣΥΦΟΣ Œuvre straße Łódź Ørsted İstanbul";
        let words = [
            "chat",
            "dort",
            "3",
            "été",
            "ärger",
            "über",
            "1984",
            "preise",
            "σίσυφοσ",
            "œuvre",
            "straße",
            "łódź",
            "ørsted",
            "i̇stanbul",
        ];
        assert_eq!(query_words(text), words.iter().map(|w| folded_hash(w)).collect::<Vec<_>>());
        assert_eq!(folded_hash("œuvre"), folded_hash("OEUVRE"));
        // Decomposed accents stay inside their word.
        assert_eq!(query_words("e\u{301}te\u{301} cafe\u{301}"), query_words("été café"));
    }

    /// Words split and folded character by character, without the table of two-byte characters.
    fn slow_word_hashes(text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        let mut word = String::new();
        let mut digit = false;
        for c in text.chars().chain([' ']) {
            if is_combining_mark(c) {
                continue;
            }
            if c.is_alphanumeric() {
                word.push(c);
                digit |= c.is_numeric();
            } else {
                if word.chars().count() >= 3 || digit {
                    out.push(folded_hash(&word));
                }
                word.clear();
                digit = false;
            }
        }
        out
    }

    #[test]
    fn word_spans_name_the_words_the_index_holds() {
        let text = "L'ÉTÉ, e\u{301}te\u{301} à Łódź : 3 œufs.";
        let spans = word_spans(text);
        let words: Vec<(&str, &str)> = spans.iter().map(|(r, f)| (&text[r.clone()], f.as_str())).collect();
        assert_eq!(
            words,
            [
                ("L", "l"),
                ("ÉTÉ", "ete"),
                ("e\u{301}te\u{301}", "ete"),
                ("à", "a"),
                ("Łódź", "lodz"),
                ("3", "3"),
                ("œufs", "oeufs")
            ]
        );
        // Every word of three letters or more hashes as the index hashes it.
        let long: Vec<u32> = spans
            .iter()
            .filter(|(_, f)| f.chars().count() >= 3 || f.chars().any(|c| c.is_numeric()))
            .map(|(r, _)| query_words(&text[r.clone()])[0])
            .collect();
        assert_eq!(long, query_words(text));
    }

    proptest::proptest! {
        #[test]
        fn word_spans_cut_any_text_at_character_boundaries(text in "\\PC{0,40}") {
            let mut end = 0;
            for (range, folded) in word_spans(&text) {
                proptest::prop_assert!(range.start >= end && range.start < range.end);
                proptest::prop_assert!(text.get(range.clone()).is_some());
                proptest::prop_assert!(!folded.is_empty() || text[range.clone()].chars().all(|c| !c.is_alphanumeric()));
                end = range.end;
            }
        }
    }

    #[test]
    fn two_byte_characters_are_taken_as_one_by_one() {
        for code in 0x80u32..0x800 {
            let c = char::from_u32(code).unwrap();
            for text in [format!("ab{c}cd ef"), format!("{c}x"), format!("1{c}"), format!("mot {c}{c}{c}")] {
                assert_eq!(query_words(&text), slow_word_hashes(&text), "{text:?} (U+{code:04X})");
            }
        }
    }
}
