//! Reading the XML of an SRX 2.0 file into plain structures.

use super::SrxError;
use crate::position::{LineIndex, Location};
use crate::xml::{attribute_value, attributes_problem};
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::reader::Reader;

/// One `<rule>` as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRule {
    /// `break="yes"` (the default) or `"no"`.
    pub breaks: bool,
    /// The `<beforebreak>` pattern (Java syntax), empty when absent.
    pub before: String,
    /// The `<afterbreak>` pattern (Java syntax), empty when absent.
    pub after: String,
    /// 1-based line of the `<rule>` tag in the file.
    pub line: usize,
    /// 1-based column of the `<rule>` tag.
    pub column: usize,
    /// Why the rule cannot be used as written (an unknown entity in it), if so: it is then left out,
    /// and told among the problems of [`SrxDocument::rules_for`](super::SrxDocument::rules_for).
    pub problem: Option<String>,
}

/// A `<languagerule>`: a named, ordered list of rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageRule {
    /// `languagerulename`.
    pub name: String,
    /// The rules in file order.
    pub rules: Vec<RawRule>,
}

/// A `<languagemap>`: which language rule applies to which language codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageMap {
    /// `languagepattern`, a Java regular expression matched against the whole language code.
    pub pattern: String,
    /// `languagerulename`.
    pub rule_name: String,
    /// 1-based line of the tag.
    pub line: usize,
    /// 1-based column of the tag.
    pub column: usize,
}

/// The parts of an SRX file that segmentation uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Parsed {
    pub cascade: bool,
    pub language_rules: Vec<LanguageRule>,
    pub maps: Vec<LanguageMap>,
}

/// Which text element is being read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    None,
    Before,
    After,
}

pub(crate) fn parse(xml: &str, source: &str) -> Result<Parsed, SrxError> {
    parse_with(xml, source, &LineIndex::new(xml))
}

/// [`parse`], with the positions of tags found in `lines` (the lines of `xml`), in the order they come.
fn parse_with(xml: &str, source: &str, lines: &LineIndex<'_>) -> Result<Parsed, SrxError> {
    let mut reader = Reader::from_str(xml);
    let mut parsed = Parsed { cascade: false, language_rules: Vec::new(), maps: Vec::new() };
    let mut saw_root = false;
    let mut field = Field::None;
    let mut in_rule = false;
    let mut tag_start = 0usize;
    loop {
        let event = reader.read_event().map_err(|err| {
            let (line, column) = lines.position(reader.error_position() as usize);
            SrxError::Xml { at: Location::new(source, line, column), message: err.to_string() }
        })?;
        let at = |offset: usize| lines.position(offset);
        match event {
            Event::Start(ref tag) | Event::Empty(ref tag) => {
                let is_empty = matches!(event, Event::Empty(_));
                let name = tag.local_name();
                let (line, column) = at(tag_start);
                let here = (source, line, column);
                let bad_attribute = attributes_problem(tag);
                match name.as_ref() {
                    "srx" => saw_root = true,
                    "header" if tag.name().prefix().is_none() => {
                        parsed.cascade = attribute(tag, "cascade").is_some_and(|v| v.eq_ignore_ascii_case("yes"));
                    }
                    "languagerule" => {
                        let name = required(tag, "languagerulename", here)?;
                        parsed.language_rules.push(LanguageRule { name, rules: Vec::new() });
                    }
                    "rule" => {
                        let breaks = attribute(tag, "break").is_none_or(|v| !v.eq_ignore_ascii_case("no"));
                        let Some(language_rule) = parsed.language_rules.last_mut() else {
                            return Err(structure(here, "<rule> outside a <languagerule>"));
                        };
                        language_rule.rules.push(RawRule {
                            breaks,
                            before: String::new(),
                            after: String::new(),
                            line,
                            column,
                            problem: None,
                        });
                        in_rule = !is_empty;
                    }
                    "beforebreak" if !is_empty => field = Field::Before,
                    "afterbreak" if !is_empty => field = Field::After,
                    "languagemap" => parsed.maps.push(LanguageMap {
                        pattern: required(tag, "languagepattern", here)?,
                        rule_name: required(tag, "languagerulename", here)?,
                        line,
                        column,
                    }),
                    _ => {}
                }
                if let Some(message) = bad_attribute {
                    let message = format!("<{}>: {message}", name.as_ref());
                    rule_problem(&mut parsed, in_rule || name.as_ref() == "rule", message, here)?;
                }
            }
            Event::End(ref tag) => match tag.local_name().as_ref() {
                "beforebreak" | "afterbreak" => field = Field::None,
                "rule" => in_rule = false,
                _ => {}
            },
            Event::Text(ref text) => push_text(&mut parsed, field, &text.xml10_content()),
            Event::CData(ref text) => push_text(&mut parsed, field, &text.xml10_content()),
            Event::GeneralRef(ref reference) => match resolve(reference) {
                Ok(resolved) => push_text(&mut parsed, field, &resolved),
                Err(message) => {
                    let (line, column) = at(tag_start);
                    rule_problem(&mut parsed, in_rule, message, (source, line, column))?;
                }
            },
            Event::Eof => break,
            _ => {}
        }
        tag_start = reader.buffer_position() as usize;
    }
    if !saw_root {
        return Err(SrxError::NotSrx { file: source.to_string() });
    }
    for map in &parsed.maps {
        if !parsed.language_rules.iter().any(|rule| rule.name == map.rule_name) {
            return Err(structure(
                (source, map.line, map.column),
                &format!("languagemap names '{}', which no <languagerule> defines", map.rule_name),
            ));
        }
    }
    Ok(parsed)
}

/// The text a reference stands for (a character reference or a predefined entity).
fn resolve(reference: &BytesRef<'_>) -> Result<String, String> {
    crate::xml::reference(reference).map(String::from)
}

/// Leaves the rule being read out for `message`, or, outside a rule, fails with it.
fn rule_problem(
    parsed: &mut Parsed,
    in_rule: bool,
    message: String,
    here: (&str, usize, usize),
) -> Result<(), SrxError> {
    match parsed.language_rules.last_mut().and_then(|lr| lr.rules.last_mut()).filter(|_| in_rule) {
        Some(rule) => {
            rule.problem.get_or_insert(message);
            Ok(())
        }
        None => Err(structure(here, &message)),
    }
}

fn push_text(parsed: &mut Parsed, field: Field, text: &str) {
    let Some(rule) = parsed.language_rules.last_mut().and_then(|lr| lr.rules.last_mut()) else {
        return;
    };
    match field {
        Field::Before => rule.before.push_str(text),
        Field::After => rule.after.push_str(text),
        Field::None => {}
    }
}

fn attribute(tag: &BytesStart<'_>, key: &str) -> Option<String> {
    tag.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .and_then(|a| attribute_value(&a).ok().map(|v| v.into_owned()))
}

fn required(tag: &BytesStart<'_>, key: &str, (source, line, column): (&str, usize, usize)) -> Result<String, SrxError> {
    attribute(tag, key).ok_or_else(|| {
        let element = tag.local_name().as_ref().to_string();
        structure((source, line, column), &format!("<{element}> has no {} attribute", key))
    })
}

fn structure((source, line, column): (&str, usize, usize), message: &str) -> SrxError {
    SrxError::Structure { at: Location::new(source, line, column), message: message.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_positions_on_one_long_line_count_each_byte_once() {
        let rule = "<rule break=\"no\"><beforebreak>é\\.</beforebreak><afterbreak>\\s</afterbreak></rule>";
        let xml = format!(
            "<srx version=\"2.0\">\n<body><languagerules><languagerule languagerulename=\"L\">{}</languagerule>\
             </languagerules><maprules/></body></srx>",
            rule.repeat(100_000)
        );
        let lines = LineIndex::new(&xml);
        let parsed = parse_with(&xml, "one-line.srx", &lines).unwrap();
        let rules = &parsed.language_rules[0].rules;
        assert_eq!(rules.len(), 100_000);
        let first = "<body><languagerules><languagerule languagerulename=\"L\">".chars().count();
        let last = rules.last().unwrap();
        assert_eq!((last.line, last.column), (2, 1 + first + 99_999 * rule.chars().count()));
        assert!(lines.bytes_counted() <= xml.len(), "{} bytes counted for {}", lines.bytes_counted(), xml.len());
    }
}
