//! Character classes and byte-offset helpers for the rule scanner.

/// The character starting at byte `at` of `text`, if any.
pub(crate) fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|rest| rest.chars().next())
}

/// The character ending at byte `at` of `text`, if any.
pub(crate) fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at).and_then(|head| head.chars().next_back())
}

/// The first offset at or after `at` that is not whitespace (or `text.len()`).
pub(crate) fn skip_whitespace(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    at + (rest.len() - rest.trim_start().len())
}

/// The first offset at or after `at` that is not a space or tab (line breaks stop it).
pub(crate) fn skip_horizontal_space(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    at + (rest.len() - rest.trim_start_matches(|c: char| c.is_whitespace() && c != '\n' && c != '\r').len())
}

/// Quotes and brackets that close what a sentence-final mark ends: `."`, `.)`, `. »`.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '”' | '’' | '»' | '›' | '"' | '\'' | '」' | '』')
}

/// Closers that French typography sets off with a (non-breaking) space: `fini. »`.
pub(crate) fn is_spaced_closer(c: char) -> bool {
    matches!(c, '»' | '›')
}

/// Quotes and brackets that open: after one, the next letter decides.
pub(crate) fn is_opener(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '“' | '‘' | '«' | '‹' | '"' | '\'' | '„' | '‚' | '¿' | '¡' | '「' | '『')
}

/// Characters that end the token before a full stop when scanning backwards (openers, but not the
/// apostrophe, which belongs to elisions such as l'art).
pub(crate) fn is_token_boundary(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '{' | '“' | '‘' | '«' | '‹' | '"' | '„' | '/')
}

/// List bullets.
pub(crate) fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '‣' | '⁃' | '◦' | '▪' | '▫' | '●' | '○' | '■' | '□' | '➢' | '►')
}

/// Sentence-final marks of CJK text, which need no following space.
pub(crate) fn is_cjk_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

/// Marks a cluster of sentence-final punctuation is made of.
pub(crate) fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

/// Punctuation after which a sentence goes on: `Yahoo! in`, `?, dit-il`.
pub(crate) fn continues_sentence(c: char) -> bool {
    c.is_lowercase() || matches!(c, ',' | ';' | ':' | ')' | ']' | '}' | '%' | '»' | '’')
}

/// The offset after the closers that follow offset `at`: `."`, `.)`, `. »`.
pub(crate) fn skip_closers(text: &str, at: usize) -> usize {
    let mut pos = at;
    loop {
        match char_at(text, pos) {
            Some(c) if is_closer(c) => pos += c.len_utf8(),
            Some(c) if c.is_whitespace() && c != '\n' && c != '\r' => {
                let after = skip_horizontal_space(text, pos);
                match char_at(text, after) {
                    Some(q) if is_spaced_closer(q) => pos = after + q.len_utf8(),
                    _ => return pos,
                }
            }
            _ => return pos,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_quotes_and_brackets_after_a_stop_are_skipped() {
        assert_eq!(skip_closers("a.\" b", 2), 3);
        assert_eq!(skip_closers("fini. » Puis", 5), 8);
        assert_eq!(skip_closers("fini.\u{a0}» Puis", 5), 9);
        assert_eq!(skip_closers("a.) x", 2), 3);
        assert_eq!(skip_closers("a. b", 2), 2);
    }

    #[test]
    fn characters_around_an_offset_are_read_whole() {
        assert_eq!(char_at("aé", 1), Some('é'));
        assert_eq!(char_before("aé", 3), Some('é'));
        assert_eq!(char_before("aé", 0), None);
        assert_eq!(skip_whitespace("a \u{a0}\nb", 1), 5);
        assert_eq!(skip_horizontal_space("a \n b", 1), 2);
    }
}
