//! Sentence segmentation: paragraphs first, then sentences, with byte ranges into the input.
//!
//! A [`Segmenter`] splits text into paragraphs ([`ParagraphMode`]) and each paragraph into sentences, with
//! either the built-in French/English rules or rules imported from an SRX 2.0 file ([`srx`]). Every
//! [`Sentence`] carries two ranges into the input: `range`, its text without surrounding whitespace, and
//! `span`, which also holds the whitespace up to the next sentence, so that the spans of a text join back
//! into it exactly.
//!
//! ```
//! use trame::segment::Segmenter;
//! use trame::Language;
//!
//! let text = "M. Dupont est arrivé. Il a parlé longtemps.\n\nPuis il est parti.";
//! let sentences = Segmenter::builtin(&Language::french()).sentences(text);
//! let texts: Vec<&str> = sentences.iter().map(|s| s.text(text)).collect();
//! assert_eq!(texts, ["M. Dupont est arrivé.", "Il a parlé longtemps.", "Puis il est parti."]);
//! assert_eq!(sentences[2].paragraph, 1);
//! ```

mod paragraphs;
mod rules;
pub mod srx;
mod write;

use crate::language::Language;
pub use paragraphs::ParagraphMode;
use std::ops::Range;
pub use write::{OutputFormat, write_sentences};

/// One sentence of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// 0-based paragraph number in the text.
    pub paragraph: usize,
    /// 0-based sentence number within its paragraph.
    pub index: usize,
    /// The sentence itself, without leading or trailing whitespace (never empty).
    pub range: Range<usize>,
    /// `range` plus the whitespace around it: the spans of a text are contiguous and cover all of it.
    pub span: Range<usize>,
}

impl Sentence {
    /// The sentence's text in `source`, the text it was found in.
    pub fn text<'t>(&self, source: &'t str) -> &'t str {
        &source[self.range.clone()]
    }
}

/// Something that finds sentence breaks inside one paragraph.
pub(crate) trait BreakRules: Send + Sync {
    /// Appends to `out`, in increasing order, the byte offsets in `paragraph` where a new sentence starts.
    /// Offsets are char boundaries strictly between 0 and `paragraph.len()`.
    fn breaks(&self, paragraph: &str, out: &mut Vec<usize>);
}

/// Splits text into paragraphs and sentences.
pub struct Segmenter {
    rules: Box<dyn BreakRules>,
    paragraphs: ParagraphMode,
}

impl Segmenter {
    /// The built-in rules for `language` (French, English, or language-neutral rules for any other).
    pub fn builtin(language: &Language) -> Self {
        Segmenter { rules: Box::new(rules::RuleBreaker::new(language.family())), paragraphs: ParagraphMode::Auto }
    }

    /// Rules compiled from an SRX file for one language (see [`srx::SrxDocument::rules_for`]).
    pub fn from_srx(rules: srx::SrxRules) -> Self {
        Segmenter { rules: Box::new(rules), paragraphs: ParagraphMode::Auto }
    }

    /// Uses `mode` to find paragraphs (the default is [`ParagraphMode::Auto`]).
    pub fn with_paragraph_mode(mut self, mode: ParagraphMode) -> Self {
        self.paragraphs = mode;
        self
    }

    /// The sentences of `text`, in order. A text with no visible character has none.
    pub fn sentences(&self, text: &str) -> Vec<Sentence> {
        let mut out: Vec<Sentence> = Vec::new();
        let mut breaks = Vec::new();
        for (number, para) in paragraphs::paragraphs(text, self.paragraphs).enumerate() {
            let body = &text[para.clone()];
            breaks.clear();
            self.rules.breaks(body, &mut breaks);
            let mut index = 0;
            let mut from = 0;
            for end in breaks.iter().copied().chain(std::iter::once(body.len())) {
                if end <= from {
                    continue;
                }
                if let Some(range) = trimmed(body, from..end) {
                    out.push(Sentence {
                        paragraph: number,
                        index,
                        range: para.start + range.start..para.start + range.end,
                        span: 0..0,
                    });
                    index += 1;
                }
                from = end;
            }
        }
        set_spans(text, &mut out);
        out
    }
}

/// The sentences of text that is already segmented: each non-blank line is a sentence, and blank lines
/// separate paragraphs.
pub fn lines_as_sentences(text: &str) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = Vec::new();
    let mut paragraph = 0;
    let mut index = 0;
    let mut blank_before = false;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let range = start..start + line.len();
        start = range.end;
        match trimmed(text, range) {
            None => blank_before = true,
            Some(range) => {
                if blank_before && !out.is_empty() {
                    paragraph += 1;
                    index = 0;
                }
                blank_before = false;
                out.push(Sentence { paragraph, index, range, span: 0..0 });
                index += 1;
            }
        }
    }
    set_spans(text, &mut out);
    out
}

/// Spans: each runs from where the previous one ended to where the next sentence starts.
fn set_spans(text: &str, sentences: &mut [Sentence]) {
    let mut start = 0;
    for i in 0..sentences.len() {
        let end = sentences.get(i + 1).map_or(text.len(), |next| next.range.start);
        sentences[i].span = start..end;
        start = end;
    }
}

/// `range` of `text` without leading and trailing whitespace, or `None` when nothing is left.
fn trimmed(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let piece = &text[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let kept = piece.trim();
    if kept.is_empty() {
        return None;
    }
    let start = range.start + lead;
    Some(start..start + kept.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_cover_the_text() {
        let text = "  Un. Deux.\n\n Trois ! \n";
        let sentences = Segmenter::builtin(&Language::french()).sentences(text);
        let joined: String = sentences.iter().map(|s| &text[s.span.clone()]).collect();
        assert_eq!(joined, text);
        let texts: Vec<&str> = sentences.iter().map(|s| s.text(text)).collect();
        assert_eq!(texts, ["Un.", "Deux.", "Trois !"]);
        assert_eq!((sentences[1].paragraph, sentences[1].index), (0, 1));
        assert_eq!((sentences[2].paragraph, sentences[2].index), (1, 0));
    }

    #[test]
    fn presegmented_lines() {
        let text = "Un.\r\nDeux trois.\n\n\nQuatre \n";
        let sentences = lines_as_sentences(text);
        let texts: Vec<&str> = sentences.iter().map(|s| s.text(text)).collect();
        assert_eq!(texts, ["Un.", "Deux trois.", "Quatre"]);
        assert_eq!(sentences.iter().map(|s| (s.paragraph, s.index)).collect::<Vec<_>>(), [(0, 0), (0, 1), (1, 0)]);
        assert_eq!(sentences.iter().map(|s| &text[s.span.clone()]).collect::<String>(), text);
    }

    #[test]
    fn blank_text_has_no_sentences() {
        assert!(Segmenter::builtin(&Language::english()).sentences(" \n\t\n").is_empty());
        assert!(Segmenter::builtin(&Language::english()).sentences("").is_empty());
    }
}
