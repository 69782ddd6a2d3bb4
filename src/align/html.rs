//! The review page of an alignment: one self-contained HTML file (no network, script and style inline)
//! where a reviewer corrects the alignment (merge, split, move a sentence to the next or previous bead,
//! mark links right or wrong) and downloads the corrected TMX, TSV and decisions (JSON, see
//! [`Review`](super::review::Review)). The decisions are embedded as JSON; the script (`page/review.js`)
//! draws the table from them.

use super::output::AlignedTexts;
use std::io::{self, Write};

/// Links at least this confident are shown as sure.
const HIGH: f32 = 0.8;

const STYLE: &str = include_str!("page/review.css");
const SCRIPT: &str = include_str!("page/review.js");

const TOOLBAR: &str = r#"<div id="toolbar">
<span class="group">bead <b id="current">—</b></span>
<span class="group"><button data-action="merge" title="Merge the selected bead with the next one">Merge with next <kbd>m</kbd></button></span>
<span class="group">split off the <select id="split-end" title="Which sentence a split takes off"><option value="last">last</option><option value="first">first</option></select>
<button data-action="split" data-side="source" title="That source sentence becomes unaligned">source sentence <kbd>s</kbd></button>
<button data-action="split" data-side="target" title="That target sentence becomes unaligned">target sentence <kbd>t</kbd></button>
<button data-action="split" data-side="both" title="Those two sentences become a link of their own">pair <kbd>p</kbd></button></span>
<span class="group">move
<button data-action="move" data-side="source" data-direction="up" title="The first source sentence goes to the previous bead">source ↑</button>
<button data-action="move" data-side="source" data-direction="down" title="The last source sentence goes to the next bead">source ↓</button>
<button data-action="move" data-side="target" data-direction="up" title="The first target sentence goes to the previous bead">target ↑</button>
<button data-action="move" data-side="target" data-direction="down" title="The last target sentence goes to the next bead">target ↓</button></span>
<span class="group">mark
<button data-action="mark" data-state="right">right <kbd>r</kbd></button>
<button data-action="mark" data-state="wrong">wrong <kbd>w</kbd></button>
<button data-action="mark" data-state="unreviewed">unreviewed <kbd>u</kbd></button></span>
<span class="group"><button data-action="undo">undo <kbd>z</kbd></button></span>
<span class="group">download
<button data-action="download" data-kind="tmx">TMX</button>
<button data-action="download" data-kind="tsv">TSV</button>
<button data-action="download" data-kind="json">decisions (JSON)</button></span>
<span id="status" role="status"></span>
</div>
"#;

impl AlignedTexts<'_> {
    /// Writes the review page. `creation_date` (YYYYMMDDThhmmssZ) is the creation date of the TMX the page
    /// downloads, as [`write_tmx`](Self::write_tmx) takes it.
    pub fn write_html(&self, mut out: impl Write, creation_date: &str) -> io::Result<()> {
        let review = serde_json::to_string(&self.review(creation_date))?;
        let title = escape(&format!("{} ↔ {}", self.source_name, self.target_name));
        write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>Alignment review: {title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
             <h1>Alignment review: {title}</h1>\n<section id=\"summary\"></section>\n{TOOLBAR}"
        )?;
        writeln!(
            out,
            "<p class=\"legend\"><span style=\"background:#d7f0dd\">sure (≥ {HIGH:.2})</span>\
             <span style=\"background:#fff1b8\">likely</span><span style=\"background:#fbd0cc\">to review</span>\
             <span style=\"background:#f7f7f7\">unaligned</span>\
             <label><input type=\"checkbox\" id=\"only-review\"> show only links to review, wrong links and \
             unaligned sentences</label> <kbd>j</kbd>/<kbd>k</kbd> or a click select a bead</p>"
        )?;
        writeln!(
            out,
            "<table id=\"beads\" data-high=\"{HIGH}\">\n<thead><tr><th>#</th><th>{}</th><th>{}</th><th>confidence</th>\
             <th>review</th></tr></thead>\n<tbody></tbody>\n</table>\n\
             <noscript>This page draws the alignment with JavaScript: allow scripts to review it.</noscript>\n\
             <div id=\"test-downloads\" hidden></div>\n<pre id=\"test-log\" hidden></pre>",
            escape(self.source_name),
            escape(self.target_name)
        )?;
        writeln!(
            out,
            "<script type=\"application/json\" id=\"review-data\">{}</script>\n<script>{SCRIPT}</script>\n</body>\n</html>",
            script_safe(&review)
        )?;
        out.flush()
    }
}

/// JSON that cannot end its `<script>` element early: every `<` (as in `</script>` or `<!--` inside a
/// sentence) written `\u003c`, which JSON reads back as the same character.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_cannot_close_the_data_block() {
        let json = serde_json::to_string("a </script><script>alert(1)</script> <!-- b").unwrap();
        let safe = script_safe(&json);
        assert!(!safe.contains('<'));
        assert_eq!(serde_json::from_str::<String>(&safe).unwrap(), "a </script><script>alert(1)</script> <!-- b");
    }
}
