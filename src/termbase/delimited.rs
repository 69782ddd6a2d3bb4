//! Glossaries as CSV or TSV in OmegaT's layout: `source<sep>target<sep>comment`, one line per source
//! form (the preferred pair first, then each source variant with what it is in the comment).

use super::model::{Concept, Kind, LangTerms, Status, Term, TermBase, concept_id};
use std::io::{self, Read, Write};

/// A CSV or TSV glossary that could not be read.
#[derive(Debug)]
pub struct DelimitedError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for DelimitedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for DelimitedError {}

fn variant_comment(term: &Term, preferred: &str) -> String {
    let what = if term.kind == Kind::Error {
        "probable error".to_string()
    } else {
        format!("{} {}", term.status.name(), term.kind.name().replace('_', " "))
    };
    format!("{what} of {preferred}")
}

/// Writes the concepts that have both languages, `delimiter` (b',' or b'\t') between fields.
pub fn write(base: &TermBase, source: &str, target: &str, delimiter: u8, out: impl Write) -> io::Result<()> {
    let mut writer =
        csv::WriterBuilder::new().delimiter(delimiter).quote_style(csv::QuoteStyle::Necessary).from_writer(out);
    for concept in &base.concepts {
        let (Some(s), Some(t)) = (concept.languages.get(source), concept.languages.get(target)) else { continue };
        let mut comment = concept.subject.name().to_string();
        if let Some(note) = &concept.note {
            comment.push_str("; ");
            comment.push_str(note);
        }
        writer.write_record([s.preferred.form.as_str(), t.preferred.form.as_str(), comment.as_str()])?;
        for variant in &s.variants {
            writer.write_record([
                variant.form.as_str(),
                t.preferred.form.as_str(),
                &variant_comment(variant, &s.preferred.form),
            ])?;
        }
    }
    writer.flush()
}

/// The delimiter of a delimited glossary: a tab, a semicolon (French spreadsheets export CSV with `;`,
/// the comma being their decimal mark) or a comma, whichever splits the first lines (up to 20, quoted
/// fields aside) the same number of times, at least once; a comma when none does.
pub fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(20).collect();
    for delimiter in [b'\t', b';', b','] {
        let counts: Vec<usize> = lines.iter().map(|line| unquoted_count(line, delimiter)).collect();
        if counts.first().is_some_and(|&n| n > 0) && counts.iter().all(|&n| n == counts[0]) {
            return delimiter;
        }
    }
    // Lines of unequal width (an optional comment column): the delimiter found on every line.
    for delimiter in [b'\t', b';', b','] {
        if !lines.is_empty() && lines.iter().all(|line| unquoted_count(line, delimiter) > 0) {
            return delimiter;
        }
    }
    b','
}

/// How many times `delimiter` occurs in `line` outside double quotes.
fn unquoted_count(line: &str, delimiter: u8) -> usize {
    let mut quoted = false;
    let mut count = 0;
    for b in line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if b == delimiter && !quoted {
            count += 1;
        }
    }
    count
}

/// Reads a CSV or TSV glossary: the first column in `source`, the second in `target`, an optional third
/// as a note. A line whose comment says `... of X` where X is a source term already read joins X's
/// concept; a header line naming languages is skipped.
pub fn read(input: impl Read, source: &str, target: &str, delimiter: u8) -> Result<TermBase, DelimitedError> {
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(input);
    let mut base = TermBase::default();
    for (number, record) in reader.records().enumerate() {
        let record = record.map_err(|e| DelimitedError { line: number + 1, message: e.to_string() })?;
        let field = |k: usize| record.get(k).map(str::trim).unwrap_or("");
        let (s, t, comment) = (field(0), field(1), field(2));
        if s.is_empty() && t.is_empty() {
            continue;
        }
        if number == 0
            && [s, t].iter().all(|h| {
                crate::Language::parse(h).is_some()
                    || h.eq_ignore_ascii_case("source")
                    || h.eq_ignore_ascii_case("target")
            })
        {
            continue;
        }
        if s.is_empty() || t.is_empty() {
            return Err(DelimitedError { line: number + 1, message: "a line needs a source and a target term".into() });
        }
        if let Some((what, of)) = comment.rsplit_once(" of ")
            && let Some(concept) = base.concepts.iter_mut().find(|c| c.preferred(source) == Some(of))
        {
            let mut term = Term::new(
                s,
                if what.starts_with("deprecated") || what == "probable error" {
                    Status::Deprecated
                } else {
                    Status::Admitted
                },
            );
            if what == "probable error" {
                term.kind = Kind::Error;
            } else if what.ends_with("full form") {
                term.kind = Kind::FullForm;
            } else if what.ends_with("short form") {
                term.kind = Kind::ShortForm;
            } else if what.ends_with("transliteration") {
                term.kind = Kind::Transliteration;
            }
            if what.starts_with("suggested") {
                term.status = Status::Suggested;
            }
            concept.languages.get_mut(source).expect("has the source").variants.push(term);
            continue;
        }
        let mut concept = Concept { id: concept_id(t), ..Concept::default() };
        let (subject, note) = match comment.split_once("; ") {
            Some((subject, note)) => (subject, Some(note)),
            None => (comment, None),
        };
        match super::Subject::from_name(subject) {
            Some(found) => {
                concept.subject = found;
                concept.note = note.map(str::to_string);
            }
            None => concept.note = Some(comment.to_string()).filter(|c| !c.is_empty()),
        }
        concept
            .languages
            .insert(source.to_string(), LangTerms { preferred: Term::new(s, Status::Preferred), variants: vec![] });
        concept
            .languages
            .insert(target.to_string(), LangTerms { preferred: Term::new(t, Status::Preferred), variants: vec![] });
        base.push_with_unique_id(concept);
    }
    if base.concepts.is_empty() {
        return Err(DelimitedError { line: 1, message: "no term pairs found".into() });
    }
    Ok(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let text = "fr\ten\nLoukachenko\tLukashenko\tperson; President of Belarus\nLukachenko\tLukashenko\tdeprecated transliteration of Loukachenko\n\"Kiev, ville\"\tKyiv\t\n";
        let base = read(text.as_bytes(), "fr", "en", b'\t').unwrap();
        assert_eq!(base.concepts.len(), 2);
        let fr = &base.concepts[0].languages["fr"];
        assert_eq!((fr.variants[0].form.as_str(), fr.variants[0].status), ("Lukachenko", Status::Deprecated));
        assert_eq!(base.concepts[0].note.as_deref(), Some("President of Belarus"));
        assert_eq!(base.concepts[1].preferred("fr"), Some("Kiev, ville"));
        let mut out = Vec::new();
        write(&base, "fr", "en", b',', &mut out).unwrap();
        let csv = String::from_utf8(out).unwrap();
        assert!(csv.contains("\"Kiev, ville\",Kyiv,term\n"), "{csv}");
        assert!(csv.contains("Lukachenko,Lukashenko,deprecated transliteration of Loukachenko\n"), "{csv}");
    }

    #[test]
    fn delimiters_are_sniffed() {
        assert_eq!(sniff_delimiter("Loukachenko;Lukashenko\nMinsk;Minsk\n"), b';');
        assert_eq!(sniff_delimiter("Loukachenko\tLukashenko\tnote, with a comma\n"), b'\t');
        assert_eq!(sniff_delimiter("fr,en\n\"Poutine, Vladimir\",\"Putin, Vladimir\"\n"), b',');
        assert_eq!(sniff_delimiter("\"9,5 %\";9.5%\nune;one;a note\n"), b';');
        assert_eq!(sniff_delimiter(""), b',');
    }
}
