//! Spelling normalisation before publishing: find the deprecated spellings (and probable errors) of a term
//! base's terms in a document, and report them or replace them with the preferred form of the document's
//! language.
//!
//! Matching is done on a folded copy of the text (case and accents aside, whitespace runs as one space)
//! with a multi-pattern automaton (leftmost-longest), then mapped back to the original: whole words only,
//! never inside protected parts (see [`DocumentFormat`]), and the replacement takes the case of what it
//! replaces. The document is read and written in chunks of whole lines, so memory does not grow with it,
//! and every byte outside a replacement is written back as it was.
//!
//! ```
//! use trame::normalize::{DocumentFormat, NormalizeOptions, Normalizer};
//! use trame::termbase::builtin;
//!
//! let normalizer = Normalizer::new(&builtin(), "fr", &NormalizeOptions::default());
//! let mut out = Vec::new();
//! let mut found = Vec::new();
//! let text = "LUKACHENKO a rencontré Lukachenko.\n";
//! normalizer
//!     .run(text.as_bytes(), Some(&mut out), DocumentFormat::Text, "t.txt", &mut |f| found.push(f))
//!     .unwrap();
//! assert_eq!(String::from_utf8(out).unwrap(), "LOUKACHENKO a rencontré Loukachenko.\n");
//! assert_eq!((found[0].line, found[0].column, found[0].replacement.as_str()), (1, 1, "LOUKACHENKO"));
//! ```

mod diff;
pub(crate) mod folded;
mod protect;
pub(crate) mod rules;
mod stream;

use crate::position::Location;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
pub use diff::write_diff;
use folded::{FoldedText, Folder};
pub use protect::DocumentFormat;
use protect::Protector;
use rules::Rule;
use serde::Serialize;
use std::fmt;
use std::io::{self, BufRead, Write};
use stream::{MAX_PIECE, Pending, Pieces};

/// Settings of a normaliser.
#[derive(Debug, Clone, Default)]
pub struct NormalizeOptions {
    /// Replace admitted variants too (not only deprecated ones and errors).
    pub include_admitted: bool,
    /// Forms never to replace.
    pub keep: Vec<String>,
    /// HTML: also the values of the attributes a reader sees (`alt`, `title`, `aria-label`,
    /// `placeholder`); otherwise only text nodes.
    pub visible_attributes: bool,
}

/// One spelling found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The file (or `<stdin>`).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte offset in the file.
    pub byte_offset: usize,
    /// The text found, as written.
    pub found: String,
    /// What replaces it.
    pub replacement: String,
    /// The concept id.
    pub concept: String,
    /// The status of the form found (deprecated, admitted, error, or the language it belongs to).
    pub status: String,
    /// The line it is on.
    pub context: String,
}

/// Why a document could not be normalised.
#[derive(Debug)]
pub enum NormalizeError {
    /// Reading or writing failed.
    Io(io::Error),
    /// The document is not UTF-8 text.
    NotText {
        /// Where the first byte that is not text is.
        at: Location,
        /// What is wrong.
        message: String,
    },
}

impl fmt::Display for NormalizeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NormalizeError::Io(e) => write!(f, "{e}"),
            NormalizeError::NotText { at, message } => write!(f, "{at}: {message}"),
        }
    }
}

impl std::error::Error for NormalizeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            NormalizeError::Io(e) => Some(e),
            NormalizeError::NotText { .. } => None,
        }
    }
}

impl From<io::Error> for NormalizeError {
    fn from(e: io::Error) -> Self {
        NormalizeError::Io(e)
    }
}

/// What a run did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Spellings found (and replaced, when writing).
    pub findings: usize,
    /// Bytes read.
    pub bytes: usize,
}

/// Finds and replaces the deprecated spellings of one language.
pub struct Normalizer {
    automaton: AhoCorasick,
    /// The rules of each pattern of the automaton (one folded pattern may have an exact rule and another).
    rules: Vec<Vec<Rule>>,
    /// Text gathered before matching, in bytes (at least 4 pieces).
    chunk: usize,
    /// The longest piece read at once.
    max_piece: usize,
    /// See [`NormalizeOptions::visible_attributes`].
    visible_attributes: bool,
}

/// Pieces are gathered into chunks of about this size before matching (at least 4 pieces).
const CHUNK: usize = 1 << 20;
const _: () = assert!(CHUNK >= 4 * MAX_PIECE);

impl Normalizer {
    /// A normaliser for documents in `language` (a primary tag such as `fr`), from the terms of `base`.
    pub fn new(base: &crate::termbase::TermBase, language: &str, options: &NormalizeOptions) -> Self {
        let mut folder = Folder::default();
        let mut by_pattern: indexmap::IndexMap<String, Vec<Rule>> = indexmap::IndexMap::new();
        for rule in rules::rules(base, language, options, &mut folder) {
            by_pattern.entry(rule.pattern.clone()).or_default().push(rule);
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(by_pattern.keys())
            .expect("patterns build");
        Normalizer {
            automaton,
            rules: by_pattern.into_values().collect(),
            chunk: CHUNK,
            max_piece: MAX_PIECE,
            visible_attributes: options.visible_attributes,
        }
    }

    /// How many spellings it looks for.
    pub fn len(&self) -> usize {
        self.rules.iter().map(Vec::len).sum()
    }

    /// Whether it looks for nothing.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Reads `input` (UTF-8, with or without a byte order mark), reports each spelling found to `found`,
    /// and, when `output` is given, writes the document with the replacements made. `name` names the
    /// document in findings and errors. On an error nothing more is written.
    pub fn run(
        &self,
        mut input: impl BufRead,
        output: Option<&mut dyn Write>,
        format: DocumentFormat,
        name: &str,
        found: &mut dyn FnMut(Finding),
    ) -> Result<Summary, NormalizeError> {
        refuse_binary(input.fill_buf()?, name)?;
        let mut sink = io::sink();
        let output: &mut dyn Write = match output {
            Some(out) => out,
            None => &mut sink,
        };
        let mut protector = Protector::new(format).with_visible_attributes(self.visible_attributes);
        let mut folder = Folder::default();
        let mut folded = FoldedText::default();
        let mut summary = Summary::default();
        let mut pending = Pending::default();
        let mut pieces = Pieces::new(input, self.max_piece);
        let mut raw = Vec::new();
        // Where the next piece starts: its line, and the characters before it on that line.
        let (mut line, mut column) = (1, 0);
        loop {
            let more = pieces.next_piece(&mut raw)?;
            if more {
                let mut bytes = &raw[..];
                if summary.bytes == 0 && bytes.starts_with(BOM) {
                    output.write_all(BOM)?;
                    bytes = &bytes[BOM.len()..];
                    pending.byte = BOM.len();
                }
                summary.bytes += raw.len();
                let piece = check_text(bytes, name, line, column)?;
                pending.push(piece, protector.protected(piece, column == 0));
                if piece.ends_with('\n') {
                    (line, column) = (line + 1, 0);
                } else {
                    column += piece.chars().count();
                }
            }
            if !more || pending.text.len() >= self.chunk {
                // All but the last piece, so that a name broken over a line break is found, unless the
                // input is over.
                let keep_from = if more { pending.last_piece } else { pending.text.len() };
                let cut =
                    self.process(&pending, keep_from, &mut folder, &mut folded, name, output, found, &mut summary)?;
                pending.advance(cut);
            }
            if !more {
                break;
            }
        }
        output.flush()?;
        Ok(summary)
    }

    /// Finds the spellings in `pending`, reports them and writes the text with its replacements up to
    /// `keep_from` or the end of the last match started before it; returns how far it got.
    #[allow(clippy::too_many_arguments)]
    fn process(
        &self,
        pending: &Pending,
        keep_from: usize,
        folder: &mut Folder,
        folded: &mut FoldedText,
        name: &str,
        output: &mut dyn Write,
        found: &mut dyn FnMut(Finding),
        summary: &mut Summary,
    ) -> Result<usize, NormalizeError> {
        let text = pending.text.as_str();
        folder.fold_into(text, folded);
        let mut written = 0;
        let mut cursor = Cursor { at: 0, line: pending.line, line_start: 0, column: pending.column };
        // Where the search goes on: past the last match taken (see `next_match`).
        let mut at = 0;
        while let Some(found_at) = self.next_match(text, folded, at, keep_from, |s, e| pending.is_protected(s, e)) {
            let SpellingAt { start, end, next, rule } = found_at;
            at = next;
            let original = &text[start..end];
            let replacement = rules::shaped(original, &rule.replacement);
            cursor.advance(text, start);
            let (line, line_start, column) = (cursor.line, cursor.line_start, cursor.column + 1);
            found(Finding {
                file: name.to_string(),
                line,
                column,
                byte_offset: pending.byte + start,
                found: original.to_string(),
                replacement: replacement.clone(),
                concept: rule.concept.clone(),
                status: rule.status.clone(),
                context: context(text, line_start, start, end),
            });
            summary.findings += 1;
            output.write_all(&text.as_bytes()[written..start])?;
            output.write_all(replacement.as_bytes())?;
            written = end;
        }
        let cut = keep_from.max(written);
        output.write_all(&text.as_bytes()[written..cut])?;
        Ok(cut)
    }
}

/// A spelling found in a text: its span in the original, where the search goes on in the folded copy,
/// and the rule that applies.
pub(crate) struct SpellingAt<'n> {
    pub start: usize,
    pub end: usize,
    next: usize,
    pub rule: &'n Rule,
}

impl Normalizer {
    /// The first spelling of `text` (folded as `folded`) found from folded byte `at` on that starts before
    /// byte `before` of the original and is not `protected`.
    ///
    /// A candidate left (a word glued to its neighbour, a protected span, a case the rule does not take,
    /// part of a character that folds to several) moves the search on just after its start, so that a
    /// shorter spelling inside it is still found.
    fn next_match(
        &self,
        text: &str,
        folded: &FoldedText,
        mut at: usize,
        before: usize,
        protected: impl Fn(usize, usize) -> bool,
    ) -> Option<SpellingAt<'_>> {
        while let Some(m) = self.automaton.find(Input::new(&folded.text).span(at..folded.text.len())) {
            let (start, end) = folded.original_span(m.start(), m.end(), text);
            if start >= before {
                return None;
            }
            at = m.start() + 1;
            // Part of a character that folds to several (the "s" of "ß", folded "ss") is not a match.
            if !folded.whole_characters(m.start(), m.end()) || !whole_word(text, start, end) || protected(start, end) {
                continue;
            }
            let original = &text[start..end];
            if let Some(rule) = self.rules[m.pattern().as_usize()].iter().find(|r| r.applies_to(original)) {
                return Some(SpellingAt { start, end, next: m.end(), rule });
            }
        }
        None
    }

    /// Every spelling of one short text (a segment) that this normaliser would replace, in order; `folder`
    /// and `folded` are buffers kept from one call to the next.
    pub(crate) fn spellings<'n>(
        &'n self,
        text: &str,
        folder: &mut Folder,
        folded: &mut FoldedText,
    ) -> Vec<SpellingAt<'n>> {
        folder.fold_into(text, folded);
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(spelling) = self.next_match(text, folded, at, text.len(), |_, _| false) {
            at = spelling.next;
            found.push(spelling);
        }
        found
    }
}

const BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// A position in the pending text, moved forward only, so that lines and columns cost time in proportion
/// to the text (not to the text times the matches on a long line).
struct Cursor {
    /// Byte offset reached.
    at: usize,
    /// Its 1-based line.
    line: usize,
    /// Where that line starts in the text (0 when it started before).
    line_start: usize,
    /// Characters between the start of the line and `at`.
    column: usize,
}

impl Cursor {
    fn advance(&mut self, text: &str, to: usize) {
        let between = &text.as_bytes()[self.at..to];
        match memchr::memrchr(b'\n', between) {
            Some(k) => {
                self.line += memchr::memchr_iter(b'\n', between).count();
                self.line_start = self.at + k + 1;
                self.column = text[self.line_start..to].chars().count();
            }
            None => self.column += text[self.at..to].chars().count(),
        }
        self.at = to;
    }
}

/// The line around a match (at most about 70 characters each side), trimmed.
fn context(text: &str, line_start: usize, start: usize, end: usize) -> String {
    const SIDE: usize = 70;
    // Look for the end of the line no further than the characters kept.
    let window = (end + 4 * SIDE).min(text.len());
    let window = (window..=text.len()).find(|&k| text.is_char_boundary(k)).unwrap_or(text.len());
    let line_end = memchr::memchr(b'\n', &text.as_bytes()[end..window]).map_or(window, |k| end + k);
    let from = text[line_start..start].char_indices().rev().nth(SIDE - 1).map_or(line_start, |(k, _)| line_start + k);
    let to = text[end..line_end].char_indices().nth(SIDE).map_or(line_end, |(k, _)| end + k);
    text[from..to].trim().to_string()
}

/// Whether `text[start..end]` stands as whole words: no letter or digit (nor a hyphen joined to one)
/// right before or after.
pub(crate) fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    // `start - 1` and `end + 1` step over an ASCII hyphen just seen there: character boundaries.
    let joined_before = before == Some('-') && word(text[..start - 1].chars().next_back());
    let joined_after = after == Some('-') && word(text[end + 1..].chars().next());
    !word(before) && !word(after) && !joined_before && !joined_after
}

/// Refuses a document whose first bytes hold a NUL: binary data (an image, a word-processor file), whatever
/// else it holds.
fn refuse_binary(head: &[u8], name: &str) -> Result<(), NormalizeError> {
    let Some(k) = memchr::memchr(0, head) else { return Ok(()) };
    let (line, column) = crate::decode::position_in_bytes(head, k);
    Err(NormalizeError::NotText { at: Location::new(name, line, column), message: crate::decode::BINARY.into() })
}

/// The piece as text, or why it is not; `column` characters of its line come before it.
fn check_text<'a>(bytes: &'a [u8], name: &str, line: usize, column: usize) -> Result<&'a str, NormalizeError> {
    let (valid, message) = match (memchr::memchr(0, bytes), std::str::from_utf8(bytes)) {
        (None, Ok(text)) => return Ok(text),
        (Some(k), _) => (k, crate::decode::BINARY),
        (None, Err(e)) => (e.valid_up_to(), "not UTF-8 text"),
    };
    let column = column + String::from_utf8_lossy(&bytes[..valid]).chars().count() + 1;
    Err(NormalizeError::NotText { at: Location::new(name, line, column), message: message.into() })
}

#[cfg(test)]
mod tests;
