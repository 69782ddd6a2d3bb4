//! Quality checks of a translation before delivery: each segment's source and target turned against the
//! term base, the memory, and what a translation keeps from its source (numbers, codes, addresses), as
//! Xbench or Okapi CheckMate do.
//!
//! A [`Checker`] takes one [`Segment`] at a time (so a memory of a million units streams through it) and
//! reports each [`Finding`]: the check, its severity, the span at fault in the source or the target, and
//! a suggestion where there is one. Consistency is checked across segments, so the checker keeps a hash
//! of each segment's texts, not the texts.
//!
//! ```
//! use trame::check::{CheckOptions, Checker, Segment};
//! use trame::termbase::builtin;
//!
//! let base = builtin();
//! let mut checker = Checker::new(Some(&base), CheckOptions::default());
//! let segment = Segment::new("1", "Loukachenko a gagné 80,1 % des voix.", "Loukachenko won 80.2% of the vote.");
//! let mut found = Vec::new();
//! checker.check(&segment, &mut |f| found.push(f));
//! let checks: Vec<&str> = found.iter().map(|f| f.check.name()).collect();
//! assert_eq!(checks, ["terminology", "numbers", "numbers"]);
//! assert_eq!(found[0].suggestion.as_deref(), Some("Lukashenko"));
//! ```

mod codes;
mod completeness;
mod consistency;
mod html;
mod input;
mod numbers;
mod report;
mod terminology;
mod typography;

use crate::language::Language;
use crate::termbase::TermBase;
use consistency::Consistency;
pub use input::{SegmentReader, TsvSegments, aligned_segments, tmx_segments};
pub use report::{JsonReport, TextReport, write_html};
use serde::Serialize;
use std::fmt;
use terminology::Terminology;

/// A check, which can be turned off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Check {
    /// Terms of the glossary: translated with one of the concept's target terms, never a deprecated one.
    Terminology,
    /// The same source translated alike, the same target from the same source, and as the memory has it.
    Consistency,
    /// Numbers, times and ordinals of the source found in the target (in the target language's format).
    Numbers,
    /// Inline codes, HTML and Markdown tags, placeholders, web and e-mail addresses kept.
    Codes,
    /// A target that is there, not the source copied, and of a length a translation has.
    Completeness,
    /// Spaces, doubled words, punctuation spacing, quotes and brackets in the target.
    Typography,
}

impl Check {
    /// Every check, in report order.
    pub const ALL: [Check; 6] =
        [Check::Terminology, Check::Consistency, Check::Numbers, Check::Codes, Check::Completeness, Check::Typography];

    /// The name used on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            Check::Terminology => "terminology",
            Check::Consistency => "consistency",
            Check::Numbers => "numbers",
            Check::Codes => "codes",
            Check::Completeness => "completeness",
            Check::Typography => "typography",
        }
    }

    /// The check named `name` (as [`name`](Self::name) gives it; `markup` is taken for codes).
    pub fn from_name(name: &str) -> Option<Check> {
        let name = name.trim().to_ascii_lowercase();
        Check::ALL.into_iter().find(|c| c.name() == name).or((name == "markup").then_some(Check::Codes))
    }
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Wrong as it stands: a deprecated term, a missing number or code.
    Error,
    /// Probably wrong: worth a look.
    Warning,
}

impl Severity {
    /// The name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Which text of a segment a span is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The source text.
    Source,
    /// The target text.
    Target,
}

/// The offending part of a segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// The text it is in.
    pub side: Side,
    /// Where it starts, in characters from the start of that text.
    pub start: usize,
    /// Where it ends (exclusive), in characters.
    pub end: usize,
    /// The text of the span.
    pub text: String,
}

impl Span {
    /// The span of bytes `start..end` of `text`, on `side`.
    pub(crate) fn of(side: Side, text: &str, start: usize, end: usize) -> Span {
        let from = text[..start].chars().count();
        let to = from + text[start..end].chars().count();
        Span { side, start: from, end: to, text: text[start..end].to_string() }
    }
}

/// One problem found in a segment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The file the segment comes from.
    pub file: String,
    /// The segment: a TMX unit's `tuid` (else the line its `<tu>` starts on), or the line of a text or TSV.
    pub unit: String,
    /// Which check found it.
    pub check: Check,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong, in a sentence.
    pub message: String,
    /// The source text.
    pub source: String,
    /// The target text.
    pub target: String,
    /// The part at fault, if the finding is about one.
    pub span: Option<Span>,
    /// What to write instead, when there is one answer.
    pub suggestion: Option<String>,
}

/// One segment to check: a source text and its translation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segment {
    /// The file it comes from.
    pub file: String,
    /// Its id in reports (see [`Finding::unit`]).
    pub unit: String,
    /// The source text.
    pub source: String,
    /// The target text.
    pub target: String,
    /// The source as TMX markup with its inline codes, when it came from a TMX file.
    pub source_markup: Option<String>,
    /// The target as TMX markup.
    pub target_markup: Option<String>,
}

impl Segment {
    /// A plain-text segment `unit` (no file, no markup).
    pub fn new(unit: &str, source: &str, target: &str) -> Segment {
        Segment { unit: unit.into(), source: source.into(), target: target.into(), ..Segment::default() }
    }
}

/// Settings of a checker.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// The source language.
    pub source: Language,
    /// The target language.
    pub target: Language,
    /// The checks to run.
    pub checks: Vec<Check>,
    /// French targets: the space before `: ; ! ? »` and after `«` must be a non-breaking one (U+00A0 or
    /// U+202F), as many house styles ask; otherwise any space does.
    pub french_nbsp: bool,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            source: Language::french(),
            target: Language::english(),
            checks: Check::ALL.to_vec(),
            french_nbsp: false,
        }
    }
}

/// What a finding says before it is placed in its segment.
pub(crate) struct Issue {
    pub check: Check,
    pub severity: Severity,
    pub message: String,
    pub span: Option<Span>,
    pub suggestion: Option<String>,
}

impl Issue {
    pub(crate) fn new(check: Check, severity: Severity, message: impl Into<String>) -> Issue {
        Issue { check, severity, message: message.into(), span: None, suggestion: None }
    }

    pub(crate) fn at(mut self, span: Span) -> Issue {
        self.span = Some(span);
        self
    }

    pub(crate) fn suggest(mut self, suggestion: impl Into<String>) -> Issue {
        self.suggestion = Some(suggestion.into());
        self
    }
}

/// A 100% match source for the consistency check against a memory: the translation the memory gives to
/// a source text, if any.
pub trait MemoryLookup {
    /// The memory's translation of `source` (a 100% match), if it has one.
    fn translation(&mut self, source: &str) -> Option<String>;
}

/// Runs the checks on one segment after another.
pub struct Checker<'m> {
    options: CheckOptions,
    terminology: Option<Terminology>,
    consistency: Consistency,
    length: completeness::LengthModel,
    memory: Option<&'m mut dyn MemoryLookup>,
}

impl<'m> Checker<'m> {
    /// A checker with the terms of `base` (none: no terminology check).
    pub fn new(base: Option<&TermBase>, options: CheckOptions) -> Checker<'m> {
        let terminology = base
            .filter(|_| options.checks.contains(&Check::Terminology))
            .map(|base| Terminology::new(base, &options.source.primary(), &options.target.primary()));
        let length = completeness::LengthModel::new(&options.source, &options.target);
        Checker { options, terminology, consistency: Consistency::default(), length, memory: None }
    }

    /// Also checks each segment against the translation a memory gives its source.
    pub fn with_memory(mut self, memory: &'m mut dyn MemoryLookup) -> Checker<'m> {
        self.memory = Some(memory);
        self
    }

    /// How many concepts the terminology check knows (0 without a term base).
    pub fn concepts(&self) -> usize {
        self.terminology.as_ref().map_or(0, Terminology::concepts)
    }

    fn runs(&self, check: Check) -> bool {
        self.options.checks.contains(&check)
    }

    /// Checks `segment`, reporting each finding to `found`, in the order of [`Check::ALL`].
    pub fn check(&mut self, segment: &Segment, found: &mut dyn FnMut(Finding)) {
        let mut issues: Vec<Issue> = Vec::new();
        let (source, target) = (segment.source.as_str(), segment.target.as_str());
        let blank = target.trim().is_empty();
        if let Some(terminology) = &mut self.terminology
            && !blank
        {
            terminology.check(source, target, &mut issues);
        }
        if self.runs(Check::Consistency) {
            self.consistency.check(segment, &mut issues);
            if let Some(memory) = self.memory.as_deref_mut() {
                consistency::against_memory(memory, source, target, &mut issues);
            }
        }
        if self.runs(Check::Numbers) && !blank {
            numbers::check(source, target, &self.options.source, &self.options.target, &mut issues);
        }
        if self.runs(Check::Codes) && !blank {
            codes::check(segment, &mut issues);
        }
        if self.runs(Check::Completeness) {
            completeness::check(source, target, &mut self.length, &mut issues);
        }
        if self.runs(Check::Typography) && !blank {
            typography::check(source, target, &self.options.target, self.options.french_nbsp, &mut issues);
        }
        issues.sort_by_key(|i| Check::ALL.iter().position(|c| *c == i.check));
        for issue in issues {
            found(Finding {
                file: segment.file.clone(),
                unit: segment.unit.clone(),
                check: issue.check,
                severity: issue.severity,
                message: issue.message,
                source: segment.source.clone(),
                target: segment.target.clone(),
                span: issue.span,
                suggestion: issue.suggestion,
            });
        }
    }
}

/// Byte ranges of the words of `text` (letters, digits, and the apostrophes and hyphens inside a word).
pub(crate) fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut chars = text.char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        let inner =
            matches!(c, '\'' | '’' | '-') && start.is_some() && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            start.get_or_insert(k);
        } else if let Some(s) = start.take() {
            out.push((s, k));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

#[cfg(test)]
mod tests;
