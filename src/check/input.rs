//! Where segments to check come from: a TMX file (streamed), a TSV file of source and target, or two
//! texts aligned.

use super::Segment;
use crate::align::{AlignSide, AlignedTexts, Alignment};
use crate::language::Language;
use crate::tmx::{Item, TmxError, TmxReader, Unit, UnitProblem, Variant};
use std::io::Read;

/// The segments of a TMX file, one unit at a time: each unit's first variant in the source language and
/// its best variant in the target language (a unit without both is passed over and counted).
pub struct SegmentReader<R: Read> {
    reader: TmxReader<R>,
    file: String,
    source: String,
    target: String,
    /// Units without a variant in one of the two languages.
    pub incomplete: usize,
    /// Units the reader left out, and why.
    pub skipped: Vec<UnitProblem>,
}

/// Segments from `reader` (a TMX file named `file`) in `source` and `target`.
pub fn tmx_segments<R: Read>(
    reader: TmxReader<R>,
    file: &str,
    source: &Language,
    target: &Language,
) -> SegmentReader<R> {
    SegmentReader {
        reader,
        file: file.to_string(),
        source: source.primary(),
        target: target.primary(),
        incomplete: 0,
        skipped: Vec::new(),
    }
}

impl<R: Read> SegmentReader<R> {
    /// The next segment, or `None` after the last unit.
    pub fn next_segment(&mut self) -> Result<Option<Segment>, TmxError> {
        loop {
            match self.reader.next_item()? {
                None => return Ok(None),
                Some(Item::Skipped(problem)) => self.skipped.push(problem),
                Some(Item::Unit(unit)) => match self.segment(unit) {
                    Some(segment) => return Ok(Some(segment)),
                    None => self.incomplete += 1,
                },
            }
        }
    }

    fn segment(&self, unit: Unit) -> Option<Segment> {
        let id = match unit.attribute("tuid").filter(|t| !t.trim().is_empty()) {
            Some(tuid) => tuid.to_string(),
            None => format!("line {}", self.reader.unit_position().0),
        };
        let primary = |v: &Variant| crate::language::primary_of(&v.language);
        let mut variants = unit.variants.into_iter();
        let mut source: Option<Variant> = None;
        let mut target: Option<Variant> = None;
        for variant in variants.by_ref() {
            let p = primary(&variant);
            if p == self.source && source.is_none() {
                source = Some(variant);
            } else if p == self.target && target.is_none() {
                target = Some(variant);
            }
        }
        let (source, target) = (source?, target?);
        Some(Segment {
            file: self.file.clone(),
            unit: id,
            source: source.text,
            target: target.text,
            source_markup: Some(source.markup),
            target_markup: Some(target.markup),
        })
    }
}

/// The segments of a TSV file: `source<TAB>target` a line; blank lines are passed over.
pub struct TsvSegments<'t> {
    lines: std::iter::Enumerate<std::str::Lines<'t>>,
    file: String,
}

impl<'t> TsvSegments<'t> {
    /// The segments of `text`, the content of `file`.
    pub fn new(text: &'t str, file: &str) -> Self {
        TsvSegments { lines: text.lines().enumerate(), file: file.to_string() }
    }
}

impl Iterator for TsvSegments<'_> {
    /// A segment, or the line number (1-based) of a line without a tab.
    type Item = Result<Segment, usize>;

    fn next(&mut self) -> Option<Self::Item> {
        for (n, line) in self.lines.by_ref() {
            if line.trim().is_empty() {
                continue;
            }
            let Some((source, target)) = line.split_once('\t') else { return Some(Err(n + 1)) };
            let target = target.split('\t').next().unwrap_or_default();
            return Some(Ok(Segment {
                file: self.file.clone(),
                unit: (n + 1).to_string(),
                source: source.to_string(),
                target: target.to_string(),
                ..Segment::default()
            }));
        }
        None
    }
}

/// The links of an alignment as segments, each named by the line of the source file where its first
/// sentence starts (`file` names the source file).
pub fn aligned_segments(
    source: &AlignSide<'_>,
    target: &AlignSide<'_>,
    alignment: &Alignment,
    file: &str,
) -> Vec<Segment> {
    let mut line = 1;
    let mut at = 0;
    let mut segments = Vec::new();
    for bead in alignment.beads.iter().filter(|b| b.is_link()) {
        let start = source.sentences[bead.source.start].range.start;
        line += memchr::memchr_iter(b'\n', &source.text.as_bytes()[at..start]).count();
        at = start;
        segments.push(Segment {
            file: file.to_string(),
            unit: line.to_string(),
            source: AlignedTexts::side_text(source, bead.source.clone()),
            target: AlignedTexts::side_text(target, bead.target.clone()),
            ..Segment::default()
        });
    }
    segments
}
