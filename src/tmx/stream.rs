//! Reading TMX 1.1 to 1.4b as a stream: the header first, then one unit at a time, so that memory does
//! not grow with the file.
//!
//! A unit that is well-formed XML but not a proper unit (a variant without a language or a segment, an
//! element that has no place there, an unknown entity in its text or its attributes) is returned as
//! [`Item::Skipped`] with its line and column; so is a property or note of the header with an unknown
//! entity, before the first unit. XML that is not well-formed, bytes that cannot be decoded, a file that
//! is not TMX and a file that ends early are errors.
//!
//! Only character references and the five entities XML predefines are resolved: an entity declared in a
//! DTD is unknown, never read.

use super::fence::{Fenced, ReadLimits};
use super::unit::{Extra, Header, Unit, Variant};
use super::{TmxError, UnitProblem};
use crate::decode::{Utf8Reader, decode_error};
use crate::position::Location;
use crate::xml::{allowed, attribute_value, attributes_problem, reference};
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use std::collections::VecDeque;
use std::io::Read;

/// What the next `<tu>` gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A unit.
    Unit(Unit),
    /// A unit (or a property or note of the header) that was left out, and why.
    Skipped(UnitProblem),
}

/// Reads the units of a TMX file one at a time.
///
/// What one element may take is bounded ([`ReadLimits`]): a unit that holds too long a segment, note or
/// property is left out and reported like any other improper unit, without ever being held whole.
pub struct TmxReader<R: Read> {
    reader: Reader<Fenced<Utf8Reader<R>>>,
    /// Buffers for events, one for each element being read (events borrow them).
    buffers: Vec<Vec<u8>>,
    name: String,
    header: Header,
    /// What was left out of the header, given before the first unit.
    header_problems: VecDeque<UnitProblem>,
    version: String,
    finished: bool,
    limits: ReadLimits,
    /// The offset in the file before the last event read.
    event_start: u64,
    /// The innermost element being read under a limit.
    bound: Option<Bound>,
    /// The element found longer than its limit, until its unit is left out.
    overflow: Option<Bound>,
    /// Where the `<tu>` of the last unit read starts.
    unit_start: (usize, usize),
}

/// An element being read under a limit.
#[derive(Debug, Clone)]
struct Bound {
    /// The offset in the file its end must not pass.
    end: u64,
    element: &'static str,
    limit: u64,
    /// Where its content starts.
    line: usize,
    column: usize,
}

impl Bound {
    fn message(&self) -> String {
        format!(
            "the <{}> whose content starts at {}:{} is longer than the limit of {} bytes",
            self.element, self.line, self.column, self.limit
        )
    }
}

/// Where a unit's reading stands: the problem that will make it skipped, if any.
type Problem = Option<String>;

impl<'a> TmxReader<Box<dyn Read + Send + 'a>> {
    /// Opens a TMX file in any encoding (UTF-8 or UTF-16 with or without a byte order mark, or what the
    /// XML declaration names: see [`decode_xml`](crate::decode::decode_xml)); `name` names it in errors.
    pub fn open(input: impl Read + Send + 'a, name: &str) -> Result<Self, TmxError> {
        Self::open_with_limits(input, name, ReadLimits::default())
    }

    /// [`open`](Self::open), with `limits` on what one element may take instead of the defaults.
    pub fn open_with_limits(input: impl Read + Send + 'a, name: &str, limits: ReadLimits) -> Result<Self, TmxError> {
        let input: Box<dyn Read + Send + 'a> = Box::new(input);
        TmxReader::with_input(Utf8Reader::sniffing(input, name), name, limits)
    }
}

impl<R: Read> TmxReader<R> {
    /// Reads up to the start of the body of a TMX document that is already UTF-8, whatever it declares.
    pub fn new(input: R, name: &str) -> Result<Self, TmxError> {
        Self::with_limits(input, name, ReadLimits::default())
    }

    /// [`new`](Self::new), with `limits` on what one element may take instead of the defaults.
    pub fn with_limits(input: R, name: &str, limits: ReadLimits) -> Result<Self, TmxError> {
        TmxReader::with_input(Utf8Reader::utf8(input, name), name, limits)
    }

    fn with_input(input: Utf8Reader<R>, name: &str, limits: ReadLimits) -> Result<Self, TmxError> {
        let mut reader = Reader::from_reader(Fenced::new(input));
        reader.config_mut().check_end_names = true;
        let mut tmx = TmxReader {
            reader,
            buffers: Vec::new(),
            name: name.to_string(),
            header: Header::default(),
            header_problems: VecDeque::new(),
            version: String::new(),
            finished: false,
            limits,
            event_start: 0,
            bound: None,
            overflow: None,
            unit_start: (0, 0),
        };
        tmx.prolog()?;
        Ok(tmx)
    }

    /// The name the file was opened with, as errors give it.
    pub fn name(&self) -> &str {
        &self.name
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
        self.reader.get_ref().get_ref().position()
    }

    /// The line and column where the `<tu>` of the last unit returned starts.
    pub fn unit_position(&self) -> (usize, usize) {
        self.unit_start
    }

    /// The next unit, or `None` after the last one. What was left out of the header comes first.
    pub fn next_item(&mut self) -> Result<Option<Item>, TmxError> {
        if let Some(problem) = self.header_problems.pop_front() {
            return Ok(Some(Item::Skipped(problem)));
        }
        if self.finished {
            return Ok(None);
        }
        self.with_buffer(|this, buf| {
            loop {
                let at = this.position();
                match this.event(buf)? {
                    Event::Start(tag) if is(&tag, "tu") => {
                        this.unit_start = at;
                        return this.unit(&tag, at).map(Some);
                    }
                    Event::Empty(tag) if is(&tag, "tu") => {
                        return Ok(Some(this.skipped(at, "a unit without variants")));
                    }
                    Event::Start(tag) => {
                        let element = name(&tag);
                        this.skip(&element)?;
                        return Ok(Some(this.skipped(at, &format!("<{element}> has no place in <body>"))));
                    }
                    Event::End(tag) if tag.local_name().as_ref() == "body" => {
                        this.epilog()?;
                        return Ok(None);
                    }
                    Event::Eof => return Err(this.cut_off("<body>")),
                    _ => {}
                }
            }
        })
    }

    fn skipped(&self, (line, column): (usize, usize), message: &str) -> Item {
        Item::Skipped(UnitProblem { line, column, message: message.to_string(), in_header: false })
    }

    /// Records that something was left out of the header at `at`.
    fn header_problem(&mut self, (line, column): (usize, usize), message: String) {
        self.header_problems.push_back(UnitProblem { line, column, message, in_header: true });
    }

    /// Runs `read` with a buffer for the events of one element (events borrow it); buffers are kept for
    /// the next elements, so that reading allocates none once the first unit is read.
    fn with_buffer<T>(
        &mut self,
        read: impl FnOnce(&mut Self, &mut Vec<u8>) -> Result<T, TmxError>,
    ) -> Result<T, TmxError> {
        let mut buffer = self.buffers.pop().unwrap_or_default();
        let result = read(self, &mut buffer);
        self.buffers.push(buffer);
        result
    }

    /// The next event, read into `buf`.
    fn event<'b>(&mut self, buf: &'b mut Vec<u8>) -> Result<Event<'b>, TmxError> {
        buf.clear();
        // An event that is not well-formed is placed where it starts (a mismatched end tag at its `<`).
        let start = self.reader.get_ref().get_ref().mark();
        let limit = self.limits.max_segment_size;
        let fenced = self.reader.get_mut();
        self.event_start = fenced.offset();
        // A text is cut at the end of the element being read, or (being ignored there) after `limit`.
        // Once an element is too long, the rest of its unit is skipped in pieces of `limit`.
        let left = match (&self.bound, &self.overflow) {
            (Some(bound), None) => bound.end.saturating_sub(self.event_start),
            _ => u64::MAX,
        };
        fenced.watch(left.min(limit), self.limits.max_markup_size());
        let read = self.reader.read_event_into(buf);
        let fenced = self.reader.get_mut();
        let cut_at_the_end = fenced.take_cut() && left <= limit;
        if let Some(bound) = &self.bound
            && self.overflow.is_none()
            && (cut_at_the_end || fenced.offset() > bound.end)
        {
            self.overflow = Some(bound.clone());
        }
        match read {
            Ok(event) => Ok(event),
            Err(e) => {
                if let Some(decode) = io_error(&e).and_then(decode_error) {
                    return Err(TmxError::Decode(decode.clone()));
                }
                let (line, column) = self.reader.get_ref().get_ref().position_of(start);
                Err(TmxError::Xml { at: Location::new(&self.name, line, column), message: e.to_string() })
            }
        }
    }

    /// Runs `read` on the content of `element`, whose start tag was just read, which may take `limit`
    /// bytes of the file (and no more than the element it is in).
    fn bounded<T>(
        &mut self,
        element: &'static str,
        limit: u64,
        read: impl FnOnce(&mut Self) -> Result<T, TmxError>,
    ) -> Result<T, TmxError> {
        let outer = self.bound.clone();
        let end = self.event_start.saturating_add(limit);
        if outer.as_ref().is_none_or(|bound| end < bound.end) {
            let (line, column) = self.position();
            self.bound = Some(Bound { end, element, limit, line, column });
        }
        let result = read(self);
        self.bound = outer;
        result
    }

    /// Whether an element went past its limit: the one being read is then skipped to its end (`depth`
    /// of its children being open), and so on outwards to the unit.
    fn overflowed(&mut self, element: &str, depth: usize) -> Result<bool, TmxError> {
        if self.overflow.is_none() {
            return Ok(false);
        }
        self.skip_rest(element, depth)?;
        Ok(true)
    }

    fn cut_off(&self, inside: &str) -> TmxError {
        let (line, column) = self.position();
        TmxError::Xml {
            at: Location::new(&self.name, line, column),
            message: format!("the file ends inside {inside}: it is cut off"),
        }
    }

    /// The root element and the header, up to `<body>`.
    fn prolog(&mut self) -> Result<(), TmxError> {
        self.with_buffer(|this, buf| {
            let (root, at) = loop {
                let at = this.position();
                match this.event(buf)? {
                    Event::Start(tag) => break (tag, at),
                    Event::Empty(tag) => {
                        return Err(TmxError::NotTmx { file: this.name.clone(), root: name(&tag) });
                    }
                    Event::Text(text) if !text.trim().is_empty() => {
                        return Err(TmxError::NotTmx { file: this.name.clone(), root: String::new() });
                    }
                    Event::Eof => return Err(TmxError::NotTmx { file: this.name.clone(), root: String::new() }),
                    _ => {}
                }
            };
            if !is(&root, "tmx") {
                return Err(TmxError::NotTmx { file: this.name.clone(), root: name(&root) });
            }
            let mut problem = None;
            let attributes = attributes(&root, &mut problem);
            this.version = attributes.into_iter().find(|(k, _)| k == "version").map(|(_, v)| v).unwrap_or_default();
            if let Some(message) = problem {
                this.header_problem(at, format!("<tmx>: {message}"));
            }
            loop {
                let at = this.position();
                match this.event(buf)? {
                    Event::Start(tag) if is(&tag, "header") => this.read_header(&tag, at, false)?,
                    Event::Empty(tag) if is(&tag, "header") => this.read_header(&tag, at, true)?,
                    Event::Start(tag) if is(&tag, "body") => return Ok(()),
                    Event::Empty(tag) if is(&tag, "body") => {
                        this.epilog()?;
                        return Ok(());
                    }
                    Event::Start(tag) => this.skip(&name(&tag))?,
                    Event::End(_) => {
                        this.finished = true;
                        return Ok(());
                    }
                    Event::Eof => return Err(this.cut_off("<tmx>")),
                    _ => {}
                }
            }
        })
    }

    /// After `</body>`: `</tmx>` and nothing more.
    fn epilog(&mut self) -> Result<(), TmxError> {
        self.finished = true;
        self.with_buffer(|this, buf| {
            loop {
                match this.event(buf)? {
                    Event::End(_) => return Ok(()),
                    Event::Eof => return Err(this.cut_off("<tmx>")),
                    Event::Start(tag) => this.skip(&name(&tag))?,
                    _ => {}
                }
            }
        })
    }

    /// Reads to the end of element `element`, whose start was just read.
    fn skip(&mut self, element: &str) -> Result<(), TmxError> {
        self.skip_rest(element, 0)
    }

    /// Reads to the end of element `element`, `depth` of whose children are open.
    fn skip_rest(&mut self, element: &str, mut depth: usize) -> Result<(), TmxError> {
        self.with_buffer(|this, buf| {
            loop {
                match this.event(buf)? {
                    Event::Start(_) => depth += 1,
                    Event::End(_) if depth == 0 => return Ok(()),
                    Event::End(_) => depth -= 1,
                    Event::Eof => return Err(this.cut_off(&format!("<{element}>"))),
                    _ => {}
                }
            }
        })
    }

    /// The header, whose start (or empty tag) `tag` was just read at `at`: its attributes, and its
    /// `<prop>` and `<note>` children up to its end (other children are skipped). An attribute, property
    /// or note with an unknown entity is left out, and the problem kept for [`Self::next_item`].
    fn read_header(&mut self, tag: &BytesStart<'_>, at: (usize, usize), empty: bool) -> Result<(), TmxError> {
        let mut problem = None;
        self.header.attributes = attributes(tag, &mut problem);
        if let Some(message) = problem {
            self.header_problem(at, message);
        }
        if empty {
            return Ok(());
        }
        self.header_extras()?;
        if let Some(bound) = self.overflow.take() {
            return Err(TmxError::TooLong {
                at: Location::new(&self.name, bound.line, bound.column),
                message: format!("in the header, {}", bound.message()),
            });
        }
        Ok(())
    }

    /// The `<prop>` and `<note>` children of the header, up to its end.
    fn header_extras(&mut self) -> Result<(), TmxError> {
        self.with_buffer(|this, buf| {
            loop {
                if this.overflowed("header", 0)? {
                    return Ok(());
                }
                let at = this.position();
                let mut problem = None;
                let extra = match this.event(buf)? {
                    Event::Start(tag) => match this.extra(&tag, false, &mut problem)? {
                        Some(extra) => extra,
                        None => {
                            this.skip(&name(&tag))?;
                            continue;
                        }
                    },
                    Event::Empty(tag) => match this.extra(&tag, true, &mut problem)? {
                        Some(extra) => extra,
                        None => continue,
                    },
                    Event::End(_) => return Ok(()),
                    Event::Eof => return Err(this.cut_off("<header>")),
                    _ => continue,
                };
                match problem {
                    Some(message) => this.header_problem(at, message),
                    None => this.header.extras.push(extra),
                }
            }
        })
    }

    /// A `<prop>` or `<note>` whose start (or empty tag) is `tag`; `None` for other elements. An unknown
    /// entity in it is recorded in `problem`.
    fn extra(&mut self, tag: &BytesStart<'_>, empty: bool, problem: &mut Problem) -> Result<Option<Extra>, TmxError> {
        let element = if is(tag, "prop") {
            "prop"
        } else if is(tag, "note") {
            "note"
        } else {
            return Ok(None);
        };
        let mut own = None;
        let attrs = attributes(tag, &mut own);
        let get = |key: &str| attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
        let value = if empty {
            String::new()
        } else {
            self.bounded(element, self.limits.max_segment_size, |this| this.text_until(element, &mut own))?
        };
        if let Some(message) = own {
            problem.get_or_insert(format!("<{element}>: {message}"));
        }
        let lang = get("xml:lang").or_else(|| get("lang"));
        Ok(Some(if element == "prop" {
            Extra::Prop { kind: get("type").unwrap_or_default(), lang, value }
        } else {
            Extra::Note { lang, value }
        }))
    }

    /// The text of an element up to its end (the text of children included); an unknown entity is
    /// recorded in `problem`.
    fn text_until(&mut self, element: &str, problem: &mut Problem) -> Result<String, TmxError> {
        self.with_buffer(|this, buf| {
            let mut text = String::new();
            let mut depth = 0usize;
            loop {
                if this.overflowed(element, depth)? {
                    return Ok(text);
                }
                match this.event(buf)? {
                    Event::Text(t) => push_allowed(&mut text, &t.xml10_content()),
                    Event::CData(t) => push_allowed(&mut text, &t.xml10_content()),
                    Event::GeneralRef(r) => match reference(&r) {
                        Ok(c) if allowed(c) => text.push(c),
                        Ok(_) => {}
                        Err(message) => {
                            problem.get_or_insert(message);
                        }
                    },
                    Event::Start(_) => depth += 1,
                    Event::End(_) if depth == 0 => return Ok(text),
                    Event::End(_) => depth -= 1,
                    Event::Eof => return Err(this.cut_off(&format!("<{element}>"))),
                    _ => {}
                }
            }
        })
    }

    /// A unit whose start tag was just read at `at`.
    fn unit(&mut self, tag: &BytesStart<'_>, at: (usize, usize)) -> Result<Item, TmxError> {
        let mut problem: Problem = None;
        let mut unit = Unit { attributes: attributes(tag, &mut problem), ..Unit::default() };
        self.bounded("tu", self.limits.max_unit_size(), |this| this.unit_content(&mut unit, &mut problem))?;
        if let Some(bound) = self.overflow.take() {
            problem.get_or_insert(bound.message());
        }
        if unit.variants.is_empty() {
            problem.get_or_insert("a unit without variants".into());
        }
        Ok(match problem {
            Some(message) => self.skipped(at, &message),
            None => Item::Unit(unit),
        })
    }

    /// The children of a unit, up to its end.
    fn unit_content(&mut self, unit: &mut Unit, problem: &mut Problem) -> Result<(), TmxError> {
        self.with_buffer(|this, buf| {
            loop {
                if this.overflowed("tu", 0)? {
                    return Ok(());
                }
                match this.event(buf)? {
                    Event::Start(tag) => {
                        if is(&tag, "tuv") {
                            if let Some(variant) = this.variant(&tag, problem)? {
                                unit.variants.push(variant);
                            }
                        } else if let Some(extra) = this.extra(&tag, false, problem)? {
                            unit.extras.push(extra);
                        } else {
                            let child = name(&tag);
                            problem.get_or_insert(format!("<{child}> has no place in <tu>"));
                            this.skip(&child)?;
                        }
                    }
                    Event::Empty(tag) => {
                        if is(&tag, "tuv") {
                            problem.get_or_insert("a <tuv> without <seg>".into());
                        } else if let Some(extra) = this.extra(&tag, true, problem)? {
                            unit.extras.push(extra);
                        } else {
                            problem.get_or_insert(format!("<{}/> has no place in <tu>", name(&tag)));
                        }
                    }
                    Event::End(_) => return Ok(()),
                    Event::Eof => return Err(this.cut_off("<tu>")),
                    _ => {}
                }
            }
        })
    }

    /// A variant whose start tag was just read; `None` (and a problem) when it is not a proper one.
    fn variant(&mut self, tag: &BytesStart<'_>, problem: &mut Problem) -> Result<Option<Variant>, TmxError> {
        let mut variant = Variant::default();
        let mut own = None;
        for (key, value) in attributes(tag, &mut own) {
            if (key == "xml:lang" || key == "lang") && variant.language.is_empty() {
                variant.language = value.trim().to_string();
            } else {
                variant.attributes.push((key, value));
            }
        }
        if let Some(message) = own {
            problem.get_or_insert(format!("<tuv>: {message}"));
        }
        let mut segments = 0;
        self.with_buffer(|this, buf| {
            loop {
                if this.overflowed("tuv", 0)? {
                    return Ok(());
                }
                match this.event(buf)? {
                    Event::Start(tag) => {
                        if is(&tag, "seg") {
                            segments += 1;
                            let limit = this.limits.max_segment_size;
                            this.bounded("seg", limit, |this| this.segment(&mut variant, problem))?;
                        } else if let Some(extra) = this.extra(&tag, false, problem)? {
                            variant.extras.push(extra);
                        } else {
                            let child = name(&tag);
                            problem.get_or_insert(format!("<{child}> has no place in <tuv>"));
                            this.skip(&child)?;
                        }
                    }
                    Event::Empty(tag) => {
                        if is(&tag, "seg") {
                            segments += 1;
                        } else if let Some(extra) = this.extra(&tag, true, problem)? {
                            variant.extras.push(extra);
                        }
                    }
                    Event::End(_) => return Ok(()),
                    Event::Eof => return Err(this.cut_off("<tuv>")),
                    _ => {}
                }
            }
        })?;
        if self.overflow.is_some() {
            // Read in part: its unit is left out for being too long, nothing else is to be said.
            return Ok(None);
        }
        if variant.language.is_empty() {
            problem.get_or_insert("a <tuv> without a language (xml:lang)".into());
            return Ok(None);
        }
        if let Err(message) = crate::language::check_tag(&variant.language) {
            problem.get_or_insert(message);
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
        // Open inline elements, each true when it is a code (or a sub-flow) and not `<hi>`; text counts
        // when no code is open. Counting the open codes keeps deep nesting linear.
        let mut open: Vec<bool> = Vec::new();
        let mut codes_open = 0usize;
        self.with_buffer(|this, buf| {
            loop {
                if this.overflowed("seg", open.len())? {
                    return Ok(());
                }
                match this.event(buf)? {
                    Event::Text(t) => {
                        // Line ends made one add no character: one look serves both.
                        if !may_hold_forbidden(t.as_bytes()) {
                            variant.markup.push_str(&t);
                            if codes_open == 0 {
                                variant.text.push_str(&t.xml10_content());
                            }
                        } else {
                            // The forbidden characters go first, so that the text is the markup's text
                            // (`\r` U+FFFE `\n` is one line end in both, as when written back).
                            let kept: String = t.chars().filter(|&c| allowed(c)).collect();
                            if codes_open == 0 {
                                variant.text.push_str(&kept.replace("\r\n", "\n").replace('\r', "\n"));
                            }
                            variant.markup.push_str(&kept);
                        }
                    }
                    Event::CData(t) => {
                        variant.markup.push_str("<![CDATA[");
                        variant.markup.extend(t.chars().filter(|&c| allowed(c)));
                        variant.markup.push_str("]]>");
                        if codes_open == 0 {
                            variant.text.extend(t.xml10_content().chars().filter(|&c| allowed(c)));
                        }
                    }
                    Event::GeneralRef(r) => match reference(&r) {
                        Ok(c) if allowed(c) => {
                            variant.markup.push('&');
                            variant.markup.push_str(&r);
                            variant.markup.push(';');
                            if codes_open == 0 {
                                variant.text.push(c);
                            }
                        }
                        Ok(_) => {}
                        Err(message) => {
                            problem.get_or_insert(message);
                        }
                    },
                    Event::Start(tag) => {
                        let element = inline(&tag, false, problem);
                        variant.markup.push('<');
                        variant.markup.push_str(&renamed(&tag));
                        variant.markup.push('>');
                        let code = element != "hi";
                        codes_open += usize::from(code);
                        open.push(code);
                    }
                    Event::Empty(tag) => {
                        inline(&tag, true, problem);
                        variant.markup.push('<');
                        variant.markup.push_str(&renamed(&tag));
                        variant.markup.push_str("/>");
                    }
                    Event::End(tag) => {
                        let Some(code) = open.pop() else { return Ok(()) };
                        codes_open -= usize::from(code);
                        let element = name_end(&tag);
                        variant.markup.push_str("</");
                        variant.markup.push_str(if element == "ut" { "ph" } else { &element });
                        variant.markup.push('>');
                    }
                    Event::Eof => return Err(this.cut_off("<seg>")),
                    _ => {}
                }
            }
        })
    }
}

/// Appends `text` without the characters XML 1.0 forbids (at once when it has none, the usual case).
fn push_allowed(out: &mut String, text: &str) {
    push_checked(out, text, may_hold_forbidden(text.as_bytes()));
}

/// Appends `text`, filtered when [`may_hold_forbidden`] said it `may` hold forbidden characters.
fn push_checked(out: &mut String, text: &str, may: bool) {
    if may {
        out.extend(text.chars().filter(|&c| allowed(c)));
    } else {
        out.push_str(text);
    }
}

/// Whether UTF-8 `bytes` may hold a character XML 1.0 forbids: a control character other than tab and
/// line ends, or a byte 0xEF (U+FFFE and U+FFFF start with it). Looks at 32 bytes at a time, without
/// branches inside, so that the compiler uses vector instructions.
fn may_hold_forbidden(bytes: &[u8]) -> bool {
    let suspect = |b: u8| ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')) | (b == 0xEF);
    let mut chunks = bytes.chunks_exact(32);
    let found = chunks.any(|chunk| chunk.iter().fold(false, |seen, &b| seen | suspect(b)));
    found || chunks.remainder().iter().any(|&b| suspect(b))
}

/// The inline elements of TMX Level 2.
const INLINE: [&str; 7] = ["bpt", "ept", "it", "ph", "hi", "sub", "ut"];

/// The name of the element `tag` starts inside a segment; an element that is not inline, or an unknown
/// entity in its attributes, is recorded in `problem`.
fn inline(tag: &BytesStart<'_>, empty: bool, problem: &mut Problem) -> String {
    let element = name(tag);
    if !INLINE.contains(&element.as_str()) {
        let slash = if empty { "/" } else { "" };
        problem.get_or_insert(format!("<{element}{slash}> has no place in <seg>"));
    }
    if let Some(message) = attributes_problem(tag) {
        problem.get_or_insert(format!("<{element}>: {message}"));
    }
    // The tag is kept as written in the markup: a character XML forbids there would be written back.
    if tag.chars().any(|c| !allowed(c)) {
        problem.get_or_insert(format!("<{element}> holds a character XML 1.0 forbids"));
    }
    element
}

/// The raw content of a start tag, `ut` (deprecated) written as `ph`.
fn renamed(tag: &BytesStart<'_>) -> String {
    match tag.strip_prefix("ut") {
        Some(rest) if rest.is_empty() || rest.starts_with(char::is_whitespace) => format!("ph{rest}"),
        _ => tag.to_string(),
    }
}

/// The I/O error a parser's error is, if it is one.
fn io_error(error: &quick_xml::Error) -> Option<&std::io::Error> {
    match error {
        quick_xml::Error::Io(e) => Some(e),
        _ => None,
    }
}

/// Whether `tag` is element `element` (whatever its prefix).
fn is(tag: &BytesStart<'_>, element: &str) -> bool {
    tag.local_name().as_ref() == element
}

fn name(tag: &BytesStart<'_>) -> String {
    tag.local_name().as_ref().to_string()
}

fn name_end(tag: &quick_xml::events::BytesEnd<'_>) -> String {
    tag.local_name().as_ref().to_string()
}

/// The attributes of a tag as (name, value), names with their prefix (`xml:lang`). An attribute with an
/// unknown entity is left out, and recorded in `problem`.
fn attributes(tag: &BytesStart<'_>, problem: &mut Problem) -> Vec<(String, String)> {
    let mut attributes = Vec::new();
    for attribute in tag.attributes().flatten() {
        match attribute_value(&attribute) {
            Ok(value) => {
                let mut clean = String::with_capacity(value.len());
                push_allowed(&mut clean, &value);
                attributes.push((attribute.key.as_ref().to_string(), clean));
            }
            Err(message) => {
                problem.get_or_insert(message);
            }
        }
    }
    attributes
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A TMX file of the given units, each on its own line from line 2.
    fn tmx(units: &[String]) -> String {
        format!("<tmx version=\"1.4\"><header/><body>\n{}\n</body></tmx>", units.join("\n"))
    }

    fn unit(seg: &str) -> String {
        format!("<tu><tuv xml:lang=\"fr\"><seg>{seg}</seg></tuv><tuv xml:lang=\"en\"><seg>ok</seg></tuv></tu>")
    }

    /// What `reader` gives: the first segment of each unit, or the problem of a unit left out.
    fn items<R: Read>(mut reader: TmxReader<R>) -> Vec<Result<String, UnitProblem>> {
        let mut out = Vec::new();
        while let Some(item) = reader.next_item().unwrap() {
            out.push(match item {
                Item::Unit(unit) => Ok(unit.variants[0].text.clone()),
                Item::Skipped(problem) => Err(problem),
            });
        }
        assert!(reader.buffers.iter().all(|b| b.capacity() <= 4 * reader.limits.max_segment_size as usize));
        out
    }

    use super::super::UnitProblem;

    #[track_caller]
    fn left_out(item: &Result<String, UnitProblem>, line: usize, message: &str) {
        let Err(problem) = item else { panic!("left out: {item:?}") };
        assert_eq!((problem.line, problem.column), (line, 1), "{problem:?}");
        assert!(problem.message.contains(message), "{message}: {problem:?}");
    }

    #[test]
    fn a_segment_over_the_default_limit_leaves_its_unit_out_and_the_rest_is_read() {
        let big = "é".repeat(1_500_000);
        let xml = tmx(&[unit("avant"), unit(&big), unit("après")]);
        let got = items(TmxReader::new(xml.as_bytes(), "t.tmx").unwrap());
        assert_eq!(got.len(), 3);
        assert_eq!(got[0], Ok("avant".into()));
        left_out(&got[1], 3, "the <seg> whose content starts at 3:29 is longer than the limit of 1048576 bytes");
        assert_eq!(got[2], Ok("après".into()));
    }

    #[test]
    fn whatever_is_too_long_leaves_only_its_unit_out() {
        let limits = ReadLimits { max_segment_size: 1000 };
        let long = "x".repeat(1200);
        // Text cut into short pieces (references, inline codes) counts whole.
        let pieces = "a&amp;<ph>b</ph>".repeat(100);
        let many = (0..10).map(|_| "<tuv xml:lang=\"de\"><seg>".to_string() + &"y".repeat(900) + "</seg></tuv>");
        let units = [
            unit("un"),
            unit(&long),
            unit(&pieces),
            format!("<tu><note>{long}</note><tuv xml:lang=\"fr\"><seg>a</seg></tuv></tu>"),
            format!("<tu><tuv xml:lang=\"fr\"><prop type=\"x\">{long}</prop><seg>a</seg></tuv></tu>"),
            format!("<tu>{}</tu>", many.collect::<String>()),
            format!("<tu><tuv xml:lang=\"fr\"><seg><bpt i=\"1\">{long}</bpt></seg></tuv></tu>"),
            unit("deux"),
        ];
        let xml = tmx(&units);
        let got = items(TmxReader::with_limits(xml.as_bytes(), "t.tmx", limits).unwrap());
        assert_eq!(got.len(), 8, "{got:?}");
        assert_eq!(got[0], Ok("un".into()));
        left_out(&got[1], 3, "the <seg> whose content starts at 3:29");
        left_out(&got[2], 4, "the <seg> whose content starts at 4:29");
        left_out(&got[3], 5, "the <note> whose content starts at 5:11 is longer than the limit of 1000 bytes");
        left_out(&got[4], 6, "the <prop>");
        left_out(&got[5], 7, "the <tu> whose content starts at 7:5 is longer than the limit of 8000 bytes");
        left_out(&got[6], 8, "the <seg>");
        assert_eq!(got[7], Ok("deux".into()));
    }

    #[test]
    fn a_header_note_over_the_limit_is_an_error() {
        let xml = format!("<tmx version=\"1.4\">\n<header><note>{}</note></header><body/></tmx>", "n".repeat(2000));
        let Err(err) = TmxReader::with_limits(xml.as_bytes(), "t.tmx", ReadLimits { max_segment_size: 1000 }) else {
            panic!("an error")
        };
        assert!(matches!(err, TmxError::TooLong { at: Location { line: 2, column: 15, .. }, .. }), "{err:?}");
        assert!(err.to_string().starts_with("t.tmx:2:15: in the header, the <note>"), "{err}");
    }

    #[test]
    fn a_comment_over_the_limit_is_an_error() {
        let comment = format!("<!--{}-->", "c".repeat(3 << 20));
        let xml = tmx(&[unit("un"), unit(&comment)]);
        let mut reader = TmxReader::new(xml.as_bytes(), "t.tmx").unwrap();
        assert!(matches!(reader.next_item(), Ok(Some(Item::Unit(_)))));
        let err = reader.next_item().unwrap_err();
        assert!(err.to_string().contains("longer than the limit"), "{err}");
    }

    #[test]
    fn a_malformed_language_tag_leaves_its_unit_out() {
        let xml = tmx(&[
            unit("un"),
            "<tu><tuv xml:lang=\"fr-éab\"><seg>a</seg></tuv></tu>".into(),
            "<tu><tuv xml:lang=\"fr\"><seg>a</seg></tuv><tuv lang=\"😀\"><seg>b</seg></tuv></tu>".into(),
            unit("deux"),
        ]);
        let got = items(TmxReader::new(xml.as_bytes(), "t.tmx").unwrap());
        assert_eq!(got[0], Ok("un".into()));
        left_out(&got[1], 3, "a malformed language tag \"fr-éab\"");
        left_out(&got[2], 4, "a malformed language tag \"😀\"");
        assert_eq!(got[3], Ok("deux".into()));
    }

    fn first_unit(seg: &str) -> Variant {
        let tmx = format!(
            "<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"fr\"><seg>{seg}</seg></tuv></tu></body></tmx>"
        );
        let mut reader = TmxReader::new(tmx.as_bytes(), "t.tmx").unwrap();
        let Some(Item::Unit(mut unit)) = reader.next_item().unwrap() else { panic!("a unit") };
        unit.variants.remove(0)
    }

    #[test]
    fn a_forbidden_character_between_line_end_characters_leaves_one_line_end() {
        let variant = first_unit("a\r\u{fffe}\nb\r\u{1}c");
        assert_eq!((variant.text.as_str(), variant.markup.as_str()), ("a\nb\nc", "a\r\nb\rc"));
    }

    #[test]
    fn text_inside_deeply_nested_highlights_counts_until_a_code_opens() {
        let depth = 20_000;
        let seg =
            format!("{}a<ph>x</ph><bpt i=\"1\">b<hi>c</hi></bpt>d{}", "<hi>".repeat(depth), "</hi>".repeat(depth));
        assert_eq!(first_unit(&seg).text, "ad");
    }

    #[test]
    fn forbidden_characters_are_left_out_wherever_they_are() {
        let long = "a".repeat(40);
        for (seg, expected) in [
            (format!("{long}\u{1}b"), format!("{long}b")),
            (format!("x\u{FFFF}{long}\u{FFFE}y"), format!("x{long}y")),
            ("é\u{1F}\tè\u{EFFF}".to_string(), "é\tè\u{EFFF}".to_string()),
            (long.clone(), long.clone()),
        ] {
            let variant = first_unit(&seg);
            assert_eq!((variant.markup.as_str(), variant.text.as_str()), (&*expected, &*expected));
        }
        assert!(!may_hold_forbidden("plain text, long enough to fill a chunk: àéîõü\t\n".as_bytes()));
        assert!(may_hold_forbidden(&[b'a'; 64].iter().copied().chain([7]).collect::<Vec<u8>>()));
    }
}
