//! A unified diff of the replacements made in a document, written while reading the document once more:
//! the changed lines are known from the findings, so no diff algorithm (and no second copy) is needed.

use super::Finding;
use std::io::{self, BufRead, Write};

/// Lines of context around each change.
const CONTEXT: usize = 3;

/// Where the original lines `first..=last` change (1-based), and the findings in them.
struct Change<'a> {
    first: usize,
    last: usize,
    findings: Vec<&'a Finding>,
}

/// Writes the unified diff between `original` and the same text with `findings` (of that text, in order)
/// replaced, under the names `old` and `new`. Writes nothing when there are no findings.
pub fn write_diff(
    original: impl BufRead,
    findings: &[Finding],
    old: &str,
    new: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    let changes = changes(findings);
    if changes.is_empty() {
        return Ok(());
    }
    writeln!(out, "--- {old}\n+++ {new}")?;
    let mut hunks = Vec::new();
    for change in changes {
        match hunks.last_mut() {
            Some(Hunk { changes, .. }) if change.first <= last_line(changes) + 2 * CONTEXT + 1 => changes.push(change),
            _ => hunks.push(Hunk { changes: vec![change] }),
        }
    }
    let mut lines = Lines { input: original, number: 0, offset: 0 };
    let mut delta: isize = 0;
    for hunk in &hunks {
        delta = hunk.write(&mut lines, delta, out)?;
    }
    Ok(())
}

fn changes(findings: &[Finding]) -> Vec<Change<'_>> {
    let mut changes: Vec<Change<'_>> = Vec::new();
    for f in findings {
        let last = f.line + f.found.matches('\n').count();
        match changes.last_mut() {
            Some(c) if f.line <= c.last => {
                c.last = c.last.max(last);
                c.findings.push(f);
            }
            _ => changes.push(Change { first: f.line, last, findings: vec![f] }),
        }
    }
    changes
}

fn last_line(changes: &[Change<'_>]) -> usize {
    changes.last().map_or(0, |c| c.last)
}

/// The original, line by line, with the number and byte offset of the line last read.
struct Lines<R> {
    input: R,
    number: usize,
    offset: usize,
}

impl<R: BufRead> Lines<R> {
    /// The next line (with its line break), or None at the end.
    fn next_line(&mut self) -> io::Result<Option<(usize, Vec<u8>)>> {
        let mut line = Vec::new();
        if self.input.read_until(b'\n', &mut line)? == 0 {
            return Ok(None);
        }
        let start = self.offset;
        self.offset += line.len();
        self.number += 1;
        Ok(Some((start, line)))
    }
}

/// Changes close enough to share their context.
struct Hunk<'a> {
    changes: Vec<Change<'a>>,
}

impl Hunk<'_> {
    /// Reads up to the end of the hunk's context and writes it; returns the new difference between new
    /// and old line numbers.
    fn write<R: BufRead>(&self, lines: &mut Lines<R>, delta: isize, out: &mut dyn Write) -> io::Result<isize> {
        let first = self.changes[0].first.saturating_sub(CONTEXT).max(1);
        let last = last_line(&self.changes) + CONTEXT;
        // Skip to the hunk, then read its lines (fewer at the end of the file).
        while lines.number + 1 < first {
            if lines.next_line()?.is_none() {
                break;
            }
        }
        let mut old: Vec<(usize, Vec<u8>)> = Vec::new();
        while lines.number < last {
            match lines.next_line()? {
                Some(line) => old.push(line),
                None => break,
            }
        }
        let mut body: Vec<u8> = Vec::new();
        let (mut old_count, mut new_count) = (0usize, 0usize);
        let mut at = first;
        for change in &self.changes {
            for (_, line) in lines_between(&old, first, at, change.first) {
                context_line(&mut body, b' ', line);
                old_count += 1;
                new_count += 1;
            }
            let span = lines_between(&old, first, change.first, change.last + 1);
            let base = span.first().map_or(0, |(start, _)| *start);
            let mut replaced = Vec::new();
            let mut copied = 0;
            for (_, line) in span {
                context_line(&mut body, b'-', line);
                old_count += 1;
            }
            let joined: Vec<u8> = span.iter().flat_map(|(_, l)| l.iter().copied()).collect();
            for f in &change.findings {
                let start = f.byte_offset - base;
                replaced.extend_from_slice(&joined[copied..start]);
                replaced.extend_from_slice(f.replacement.as_bytes());
                copied = start + f.found.len();
            }
            replaced.extend_from_slice(&joined[copied..]);
            for line in replaced.split_inclusive(|b| *b == b'\n') {
                context_line(&mut body, b'+', line);
                new_count += 1;
            }
            at = change.last + 1;
        }
        for (_, line) in lines_between(&old, first, at, last + 1) {
            context_line(&mut body, b' ', line);
            old_count += 1;
            new_count += 1;
        }
        let new_first = (first as isize + delta).max(1);
        writeln!(out, "@@ -{first},{old_count} +{new_first},{new_count} @@")?;
        out.write_all(&body)?;
        Ok(delta + new_count as isize - old_count as isize)
    }
}

/// The lines numbered `from..to` of `old` (which starts at line `first`).
fn lines_between(old: &[(usize, Vec<u8>)], first: usize, from: usize, to: usize) -> &[(usize, Vec<u8>)] {
    let from = (from - first).min(old.len());
    let to = to.saturating_sub(first).clamp(from, old.len());
    &old[from..to]
}

fn context_line(body: &mut Vec<u8>, mark: u8, line: &[u8]) {
    body.push(mark);
    body.extend_from_slice(line);
    if !line.ends_with(b"\n") {
        body.extend_from_slice(b"\n\\ No newline at end of file\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(line: usize, byte_offset: usize, found: &str, replacement: &str) -> Finding {
        Finding {
            file: "t".into(),
            line,
            column: 1,
            byte_offset,
            found: found.into(),
            replacement: replacement.into(),
            concept: "c".into(),
            status: "deprecated".into(),
            context: String::new(),
        }
    }

    #[test]
    fn hunks_with_context() {
        let text: String = (1..=20).map(|k| format!("line {k}\n")).collect();
        let at = |k: usize| text.find(&format!("line {k}\n")).unwrap();
        let findings =
            [finding(2, at(2), "line", "LINE"), finding(4, at(4) + 5, "4", "four"), finding(18, at(18), "line", "l")];
        let mut out = Vec::new();
        write_diff(text.as_bytes(), &findings, "a/t", "b/t", &mut out).unwrap();
        let expected = "--- a/t\n+++ b/t\n@@ -1,7 +1,7 @@\n line 1\n-line 2\n+LINE 2\n line 3\n-line 4\n+line four\n line 5\n line 6\n line 7\n@@ -15,6 +15,6 @@\n line 15\n line 16\n line 17\n-line 18\n+l 18\n line 19\n line 20\n";
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }

    #[test]
    fn across_a_line_break_and_without_final_newline() {
        let text = "a\nAlexander\nLukashenko x";
        let findings = [finding(2, 2, "Alexander\nLukashenko", "Alexandre Loukachenko")];
        let mut out = Vec::new();
        write_diff(text.as_bytes(), &findings, "t", "t", &mut out).unwrap();
        let expected = "--- t\n+++ t\n@@ -1,3 +1,2 @@\n a\n-Alexander\n-Lukashenko x\n\\ No newline at end of file\n+Alexandre Loukachenko x\n\\ No newline at end of file\n";
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }
}
