//! A side-by-side review page for an alignment: one self-contained HTML file (no network), with a
//! summary at the top, links coloured by confidence, and unaligned sentences in place.

use super::output::AlignedTexts;
use std::io::{self, Write};

/// Links at least this confident are shown as sure.
const HIGH: f32 = 0.8;

const STYLE: &str = "
body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.3em; }
#summary { display: flex; flex-wrap: wrap; gap: .6em; margin: 1em 0; }
#summary div { background: #f3f4f6; border-radius: 6px; padding: .4em .8em; }
#summary b { display: block; font-size: 1.3em; }
table { border-collapse: collapse; width: 100%; }
td, th { border-bottom: 1px solid #ddd; padding: .35em .5em; vertical-align: top; text-align: left; }
td:nth-child(2), td:nth-child(3) { width: 44%; }
td.n, td.c { white-space: nowrap; color: #555; font-variant-numeric: tabular-nums; }
tr.high td.c { background: #d7f0dd; }
tr.medium td.c { background: #fff1b8; }
tr.low td.c, tr.low td.n { background: #fbd0cc; }
tr.unaligned td { color: #777; font-style: italic; background: #f7f7f7; }
.legend span { margin-right: 1em; padding: 0 .4em; border-radius: 4px; }
label { margin-left: 1em; }
";

const SCRIPT: &str = "
document.getElementById('only-review').addEventListener('change', function (e) {
  for (const row of document.querySelectorAll('#beads tbody tr')) {
    row.hidden = e.target.checked && !(row.classList.contains('low') || row.classList.contains('unaligned'));
  }
});
";

impl AlignedTexts<'_> {
    /// Writes the review page.
    pub fn write_html(&self, mut out: impl Write) -> io::Result<()> {
        let beads = &self.alignment.beads;
        let links = beads.iter().filter(|b| b.is_link()).count();
        let one_to_one = beads.iter().filter(|b| b.source.len() == 1 && b.target.len() == 1).count();
        let source_alone: usize = beads.iter().filter(|b| b.target.is_empty()).map(|b| b.source.len()).sum();
        let target_alone: usize = beads.iter().filter(|b| b.source.is_empty()).map(|b| b.target.len()).sum();
        let flagged = beads.iter().filter(|b| self.flagged(b)).count();
        let mean = if links == 0 {
            0.0
        } else {
            beads.iter().filter(|b| b.is_link()).map(|b| b.confidence).sum::<f32>() / links as f32
        };
        let title = format!("{} ↔ {}", self.source_name, self.target_name);
        write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>Alignment review: {t}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
             <h1>Alignment review: {t}</h1>\n<section id=\"summary\">\n",
            t = escape(&title)
        )?;
        let stats = [
            ("links", links.to_string(), "links"),
            ("one-to-one", one_to_one.to_string(), "1-1 links"),
            ("source-unaligned", source_alone.to_string(), &*format!("{} sentences unaligned", self.source.language)),
            ("target-unaligned", target_alone.to_string(), &*format!("{} sentences unaligned", self.target.language)),
            ("review", flagged.to_string(), &*format!("links under {:.2} to review", self.review_below)),
            ("mean-confidence", format!("{mean:.2}"), "mean confidence"),
        ];
        for (id, value, label) in stats {
            writeln!(out, "<div id=\"{id}\"><b>{value}</b>{}</div>", escape(label))?;
        }
        writeln!(
            out,
            "</section>\n<p class=\"legend\"><span style=\"background:#d7f0dd\">sure (≥ {HIGH:.2})</span>\
             <span style=\"background:#fff1b8\">likely</span><span style=\"background:#fbd0cc\">to review</span>\
             <span style=\"background:#f7f7f7\">unaligned</span>\
             <label><input type=\"checkbox\" id=\"only-review\"> show only links to review and unaligned \
             sentences</label></p>"
        )?;
        writeln!(
            out,
            "<table id=\"beads\">\n<thead><tr><th>#</th><th>{}</th><th>{}</th><th>confidence</th></tr></thead>\n<tbody>",
            escape(self.source_name),
            escape(self.target_name)
        )?;
        for (number, bead) in beads.iter().enumerate() {
            let class = if !bead.is_link() {
                "unaligned"
            } else if bead.confidence >= HIGH {
                "high"
            } else if bead.confidence >= self.review_below {
                "medium"
            } else {
                "low"
            };
            let cell = |side, range: std::ops::Range<usize>| {
                if range.is_empty() { String::new() } else { escape(&Self::side_text(side, range)) }
            };
            let confidence = if bead.is_link() { format!("{:.2}", bead.confidence) } else { "—".to_string() };
            writeln!(
                out,
                "<tr class=\"{class}\" data-source=\"{}\" data-target=\"{}\"><td class=\"n\">{}</td><td>{}</td><td>{}</td><td class=\"c\">{confidence}</td></tr>",
                sentence_numbers(&bead.source),
                sentence_numbers(&bead.target),
                number + 1,
                cell(self.source, bead.source.clone()),
                cell(self.target, bead.target.clone()),
            )?;
        }
        writeln!(out, "</tbody>\n</table>\n<script>{SCRIPT}</script>\n</body>\n</html>")?;
        out.flush()
    }
}

fn sentence_numbers(range: &std::ops::Range<usize>) -> String {
    range.clone().map(|k| k.to_string()).collect::<Vec<_>>().join(" ")
}

/// `text` escaped for HTML content and attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}
