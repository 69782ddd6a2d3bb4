//! Entry points that take running text: segmentation, normalisation, alignment.

use super::{MAX_INPUT, sections};
use std::sync::OnceLock;
use trame::Language;
use trame::align::{AlignOptions, AlignSide, Aligner, Alignment};
use trame::normalize::{DocumentFormat, Finding, NormalizeError, NormalizeOptions, Normalizer};
use trame::segment::{ParagraphMode, Segmenter, Sentence, lines_as_sentences};
use trame::termbase::builtin;

/// Checks what [`trame::segment`] promises of the sentences of `text`: their spans are contiguous and
/// join back into it, each sentence is a trimmed, non-empty piece of its span, numbering goes in order,
/// and a text with no visible character has no sentence.
pub(crate) fn sentences_join_back(segmenter: &Segmenter, text: &str) {
    check_sentences(&segmenter.sentences(text), text);
}

fn check_sentences(sentences: &[Sentence], text: &str) {
    if sentences.is_empty() {
        assert!(text.trim().is_empty(), "no sentence in {text:?}");
        return;
    }
    let joined: String = sentences.iter().map(|s| &text[s.span.clone()]).collect();
    assert_eq!(joined, text, "the spans do not join back into the text");
    let mut previous: Option<(usize, usize)> = None;
    for s in sentences {
        let body = s.text(text);
        assert!(!body.is_empty() && body == body.trim(), "sentence {body:?}");
        assert!(s.span.start <= s.range.start && s.range.end <= s.span.end, "{s:?}");
        assert!(text[s.span.start..s.range.start].trim().is_empty(), "{s:?}");
        assert!(text[s.range.end..s.span.end].trim().is_empty(), "{s:?}");
        match previous {
            Some((p, i)) if p == s.paragraph => assert_eq!(s.index, i + 1, "{s:?}"),
            Some((p, _)) => assert!(s.paragraph == p + 1 && s.index == 0, "{s:?}"),
            None => assert!(s.paragraph == 0 && s.index == 0, "{s:?}"),
        }
        previous = Some((s.paragraph, s.index));
    }
}

/// Segments `text` with the built-in rules of French, English or neither (`language` 0, 1, 2) and
/// paragraph mode auto, blank or line (`mode` 0, 1, 2); and as one sentence a line.
pub fn segment(text: &str, language: u8, mode: u8) {
    if text.len() > MAX_INPUT {
        return;
    }
    let language = match language % 3 {
        0 => Language::french(),
        1 => Language::english(),
        _ => Language::parse("de").expect("a tag"),
    };
    let mode = [ParagraphMode::Auto, ParagraphMode::Blank, ParagraphMode::Line][usize::from(mode % 3)];
    sentences_join_back(&Segmenter::builtin(&language).with_paragraph_mode(mode), text);
    check_sentences(&lines_as_sentences(text), text);
}

/// [`segment`] on bytes: the first, counted from `0` (`s = b - b'0'`), chooses the language (`s % 3`) and
/// the mode (`s / 3 % 3`); the rest is the text (invalid UTF-8 replaced).
pub fn segment_bytes(bytes: &[u8]) {
    let Some((&selector, rest)) = bytes.split_first() else { return };
    let selector = selector.wrapping_sub(b'0');
    segment(&String::from_utf8_lossy(rest), selector, selector / 3);
}

/// Normalisers over the shipped term base: French, English, French with admitted variants replaced.
fn normalizer(which: u8) -> &'static Normalizer {
    static NORMALIZERS: OnceLock<[Normalizer; 3]> = OnceLock::new();
    let all = NORMALIZERS.get_or_init(|| {
        let base = builtin();
        let admitted = NormalizeOptions { include_admitted: true, keep: vec!["Kiev".into()], visible_attributes: true };
        [
            Normalizer::new(&base, "fr", &NormalizeOptions::default()),
            Normalizer::new(&base, "en", &NormalizeOptions::default()),
            Normalizer::new(&base, "fr", &admitted),
        ]
    });
    &all[usize::from(which % 3)]
}

fn run(normalizer: &Normalizer, bytes: &[u8], format: DocumentFormat) -> Result<(Vec<u8>, Vec<Finding>), String> {
    let mut out = Vec::new();
    let mut found = Vec::new();
    match normalizer.run(bytes, Some(&mut out), format, "doc", &mut |f| found.push(f)) {
        Ok(summary) => {
            assert_eq!(summary.findings, found.len());
            assert_eq!(summary.bytes, bytes.len());
            Ok((out, found))
        }
        Err(NormalizeError::NotText { at, message }) => {
            assert!(at.line >= 1 && at.column >= 1);
            Err(message)
        }
        Err(NormalizeError::Io(e)) => panic!("reading from memory failed: {e}"),
    }
}

/// Normalises a document with the shipped term base (`normalizer` 0: French, 1: English, 2: French with
/// admitted variants; `format` 0: text, 1: Markdown, 2: HTML) and checks the contract of
/// [`Normalizer::run`]: a document that is not UTF-8 or holds a NUL is refused; otherwise every byte
/// outside a replacement is written back as it was (so with no finding the output is the input, byte for
/// byte), each finding points at what it found, whole words, with its line and column, and a second run
/// over the output finds nothing.
pub fn normalize(bytes: &[u8], normalizer_choice: u8, format: u8) {
    if bytes.len() > MAX_INPUT {
        return;
    }
    let format = [DocumentFormat::Text, DocumentFormat::Markdown, DocumentFormat::Html][usize::from(format % 3)];
    let normalizer = normalizer(normalizer_choice);
    let text = match (std::str::from_utf8(bytes), bytes.contains(&0)) {
        (Ok(text), false) => text,
        _ => {
            assert!(run(normalizer, bytes, format).is_err(), "a document that is not UTF-8 text was accepted");
            return;
        }
    };
    let (out, found) = run(normalizer, bytes, format).unwrap_or_else(|e| panic!("UTF-8 text refused: {e}"));
    if found.is_empty() {
        assert!(out == bytes, "no finding, yet the output differs from the input");
        return;
    }
    let mut rebuilt = String::new();
    let mut at = 0;
    for f in &found {
        assert!(f.byte_offset >= at, "findings out of order or overlapping: {found:?}");
        let end = f.byte_offset + f.found.len();
        assert_eq!(text.get(f.byte_offset..end), Some(f.found.as_str()), "{f:?}");
        let before = &text[..f.byte_offset];
        assert_eq!(f.line, before.matches('\n').count() + 1, "{f:?}");
        // Columns count characters, a byte order mark aside.
        let bom = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
        let line_start = before.rfind('\n').map_or(bom, |k| k + 1);
        assert_eq!(f.column, before[line_start..].chars().count() + 1, "{f:?}");
        assert!(!before.chars().next_back().is_some_and(char::is_alphanumeric), "not a whole word: {f:?}");
        assert!(!text[end..].chars().next().is_some_and(char::is_alphanumeric), "not a whole word: {f:?}");
        rebuilt.push_str(&text[at..f.byte_offset]);
        rebuilt.push_str(&f.replacement);
        at = end;
    }
    rebuilt.push_str(&text[at..]);
    assert!(out == rebuilt.as_bytes(), "bytes outside the replacements changed");
    let (again, refound) = run(normalizer, &out, format).expect("the output is text");
    assert!(refound.is_empty(), "a second run found {refound:?}");
    assert!(again == out, "a second run changed the output");
}

/// [`normalize`] on bytes: the first, counted from `0` (`s = b - b'0'`), chooses the normaliser (`s % 3`)
/// and the format (`s / 3 % 3`); the rest is the document.
pub fn normalize_bytes(bytes: &[u8]) {
    let Some((&selector, rest)) = bytes.split_first() else { return };
    let selector = selector.wrapping_sub(b'0');
    normalize(rest, selector, selector / 3);
}

/// Aligns a French and an English text, segmented with the built-in rules or taken one sentence a line:
/// the beads cover every sentence of each side once, in order, none is empty on both sides, and each
/// confidence is in [0, 1]; the same holds with unaligned sentences grouped.
pub fn align(source: &str, target: &str, presegmented: bool, learn_lexicon: bool) {
    if source.len() + target.len() > MAX_INPUT {
        return;
    }
    let side = |text, language| {
        if presegmented { AlignSide::presegmented(text, language) } else { AlignSide::segment(text, language) }
    };
    let (source, target) = (side(source, Language::french()), side(target, Language::english()));
    let options = AlignOptions { learn_lexicon, ..AlignOptions::default() };
    let alignment = Aligner::new(options).align(&source, &target);
    let (n, m) = (source.sentences.len(), target.sentences.len());
    check_beads(&alignment, n, m);
    check_beads(&alignment.with_unaligned_grouped(), n, m);
}

fn check_beads(alignment: &Alignment, n: usize, m: usize) {
    let (mut i, mut j) = (0, 0);
    for bead in &alignment.beads {
        assert!(!bead.source.is_empty() || !bead.target.is_empty(), "an empty bead: {:?}", alignment.beads);
        assert!(bead.source.start == i && bead.target.start == j, "beads out of order: {:?}", alignment.beads);
        assert!((0.0..=1.0).contains(&bead.confidence), "confidence {}", bead.confidence);
        (i, j) = (bead.source.end, bead.target.end);
    }
    assert_eq!((i, j), (n, m), "the beads do not cover every sentence: {:?}", alignment.beads);
}

/// [`align`] on bytes read as UTF-8 (invalid sequences replaced): source and target separated by a line
/// `---`; a first line `#pre` takes them one sentence a line, `#nolex` aligns without learning a lexicon.
pub fn align_bytes(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let (presegmented, text) = match text.strip_prefix("#pre\n") {
        Some(rest) => (true, rest),
        None => (false, &*text),
    };
    let (learn, text) = match text.strip_prefix("#nolex\n") {
        Some(rest) => (false, rest),
        None => (true, text),
    };
    let parts = sections(text);
    align(parts[0], parts.get(1).copied().unwrap_or(""), presegmented, learn);
}

/// Checks a segment both ways (French to English and back) with the shipped term base, as a TMX unit
/// (with `markup`) and as plain text: no check panics, and each finding's span is the text it names,
/// counted in characters of its side.
pub fn check_segment(source: &str, target: &str, markup: Option<(&str, &str)>) {
    use std::cell::RefCell;
    use trame::check::{CheckOptions, Checker, Segment, Side};
    if source.len() + target.len() > MAX_INPUT {
        return;
    }
    // Building a checker indexes the whole term base: once per thread and direction, not per input (the
    // consistency check then also sees the segments of earlier inputs, which it must take as well).
    thread_local! {
        static CHECKERS: RefCell<Vec<Checker<'static>>> = RefCell::new(
            [(Language::french(), Language::english()), (Language::english(), Language::french())]
                .into_iter()
                .map(|(source, target)| {
                    static BASE: OnceLock<trame::termbase::TermBase> = OnceLock::new();
                    let options = CheckOptions { source, target, ..CheckOptions::default() };
                    Checker::new(Some(BASE.get_or_init(builtin)), options)
                })
                .collect(),
        );
    }
    CHECKERS.with_borrow_mut(|checkers| {
        for checker in checkers.iter_mut() {
            let mut segment = Segment::new("1", source, target);
            for with_markup in [false, true] {
                if with_markup {
                    let Some((s, t)) = markup else { continue };
                    segment.source_markup = Some(s.to_string());
                    segment.target_markup = Some(t.to_string());
                }
                checker.check(&segment, &mut |finding| {
                    if let Some(span) = &finding.span {
                        let side = if span.side == Side::Source { source } else { target };
                        let text: String = side.chars().skip(span.start).take(span.end - span.start).collect();
                        assert_eq!(text, span.text, "{finding:?}");
                        assert!(span.start < span.end, "{finding:?}");
                    }
                    assert!(!finding.message.is_empty());
                });
            }
        }
    });
}

/// [`check_segment`] on bytes: source and target separated by the first tab, then, after a second tab,
/// the source's and target's markup separated by a third.
pub fn check_bytes(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let mut parts = text.splitn(4, '\t');
    let (source, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let markup = match (parts.next(), parts.next()) {
        (Some(s), Some(t)) => Some((s, t)),
        _ => None,
    };
    check_segment(source, target, markup);
}
