//! List markers: `1.`, `1.)`, `1)`, `a.`, `a)` at the start of an item.

/// How a marker is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MarkerStyle {
    /// `1.`
    Dot,
    /// `1.)`
    DotParen,
    /// `1)`
    Paren,
    /// `a.`
    LetterDot,
    /// `a)`
    LetterParen,
}

/// A list marker found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marker {
    pub style: MarkerStyle,
    /// The item number (`a` is 1).
    pub value: u32,
    /// The offset just after the marker's punctuation.
    pub punct_end: usize,
}

/// The list marker starting at byte `at` of `text`: one or two digits, or one lower-case ASCII letter,
/// then `.`, `.)` or `)`, then whitespace.
pub(crate) fn marker_at(text: &str, at: usize) -> Option<Marker> {
    let bytes = text.as_bytes();
    let mut pos = at;
    while pos < bytes.len() && bytes[pos].is_ascii_digit() && pos - at < 3 {
        pos += 1;
    }
    let (value, letter) = match pos - at {
        1 | 2 => (text[at..pos].parse::<u32>().ok()?, false),
        0 if bytes.get(at).is_some_and(u8::is_ascii_lowercase) => {
            pos += 1;
            (u32::from(bytes[at] - b'a') + 1, true)
        }
        _ => return None,
    };
    let style = match (bytes.get(pos), bytes.get(pos + 1)) {
        (Some(b'.'), Some(b')')) if !letter => MarkerStyle::DotParen,
        (Some(b'.'), _) => {
            if letter {
                MarkerStyle::LetterDot
            } else {
                MarkerStyle::Dot
            }
        }
        (Some(b')'), _) => {
            if letter {
                MarkerStyle::LetterParen
            } else {
                MarkerStyle::Paren
            }
        }
        _ => return None,
    };
    let punct_end = pos + if style == MarkerStyle::DotParen { 2 } else { 1 };
    match text[punct_end..].chars().next() {
        Some(c) if c.is_whitespace() => Some(Marker { style, value, punct_end }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use MarkerStyle::*;

    #[track_caller]
    fn case(text: &str, expected: Option<(MarkerStyle, u32, usize)>) {
        let got = marker_at(text, 0).map(|m| (m.style, m.value, m.punct_end));
        assert_eq!(got, expected, "{text:?}");
    }

    #[test]
    fn list_markers_are_numbers_or_letters_with_a_dot_or_a_parenthesis() {
        case("1. The", Some((Dot, 1, 2)));
        case("12.) The", Some((DotParen, 12, 4)));
        case("3) x", Some((Paren, 3, 2)));
        case("b. The", Some((LetterDot, 2, 2)));
        case("c) the", Some((LetterParen, 3, 2)));
        case("123. x", None);
        case("1.5 x", None);
        case("1.", None);
        case("A. Smith", None);
        case("ab. x", None);
    }
}
