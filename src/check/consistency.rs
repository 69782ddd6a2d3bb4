//! The consistency check: the same source (case, accents and spacing aside) translated differently within
//! the input, the same target given to different sources, and, with a memory, a target that differs from
//! the memory's translation of the same source. Only hashes of the texts are kept (the 64-bit hash of a
//! text, and the low 32 bits of its counterpart's), so a million segments take a few tens of megabytes.

use super::{Check, Issue, MemoryLookup, Segment, Severity};
use crate::fold::fold;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};

/// A target of fewer words than this may rightly translate several sources (Oui. / Si. → Yes.).
const MIN_TARGET_WORDS: usize = 4;

#[derive(Default)]
pub(crate) struct Consistency {
    hasher: foldhash::fast::FixedState,
    /// Source hash → (the low half of its target's hash, index of the first unit with that source).
    sources: HashMap<u64, (u32, u32)>,
    /// Target hash → (the low half of its source's hash, index of the first unit with that target).
    targets: HashMap<u64, (u32, u32)>,
    /// The ids of the units, in order of reading, one after the other ...
    ids: String,
    /// ... each ending here.
    ends: Vec<u32>,
}

impl Consistency {
    fn hash(&self, text: &str) -> u64 {
        let mut h = self.hasher.build_hasher();
        for word in text.split_whitespace() {
            fold(word).hash(&mut h);
        }
        h.finish()
    }

    /// The id of unit `index`.
    fn id(&self, index: u32) -> &str {
        let start = if index == 0 { 0 } else { self.ends[index as usize - 1] as usize };
        &self.ids[start..self.ends[index as usize] as usize]
    }

    pub(crate) fn check(&mut self, segment: &Segment, issues: &mut Vec<Issue>) {
        let (source, target) = (segment.source.trim(), segment.target.trim());
        if source.is_empty() || target.is_empty() {
            return;
        }
        let (s, t) = (self.hash(source), self.hash(target));
        let index = self.ends.len() as u32;
        let mut first = None;
        match self.sources.get(&s) {
            Some(&(other, unit)) if other != t as u32 => {
                first = Some((unit, "the same source is translated differently in"))
            }
            Some(_) => {}
            None => {
                self.sources.insert(s, (t as u32, index));
            }
        }
        if target.split_whitespace().count() >= MIN_TARGET_WORDS {
            match self.targets.get(&t) {
                Some(&(other, unit)) if other != s as u32 && first.is_none() => {
                    first = Some((unit, "the same target translates another source in"));
                }
                Some(_) => {}
                None => {
                    self.targets.insert(t, (s as u32, index));
                }
            }
        }
        if let Some((unit, message)) = first {
            let other = self.id(unit);
            issues.push(Issue::new(Check::Consistency, Severity::Warning, format!("{message} unit {other}")));
        }
        self.ids.push_str(&segment.unit);
        self.ends.push(self.ids.len() as u32);
    }
}

/// Reports a target that differs from the memory's translation of the same source.
pub(crate) fn against_memory(memory: &mut dyn MemoryLookup, source: &str, target: &str, issues: &mut Vec<Issue>) {
    let Some(known) = memory.translation(source) else { return };
    let same = |a: &str, b: &str| a.split_whitespace().map(fold).eq(b.split_whitespace().map(fold));
    if !same(&known, target) {
        issues.push(
            Issue::new(Check::Consistency, Severity::Warning, "the memory translates this source differently")
                .suggest(known),
        );
    }
}
