//! Term bases: lookup, clustering of spellings, building from texts.

use super::{MAX_INPUT, sections};
use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;
use trame::Language;
use trame::fold::fold;
use trame::termbase::{
    self, BuildOptions, Concept, ContextStyle, LangTerms, MatchKind, Status, Term, TermBase, TermIndex, TextSource,
    Tier, UnitSource, builtin,
};

/// How a term picked from the term base is written in a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// As in the term base.
    AsWritten,
    /// ASCII letters in upper case.
    AsciiUpper,
    /// ASCII letters in lower case.
    AsciiLower,
}

/// A query made of a term of the term base: the `term`-th (modulo their number) of the small term base
/// then of the shipped one, written in `case`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pick {
    /// Which term.
    pub term: usize,
    /// How it is written.
    pub case: Case,
}

/// The shipped term base and its index.
fn shipped() -> &'static (TermBase, TermIndex) {
    static SHIPPED: OnceLock<(TermBase, TermIndex)> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let base = builtin();
        let index = TermIndex::new(&base);
        (base, index)
    })
}

/// A term base of one concept per two forms (a preferred term and a deprecated variant), French and
/// English in turn.
fn small_base(forms: &[String]) -> TermBase {
    let mut base = TermBase::default();
    for (k, pair) in forms.chunks(2).enumerate() {
        let mut terms = LangTerms { preferred: Term::new(&pair[0], Status::Preferred), variants: Vec::new() };
        if let Some(variant) = pair.get(1) {
            terms.variants.push(Term::new(variant, Status::Deprecated));
        }
        let mut concept = Concept { id: format!("c{k}"), ..Concept::default() };
        concept.languages.insert(if k % 2 == 0 { "fr" } else { "en" }.into(), terms);
        base.concepts.push(concept);
    }
    base
}

/// Every (concept number, language, term) of `base`.
fn all_terms(base: &TermBase) -> Vec<(usize, &str, &Term)> {
    base.concepts.iter().enumerate().flat_map(|(c, concept)| concept.terms().map(move |(l, t)| (c, l, t))).collect()
}

/// What every lookup promises: at most `limit` matches, one per concept, best first, scores in [0, 1]
/// (fuzzy ones under 0.9), each naming a term of its concept in the language asked for.
fn check_matches(base: &TermBase, index: &TermIndex, query: &str, language: Option<&str>, limit: usize) {
    let matches = index.lookup(query, language, limit);
    assert!(matches.len() <= limit);
    let mut concepts = std::collections::HashSet::new();
    for (k, m) in matches.iter().enumerate() {
        assert!(concepts.insert(m.concept), "concept {} twice: {matches:?}", m.concept);
        assert!((0.0..=1.0).contains(&m.score), "{m:?}");
        assert!(m.kind != MatchKind::Fuzzy || m.score < 0.9, "{m:?}");
        assert!(k == 0 || matches[k - 1].score >= m.score, "not best first: {matches:?}");
        assert!(language.is_none_or(|l| l == m.language), "{m:?} for language {language:?}");
        let concept = &base.concepts[m.concept];
        assert!(concept.terms().any(|(l, t)| l == m.language && t.form == m.term), "{m:?} not in {concept:?}");
    }
}

/// Looks `query` up in the shipped term base and in a small one made of `forms` (limits 5 and all),
/// checking [`check_matches`]; with `pick`, also looks up a term of either: its concept is found (exactly,
/// folded or as a variant, at 0.93 or more), and a preferred term as written is an exact match at 1.
/// `language` 1 and 2 restrict lookups to French and English.
pub fn lookup(forms: &[String], query: &str, language: u8, pick: Option<Pick>) {
    if query.len() + forms.iter().map(String::len).sum::<usize>() > MAX_INPUT {
        return;
    }
    let language = [None, Some("fr"), Some("en")][usize::from(language % 3)];
    let small = small_base(forms);
    let small_index = TermIndex::new(&small);
    let (shipped_base, shipped_index) = shipped();
    for (base, index) in [(&small, &small_index), (shipped_base, shipped_index)] {
        check_matches(base, index, query, language, 5);
        check_matches(base, index, query, language, usize::MAX);
    }
    let Some(pick) = pick else { return };
    let small_terms = all_terms(&small);
    let shipped_terms = all_terms(shipped_base);
    let total = small_terms.len() + shipped_terms.len();
    let k = pick.term % total;
    let ((c, term_language, term), base, index) = if k < small_terms.len() {
        (small_terms[k], &small, &small_index)
    } else {
        (shipped_terms[k - small_terms.len()], shipped_base, shipped_index)
    };
    let query = match pick.case {
        Case::AsWritten => term.form.clone(),
        Case::AsciiUpper => term.form.to_ascii_uppercase(),
        Case::AsciiLower => term.form.to_ascii_lowercase(),
    };
    // A language filter that lets the term through.
    let language = language.map(|_| term_language);
    check_matches(base, index, &query, language, usize::MAX);
    if !fold(query.trim()).chars().any(char::is_alphanumeric) {
        return;
    }
    let matches = index.lookup(&query, language, usize::MAX);
    let Some(found) = matches.iter().find(|m| m.concept == c) else {
        panic!("{query:?}, a term of concept {c} ({:?}), does not find it: {matches:?}", term.form)
    };
    assert!(found.score >= 0.93, "{query:?}: {found:?}");
    if pick.case == Case::AsWritten && term.status == Status::Preferred && term.form == term.form.trim() {
        assert!(found.kind == MatchKind::Exact && found.score == 1.0, "{query:?}: {found:?}");
    }
}

/// Clusters `forms` (form, count) as `trame terms cluster` does and checks what [`termbase::cluster`]
/// promises: each distinct form (trimmed, empty ones left out) in exactly one cluster with its counts
/// added up; the preferred form first, the most frequent of the automatic core, whose members are all
/// `auto` (or the one `single`), suggestions after them; clusters in the order their core first appears.
pub fn cluster(forms: &[(String, u32)]) {
    if forms.iter().map(|(f, _)| f.len() + 4).sum::<usize>() > MAX_INPUT {
        return;
    }
    // Distinct form → (count, first position).
    let mut expected: HashMap<&str, (u32, usize)> = HashMap::new();
    for (position, (form, count)) in forms.iter().enumerate() {
        let form = form.trim();
        if !form.is_empty() {
            let entry = expected.entry(form).or_insert((0, position));
            entry.0 = entry.0.saturating_add(*count);
        }
    }
    let clusters = termbase::cluster(forms);
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut last_first = None;
    for (number, cluster) in clusters.iter().enumerate() {
        assert!(!cluster.members.is_empty(), "an empty cluster");
        assert_eq!(cluster.preferred(), cluster.members[0].form);
        let core = cluster.members.iter().take_while(|m| m.tier != Tier::Suggested).count();
        assert!(core >= 1, "no core in {cluster:?}");
        assert!(cluster.members[core..].iter().all(|m| m.tier == Tier::Suggested), "{cluster:?}");
        let core_tier = if core > 1 { Tier::Auto } else { Tier::Single };
        assert!(cluster.members[..core].iter().all(|m| m.tier == core_tier), "{cluster:?}");
        assert!(cluster.members[..core].iter().all(|m| m.count <= cluster.members[0].count), "{cluster:?}");
        for member in &cluster.members {
            assert!(seen.insert(member.form.as_str(), number).is_none(), "{:?} in two clusters", member.form);
            let Some(&(count, _)) = expected.get(member.form.as_str()) else {
                panic!("{:?} was not given", member.form)
            };
            assert_eq!(member.count, count, "{:?}", member.form);
        }
        let first = cluster.members[..core].iter().map(|m| expected[m.form.as_str()].1).min();
        assert!(last_first < first, "clusters out of order: {clusters:?}");
        last_first = first;
    }
    assert_eq!(seen.len(), expected.len(), "forms left out");
}

/// [`cluster`] on a list as `trame terms cluster` reads it: one form a line, a count after a tab if any;
/// blank lines and lines starting with `#` skipped (and, here, lines whose count is not a number).
pub fn cluster_bytes(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let mut forms = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once('\t') {
            Some((form, count)) => match count.trim().parse() {
                Ok(count) => forms.push((form.trim().to_string(), count)),
                Err(_) => continue,
            },
            None => forms.push((line.to_string(), 1)),
        }
    }
    cluster(&forms);
}

/// Builds a term base from a French text, an English one and French-English pairs (names seen once
/// kept, terms seen twice), contexts as sentences or as locations: every term has a form, and the term
/// base is a valid file: written as TOML, it parses into the same term base.
pub fn terms_build(french: &str, english: &str, pairs: &[(String, String)], locations: bool) {
    let size = french.len() + english.len() + pairs.iter().map(|(a, b)| a.len() + b.len()).sum::<usize>();
    if size > MAX_INPUT {
        return;
    }
    let texts = [
        TextSource { name: "fr.txt".into(), text: french, language: Language::french() },
        TextSource { name: "en.txt".into(), text: english, language: Language::english() },
    ];
    let units = [UnitSource {
        name: "pairs.tmx".into(),
        source_language: Language::french(),
        target_language: Language::english(),
        pairs: pairs.to_vec(),
    }];
    let options = BuildOptions {
        min_frequency: 1,
        min_term_frequency: 2,
        context: if locations { ContextStyle::Location } else { ContextStyle::Sentence },
        ..BuildOptions::default()
    };
    let base = termbase::build(&texts, &units, &options);
    for concept in &base.concepts {
        for (language, term) in concept.terms() {
            assert!(!term.form.trim().is_empty(), "an empty term in {language}: {concept:?}");
        }
    }
    if let Err(message) = termbase::check(&base) {
        panic!("the build made a term base that breaks a rule: {message}\n{base:#?}");
    }
    let written = termbase::to_toml(&base);
    match termbase::parse(&written, Path::new("built.toml")) {
        Ok(back) => assert_eq!(back, base, "written and parsed again:\n{written}"),
        Err(e) => panic!("{e}\n{written}"),
    }
}

/// [`terms_build`] on bytes read as UTF-8 (invalid sequences replaced): the French text, the English text
/// and the pairs (one a line, French and English separated by a tab) in sections separated by a line
/// `---`; a first line `#loc` records contexts as locations.
pub fn terms_build_bytes(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let (locations, text) = match text.strip_prefix("#loc\n") {
        Some(rest) => (true, rest),
        None => (false, &*text),
    };
    let parts = sections(text);
    let pairs: Vec<(String, String)> = parts
        .get(2..)
        .unwrap_or_default()
        .iter()
        .flat_map(|part| part.lines())
        .filter_map(|line| line.split_once('\t'))
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    terms_build(parts[0], parts.get(1).copied().unwrap_or(""), &pairs, locations);
}
