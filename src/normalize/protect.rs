//! The parts of a document a spelling must never be changed in: web and e-mail addresses, code, HTML
//! markup, Markdown link targets, and what the author marked to keep.
//!
//! Marking: a line holding `trame:keep` is left alone; so is everything between `trame:keep-begin` and
//! `trame:keep-end` (in a comment of the document's kind, e.g. `<!-- trame:keep-begin -->`). A line longer
//! than the pieces the document is read in (256 KiB) is kept from the piece holding the marker on.

use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// What kind of document is being normalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DocumentFormat {
    /// Plain text.
    #[default]
    Text,
    /// Markdown: code spans and blocks, link targets and inline HTML are left alone.
    Markdown,
    /// HTML: only text nodes change (not tags, attribute values, comments, scripts or styles).
    Html,
}

impl DocumentFormat {
    /// The format a file name suggests: .md/.markdown, .htm/.html/.xhtml, else plain text.
    pub fn from_path(path: &std::path::Path) -> Self {
        match path.extension().map(|e| e.to_string_lossy().to_lowercase()).as_deref() {
            Some("md" | "markdown" | "mdown") => DocumentFormat::Markdown,
            Some("htm" | "html" | "xhtml") => DocumentFormat::Html,
            _ => DocumentFormat::Text,
        }
    }
}

/// Where the scanner is, carried from one chunk to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum HtmlState {
    #[default]
    Text,
    /// Inside a tag: the quote of the attribute value it is in, and the end tag to look for after it
    /// (`<script>` and `<style>` hold raw text).
    Tag(Option<u8>, Option<&'static str>),
    Comment,
    /// Inside `<script>` or `<style>`: until the matching end tag.
    Raw(&'static str),
}

/// Finds the protected ranges of successive chunks of one document.
#[derive(Debug, Default)]
pub(crate) struct Protector {
    format: DocumentFormat,
    html: HtmlState,
    in_fence: bool,
    in_keep: bool,
    /// The current line holds `trame:keep` (seen in an earlier piece of it).
    keep_line: bool,
    /// HTML: the values of the attributes a reader sees (alt, title, aria-label, placeholder) change too.
    attributes: bool,
    /// HTML: inside the value of such an attribute.
    in_visible_value: bool,
}

/// The HTML attributes whose values a reader sees (or hears), checked with `--attributes`.
const VISIBLE_ATTRIBUTES: &[&str] = &["alt", "aria-label", "placeholder", "title"];

/// Whether the attribute whose value opens with the quote at `quote` of `bytes` is one a reader sees:
/// `name="` or `name = '`, the name being one of [`VISIBLE_ATTRIBUTES`].
fn visible_attribute(bytes: &[u8], quote: usize) -> bool {
    let before = &bytes[..quote];
    let trimmed = before.trim_ascii_end();
    let Some(without_equals) = trimmed.strip_suffix(b"=") else { return false };
    let name_part = without_equals.trim_ascii_end();
    let name_start = name_part.iter().rposition(|b| !(b.is_ascii_alphanumeric() || *b == b'-')).map_or(0, |k| k + 1);
    let name = &name_part[name_start..];
    VISIBLE_ATTRIBUTES.iter().any(|a| a.as_bytes().eq_ignore_ascii_case(name))
}

fn addresses() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>\x22']*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+").expect("valid")
    })
}

fn markdown_inline() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // Code spans, link targets ](...), autolinks and inline tags <...>.
        Regex::new(r"`[^`\n]*`|\]\([^)\n]*\)|<[^>\n]*>").expect("valid")
    })
}

/// A Markdown link reference definition: `[label]: target`.
fn reference_definition() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^ {0,3}\[[^\]\n]+\]:").expect("valid"))
}

impl Protector {
    pub(crate) fn new(format: DocumentFormat) -> Self {
        Protector { format, ..Protector::default() }
    }

    /// The same, the values of the HTML attributes a reader sees left open to changes.
    pub(crate) fn with_visible_attributes(mut self, attributes: bool) -> Self {
        self.attributes = attributes;
        self
    }

    /// The protected byte ranges of the next piece of the document (a line, or part of a long line when
    /// `starts_line` or `ends_line` is false), sorted by start.
    pub(crate) fn protected(&mut self, piece: &str, starts_line: bool) -> Vec<Range<usize>> {
        let mut ranges = Vec::new();
        let ends_line = piece.ends_with('\n');
        let whole = 0..piece.len();
        let begin = piece.contains("trame:keep-begin");
        let end = piece.contains("trame:keep-end");
        if starts_line {
            self.keep_line = false;
        }
        if self.in_keep || self.keep_line || begin || end || piece.contains("trame:keep") {
            ranges.push(whole);
            self.in_keep = (self.in_keep || begin) && !end;
            self.keep_line = !ends_line;
            if self.format == DocumentFormat::Html {
                self.scan_html(piece, &mut Vec::new());
            }
            return ranges;
        }
        if self.format == DocumentFormat::Markdown {
            if starts_line {
                let trimmed = piece.trim_start();
                if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                    self.in_fence = !self.in_fence;
                    ranges.push(whole);
                    return ranges;
                }
                if reference_definition().is_match(piece) {
                    ranges.push(whole);
                    return ranges;
                }
            }
            if self.in_fence {
                ranges.push(whole);
                return ranges;
            }
            ranges.extend(markdown_inline().find_iter(piece).map(|m| m.range()));
        }
        if self.format == DocumentFormat::Html {
            self.scan_html(piece, &mut ranges);
        }
        // The address pattern is costly to run: only where an address can be.
        if memchr::memchr(b'@', piece.as_bytes()).is_some() || piece.contains("://") || piece.contains("www.") {
            ranges.extend(addresses().find_iter(piece).map(|m| m.range()));
        }
        ranges.sort_by_key(|r| r.start);
        ranges
    }

    /// Marks the markup of an HTML line (tags with their attributes, comments, script and style text).
    fn scan_html(&mut self, line: &str, ranges: &mut Vec<Range<usize>>) {
        let bytes = line.as_bytes();
        let mut i = 0;
        let mut start = 0;
        if self.html == HtmlState::Text || self.in_visible_value {
            start = usize::MAX;
        }
        while i < bytes.len() {
            match self.html {
                HtmlState::Text => {
                    if bytes[i] == b'<' {
                        start = i;
                        self.html = if bytes[i..].starts_with(b"<!--") {
                            i += 3;
                            HtmlState::Comment
                        } else {
                            let name = |n: &[u8]| {
                                bytes[i + 1..].len() > n.len()
                                    && bytes[i + 1..=i + n.len()].eq_ignore_ascii_case(n)
                                    && !bytes[i + 1 + n.len()].is_ascii_alphanumeric()
                            };
                            let raw = if name(b"script") {
                                Some("</script")
                            } else if name(b"style") {
                                Some("</style")
                            } else {
                                None
                            };
                            HtmlState::Tag(None, raw)
                        };
                    }
                }
                HtmlState::Tag(quote, raw) => match (quote, bytes[i]) {
                    (None, b'"' | b'\'') => {
                        self.html = HtmlState::Tag(Some(bytes[i]), raw);
                        // The value of an attribute a reader sees is text: the tag is protected up to
                        // its opening quote, and again from its closing one.
                        if self.attributes && raw.is_none() && start != usize::MAX && visible_attribute(bytes, i) {
                            ranges.push(start..i + 1);
                            start = usize::MAX;
                            self.in_visible_value = true;
                        }
                    }
                    (Some(q), b) if b == q => {
                        self.html = HtmlState::Tag(None, raw);
                        if self.in_visible_value {
                            self.in_visible_value = false;
                            start = i;
                        }
                    }
                    (None, b'>') => {
                        ranges.push(start..i + 1);
                        self.html = raw.map_or(HtmlState::Text, HtmlState::Raw);
                        start = if self.html == HtmlState::Text { usize::MAX } else { i + 1 };
                    }
                    _ => {}
                },
                HtmlState::Comment => {
                    if bytes[i..].starts_with(b"-->") {
                        ranges.push(start..i + 3);
                        i += 3;
                        self.html = HtmlState::Text;
                        start = usize::MAX;
                        continue;
                    }
                }
                HtmlState::Raw(end_tag) => {
                    if bytes[i..].len() >= end_tag.len()
                        && bytes[i..i + end_tag.len()].eq_ignore_ascii_case(end_tag.as_bytes())
                    {
                        ranges.push(start..i);
                        start = i;
                        self.html = HtmlState::Tag(None, None);
                    }
                }
            }
            i += 1;
        }
        if start != usize::MAX && self.html != HtmlState::Text {
            ranges.push(start.min(line.len())..line.len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(format: DocumentFormat, text: &str) -> Vec<String> {
        let mut p = Protector::new(format);
        let mut found = Vec::new();
        for line in text.split_inclusive('\n') {
            found.extend(p.protected(line, true).into_iter().map(|r| line[r].to_string()));
        }
        found
    }

    #[test]
    fn addresses_everywhere() {
        let found = kept(DocumentFormat::Text, "Voir https://ex.org/Lukachenko et a.b@lukachenko.by ici.\n");
        assert_eq!(found, ["https://ex.org/Lukachenko", "a.b@lukachenko.by"]);
    }

    #[test]
    fn markdown_code_and_link_targets_are_protected() {
        let text = "Un `Lukachenko` et [lien](http://x/Lukachenko).\n```\nLukachenko\n```\nLukachenko\n";
        let found = kept(DocumentFormat::Markdown, text);
        assert!(found.contains(&"`Lukachenko`".to_string()));
        assert!(found.contains(&"](http://x/Lukachenko)".to_string()));
        assert!(found.contains(&"Lukachenko\n".to_string()));
        assert_eq!(found.iter().filter(|f| f.as_str() == "Lukachenko\n").count(), 1);
    }

    #[test]
    fn html_markup_across_lines() {
        let text = "<p title=\"Lukachenko\">Lukachenko</p><!-- Lukachenko\n--><a\nhref='x'>ok</a><script>Lukachenko</script>\n";
        let found = kept(DocumentFormat::Html, text);
        assert_eq!(found[0], "<p title=\"Lukachenko\">");
        assert!(found.iter().any(|f| f.contains("<!-- Lukachenko")));
        assert!(found.iter().any(|f| f == "<a\n"));
        assert!(found.iter().any(|f| f == "Lukachenko"), "{found:?}");
    }

    #[test]
    fn visible_attributes_only_on_request() {
        let text = "<img src=\"Lukachenko.jpg\" alt=\"Lukachenko à Minsk\" title='Lukachenko'>\n";
        assert_eq!(
            kept(DocumentFormat::Html, text),
            ["<img src=\"Lukachenko.jpg\" alt=\"Lukachenko à Minsk\" title='Lukachenko'>"]
        );
        let mut p = Protector::new(DocumentFormat::Html).with_visible_attributes(true);
        let ranges = p.protected(text, true);
        let kept: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(kept, ["<img src=\"Lukachenko.jpg\" alt=\"", "\" title='", "'>"]);
    }

    #[test]
    fn keep_markers() {
        let text = "a Lukachenko\nb Lukachenko trame:keep\n<!-- trame:keep-begin -->\nc Lukachenko\n<!-- trame:keep-end -->\nd\n";
        let found = kept(DocumentFormat::Text, text);
        assert_eq!(
            found,
            ["b Lukachenko trame:keep\n", "<!-- trame:keep-begin -->\n", "c Lukachenko\n", "<!-- trame:keep-end -->\n"]
        );
    }
}
