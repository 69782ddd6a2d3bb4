//! XML as trame reads and writes it: escaping text for XML documents (TMX, TBX) and HTML pages, and
//! resolving references when reading.
//!
//! Only character references and the five entities XML predefines are ever resolved: an entity a DTD
//! declares (`<!ENTITY xxe SYSTEM "file:///etc/passwd">`) is reported as unknown, never read.

use quick_xml::escape::{EscapeError, resolve_predefined_entity};
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesRef, BytesStart};
use std::borrow::Cow;

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

/// The character the reference `&...;` stands for: a character reference, or one of the five entities
/// XML predefines. Any other is an error saying so.
pub(crate) fn reference(reference: &BytesRef<'_>) -> Result<char, String> {
    match reference.resolve_char_ref() {
        Ok(Some(c)) => Ok(c),
        Ok(None) => resolve_predefined_entity(reference)
            .and_then(|value| value.chars().next())
            .ok_or_else(|| format!("an unknown entity &{};", &**reference)),
        Err(_) => Err(format!("a bad character reference &{};", &**reference)),
    }
}

/// The value of `attribute`, its line ends and tabs made spaces, references resolved as [`reference`]
/// does; an error says which reference could not be.
pub(crate) fn attribute_value<'a>(attribute: &Attribute<'a>) -> Result<Cow<'a, str>, String> {
    attribute.normalized_value(quick_xml::XmlVersion::Implicit1_0).map_err(|error| {
        let key = attribute.key.as_ref();
        match error {
            quick_xml::Error::Escape(EscapeError::UnrecognizedEntity(_, name)) => {
                format!("an unknown entity &{name}; in attribute {key}")
            }
            quick_xml::Error::Escape(EscapeError::InvalidCharRef(_)) => {
                format!("a bad character reference in attribute {key}")
            }
            other => format!("attribute {key}: {other}"),
        }
    })
}

/// The first problem in the attributes of `tag` (see [`attribute_value`]), if any.
pub(crate) fn attributes_problem(tag: &BytesStart<'_>) -> Option<String> {
    tag.attributes().flatten().find_map(|attribute| attribute_value(&attribute).err())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped_and_forbidden_characters_left_out() {
        assert_eq!(text("a < b & c > d \"e\""), "a &lt; b &amp; c &gt; d \"e\"");
        assert_eq!(attribute("x\"y\tz"), "x&quot;y&#x9;z");
        assert_eq!(text("bell\u{7}\u{0}ok\u{FFFE}\r\n"), "bellok&#xD;\n");
    }

    #[test]
    fn only_character_references_and_predefined_entities_are_resolved() {
        let xml = "<a t=\"&#233;&amp;&lt;\tz\" u=\"&xxe;\" v=\"&#xFFFFFFF;\">&#x20AC;&quot;&xxe;&#0;</a>";
        let mut reader = quick_xml::Reader::from_str(xml);
        let quick_xml::events::Event::Start(tag) = reader.read_event().unwrap() else { panic!("a start tag") };
        let values: Vec<_> = tag.attributes().flatten().map(|a| attribute_value(&a).map(|v| v.into_owned())).collect();
        assert_eq!(values[0], Ok("é&< z".to_string()));
        assert_eq!(values[1], Err("an unknown entity &xxe; in attribute u".to_string()));
        assert_eq!(values[2], Err("a bad character reference in attribute v".to_string()));
        assert_eq!(attributes_problem(&tag), Some("an unknown entity &xxe; in attribute u".to_string()));
        let mut resolved = Vec::new();
        while let Ok(event) = reader.read_event() {
            match event {
                quick_xml::events::Event::GeneralRef(r) => resolved.push(reference(&r)),
                quick_xml::events::Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(
            resolved,
            [
                Ok('€'),
                Ok('"'),
                Err("an unknown entity &xxe;".to_string()),
                Err("a bad character reference &#0;".to_string())
            ]
        );
    }
}
