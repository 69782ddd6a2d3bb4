//! Paragraphs: blocks of lines separated by blank lines, or single lines.

use std::ops::Range;

/// How paragraphs are found.
///
/// In every mode a line that ends with a space and is followed by one starting in lower case continues
/// the same paragraph (a soft line break).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ParagraphMode {
    /// Blank lines separate paragraphs when the text has any; otherwise every line is a paragraph.
    #[default]
    Auto,
    /// Only blank lines separate paragraphs; a single line break inside one is ordinary whitespace (text
    /// wrapped at a fixed width, or extracted from PDF) unless it starts a list item or follows a heading.
    Blank,
    /// Every line is a paragraph.
    Line,
}

/// The byte ranges of the lines of `text`, without their terminators (`\n`, `\r\n` or `\r`).
fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        match memchr::memchr2(b'\n', b'\r', &bytes[pos..]) {
            Some(offset) => {
                let end = pos + offset;
                pos = end + 1;
                if bytes[end] == b'\r' && bytes.get(pos) == Some(&b'\n') {
                    pos += 1;
                }
                Some(start..end)
            }
            None => {
                pos = bytes.len();
                Some(start..bytes.len())
            }
        }
    })
}

fn is_blank(text: &str, line: &Range<usize>) -> bool {
    text[line.clone()].trim().is_empty()
}

/// A line that ends in a space and is followed by one that starts in lower case was wrapped, not ended
/// (the "soft line break" of RFC 3676's format=flowed): "It was a cold \nnight in the city."
fn soft_break(text: &str, line_end: usize, next: &Range<usize>) -> bool {
    text[..line_end].ends_with([' ', '\t'])
        && text[next.clone()].trim_start().chars().next().is_some_and(char::is_lowercase)
}

/// Whether `text` holds a blank line between two non-blank ones.
fn has_blank_line(text: &str) -> bool {
    let mut seen_text = false;
    let mut blank_after_text = false;
    for line in lines(text) {
        if is_blank(text, &line) {
            blank_after_text |= seen_text;
        } else if blank_after_text {
            return true;
        } else {
            seen_text = true;
        }
    }
    false
}

/// The paragraphs of `text`, as byte ranges without surrounding whitespace, in order.
pub(crate) fn paragraphs(text: &str, mode: ParagraphMode) -> impl Iterator<Item = Range<usize>> + '_ {
    let by_line = match mode {
        ParagraphMode::Line => true,
        ParagraphMode::Blank => false,
        ParagraphMode::Auto => !has_blank_line(text),
    };
    let mut lines = lines(text).peekable();
    std::iter::from_fn(move || {
        // Skip blank lines, then take one line, or lines up to the next blank one.
        let first = loop {
            let line = lines.next()?;
            if !is_blank(text, &line) {
                break line;
            }
        };
        let mut end = first.end;
        while let Some(next) = lines.peek() {
            if is_blank(text, next) || (by_line && !soft_break(text, end, next)) {
                break;
            }
            end = next.end;
            lines.next();
        }
        let block = &text[first.start..end];
        let start = first.start + (block.len() - block.trim_start().len());
        Some(start..start + block.trim().len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, mode: ParagraphMode, expected: &[&str]) {
        let got: Vec<&str> = paragraphs(text, mode).map(|r| &text[r]).collect();
        assert_eq!(got, expected, "{text:?} {mode:?}");
    }

    #[test]
    fn paragraphs_split_at_blank_lines_or_lines_as_the_mode_says() {
        use ParagraphMode::*;
        case("", Auto, &[]);
        case("one\ntwo\n", Auto, &["one", "two"]);
        case("one\ntwo\n\nthree", Auto, &["one\ntwo", "three"]);
        case("one\r\ntwo\r\n\r\nthree\r\n", Auto, &["one\r\ntwo", "three"]);
        case("\n\n  one  \n \t\n\ntwo", Auto, &["one", "two"]);
        case("one\ntwo\n\nthree", Line, &["one", "two", "three"]);
        case("one\ntwo\nthree", Blank, &["one\ntwo\nthree"]);
        case("old\rmac\r\rtext", Auto, &["old\rmac", "text"]);
        case("It was a cold \nnight.\nNext", Auto, &["It was a cold \nnight.", "Next"]);
        case("features\ncontact manager\n", Auto, &["features", "contact manager"]);
        case("\n\nonly\n\n", Auto, &["only"]);
    }
}
