//! Writing segmented text: one sentence a line, or JSON Lines.

use super::Sentence;
use serde::Serialize;
use std::io::{self, Write};

/// How `trame segment` writes sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutputFormat {
    /// One sentence a line (line breaks inside a sentence become spaces), an empty line between paragraphs.
    #[default]
    Lines,
    /// One JSON object a line: `{"paragraph", "sentence", "start", "end", "text"}`, byte offsets into the
    /// decoded text.
    Jsonl,
}

#[derive(Serialize)]
struct Record<'t> {
    paragraph: usize,
    sentence: usize,
    start: usize,
    end: usize,
    text: &'t str,
}

/// Writes `sentences` of `text` to `out` in `format`.
///
/// Returns the writer's error if a write fails (a closed pipe included); nothing else can fail.
pub fn write_sentences(
    text: &str,
    sentences: &[Sentence],
    format: OutputFormat,
    mut out: impl Write,
) -> io::Result<()> {
    let mut paragraph = None;
    for sentence in sentences {
        let body = sentence.text(text);
        match format {
            OutputFormat::Lines => {
                if paragraph.is_some_and(|p| p != sentence.paragraph) {
                    out.write_all(b"\n")?;
                }
                write_one_line(body, &mut out)?;
                out.write_all(b"\n")?;
            }
            OutputFormat::Jsonl => {
                let record = Record {
                    paragraph: sentence.paragraph,
                    sentence: sentence.index,
                    start: sentence.range.start,
                    end: sentence.range.end,
                    text: body,
                };
                serde_json::to_writer(&mut out, &record)?;
                out.write_all(b"\n")?;
            }
        }
        paragraph = Some(sentence.paragraph);
    }
    out.flush()
}

/// Writes `text` with each run of line breaks (and the spaces around them) replaced by one space.
fn write_one_line(text: &str, out: &mut impl Write) -> io::Result<()> {
    let mut lines = text.split(['\n', '\r']).map(str::trim).filter(|l| !l.is_empty());
    if let Some(first) = lines.next() {
        out.write_all(first.as_bytes())?;
    }
    for line in lines {
        out.write_all(b" ")?;
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;
    use crate::segment::Segmenter;

    fn render(text: &str, format: OutputFormat) -> String {
        let sentences = Segmenter::builtin(&Language::french()).sentences(text);
        let mut out = Vec::new();
        write_sentences(text, &sentences, format, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn lines_put_one_sentence_a_line_and_a_blank_line_between_paragraphs() {
        assert_eq!(render("Un. Deux.\n\nTrois\nsuite.", OutputFormat::Lines), "Un.\nDeux.\n\nTrois suite.\n");
    }

    #[test]
    fn jsonl_gives_each_sentence_its_byte_range() {
        assert_eq!(
            render("Été. « Oui ».", OutputFormat::Jsonl),
            "{\"paragraph\":0,\"sentence\":0,\"start\":0,\"end\":6,\"text\":\"Été.\"}\n\
             {\"paragraph\":0,\"sentence\":1,\"start\":7,\"end\":17,\"text\":\"« Oui ».\"}\n"
        );
    }

    #[test]
    fn an_empty_text_writes_nothing() {
        assert_eq!(render("", OutputFormat::Lines), "");
        assert_eq!(render("", OutputFormat::Jsonl), "");
    }
}
