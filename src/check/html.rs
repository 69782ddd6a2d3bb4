//! The HTML report of a check: one self-contained page (no network). A summary by check and severity, the
//! findings grouped by check (groups collapsed when long), each with the span highlighted in its side and
//! a link to its segment, shown whole below; a filter box hides the findings that do not contain what is
//! typed. It stays usable with tens of thousands of findings: no script runs until something is typed.

use super::{Check, Finding, Side};
use crate::xml::text as escape;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// A group of more findings than this starts collapsed.
const OPEN_UP_TO: usize = 50;

const STYLE: &str = "
body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.3em; } h2 { font-size: 1.1em; margin-top: 2em; }
#summary { display: flex; flex-wrap: wrap; gap: .6em; margin: 1em 0; }
#summary div { background: #f3f4f6; border-radius: 6px; padding: .4em .8em; }
#summary b { display: block; font-size: 1.3em; }
summary { cursor: pointer; font-weight: 600; margin: .6em 0; }
table { border-collapse: collapse; width: 100%; }
td, th { border-bottom: 1px solid #ddd; padding: .35em .5em; vertical-align: top; text-align: left; }
td.text { width: 30%; }
td.unit { white-space: nowrap; }
tr.error td.severity { background: #fbd0cc; }
tr.warning td.severity { background: #fff1b8; }
mark { background: #ffd54f; padding: 0 .1em; border-radius: 2px; }
#filter { font-size: 1em; padding: .3em .5em; width: 24em; }
#segments td:first-child { white-space: nowrap; }
";

const SCRIPT: &str = "
const box = document.getElementById('filter');
box.addEventListener('input', function () {
  const wanted = box.value.toLowerCase();
  for (const group of document.querySelectorAll('details.check')) {
    let shown = 0;
    for (const row of group.querySelectorAll('tbody tr')) {
      row.hidden = wanted !== '' && !row.textContent.toLowerCase().includes(wanted);
      if (!row.hidden) shown++;
    }
    group.querySelector('.shown').textContent = shown;
    if (wanted !== '') group.open = shown > 0 && shown <= 200;
  }
});
document.body.dataset.ready = 'yes';
";

/// Writes the report of `findings` (from the files `inputs`) as one HTML page.
pub fn write_html(findings: &[Finding], inputs: &[String], mut out: impl Write) -> io::Result<()> {
    let title = format!("trame check: {}", inputs.join(", "));
    writeln!(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")?;
    writeln!(out, "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>", escape(&title))?;
    writeln!(out, "<h1>{}</h1>", escape(&title))?;
    let errors = findings.iter().filter(|f| f.severity == super::Severity::Error).count();
    writeln!(out, "<div id=\"summary\">")?;
    writeln!(out, "<div id=\"findings\"><b>{}</b>findings</div>", findings.len())?;
    writeln!(out, "<div id=\"errors\"><b>{errors}</b>errors</div>")?;
    writeln!(out, "<div id=\"warnings\"><b>{}</b>warnings</div>", findings.len() - errors)?;
    let mut groups: BTreeMap<Check, Vec<&Finding>> = BTreeMap::new();
    for finding in findings {
        groups.entry(finding.check).or_default().push(finding);
    }
    for (check, group) in &groups {
        writeln!(out, "<div id=\"count-{}\"><b>{}</b>{}</div>", check.name(), group.len(), check.name())?;
    }
    writeln!(out, "</div>")?;
    if findings.is_empty() {
        writeln!(out, "<p id=\"clean\">Nothing found.</p>")?;
    } else {
        writeln!(out, "<p><input id=\"filter\" type=\"search\" placeholder=\"Show only findings that contain…\"></p>")?;
    }
    // Segments are numbered in order of first finding; each finding links to its segment.
    let mut segments: Vec<&Finding> = Vec::new();
    let mut anchors: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for finding in findings {
        anchors.entry((&finding.file, &finding.unit)).or_insert_with(|| {
            segments.push(finding);
            segments.len()
        });
    }
    for (check, group) in &groups {
        let open = if group.len() <= OPEN_UP_TO { " open" } else { "" };
        writeln!(out, "<details class=\"check\" id=\"{}\"{open}>", check.name())?;
        writeln!(
            out,
            "<summary>{} (<span class=\"shown\">{}</span> of {})</summary>",
            check.name(),
            group.len(),
            group.len()
        )?;
        writeln!(
            out,
            "<table><thead><tr><th>Segment</th><th>Severity</th><th>Finding</th><th>Source</th><th>Target</th><th>Suggestion</th></tr></thead><tbody>"
        )?;
        for f in group {
            let anchor = anchors[&(f.file.as_str(), f.unit.as_str())];
            let span = |side| f.span.as_ref().filter(|s| s.side == side).map(|s| (s.start, s.end));
            writeln!(
                out,
                "<tr class=\"{}\"><td class=\"unit\"><a href=\"#s{anchor}\">{}</a></td><td class=\"severity\">{}</td><td>{}</td><td class=\"text\">{}</td><td class=\"text\">{}</td><td>{}</td></tr>",
                f.severity.name(),
                escape(&f.unit),
                f.severity.name(),
                escape(&f.message),
                marked(&f.source, span(Side::Source)),
                marked(&f.target, span(Side::Target)),
                escape(f.suggestion.as_deref().unwrap_or("")),
            )?;
        }
        writeln!(out, "</tbody></table>\n</details>")?;
    }
    if !segments.is_empty() {
        writeln!(out, "<h2>Segments</h2>\n<table id=\"segments\"><tbody>")?;
        for (k, f) in segments.iter().enumerate() {
            writeln!(
                out,
                "<tr id=\"s{}\"><td>{}:{}</td><td class=\"text\">{}</td><td class=\"text\">{}</td></tr>",
                k + 1,
                escape(&f.file),
                escape(&f.unit),
                escape(&f.source),
                escape(&f.target)
            )?;
        }
        writeln!(out, "</tbody></table>")?;
    }
    let script = if findings.is_empty() { "document.body.dataset.ready = 'yes';" } else { SCRIPT };
    writeln!(out, "<script>{script}</script>\n</body>\n</html>")?;
    out.flush()
}

/// `text` escaped, the characters `span` covers in `<mark>`.
fn marked(text: &str, span: Option<(usize, usize)>) -> String {
    let Some((start, end)) = span else { return escape(text) };
    let from = text.char_indices().nth(start).map_or(text.len(), |(k, _)| k);
    let to = text.char_indices().nth(end).map_or(text.len(), |(k, _)| k);
    format!("{}<mark>{}</mark>{}", escape(&text[..from]), escape(&text[from..to]), escape(&text[to..]))
}
