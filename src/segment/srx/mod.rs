//! SRX 2.0 segmentation rules (LISA/GALA Segmentation Rules eXchange), as written by Okapi, OmegaT and
//! LanguageTool.
//!
//! A document holds named language rules (ordered break and no-break rules, each a `beforebreak` and an
//! `afterbreak` Java regular expression) and a map from language-code patterns to them. For a language,
//! the map entries whose pattern matches the code (case-insensitively, over the whole code) are used:
//! only the first with `cascade="no"`, all of them in order with `cascade="yes"`. At each position of a
//! paragraph, the first rule whose `beforebreak` matches text ending there and whose `afterbreak` matches
//! text starting there decides whether the position is a break.
//!
//! The break is at the end of the `beforebreak` match (not at the end of the rule's first capture group,
//! which is wrong for rules that start with a group of their own).
//!
//! ```
//! use trame::segment::srx::SrxDocument;
//! use trame::segment::Segmenter;
//!
//! let xml = r#"<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="no"/><body>
//!   <languagerules><languagerule languagerulename="Any">
//!     <rule break="no"><beforebreak>\bDr\.</beforebreak><afterbreak>\s</afterbreak></rule>
//!     <rule><beforebreak>\.</beforebreak><afterbreak>\s</afterbreak></rule>
//!   </languagerule></languagerules>
//!   <maprules><languagemap languagepattern=".*" languagerulename="Any"/></maprules></body></srx>"#;
//! let document = SrxDocument::parse(xml, "rules.srx").unwrap();
//! let (rules, problems) = document.rules_for("en");
//! assert!(problems.is_empty());
//! let text = "Dr. Who came. He left.";
//! let sentences = Segmenter::from_srx(rules).sentences(text);
//! assert_eq!(sentences.len(), 2);
//! assert_eq!(sentences[0].text(text), "Dr. Who came.");
//! ```

mod document;
mod java_regex;

use super::BreakRules;
use crate::position::Location;
pub use document::{LanguageMap, LanguageRule, RawRule};
use std::fmt;

/// An SRX file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SrxError {
    /// Not well-formed XML.
    Xml {
        /// Where the parser stopped.
        at: Location,
        /// What the XML parser said.
        message: String,
    },
    /// Well-formed, but not an SRX document.
    NotSrx {
        /// The file.
        file: String,
    },
    /// Bytes that are not text in the file's encoding, or an encoding nobody knows.
    Decode(crate::decode::DecodeError),
    /// An SRX document with a structural fault (a missing attribute, a map to an undefined rule, an
    /// unknown entity outside a rule).
    Structure {
        /// Where.
        at: Location,
        /// What is wrong.
        message: String,
    },
}

impl fmt::Display for SrxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SrxError::Xml { at, message } => write!(f, "{at}: bad XML: {message}"),
            SrxError::NotSrx { file } => write!(f, "{file}: not an SRX file (no <srx> element)"),
            SrxError::Structure { at, message } => write!(f, "{at}: {message}"),
            SrxError::Decode(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for SrxError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SrxError::Decode(error) => Some(error),
            _ => None,
        }
    }
}

/// A rule (or a language pattern) that could not be compiled. The rest of the rules still apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// Where the rule is in the SRX file.
    pub at: Location,
    /// The `languagerulename` the rule belongs to (for a language pattern: the one it maps to).
    pub language_rule: String,
    /// 1-based number of the rule within its language rule (0 for a language pattern).
    pub rule: usize,
    /// Why it does not compile.
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.rule == 0 {
            write!(f, "{}: language pattern for '{}' skipped: {}", self.at, self.language_rule, self.message)
        } else {
            write!(
                f,
                "{}: rule {} of language rule '{}' skipped: {}",
                self.at, self.rule, self.language_rule, self.message
            )
        }
    }
}

/// A parsed SRX document.
#[derive(Debug, Clone)]
pub struct SrxDocument {
    source: String,
    parsed: document::Parsed,
}

impl SrxDocument {
    /// Parses the SRX document `xml`; `source` names it in errors. A rule with an unknown entity is kept,
    /// to be left out and told by [`Self::rules_for`]: only character references and the five entities
    /// XML predefines are resolved, never one a DTD declares.
    pub fn parse(xml: &str, source: &str) -> Result<Self, SrxError> {
        Ok(SrxDocument { source: source.to_string(), parsed: document::parse(xml, source)? })
    }

    /// Parses the SRX file `bytes`, in whatever encoding it is (see
    /// [`decode_xml`](crate::decode::decode_xml)); `source` names it in errors.
    pub fn read(bytes: &[u8], source: &str) -> Result<Self, SrxError> {
        Self::parse(&crate::decode::decode_xml(bytes, source).map_err(SrxError::Decode)?, source)
    }

    /// Whether all matching language maps apply (`cascade="yes"`), or only the first.
    pub fn cascade(&self) -> bool {
        self.parsed.cascade
    }

    /// The language rules, in file order.
    pub fn language_rules(&self) -> &[LanguageRule] {
        &self.parsed.language_rules
    }

    /// The language maps, in file order.
    pub fn maps(&self) -> &[LanguageMap] {
        &self.parsed.maps
    }

    /// The names of the language rules that apply to `language` (a code such as `fr` or `en-GB`), in the
    /// order they apply, with the problems met on the way (a language pattern that does not compile).
    pub fn rule_names_for(&self, language: &str) -> (Vec<&str>, Vec<RuleError>) {
        let mut names = Vec::new();
        let mut problems = Vec::new();
        for map in &self.parsed.maps {
            let matched = within_limit(&map.pattern)
                .and_then(java_regex::translate)
                .and_then(|p| build(&format!("^(?i:{p})$")))
                .and_then(|re| re.is_match(language).map_err(|e| e.to_string()));
            match matched {
                Ok(true) => {
                    names.push(map.rule_name.as_str());
                    if !self.parsed.cascade {
                        break;
                    }
                }
                Ok(false) => {}
                Err(message) => problems.push(RuleError {
                    at: Location::new(&self.source, map.line, map.column),
                    language_rule: map.rule_name.clone(),
                    rule: 0,
                    message,
                }),
            }
        }
        (names, problems)
    }

    /// Compiles the rules that apply to `language`. Rules that do not compile, or hold an unknown entity,
    /// are left out and returned, each with its language rule and position, so that the caller can
    /// report them.
    pub fn rules_for(&self, language: &str) -> (SrxRules, Vec<RuleError>) {
        let (names, mut problems) = self.rule_names_for(language);
        let mut rules = Vec::new();
        for name in names {
            for language_rule in self.parsed.language_rules.iter().filter(|lr| lr.name == name) {
                for (number, raw) in language_rule.rules.iter().enumerate() {
                    match raw.problem.clone().map_or_else(|| compile(raw), Err) {
                        Ok(regex) => rules.push(CompiledRule { breaks: raw.breaks, regex }),
                        Err(message) => problems.push(RuleError {
                            at: Location::new(&self.source, raw.line, raw.column),
                            language_rule: name.to_string(),
                            rule: number + 1,
                            message,
                        }),
                    }
                }
            }
        }
        (SrxRules { rules }, problems)
    }
}

/// The longest pattern (a `<beforebreak>`, an `<afterbreak>` or a `languagepattern`) that is compiled, in
/// bytes as written. The longest in the rules of LanguageTool, OmegaT and Okapi is about 5 KB; compiling a
/// 1 MB one took seconds and hundreds of MB, so a longer pattern is refused before it is compiled, and its
/// rule reported and skipped like one that does not compile.
pub const MAX_PATTERN_BYTES: usize = 64 * 1024;

/// The most memory the compiled form of a rule may take, in bytes (for each of the regular expressions it
/// is made of; the regex crate's default is 10 MB). A short pattern can ask for far more (`\w{150}` alone
/// needs 7 MB, each `\w` being all the word characters of Unicode): compilation then stops at this size
/// and the rule is reported and skipped. Every rule of LanguageTool, OmegaT and Okapi fits in 1 MB.
pub const MAX_COMPILED_BYTES: usize = 4 << 20;

/// The most memory the lazy DFA of each compiled regular expression caches, in bytes (the regex crate's
/// default, stated here because a file holds hundreds of rules).
pub const MAX_DFA_CACHE_BYTES: usize = 2 << 20;

/// `written` (a pattern as the file has it) if it is no longer than [`MAX_PATTERN_BYTES`].
fn within_limit(written: &str) -> Result<&str, String> {
    if written.len() > MAX_PATTERN_BYTES {
        return Err(format!("the pattern is {} bytes long, more than the {MAX_PATTERN_BYTES} allowed", written.len()));
    }
    Ok(written)
}

/// `pattern` (translated) compiled within [`MAX_COMPILED_BYTES`].
fn build(pattern: &str) -> Result<fancy_regex::Regex, String> {
    fancy_regex::RegexBuilder::new(pattern)
        .delegate_size_limit(MAX_COMPILED_BYTES)
        .delegate_dfa_size_limit(MAX_DFA_CACHE_BYTES)
        .build()
        .map_err(|e| e.to_string())
}

fn compile(rule: &RawRule) -> Result<fancy_regex::Regex, String> {
    let before = java_regex::translate(within_limit(&rule.before)?)?;
    let after = java_regex::translate(within_limit(&rule.after)?)?;
    let pattern = if after.is_empty() { format!("(?:{before})") } else { format!("(?:{before})(?={after})") };
    build(&pattern)
}

struct CompiledRule {
    breaks: bool,
    regex: fancy_regex::Regex,
}

/// The compiled, ordered rules of one language.
pub struct SrxRules {
    rules: Vec<CompiledRule>,
}

impl SrxRules {
    /// How many rules compiled.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether no rule applies (the text is then never split inside a paragraph).
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

impl BreakRules for SrxRules {
    fn breaks(&self, paragraph: &str, out: &mut Vec<usize>) {
        // decided[p]: the verdict of the first rule (in order) that matched at byte p.
        let mut decided: Vec<Option<bool>> = vec![None; paragraph.len() + 1];
        for rule in &self.rules {
            // A rule that runs out of backtracking budget on this text decides nothing here.
            for found in rule.regex.find_iter(paragraph).map_while(Result::ok) {
                let slot = &mut decided[found.end()];
                if slot.is_none() {
                    *slot = Some(rule.breaks);
                }
            }
        }
        out.extend(
            decided
                .iter()
                .enumerate()
                .filter(|&(at, verdict)| *verdict == Some(true) && at > 0 && at < paragraph.len())
                .map(|(at, _)| at),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Segmenter;

    const RULES: &str = r#"<?xml version="1.0"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
 <header cascade="yes" segmentsubflows="yes"/>
 <body>
  <languagerules>
   <languagerule languagerulename="French">
    <rule break="no"><beforebreak>\bM\.\s</beforebreak><afterbreak></afterbreak></rule>
   </languagerule>
   <languagerule languagerulename="Default">
    <rule break="no"><beforebreak>([A-Z])\.</beforebreak><afterbreak>[A-Z]</afterbreak></rule>
    <rule break="yes"><beforebreak>[.?!]+\s</beforebreak><afterbreak></afterbreak></rule>
    <rule break="yes"><beforebreak>(\d)x</beforebreak><afterbreak>&#x79;</afterbreak></rule>
   </languagerule>
  </languagerules>
  <maprules>
   <languagemap languagepattern="FR.*" languagerulename="French"/>
   <languagemap languagepattern=".*" languagerulename="Default"/>
  </maprules>
 </body>
</srx>"#;

    fn split(lang: &str, text: &str) -> Vec<String> {
        let document = SrxDocument::parse(RULES, "t.srx").unwrap();
        let (rules, problems) = document.rules_for(lang);
        assert!(problems.is_empty(), "{problems:?}");
        Segmenter::from_srx(rules).sentences(text).iter().map(|s| s.text(text).to_string()).collect()
    }

    #[test]
    fn cascade_and_order() {
        // French: the M. rule comes first and wins; English: it does not apply.
        assert_eq!(split("fr-FR", "Vu M. Dupont. Puis."), ["Vu M. Dupont.", "Puis."]);
        assert_eq!(split("en", "Saw M. Dupont. Then."), ["Saw M.", "Dupont.", "Then."]);
        assert_eq!(split("en", "U.S.A. ok"), ["U.S.A.", "ok"]);
    }

    #[test]
    fn break_at_end_of_beforebreak_not_first_group() {
        // "(\d)x" followed by "y": the break is after "1x"; splitting at the end of the rule's first
        // group would give "1" and "xy".
        assert_eq!(split("en", "1xy"), ["1x", "y"]);
    }

    #[test]
    fn bad_rule_is_reported_with_position() {
        let xml = RULES.replace(r"\bM\.\s", r"\bM\.(");
        let document = SrxDocument::parse(&xml, "t.srx").unwrap();
        let (rules, problems) = document.rules_for("fr");
        assert_eq!(rules.len(), 3);
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].language_rule.as_str(), problems[0].rule, problems[0].at.line), ("French", 1, 7));
        assert!(problems[0].to_string().starts_with("t.srx:7:5: rule 1 of language rule 'French' skipped"));
    }

    /// The rules of `RULES` with the French rule's `<beforebreak>` made `pattern`, compiled for French.
    fn french_rule_as(pattern: &str) -> (SrxRules, Vec<RuleError>) {
        let xml = RULES.replace(r"\bM\.\s", pattern);
        SrxDocument::parse(&xml, "t.srx").unwrap().rules_for("fr")
    }

    #[test]
    fn a_pattern_over_the_size_limit_is_reported_and_skipped_before_compiling() {
        // 90 KB of `\w{50}`: half a million Unicode word classes, hundreds of MB once compiled.
        let pattern = r"\w{50}".repeat(15_000);
        assert!(pattern.len() > MAX_PATTERN_BYTES);
        let (rules, problems) = french_rule_as(&pattern);
        assert_eq!(rules.len(), 3);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!((problems[0].language_rule.as_str(), problems[0].rule, problems[0].at.line), ("French", 1, 7));
        let message = problems[0].to_string();
        assert!(message.starts_with("t.srx:7:5: rule 1 of language rule 'French' skipped: the pattern is 90000 bytes"));
        assert!(message.contains(&format!("more than the {MAX_PATTERN_BYTES} allowed")), "{message}");
    }

    #[test]
    fn a_short_pattern_too_large_once_compiled_is_reported_and_skipped() {
        let (rules, problems) = french_rule_as(r"\w{150}");
        assert_eq!(rules.len(), 3);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].to_string().starts_with("t.srx:7:5: rule 1 of language rule 'French' skipped"));
    }

    #[test]
    fn a_language_pattern_over_the_size_limit_is_reported() {
        let long = format!("(?:{})|fr.*", "x".repeat(MAX_PATTERN_BYTES));
        let xml = RULES.replace(r#"languagepattern="FR.*""#, &format!(r#"languagepattern="{long}""#));
        let document = SrxDocument::parse(&xml, "t.srx").unwrap();
        let (names, problems) = document.rule_names_for("fr");
        assert_eq!(names, ["Default"]);
        assert_eq!((problems.len(), problems[0].rule, problems[0].at.line), (1, 0, 16));
        assert!(problems[0].message.contains("bytes long"), "{problems:?}");
    }

    #[test]
    fn structural_errors() {
        assert!(matches!(SrxDocument::parse("<a/>", "x"), Err(SrxError::NotSrx { .. })));
        let err = SrxDocument::parse("<srx>\n<body></srx>", "x.srx").unwrap_err();
        assert!(matches!(err, SrxError::Xml { at: Location { line: 2, .. }, .. }), "{err:?}");
        let bad_map = RULES.replace(r#"languagerulename="Default"/>"#, r#"languagerulename="Nope"/>"#);
        let err = SrxDocument::parse(&bad_map, "t.srx").unwrap_err();
        assert!(err.to_string().contains("'Nope'"), "{err}");
    }
}
