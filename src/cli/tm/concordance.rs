//! The output of `trame tm search --concordance`: each unit with the phrase marked.

use super::search::Format;
use crate::cli::{Failure, Outcome};
use serde::Serialize;
use std::io::Write;
use trame::tm::Concordance;

#[derive(Serialize)]
struct Report<'a> {
    query: &'a str,
    units: Vec<Unit<'a>>,
}

#[derive(Serialize)]
struct Unit<'a> {
    id: i64,
    origin: &'a str,
    variants: Vec<Variant<'a>>,
}

#[derive(Serialize)]
struct Variant<'a> {
    lang: &'a str,
    text: &'a str,
    /// [start, end) in characters.
    spans: Vec<[usize; 2]>,
}

/// Prints the units found (exit 1 when there are none); says on stderr when `limit` cut the list.
pub(super) fn print(query: &str, found: &[Concordance], limit: usize, format: Format) -> Result<Outcome, Failure> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match format {
        Format::Json => {
            let units = found
                .iter()
                .map(|unit| Unit {
                    id: unit.id,
                    origin: &unit.origin,
                    variants: unit
                        .variants
                        .iter()
                        .map(|v| Variant {
                            lang: &v.lang,
                            text: &v.text,
                            spans: v
                                .spans
                                .iter()
                                .map(|s| [v.text[..s.start].chars().count(), v.text[..s.end].chars().count()])
                                .collect(),
                        })
                        .collect(),
                })
                .collect();
            serde_json::to_writer(&mut out, &Report { query, units })
                .map_err(std::io::Error::from)
                .and_then(|()| writeln!(out))
        }
        Format::Text => found.iter().try_for_each(|unit| {
            let id = format!("#{}", unit.id);
            for (k, v) in unit.variants.iter().enumerate() {
                let lead = if k == 0 { id.as_str() } else { "" };
                writeln!(out, "{lead:<8} {:<6} {}", v.lang, marked(&v.text, &v.spans))?;
            }
            let origin = if unit.origin.is_empty() { "(no origin)" } else { unit.origin.as_str() };
            writeln!(out, "{:<8} from {origin}", "")
        }),
    };
    written.map_err(|e| Failure::write(e, "to standard output"))?;
    if found.len() >= limit {
        let shown = if limit == 1 { "unit".to_string() } else { format!("{limit} units") };
        eprintln!("trame: the first {shown} shown (--limit for more)");
    }
    Ok(if found.is_empty() { Outcome::NothingFound } else { Outcome::Done })
}

/// `text` with each span in brackets.
fn marked(text: &str, spans: &[std::ops::Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len() + 2 * spans.len());
    let mut at = 0;
    for span in spans {
        out.push_str(&text[at..span.start]);
        out.push('[');
        out.push_str(&text[span.clone()]);
        out.push(']');
        at = span.end;
    }
    out.push_str(&text[at..]);
    out
}
