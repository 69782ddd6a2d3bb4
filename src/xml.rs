//! Escaping text for XML documents (TMX, TBX) and HTML pages.

/// Whether XML 1.0 allows `c` in a document.
pub(crate) fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `value` escaped for character data, without the characters XML 1.0 forbids. A carriage return is
/// written as a reference so that parsers do not turn it into a line feed.
pub(crate) fn text(value: &str) -> String {
    escape(value, false)
}

/// `value` escaped for a double-quoted attribute.
pub(crate) fn attribute(value: &str) -> String {
    escape(value, true)
}

fn escape(value: &str, in_attribute: bool) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars().filter(|&c| allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#xD;"),
            '"' if in_attribute => out.push_str("&quot;"),
            '\t' if in_attribute => out.push_str("&#x9;"),
            '\n' if in_attribute => out.push_str("&#xA;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(text("a < b & c > d \"e\""), "a &lt; b &amp; c &gt; d \"e\"");
        assert_eq!(attribute("x\"y\tz"), "x&quot;y&#x9;z");
        assert_eq!(text("bell\u{7}\u{0}ok\u{FFFE}\r\n"), "bellok&#xD;\n");
    }
}
