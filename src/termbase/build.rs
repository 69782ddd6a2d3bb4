//! Building a term base from texts (one language each) and translation units (two languages): extract
//! candidates, cluster spellings per language, pair French and English clusters, pick preferred forms.

use super::cluster::{Tier, cluster};
use super::curated::{CURATED, Curated};
use super::extract::{Vocabulary, candidates, words};
use super::model::{Concept, Kind, LangTerms, Status, Subject, Term, TermBase, concept_id, unique_id};
use super::variants::{different_given_names, name_key, similarity};
use crate::fold::fold;
use crate::language::{Language, LanguageFamily};
use crate::position::LineIndex;
use crate::segment::Segmenter;
use indexmap::IndexMap;
use std::collections::{HashMap, HashSet};

/// A text in one language.
pub struct TextSource<'a> {
    /// Its name (a file name), recorded where terms were seen.
    pub name: String,
    /// The text.
    pub text: &'a str,
    /// Its language.
    pub language: Language,
}

/// Translation units (from a TMX file): pairs of texts in two languages.
pub struct UnitSource {
    /// Its name (a file name).
    pub name: String,
    /// The language of the first text of each pair.
    pub source_language: Language,
    /// The language of the second.
    pub target_language: Language,
    /// The pairs.
    pub pairs: Vec<(String, String)>,
}

/// How a term's context is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ContextStyle {
    /// The sentence it was seen in.
    #[default]
    Sentence,
    /// Where that sentence is: `file:line` (or `file:unit N`), for term bases that must not quote.
    Location,
}

/// Settings of a build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// A name is kept when seen at least this often in all (curated names are always kept).
    pub min_frequency: u32,
    /// A common multiword term is kept when seen at least this often.
    pub min_term_frequency: u32,
    /// How contexts are recorded.
    pub context: ContextStyle,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions { min_frequency: 2, min_term_frequency: 3, context: ContextStyle::Sentence }
    }
}

/// What is known of one form in one language.
#[derive(Default, Clone)]
struct FormInfo {
    seen: IndexMap<String, u32>,
    context: String,
    name: bool,
    glued: Option<String>,
}

impl FormInfo {
    fn count(&self) -> u32 {
        self.seen.values().sum()
    }
}

/// Every form seen, per language, and how forms co-occur across languages in units.
#[derive(Default)]
struct Evidence {
    forms: IndexMap<String, IndexMap<String, FormInfo>>,
    /// (French form, English form) → units holding both; per form, units holding it.
    cooccurrence: HashMap<(String, String), u32>,
    unit_counts: HashMap<(String, String), u32>,
}

impl Evidence {
    fn record(&mut self, language: &str, form: &str, file: &str, context: &str, name: bool, glued: Option<String>) {
        let info = self.forms.entry(language.to_string()).or_default().entry(form.to_string()).or_default();
        *info.seen.entry(file.to_string()).or_default() += 1;
        if info.context.is_empty() {
            info.context = context.to_string();
        }
        info.name |= name;
        if glued.is_some() {
            info.glued = glued;
        }
    }
}

/// Builds a term base from `texts` and `units`.
pub fn build(texts: &[TextSource<'_>], units: &[UnitSource], options: &BuildOptions) -> TermBase {
    let mut evidence = Evidence::default();
    // Sentences per language, with where they come from, so that the vocabulary of a language is learnt
    // from all its text before candidates are taken.
    struct Sentence {
        language: String,
        file: String,
        text: String,
        location: String,
        unit: Option<(usize, usize)>,
    }
    let mut sentences: Vec<Sentence> = Vec::new();
    for source in texts {
        let lines = LineIndex::new(source.text);
        let segmenter = Segmenter::builtin(&source.language);
        for s in segmenter.sentences(source.text) {
            let (line, _) = lines.position(s.range.start);
            sentences.push(Sentence {
                language: source.language.primary(),
                file: source.name.clone(),
                text: s.text(source.text).to_string(),
                location: format!("{}:{line}", source.name),
                unit: None,
            });
        }
    }
    for (u, source) in units.iter().enumerate() {
        for (k, (a, b)) in source.pairs.iter().enumerate() {
            for (language, text) in [(&source.source_language, a), (&source.target_language, b)] {
                sentences.push(Sentence {
                    language: language.primary(),
                    file: source.name.clone(),
                    text: text.clone(),
                    location: format!("{}:unit {}", source.name, k + 1),
                    unit: Some((u, k)),
                });
            }
        }
    }
    let mut vocabularies: HashMap<String, Vocabulary> = HashMap::new();
    let tokenised: Vec<_> = sentences.iter().map(|s| words(&s.text)).collect();
    for (s, w) in sentences.iter().zip(&tokenised) {
        vocabularies.entry(s.language.clone()).or_default().learn(w);
    }
    let mut unit_forms: HashMap<(usize, usize), HashMap<String, HashSet<String>>> = HashMap::new();
    for (s, w) in sentences.iter().zip(&tokenised) {
        let vocabulary = &vocabularies[&s.language];
        let context = match options.context {
            ContextStyle::Sentence => s.text.clone(),
            ContextStyle::Location => s.location.clone(),
        };
        for candidate in candidates(w, vocabulary) {
            let glued = vocabulary.unglue(&candidate.form).map(|(a, b)| format!("{a} {b}"));
            evidence.record(&s.language, &candidate.form, &s.file, &context, candidate.name, glued);
            if let Some(unit) = s.unit {
                unit_forms.entry(unit).or_default().entry(s.language.clone()).or_default().insert(candidate.form);
            }
        }
    }
    for forms in unit_forms.values() {
        let (Some(fr), Some(en)) = (forms.get("fr"), forms.get("en")) else { continue };
        for f in fr {
            *evidence.unit_counts.entry(("fr".into(), f.clone())).or_default() += 1;
            for e in en {
                *evidence.cooccurrence.entry((f.clone(), e.clone())).or_default() += 1;
            }
        }
        for e in en {
            *evidence.unit_counts.entry(("en".into(), e.clone())).or_default() += 1;
        }
    }
    assemble(&evidence, options)
}

/// A cluster of one language, on its way to a concept.
#[derive(Clone)]
struct Group {
    language: String,
    /// (form, tier, kind it joined as).
    members: Vec<(String, Tier, Option<Kind>)>,
    curated: Option<&'static Curated>,
    name: bool,
}

impl Group {
    fn preferred(&self) -> &str {
        &self.members[0].0
    }
}

fn assemble(evidence: &Evidence, options: &BuildOptions) -> TermBase {
    let mut groups: Vec<Group> = Vec::new();
    for (language, forms) in &evidence.forms {
        let list: Vec<(String, u32)> = forms.iter().map(|(f, info)| (f.clone(), info.count())).collect();
        let mut language_groups: Vec<Group> = cluster(&list)
            .into_iter()
            .map(|c| Group {
                language: language.clone(),
                name: c.members.iter().any(|m| forms[&m.form].name),
                curated: c.members.iter().find_map(|m| super::curated::find(language, &m.form)),
                members: c.members.into_iter().map(|m| (m.form, m.tier, None)).collect(),
            })
            .collect();
        attach_full_forms(&mut language_groups, forms);
        groups.extend(language_groups);
    }
    // One concept per curated entry seen, then pairs across languages, then the rest alone.
    let mut concepts: Vec<Vec<Group>> = Vec::new();
    let mut taken = vec![false; groups.len()];
    for entry in CURATED {
        let members: Vec<usize> =
            (0..groups.len()).filter(|&g| !taken[g] && groups[g].curated.is_some_and(|c| c.id == entry.id)).collect();
        if members.is_empty() {
            continue;
        }
        for &g in &members {
            taken[g] = true;
        }
        concepts.push(members.into_iter().map(|g| groups[g].clone()).collect());
    }
    let french: Vec<usize> = (0..groups.len()).filter(|&g| !taken[g] && groups[g].language == "fr").collect();
    let english: Vec<usize> = (0..groups.len()).filter(|&g| !taken[g] && groups[g].language == "en").collect();
    let mut scored: Vec<(f64, usize, usize)> = Vec::new();
    for &f in &french {
        for &e in &english {
            let score = pairing_score(&groups[f], &groups[e], evidence);
            if score > 0.0 {
                scored.push((score, f, e));
            }
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, f, e) in scored {
        if !taken[f] && !taken[e] {
            taken[f] = true;
            taken[e] = true;
            concepts.push(vec![groups[f].clone(), groups[e].clone()]);
        }
    }
    for (g, group) in groups.iter().enumerate() {
        if !taken[g] {
            concepts.push(vec![group.clone()]);
        }
    }
    let mut base = TermBase::default();
    let mut ids: HashSet<String> = HashSet::new();
    for parts in concepts {
        if let Some(concept) = make_concept(&parts, evidence, options, &mut ids) {
            base.concepts.push(concept);
        }
    }
    base.concepts.sort_by(|a, b| a.id.cmp(&b.id));
    base
}

/// A curated form with more words than the preferred one is its full form.
fn listed_kind(form: &str, preferred: &str) -> Kind {
    if form.split_whitespace().count() > preferred.split_whitespace().count() { Kind::FullForm } else { Kind::Spelling }
}

/// Multiword names whose last word is the key of a one-word cluster join it as full forms (Alexandre
/// Loukachenko → Loukachenko), unless names with different given names compete for it; glued names
/// (Vladimirpoutine) join the cluster of what they glue as errors.
fn attach_full_forms(groups: &mut Vec<Group>, forms: &IndexMap<String, FormInfo>) {
    let single_word: HashMap<String, usize> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.name && !g.preferred().contains(' '))
        .map(|(i, g)| (name_key(g.preferred()), i))
        .collect();
    let mut moves: Vec<(usize, usize, Kind)> = Vec::new();
    for (i, group) in groups.iter().enumerate() {
        let preferred = group.preferred();
        if let Some(unglued) = forms.get(preferred).and_then(|info| info.glued.clone()) {
            let last = unglued.rsplit(' ').next().unwrap_or("");
            if let Some(&target) = single_word.get(&name_key(last)) {
                moves.push((i, target, Kind::Error));
            }
            continue;
        }
        if !group.name || !preferred.contains(' ') || group.curated.is_some() {
            continue;
        }
        let last = preferred.rsplit(' ').next().unwrap_or("");
        if let Some(&target) = single_word.get(&name_key(last)) {
            moves.push((i, target, Kind::FullForm));
        }
    }
    // Full names with given names that cannot be the same person's stay apart.
    let mut by_target: HashMap<usize, Vec<usize>> = HashMap::new();
    for &(i, target, kind) in &moves {
        if kind == Kind::FullForm {
            by_target.entry(target).or_default().push(i);
        }
    }
    let conflicting: HashSet<usize> = by_target
        .values()
        .filter(|list| {
            list.iter()
                .any(|&a| list.iter().any(|&b| different_given_names(groups[a].preferred(), groups[b].preferred())))
        })
        .flatten()
        .copied()
        .collect();
    let mut removed = HashSet::new();
    for (i, target, kind) in moves {
        if conflicting.contains(&i) || i == target {
            continue;
        }
        // The full name itself joins as a full form; its own variants follow the usual rules.
        let members: Vec<_> = groups[i]
            .members
            .iter()
            .enumerate()
            .map(|(k, (f, t, _))| (f.clone(), *t, if k == 0 || kind == Kind::Error { Some(kind) } else { None }))
            .collect();
        groups[target].members.extend(members);
        removed.insert(i);
    }
    let mut index = 0;
    groups.retain(|_| {
        let keep = !removed.contains(&index);
        index += 1;
        keep
    });
}

/// How strongly a French and an English cluster name the same thing: the same key (Poutine / Putin,
/// Minsk / Minsk), or units in common (Dice) with some likeness of spelling.
fn pairing_score(french: &Group, english: &Group, evidence: &Evidence) -> f64 {
    let (f, e) = (french.preferred(), english.preferred());
    if french.name != english.name {
        return 0.0;
    }
    let same_key = name_key(f) == name_key(e)
        || crate::fold::transliteration_key(f, LanguageFamily::French)
            == crate::fold::transliteration_key(e, LanguageFamily::English);
    if same_key {
        return 2.0 + similarity(f, e);
    }
    let (mut both, mut n_f, mut n_e) = (0u32, 0u32, 0u32);
    for (ff, _, _) in &french.members {
        n_f += evidence.unit_counts.get(&("fr".to_string(), ff.clone())).copied().unwrap_or(0);
        for (ee, _, _) in &english.members {
            both += evidence.cooccurrence.get(&(ff.clone(), ee.clone())).copied().unwrap_or(0);
        }
    }
    for (ee, _, _) in &english.members {
        n_e += evidence.unit_counts.get(&("en".to_string(), ee.clone())).copied().unwrap_or(0);
    }
    if both < 2 || n_f + n_e == 0 {
        return 0.0;
    }
    let dice = 2.0 * f64::from(both) / f64::from(n_f + n_e);
    let likeness = similarity(f, e);
    if dice >= 0.6 && likeness >= 0.6 { dice + likeness } else { 0.0 }
}

fn make_concept(
    parts: &[Group],
    evidence: &Evidence,
    options: &BuildOptions,
    ids: &mut HashSet<String>,
) -> Option<Concept> {
    let curated = parts.iter().find_map(|g| g.curated);
    let name = parts.iter().any(|g| g.name);
    let info = |language: &str, form: &str| evidence.forms.get(language).and_then(|f| f.get(form));
    let total: u32 = parts
        .iter()
        .flat_map(|g| g.members.iter().map(move |m| (g, m)))
        .map(|(g, m)| info(&g.language, &m.0).map_or(0, FormInfo::count))
        .sum();
    let floor = if name { options.min_frequency } else { options.min_term_frequency };
    if curated.is_none() && total < floor {
        return None;
    }
    let mut languages: IndexMap<String, LangTerms> = IndexMap::new();
    for language in ["fr", "en"].into_iter().chain(parts.iter().map(|g| g.language.as_str())) {
        let members: Vec<&(String, Tier, Option<Kind>)> =
            parts.iter().filter(|g| g.language == language).flat_map(|g| g.members.iter()).collect();
        let listed: &[&str] = match (curated, language) {
            (Some(c), "fr") => c.fr,
            (Some(c), "en") => c.en,
            _ => &[],
        };
        if (members.is_empty() && listed.is_empty()) || languages.contains_key(language) {
            continue;
        }
        let count = |form: &str| info(language, form).map_or(0, FormInfo::count);
        let preferred_form = listed.first().map(|s| s.to_string()).unwrap_or_else(|| {
            // The most frequent form of the automatic core (the cluster's first member breaks ties).
            members
                .iter()
                .filter(|m| m.2.is_none() && m.1 != Tier::Suggested)
                .max_by(|a, b| count(&a.0).cmp(&count(&b.0)).then(std::cmp::Ordering::Greater))
                .map(|m| m.0.clone())
                .unwrap_or_else(|| members[0].0.clone())
        });
        let term = |form: &str, status: Status, kind: Kind| {
            let mut t = Term::new(form, status);
            t.kind = kind;
            if let Some(i) = info(language, form) {
                t.seen = i.seen.clone();
                t.context = Some(i.context.clone()).filter(|c| !c.is_empty());
            }
            t
        };
        let mut terms =
            LangTerms { preferred: term(&preferred_form, Status::Preferred, Kind::Spelling), variants: Vec::new() };
        let mut done: HashSet<String> = HashSet::from([preferred_form.clone()]);
        let preferred_count = count(&preferred_form);
        for (form, tier, joined) in members {
            if !done.insert(form.clone()) {
                continue;
            }
            let curated_error =
                curated.is_some_and(|c| language == "fr" && c.fr_errors.iter().any(|e| fold(e) == fold(form)));
            let (status, kind) = if curated_error {
                (Status::Deprecated, Kind::Error)
            } else if let Some(kind) = joined {
                match kind {
                    Kind::Error => (Status::Deprecated, Kind::Error),
                    kind => (Status::Admitted, *kind),
                }
            } else if listed.iter().any(|l| fold(l) == fold(form)) {
                (Status::Admitted, listed_kind(form, &preferred_form))
            } else if *tier == Tier::Suggested {
                let rare = count(form) <= 2 && count(form) * 3 <= preferred_count;
                if rare && strsim::levenshtein(&fold(form), &fold(&preferred_form)) == 1 {
                    (Status::Deprecated, Kind::Error)
                } else {
                    (Status::Suggested, Kind::Transliteration)
                }
            } else if fold(form) == fold(&preferred_form) {
                (Status::Deprecated, Kind::Spelling)
            } else {
                (Status::Deprecated, Kind::Transliteration)
            };
            terms.variants.push(term(form, status, kind));
        }
        // Curated forms not seen still belong to the concept.
        for form in listed.iter().skip(1) {
            if done.insert(form.to_string()) {
                terms.variants.push(term(form, Status::Admitted, listed_kind(form, &preferred_form)));
            }
        }
        if let Some(c) = curated.filter(|_| language == "fr") {
            for form in c.fr_errors {
                if done.insert(form.to_string()) {
                    terms.variants.push(term(form, Status::Deprecated, Kind::Error));
                }
            }
        }
        languages.insert(language.to_string(), terms);
    }
    let base_id = curated.map(|c| c.id.to_string()).unwrap_or_else(|| {
        let label = languages
            .get("en")
            .or_else(|| languages.values().next())
            .map(|t| t.preferred.form.clone())
            .unwrap_or_default();
        concept_id(&label)
    });
    let id = unique_id(&base_id, |id| ids.contains(id));
    ids.insert(id.clone());
    Some(Concept {
        id,
        subject: curated.map_or(Subject::Term, |c| c.subject),
        domain: None,
        note: curated.map(|c| c.note.to_string()).filter(|n| !n.is_empty()),
        languages,
    })
}
