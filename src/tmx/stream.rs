//! Reading TMX 1.1 to 1.4b as a stream: the header first, then one unit at a time, so that memory does
//! not grow with the file.
//!
//! A unit that is well-formed XML but not a proper unit (a variant without a language or a segment, an
//! element that has no place there, an unknown entity) is returned as [`Item::Skipped`] with its line and
//! column; XML that is not well-formed, a file that is not TMX and a file that ends early are errors.

use super::TmxError;
use super::source::{Tracked, utf8_input};
use super::unit::{Extra, Header, Unit, Variant};
use crate::xml::allowed;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use std::io::{BufRead, Read};

/// What the next `<tu>` gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A unit.
    Unit(Unit),
    /// A unit that was left out, and why.
    Skipped(super::UnitProblem),
}

/// Reads the units of a TMX file one at a time.
pub struct TmxReader<R: BufRead> {
    reader: Reader<Tracked<R>>,
    buf: Vec<u8>,
    name: String,
    header: Header,
    version: String,
    finished: bool,
}

/// Where a unit's reading stands: the problem that will make it skipped, if any.
type Problem = Option<String>;

impl<'a> TmxReader<Box<dyn BufRead + Send + 'a>> {
    /// Opens a TMX file in any encoding (UTF-8 or UTF-16 with or without a byte order mark, or what the
    /// XML declaration names); `name` names it in errors.
    pub fn open(input: impl Read + Send + 'a, name: &str) -> Result<Self, TmxError> {
        let input = utf8_input(input).map_err(|e| TmxError::Xml {
            source: name.to_string(),
            line: 1,
            column: 1,
            message: e.to_string(),
        })?;
        TmxReader::new(input, name)
    }
}

impl<R: BufRead> TmxReader<R> {
    /// Reads up to the start of the body of a TMX document that is already UTF-8.
    pub fn new(input: R, name: &str) -> Result<Self, TmxError> {
        let mut reader = Reader::from_reader(Tracked::new(input));
        reader.config_mut().check_end_names = true;
        let mut tmx = TmxReader {
            reader,
            buf: Vec::new(),
            name: name.to_string(),
            header: Header::default(),
            version: String::new(),
            finished: false,
        };
        tmx.prolog()?;
        Ok(tmx)
    }

    /// The header.
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// The `version` attribute of `<tmx>`.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The line and column the reader has reached.
    pub fn position(&self) -> (usize, usize) {
        self.reader.get_ref().position()
    }

    /// The next unit, or `None` after the last one.
    pub fn next_item(&mut self) -> Result<Option<Item>, TmxError> {
        if self.finished {
            return Ok(None);
        }
        loop {
            let at = self.position();
            match self.event()? {
                Event::Start(tag) if name(&tag) == "tu" => return self.unit(&tag, at).map(Some),
                Event::Empty(tag) if name(&tag) == "tu" => {
                    return Ok(Some(self.skipped(at, "a unit without variants")));
                }
                Event::Start(tag) => {
                    let element = name(&tag);
                    self.skip(&element)?;
                    return Ok(Some(self.skipped(at, &format!("<{element}> has no place in <body>"))));
                }
                Event::End(tag) if name_end(&tag) == "body" => {
                    self.epilog()?;
                    return Ok(None);
                }
                Event::Eof => return Err(self.cut_off("<body>")),
                _ => {}
            }
        }
    }

    fn skipped(&self, (line, column): (usize, usize), message: &str) -> Item {
        Item::Skipped(super::UnitProblem { line, column, message: message.to_string() })
    }

    /// The next event, owned.
    fn event(&mut self) -> Result<Event<'static>, TmxError> {
        self.buf.clear();
        match self.reader.read_event_into(&mut self.buf) {
            Ok(event) => Ok(event.into_owned()),
            Err(e) => {
                let (line, column) = self.position();
                Err(TmxError::Xml { source: self.name.clone(), line, column, message: e.to_string() })
            }
        }
    }

    fn cut_off(&self, inside: &str) -> TmxError {
        let (line, column) = self.position();
        TmxError::Xml {
            source: self.name.clone(),
            line,
            column,
            message: format!("the file ends inside {inside}: it is cut off"),
        }
    }

    /// The root element and the header, up to `<body>`.
    fn prolog(&mut self) -> Result<(), TmxError> {
        let root = loop {
            match self.event()? {
                Event::Start(tag) => break tag,
                Event::Empty(tag) => {
                    return Err(TmxError::NotTmx { source: self.name.clone(), root: name(&tag) });
                }
                Event::Text(text) if !text.trim().is_empty() => {
                    return Err(TmxError::NotTmx { source: self.name.clone(), root: String::new() });
                }
                Event::Eof => return Err(TmxError::NotTmx { source: self.name.clone(), root: String::new() }),
                _ => {}
            }
        };
        if name(&root) != "tmx" {
            return Err(TmxError::NotTmx { source: self.name.clone(), root: name(&root) });
        }
        self.version = attributes(&root).into_iter().find(|(k, _)| k == "version").map(|(_, v)| v).unwrap_or_default();
        loop {
            match self.event()? {
                Event::Start(tag) if name(&tag) == "header" => {
                    self.header.attributes = attributes(&tag);
                    let mut extras = Vec::new();
                    self.extras_until("header", &mut extras)?;
                    self.header.extras = extras;
                }
                Event::Empty(tag) if name(&tag) == "header" => self.header.attributes = attributes(&tag),
                Event::Start(tag) if name(&tag) == "body" => return Ok(()),
                Event::Empty(tag) if name(&tag) == "body" => {
                    self.epilog()?;
                    return Ok(());
                }
                Event::Start(tag) => self.skip(&name(&tag))?,
                Event::End(_) => {
                    self.finished = true;
                    return Ok(());
                }
                Event::Eof => return Err(self.cut_off("<tmx>")),
                _ => {}
            }
        }
    }

    /// After `</body>`: `</tmx>` and nothing more.
    fn epilog(&mut self) -> Result<(), TmxError> {
        self.finished = true;
        loop {
            match self.event()? {
                Event::End(_) => return Ok(()),
                Event::Eof => return Err(self.cut_off("<tmx>")),
                Event::Start(tag) => self.skip(&name(&tag))?,
                _ => {}
            }
        }
    }

    /// Reads to the end of element `element`, whose start was just read.
    fn skip(&mut self, element: &str) -> Result<(), TmxError> {
        let mut depth = 0usize;
        loop {
            match self.event()? {
                Event::Start(_) => depth += 1,
                Event::End(_) if depth == 0 => return Ok(()),
                Event::End(_) => depth -= 1,
                Event::Eof => return Err(self.cut_off(&format!("<{element}>"))),
                _ => {}
            }
        }
    }

    /// The `<prop>` and `<note>` children of `element`, whose start was just read, up to its end; other
    /// children are skipped.
    fn extras_until(&mut self, element: &str, extras: &mut Vec<Extra>) -> Result<(), TmxError> {
        loop {
            match self.event()? {
                Event::Start(tag) => {
                    let child = name(&tag);
                    match self.extra(&tag, &child, false)? {
                        Some(extra) => extras.push(extra),
                        None => self.skip(&child)?,
                    }
                }
                Event::Empty(tag) => {
                    if let Some(extra) = self.extra(&tag, &name(&tag), true)? {
                        extras.push(extra);
                    }
                }
                Event::End(_) => return Ok(()),
                Event::Eof => return Err(self.cut_off(&format!("<{element}>"))),
                _ => {}
            }
        }
    }

    /// A `<prop>` or `<note>` whose start (or empty tag) is `tag`; `None` for other elements.
    fn extra(&mut self, tag: &BytesStart<'_>, element: &str, empty: bool) -> Result<Option<Extra>, TmxError> {
        if element != "prop" && element != "note" {
            return Ok(None);
        }
        let attrs = attributes(tag);
        let get = |key: &str| attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
        let value = if empty { String::new() } else { self.text_until(element)? };
        let lang = get("xml:lang").or_else(|| get("lang"));
        Ok(Some(if element == "prop" {
            Extra::Prop { kind: get("type").unwrap_or_default(), lang, value }
        } else {
            Extra::Note { lang, value }
        }))
    }

    /// The text of an element up to its end (the text of children included).
    fn text_until(&mut self, element: &str) -> Result<String, TmxError> {
        let mut text = String::new();
        let mut depth = 0usize;
        loop {
            match self.event()? {
                Event::Text(t) => text.extend(t.xml10_content().chars().filter(|&c| allowed(c))),
                Event::CData(t) => text.extend(t.xml10_content().chars().filter(|&c| allowed(c))),
                Event::GeneralRef(r) => {
                    if let Some(c) = resolve(&r).filter(|&c| allowed(c)) {
                        text.push(c);
                    }
                }
                Event::Start(_) => depth += 1,
                Event::End(_) if depth == 0 => return Ok(text),
                Event::End(_) => depth -= 1,
                Event::Eof => return Err(self.cut_off(&format!("<{element}>"))),
                _ => {}
            }
        }
    }

    /// A unit whose start tag was just read at `at`.
    fn unit(&mut self, tag: &BytesStart<'_>, at: (usize, usize)) -> Result<Item, TmxError> {
        let mut unit = Unit { attributes: attributes(tag), ..Unit::default() };
        let mut problem: Problem = None;
        loop {
            match self.event()? {
                Event::Start(tag) => {
                    let child = name(&tag);
                    if child == "tuv" {
                        if let Some(variant) = self.variant(&tag, &mut problem)? {
                            unit.variants.push(variant);
                        }
                    } else if let Some(extra) = self.extra(&tag, &child, false)? {
                        unit.extras.push(extra);
                    } else {
                        problem.get_or_insert(format!("<{child}> has no place in <tu>"));
                        self.skip(&child)?;
                    }
                }
                Event::Empty(tag) => {
                    let child = name(&tag);
                    if child == "tuv" {
                        problem.get_or_insert("a <tuv> without <seg>".into());
                    } else if let Some(extra) = self.extra(&tag, &child, true)? {
                        unit.extras.push(extra);
                    } else {
                        problem.get_or_insert(format!("<{child}/> has no place in <tu>"));
                    }
                }
                Event::End(_) => break,
                Event::Eof => return Err(self.cut_off("<tu>")),
                _ => {}
            }
        }
        if unit.variants.is_empty() {
            problem.get_or_insert("a unit without variants".into());
        }
        Ok(match problem {
            Some(message) => self.skipped(at, &message),
            None => Item::Unit(unit),
        })
    }

    /// A variant whose start tag was just read; `None` (and a problem) when it is not a proper one.
    fn variant(&mut self, tag: &BytesStart<'_>, problem: &mut Problem) -> Result<Option<Variant>, TmxError> {
        let mut variant = Variant::default();
        for (key, value) in attributes(tag) {
            if (key == "xml:lang" || key == "lang") && variant.language.is_empty() {
                variant.language = value.trim().to_string();
            } else {
                variant.attributes.push((key, value));
            }
        }
        let mut segments = 0;
        loop {
            match self.event()? {
                Event::Start(tag) => {
                    let child = name(&tag);
                    if child == "seg" {
                        segments += 1;
                        self.segment(&mut variant, problem)?;
                    } else if let Some(extra) = self.extra(&tag, &child, false)? {
                        variant.extras.push(extra);
                    } else {
                        problem.get_or_insert(format!("<{child}> has no place in <tuv>"));
                        self.skip(&child)?;
                    }
                }
                Event::Empty(tag) => {
                    let child = name(&tag);
                    if child == "seg" {
                        segments += 1;
                    } else if let Some(extra) = self.extra(&tag, &child, true)? {
                        variant.extras.push(extra);
                    }
                }
                Event::End(_) => break,
                Event::Eof => return Err(self.cut_off("<tuv>")),
                _ => {}
            }
        }
        if variant.language.is_empty() {
            problem.get_or_insert("a <tuv> without a language (xml:lang)".into());
            return Ok(None);
        }
        if segments != 1 {
            problem.get_or_insert(format!("a <tuv> with {segments} <seg> elements instead of one"));
            return Ok(None);
        }
        Ok(Some(variant))
    }

    /// The content of `<seg>`, whose start tag was just read, into `variant`'s markup and text.
    fn segment(&mut self, variant: &mut Variant, problem: &mut Problem) -> Result<(), TmxError> {
        // Open inline elements; text counts when no code (nor sub-flow) is open.
        let mut open: Vec<String> = Vec::new();
        let counts = |open: &[String]| !open.iter().any(|e| e != "hi");
        loop {
            match self.event()? {
                Event::Text(t) => {
                    push_allowed(&mut variant.markup, &t);
                    if counts(&open) {
                        push_allowed(&mut variant.text, &t.xml10_content());
                    }
                }
                Event::CData(t) => {
                    variant.markup.push_str("<![CDATA[");
                    variant.markup.extend(t.chars().filter(|&c| allowed(c)));
                    variant.markup.push_str("]]>");
                    if counts(&open) {
                        variant.text.extend(t.xml10_content().chars().filter(|&c| allowed(c)));
                    }
                }
                Event::GeneralRef(r) => match resolve(&r) {
                    Some(c) if allowed(c) => {
                        variant.markup.push('&');
                        variant.markup.push_str(&r);
                        variant.markup.push(';');
                        if counts(&open) {
                            variant.text.push(c);
                        }
                    }
                    Some(_) => {}
                    None => {
                        problem.get_or_insert(format!("an unknown entity &{};", &*r));
                    }
                },
                Event::Start(tag) => {
                    let element = name(&tag);
                    if !INLINE.contains(&element.as_str()) {
                        problem.get_or_insert(format!("<{element}> has no place in <seg>"));
                    }
                    variant.markup.push('<');
                    variant.markup.push_str(&renamed(&tag));
                    variant.markup.push('>');
                    open.push(element);
                }
                Event::Empty(tag) => {
                    let element = name(&tag);
                    if !INLINE.contains(&element.as_str()) {
                        problem.get_or_insert(format!("<{element}/> has no place in <seg>"));
                    }
                    variant.markup.push('<');
                    variant.markup.push_str(&renamed(&tag));
                    variant.markup.push_str("/>");
                }
                Event::End(tag) => {
                    if open.pop().is_none() {
                        return Ok(());
                    }
                    let element = name_end(&tag);
                    variant.markup.push_str("</");
                    variant.markup.push_str(if element == "ut" { "ph" } else { &element });
                    variant.markup.push('>');
                }
                Event::Eof => return Err(self.cut_off("<seg>")),
                _ => {}
            }
        }
    }
}

/// Appends `text` without the characters XML 1.0 forbids (at once when it has none, the usual case).
fn push_allowed(out: &mut String, text: &str) {
    let suspect = text.bytes().any(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0xEF);
    if suspect {
        out.extend(text.chars().filter(|&c| allowed(c)));
    } else {
        out.push_str(text);
    }
}

/// The inline elements of TMX Level 2.
const INLINE: [&str; 7] = ["bpt", "ept", "it", "ph", "hi", "sub", "ut"];

/// The raw content of a start tag, `ut` (deprecated) written as `ph`.
fn renamed(tag: &BytesStart<'_>) -> String {
    match tag.strip_prefix("ut") {
        Some(rest) if rest.is_empty() || rest.starts_with(char::is_whitespace) => format!("ph{rest}"),
        _ => tag.to_string(),
    }
}

/// The character a reference stands for: a character reference or one of the five predefined entities.
fn resolve(reference: &quick_xml::events::BytesRef<'_>) -> Option<char> {
    match reference.resolve_char_ref() {
        Ok(Some(c)) => Some(c),
        Ok(None) => quick_xml::escape::resolve_predefined_entity(reference).and_then(|s| s.chars().next()),
        Err(_) => None,
    }
}

fn name(tag: &BytesStart<'_>) -> String {
    tag.local_name().as_ref().to_string()
}

fn name_end(tag: &quick_xml::events::BytesEnd<'_>) -> String {
    tag.local_name().as_ref().to_string()
}

/// The attributes of a tag as (name, value), names with their prefix (`xml:lang`).
fn attributes(tag: &BytesStart<'_>) -> Vec<(String, String)> {
    tag.attributes()
        .flatten()
        .map(|a| {
            let key = a.key.as_ref().to_string();
            let value = a.normalized_value(XmlVersion::Implicit1_0).map(|v| v.into_owned()).unwrap_or_default();
            (key, value.chars().filter(|&c| allowed(c)).collect())
        })
        .collect()
}
