//! The decisions of a review of an alignment, as the review page saves them (`FILE.json`) and
//! `trame align --from-review` reads them back: each side's sentences as the page shows them, the beads
//! after editing, and each bead's state (right, wrong or unreviewed).
//!
//! The page and [`AlignedTexts`] write the same TMX and TSV from these decisions: a link marked right has
//! confidence 1.000 and the property `x-reviewed` = `right`; a link marked wrong is left out.

use super::output::AlignedTexts;
use super::{AlignSide, Alignment, Bead};
use crate::language::Language;
use crate::segment::Sentence;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What the `format` member of a review file says.
pub const REVIEW_FORMAT: &str = "trame-review";
/// The version of the review file this build writes and reads.
pub const REVIEW_VERSION: u32 = 1;

/// A reviewer's verdict on a bead.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BeadState {
    /// Nobody said (the aligner's confidence stands).
    #[default]
    Unreviewed,
    /// Checked or made by the reviewer: written with confidence 1.000.
    Right,
    /// Marked wrong: left out of TMX and TSV.
    Wrong,
}

/// One side of a reviewed alignment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewSide {
    /// The file's name, as the TMX properties record it.
    pub file: String,
    /// Its language tag.
    pub language: String,
    /// Its sentences, whitespace runs made one space.
    pub sentences: Vec<String>,
}

/// A bead after review: sentence numbers (0-based, consecutive) on each side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewBead {
    /// Source sentence numbers.
    pub source: Vec<usize>,
    /// Target sentence numbers.
    pub target: Vec<usize>,
    /// The aligner's confidence, to three decimals (1 for a bead the reviewer made).
    pub confidence: f64,
    /// The reviewer's verdict.
    #[serde(default)]
    pub state: BeadState,
}

/// A whole review file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// Always [`REVIEW_FORMAT`].
    #[serde(default)]
    pub format: String,
    /// [`REVIEW_VERSION`].
    #[serde(default)]
    pub version: u32,
    /// The version of trame that wrote the page (the TMX header's `creationtoolversion`).
    #[serde(default)]
    pub trame_version: String,
    /// When the alignment was made, YYYYMMDDThhmmssZ: the TMX creation date.
    pub creation_date: String,
    /// Unreviewed links under this confidence are flagged (`x-review`).
    pub review_below: f64,
    /// The source side.
    pub source: ReviewSide,
    /// The target side.
    pub target: ReviewSide,
    /// The beads, in text order, covering both sides.
    pub beads: Vec<ReviewBead>,
}

/// Why a review file cannot be used.
#[derive(Debug)]
pub enum ReviewError {
    /// Not JSON, or not the shape of a review file.
    Json(serde_json::Error),
    /// JSON of the right shape, but the decisions do not hold together.
    Invalid(String),
}

impl fmt::Display for ReviewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReviewError::Json(e) => write!(f, "not a review file: {e}"),
            ReviewError::Invalid(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for ReviewError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReviewError::Json(e) => Some(e),
            ReviewError::Invalid(_) => None,
        }
    }
}

fn invalid(message: impl Into<String>) -> ReviewError {
    ReviewError::Invalid(message.into())
}

/// A sentence as the page shows it: whitespace runs made one space, ends trimmed.
fn squashed(sentence: &str) -> String {
    sentence.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A confidence as TMX writes it, read back: the page and `--from-review` then format the same number.
fn three_decimals(confidence: f32) -> f64 {
    format!("{confidence:.3}").parse().unwrap_or(0.0)
}

impl Review {
    /// Reads and checks a review file: its format and version, the creation date, the languages, and
    /// beads of consecutive sentences that cover each side in order, each sentence once. The error names
    /// the first problem (with its bead, 1-based as the page numbers them).
    pub fn parse(json: &str) -> Result<Review, ReviewError> {
        let review: Review = serde_json::from_str(json).map_err(ReviewError::Json)?;
        review.check()?;
        Ok(review)
    }

    fn check(&self) -> Result<(), ReviewError> {
        if self.format != REVIEW_FORMAT {
            return Err(invalid(format!("not a review file (\"format\" is {:?}, not {REVIEW_FORMAT:?})", self.format)));
        }
        if self.version != REVIEW_VERSION {
            return Err(invalid(format!(
                "review file version {} (this trame reads version {REVIEW_VERSION})",
                self.version
            )));
        }
        let date = self.creation_date.as_bytes();
        let date_ok = date.len() == 16
            && date.iter().enumerate().all(|(k, b)| match k {
                8 => *b == b'T',
                15 => *b == b'Z',
                _ => b.is_ascii_digit(),
            });
        if !date_ok {
            return Err(invalid(format!("\"creation_date\" {:?} is not YYYYMMDDThhmmssZ", self.creation_date)));
        }
        if !(0.0..=1.0).contains(&self.review_below) {
            return Err(invalid(format!("\"review_below\" {} is not between 0 and 1", self.review_below)));
        }
        for (name, side) in [("source", &self.source), ("target", &self.target)] {
            if Language::parse(&side.language).is_none() {
                return Err(invalid(format!("{name} language {:?} is not a language code", side.language)));
            }
        }
        let (mut next_source, mut next_target) = (0, 0);
        for (k, bead) in self.beads.iter().enumerate() {
            let number = k + 1;
            if bead.source.is_empty() && bead.target.is_empty() {
                return Err(invalid(format!("bead {number} has no sentence on either side")));
            }
            if !(0.0..=1.0).contains(&bead.confidence) {
                return Err(invalid(format!("bead {number}: confidence {} is not between 0 and 1", bead.confidence)));
            }
            for (name, sentences, next, side) in [
                ("source", &bead.source, &mut next_source, &self.source),
                ("target", &bead.target, &mut next_target, &self.target),
            ] {
                for &sentence in sentences {
                    if sentence != *next {
                        return Err(invalid(format!(
                            "bead {number}: {name} sentence {sentence} where sentence {} comes next (the beads \
                             must take each side's sentences in order, each once)",
                            *next
                        )));
                    }
                    if sentence >= side.sentences.len() {
                        return Err(invalid(format!(
                            "bead {number}: {name} sentence {sentence}, but the {name} has {} sentences",
                            side.sentences.len()
                        )));
                    }
                    *next += 1;
                }
            }
        }
        for (name, next, side) in [("source", next_source, &self.source), ("target", next_target, &self.target)] {
            if next != side.sentences.len() {
                return Err(invalid(format!(
                    "the beads leave out {name} sentences {} to {} (every sentence belongs to a bead)",
                    next,
                    side.sentences.len() - 1
                )));
            }
        }
        Ok(())
    }

    /// The beads as an [`Alignment`] (confidences as written) and their states, in the same order.
    pub fn alignment(&self) -> (Alignment, Vec<BeadState>) {
        let range = |sentences: &[usize]| match (sentences.first(), sentences.last()) {
            (Some(&first), Some(&last)) => first..last + 1,
            _ => 0..0,
        };
        let mut beads: Vec<Bead> = Vec::with_capacity(self.beads.len());
        for bead in &self.beads {
            // An empty side sits where the previous bead's side ends.
            let (source_at, target_at) = beads.last().map_or((0, 0), |b| (b.source.end, b.target.end));
            let mut source = range(&bead.source);
            let mut target = range(&bead.target);
            if source.is_empty() {
                source = source_at..source_at;
            }
            if target.is_empty() {
                target = target_at..target_at;
            }
            beads.push(Bead { source, target, confidence: bead.confidence as f32 });
        }
        (Alignment { beads }, self.beads.iter().map(|b| b.state).collect())
    }
}

impl ReviewSide {
    /// The sentences one a line: the text for [`ReviewSide::align_side`].
    pub fn joined(&self) -> String {
        self.sentences.iter().map(|s| squashed(s)).collect::<Vec<_>>().join("\n")
    }

    /// The side over `joined` (what [`ReviewSide::joined`] returned), one sentence a line; an error
    /// when the language is not a language code.
    pub fn align_side<'t>(&self, joined: &'t str) -> Result<AlignSide<'t>, ReviewError> {
        let language = Language::parse(&self.language)
            .ok_or_else(|| invalid(format!("{:?} is not a language code", self.language)))?;
        let mut sentences = Vec::with_capacity(self.sentences.len());
        let mut start = 0;
        for (index, line) in joined.split('\n').enumerate().take(self.sentences.len()) {
            let end = start + line.len();
            let span_end = if end < joined.len() { end + 1 } else { end };
            sentences.push(Sentence { paragraph: 0, index, range: start..end, span: start..span_end });
            start = span_end;
        }
        Ok(AlignSide { text: joined, sentences, language })
    }
}

impl AlignedTexts<'_> {
    /// The decisions as the review page starts from them (or as it saved them, for texts read back from
    /// a review): sentences squashed, confidences to three decimals. `creation_date` is YYYYMMDDThhmmssZ.
    pub fn review(&self, creation_date: &str) -> Review {
        let side = |side: &AlignSide<'_>, file: &str| ReviewSide {
            file: file.to_string(),
            language: side.language.tag().to_string(),
            sentences: (0..side.sentences.len()).map(|k| squashed(side.sentence(k))).collect(),
        };
        Review {
            format: REVIEW_FORMAT.to_string(),
            version: REVIEW_VERSION,
            trame_version: env!("CARGO_PKG_VERSION").to_string(),
            creation_date: creation_date.to_string(),
            review_below: as_written(self.review_below),
            source: side(self.source, self.source_name),
            target: side(self.target, self.target_name),
            beads: self
                .alignment
                .beads
                .iter()
                .enumerate()
                .map(|(k, bead)| ReviewBead {
                    source: bead.source.clone().collect(),
                    target: bead.target.clone().collect(),
                    confidence: three_decimals(bead.confidence),
                    state: self.state(k),
                })
                .collect(),
        }
    }
}

/// A threshold as the user wrote it (0.3, not 0.3 widened from f32 to 0.30000001192...).
fn as_written(value: f32) -> f64 {
    format!("{value}").parse().unwrap_or(0.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review(beads: &str) -> String {
        format!(
            r#"{{"format": "trame-review", "version": 1, "trame_version": "0.1.0",
                "creation_date": "20261122T090000Z", "review_below": 0.5,
                "source": {{"file": "a.fr", "language": "fr", "sentences": ["Un.", "Deux.", "Trois."]}},
                "target": {{"file": "a.en", "language": "en", "sentences": ["One.", "Two and three."]}},
                "beads": {beads}}}"#
        )
    }

    #[track_caller]
    fn refused(beads: &str, message: &str) {
        let error = Review::parse(&review(beads)).unwrap_err().to_string();
        assert!(error.contains(message), "{error}");
    }

    #[test]
    fn beads_must_take_every_sentence_in_order() {
        let good = r#"[{"source": [0], "target": [0], "confidence": 0.9, "state": "right"},
                       {"source": [1, 2], "target": [1], "confidence": 0.4, "state": "unreviewed"}]"#;
        let parsed = Review::parse(&review(good)).unwrap();
        let (alignment, states) = parsed.alignment();
        assert_eq!(alignment.beads[1].source, 1..3);
        assert_eq!(states, [BeadState::Right, BeadState::Unreviewed]);
        refused(r#"[{"source": [0, 2], "target": [0, 1], "confidence": 0.9}]"#, "bead 1: source sentence 2 where");
        refused(r#"[{"source": [0, 1, 2], "target": [0], "confidence": 0.9}]"#, "leave out target sentences 1 to 1");
        refused(r#"[{"source": [0, 1, 2, 3], "target": [0, 1], "confidence": 0.9}]"#, "the source has 3 sentences");
        refused(r#"[{"source": [], "target": [], "confidence": 0.9}]"#, "bead 1 has no sentence");
        refused(r#"[{"source": [0, 1, 2], "target": [0, 1], "confidence": 9}]"#, "confidence 9 is not");
        refused(r#"[{"source": [0, 1, 2], "target": [0, 1], "confidence": 0.9, "state": "maybe"}]"#, "unknown variant");
        refused(r#"{}"#, "not a review file");
    }

    #[test]
    fn an_empty_side_sits_where_the_previous_bead_ends() {
        let beads = r#"[{"source": [0], "target": [0], "confidence": 0.9},
                        {"source": [1], "target": [], "confidence": 0.2},
                        {"source": [2], "target": [1], "confidence": 0.8}]"#;
        let (alignment, _) = Review::parse(&review(beads)).unwrap().alignment();
        assert_eq!(alignment.beads[1].target, 1..1);
    }

    #[test]
    fn sides_read_back_one_sentence_a_line() {
        let side = ReviewSide {
            file: "a".into(),
            language: "fr".into(),
            sentences: vec!["Un  été\u{a0}!".into(), "Deux\nlignes.".into(), "Été.".into()],
        };
        let joined = side.joined();
        let aligned = side.align_side(&joined).unwrap();
        let sentences: Vec<&str> = (0..3).map(|k| aligned.sentence(k)).collect();
        assert_eq!(sentences, ["Un été !", "Deux lignes.", "Été."]);
    }

    proptest::proptest! {
        #[test]
        fn any_sentences_read_back_as_the_page_shows_them(sentences in proptest::collection::vec(".*", 0..6)) {
            let side = ReviewSide { file: "a".into(), language: "fr".into(), sentences: sentences.clone() };
            let joined = side.joined();
            let aligned = side.align_side(&joined).unwrap();
            proptest::prop_assert_eq!(aligned.sentences.len(), sentences.len());
            for (k, sentence) in sentences.iter().enumerate() {
                proptest::prop_assert_eq!(aligned.sentence(k), squashed(sentence));
            }
        }
    }
}
