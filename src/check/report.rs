//! Writing findings: as text for a person, as JSON (a stable contract for other tools), as an HTML page.

use super::{Finding, Side};
use std::io::{self, Write};

pub use super::html::write_html;

/// Findings as text, one block each: `file:unit: severity: check: message`, then the part at fault in
/// its context, `[` `]` around it, and the suggestion.
pub struct TextReport<W: Write> {
    out: W,
}

impl<W: Write> TextReport<W> {
    /// A report written to `out`.
    pub fn new(out: W) -> Self {
        TextReport { out }
    }

    /// Writes one finding.
    pub fn write(&mut self, f: &Finding) -> io::Result<()> {
        writeln!(self.out, "{}:{}: {}: {}: {}", f.file, f.unit, f.severity.name(), f.check.name(), f.message)?;
        match &f.span {
            Some(span) => {
                let (label, text) = match span.side {
                    Side::Source => ("source", &f.source),
                    Side::Target => ("target", &f.target),
                };
                writeln!(self.out, "    {label}: {}", excerpt(text, Some((span.start, span.end))))?;
            }
            None => {
                writeln!(self.out, "    source: {}", excerpt(&f.source, None))?;
                writeln!(self.out, "    target: {}", excerpt(&f.target, None))?;
            }
        }
        if let Some(suggestion) = &f.suggestion {
            writeln!(self.out, "    suggestion: {suggestion}")?;
        }
        Ok(())
    }

    /// Flushes and returns the writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Characters of context kept each side of a span in text reports.
const CONTEXT: usize = 50;

/// `text` on one line, the span (in characters) in brackets, cut to [`CONTEXT`] characters around it.
pub(crate) fn excerpt(text: &str, span: Option<(usize, usize)>) -> String {
    let chars: Vec<char> = text.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
    let (start, end) = span.unwrap_or((0, 0));
    let from = if span.is_some() { start.saturating_sub(CONTEXT) } else { 0 };
    let to = if span.is_some() { (end + CONTEXT).min(chars.len()) } else { chars.len().min(2 * CONTEXT) };
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    for (k, c) in chars.iter().enumerate().take(to).skip(from) {
        if span.is_some() && k == start {
            out.push('[');
        }
        out.push(*c);
        if span.is_some() && k + 1 == end {
            out.push(']');
        }
    }
    if to < chars.len() {
        out.push('…');
    }
    out
}

/// Findings as a JSON array, written as they come: each `{file, unit, check, severity, message, source,
/// target, span, suggestion}`, `span` being `{side, start, end, text}` in characters or null.
pub struct JsonReport<W: Write> {
    out: W,
    count: usize,
}

impl<W: Write> JsonReport<W> {
    /// A report written to `out`.
    pub fn new(out: W) -> Self {
        JsonReport { out, count: 0 }
    }

    /// Writes one finding.
    pub fn write(&mut self, f: &Finding) -> io::Result<()> {
        self.out.write_all(if self.count == 0 { b"[\n  " } else { b",\n  " })?;
        serde_json::to_writer(&mut self.out, f)?;
        self.count += 1;
        Ok(())
    }

    /// Closes the array, flushes and returns the writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
        self.out.flush()?;
        Ok(self.out)
    }
}
