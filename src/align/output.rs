//! Writing an alignment: TMX, TSV, JSON Lines, bead lists and an HTML review page.

use super::review::BeadState;
use super::{AlignSide, Alignment};
use crate::tmx::{Extra, TmxHeader, TmxWriter, Unit, Variant};
use crate::xml;
use serde::Serialize;
use std::io::{self, Write};
use std::ops::Range;

/// An alignment with the two texts it links, ready to be written.
pub struct AlignedTexts<'a> {
    /// The source side.
    pub source: &'a AlignSide<'a>,
    /// The target side.
    pub target: &'a AlignSide<'a>,
    /// The beads.
    pub alignment: &'a Alignment,
    /// The source file's name, recorded in TMX properties and the review page.
    pub source_name: &'a str,
    /// The target file's name.
    pub target_name: &'a str,
    /// Links under this confidence are flagged for review.
    pub review_below: f32,
    /// A reviewer's verdict on each bead, in order (empty, or shorter: the rest unreviewed). Links marked
    /// wrong are left out of TMX and TSV; those marked right are written with confidence 1.000.
    pub states: &'a [BeadState],
}

impl AlignedTexts<'_> {
    /// The text of one side of a bead: its sentences, each on one line, joined by a space.
    pub fn side_text(side: &AlignSide<'_>, sentences: Range<usize>) -> String {
        let mut out = String::new();
        for k in sentences {
            for piece in side.sentence(k).split_whitespace() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(piece);
            }
        }
        out
    }

    /// The reviewer's verdict on bead `k`.
    pub fn state(&self, k: usize) -> BeadState {
        self.states.get(k).copied().unwrap_or_default()
    }

    /// Whether bead `k` is a link flagged for review: unreviewed, under `review_below`.
    pub fn flagged(&self, k: usize) -> bool {
        let bead = &self.alignment.beads[k];
        bead.is_link() && self.state(k) == BeadState::Unreviewed && bead.confidence < self.review_below
    }

    /// Bead `k`'s confidence as written: 1 when the reviewer marked it right.
    fn written_confidence(&self, k: usize) -> f32 {
        if self.state(k) == BeadState::Right { 1.0 } else { self.alignment.beads[k].confidence }
    }

    /// The beads to write in TMX and TSV: all but those marked wrong.
    fn kept(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.alignment.beads.len()).filter(|&k| self.state(k) != BeadState::Wrong)
    }

    /// One translation unit per link (beads with both sides) not marked wrong, with its confidence and
    /// the file names as properties, `x-review` on flagged ones and `x-reviewed` on those marked right.
    /// `creation_date` is YYYYMMDDThhmmssZ.
    pub fn units<'s>(&'s self, creation_date: &'s str) -> impl Iterator<Item = Unit> + 's {
        self.kept().filter(|&k| self.alignment.beads[k].is_link()).map(move |k| {
            let bead = &self.alignment.beads[k];
            let prop = |kind: &str, value: &str| Extra::Prop { kind: kind.into(), lang: None, value: value.into() };
            let mut extras = vec![
                prop("x-confidence", &format!("{:.3}", self.written_confidence(k))),
                prop("x-source-file", self.source_name),
                prop("x-target-file", self.target_name),
            ];
            if self.flagged(k) {
                extras.push(prop("x-review", "yes"));
            }
            if self.state(k) == BeadState::Right {
                extras.push(prop("x-reviewed", "right"));
            }
            let variant = |side: &AlignSide<'_>, sentences: Range<usize>| {
                let text = Self::side_text(side, sentences);
                Variant {
                    language: side.language.tag().to_string(),
                    markup: xml::text(&text),
                    text,
                    ..Variant::default()
                }
            };
            Unit {
                attributes: vec![("creationdate".into(), creation_date.into())],
                extras,
                variants: vec![variant(self.source, bead.source.clone()), variant(self.target, bead.target.clone())],
            }
        })
    }

    /// Writes TMX 1.4b: the [`units`](Self::units).
    pub fn write_tmx(&self, out: impl Write, creation_date: &str) -> io::Result<()> {
        let header = TmxHeader::new(self.source.language.tag(), creation_date);
        let mut writer = TmxWriter::new(out, &header)?;
        for unit in self.units(creation_date) {
            writer.write_unit(&unit)?;
        }
        writer.finish().map(|_| ())
    }

    /// Writes `source<TAB>target<TAB>confidence`, one bead a line (an empty side for 1-0 and 0-1), but
    /// for links marked wrong.
    pub fn write_tsv(&self, mut out: impl Write) -> io::Result<()> {
        for k in self.kept() {
            let bead = &self.alignment.beads[k];
            let clean = |s: String| s.replace('\t', " ");
            writeln!(
                out,
                "{}\t{}\t{:.3}",
                clean(Self::side_text(self.source, bead.source.clone())),
                clean(Self::side_text(self.target, bead.target.clone())),
                self.written_confidence(k)
            )?;
        }
        out.flush()
    }

    /// Writes one JSON object a bead: source, target, source_lines, target_lines, source_range,
    /// target_range (byte offsets, null for an empty side), confidence, review, and state (`right`, `wrong`
    /// or `unreviewed`) when the beads were reviewed.
    pub fn write_jsonl(&self, mut out: impl Write) -> io::Result<()> {
        #[derive(Serialize)]
        struct Record<'r> {
            source: &'r str,
            target: &'r str,
            source_lines: Vec<usize>,
            target_lines: Vec<usize>,
            source_range: Option<[usize; 2]>,
            target_range: Option<[usize; 2]>,
            confidence: f64,
            review: bool,
            #[serde(skip_serializing_if = "Option::is_none")]
            state: Option<BeadState>,
        }
        for (k, bead) in self.alignment.beads.iter().enumerate() {
            let (source, target) =
                (Self::side_text(self.source, bead.source.clone()), Self::side_text(self.target, bead.target.clone()));
            let record = Record {
                source: &source,
                target: &target,
                source_lines: bead.source.clone().collect(),
                target_lines: bead.target.clone().collect(),
                source_range: byte_range(self.source, bead.source.clone()),
                target_range: byte_range(self.target, bead.target.clone()),
                confidence: (f64::from(bead.confidence) * 1000.0).round() / 1000.0,
                review: self.flagged(k),
                state: (!self.states.is_empty()).then(|| self.state(k)),
            };
            serde_json::to_writer(&mut out, &record)?;
            out.write_all(b"\n")?;
        }
        out.flush()
    }

    /// Writes one bead a line as the gold files of ../shared/alignment do: `[0, 1]:[2]`, `[7]:[]`.
    pub fn write_beads(&self, mut out: impl Write) -> io::Result<()> {
        let list = |range: Range<usize>| range.map(|k| k.to_string()).collect::<Vec<_>>().join(", ");
        for bead in &self.alignment.beads {
            writeln!(out, "[{}]:[{}]", list(bead.source.clone()), list(bead.target.clone()))?;
        }
        out.flush()
    }
}

/// The byte range from the first sentence's start to the last one's end, if any.
fn byte_range(side: &AlignSide<'_>, sentences: Range<usize>) -> Option<[usize; 2]> {
    if sentences.is_empty() {
        return None;
    }
    Some([side.sentences[sentences.start].range.start, side.sentences[sentences.end - 1].range.end])
}
