//! From evidence to concepts: keep the candidates that hold, cluster each language's spellings, join full
//! names to their surnames (a given name or initials before it), glued names to what they glue, acronyms
//! to their expansions, pair languages (general knowledge, the same key, units in common), and give each
//! form a status.
//!
//! Statuses follow the evidence, and only strong evidence deprecates: a spelling with the same
//! transliteration key as a more frequent one, both seen as names (Lukachenko beside Loukachenko), or a
//! known error (words glued together). A spelling that differs only by accents or hyphens is admitted; one
//! that differs only by case is the same spelling and not listed; one that only may be another
//! transliteration (a loose key) is suggested, for a person to decide.

use super::build::{BuildOptions, Evidence, FormInfo};
use super::cluster::{Tier, cluster};
use super::curated::{CURATED, find};
use super::extract::{CandidateKind, Cues, given_name};
use super::model::{Concept, Kind, LangTerms, Status, Subject, Term, TermBase, concept_id, unique_id};
use super::variants::{different_given_names, look_alikes, name_key, similarity};
use crate::fold::{fold, squash, transliteration_key};
use crate::language::Language;
use indexmap::IndexMap;
use std::collections::{HashMap, HashSet};

/// Spellings merged by clustering, and how they came into a concept.
#[derive(Debug, Clone)]
struct Part {
    /// Forms and tiers, the part's own preferred form first.
    members: Vec<(String, Tier)>,
    /// None for a concept's own spellings; how the part joined otherwise (a full form, an error).
    joined: Option<Kind>,
    /// Joined on weak evidence, for a person to confirm (a letter often confused: Kieu for Kiev).
    suggested: bool,
}

/// One language's spellings of a concept.
#[derive(Debug, Clone)]
struct Group {
    language: usize,
    parts: Vec<Part>,
    curated: Option<usize>,
    name: bool,
}

impl Group {
    fn preferred(&self) -> &str {
        &self.parts[0].members[0].0
    }

    fn forms(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().flat_map(|p| p.members.iter().map(|m| m.0.as_str()))
    }
}

pub(super) fn assemble(evidence: &Evidence<'_>, options: &BuildOptions) -> TermBase {
    let mut groups: Vec<Group> = Vec::new();
    for (language, forms) in evidence.forms.iter().enumerate() {
        let kept: Vec<(String, u32)> = forms
            .iter()
            .filter(|(form, info)| keep(form, info, evidence, language, options))
            .map(|(form, info)| (form.clone(), info.count))
            .collect();
        let tag = &evidence.languages[language];
        let mut language_groups: Vec<Group> = cluster(&kept)
            .into_iter()
            .map(|c| Group {
                language,
                name: c.members.iter().any(|m| forms[&m.form].kind == CandidateKind::Name),
                curated: c.members.iter().find_map(|m| find(tag, &m.form)),
                parts: vec![Part {
                    members: c.members.into_iter().map(|m| (m.form, m.tier)).collect(),
                    joined: None,
                    suggested: false,
                }],
            })
            .collect();
        join_related(&mut language_groups, evidence, language);
        groups.extend(language_groups);
    }
    let concepts = pair_languages(&groups, evidence);
    let mut base = TermBase::default();
    let mut ids: HashSet<String> = HashSet::new();
    for parts in concepts {
        let parts: Vec<&Group> = parts.iter().map(|&g| &groups[g]).collect();
        if let Some(concept) = make_concept(&parts, evidence, options, &mut ids) {
            base.concepts.push(concept);
        }
    }
    base.concepts.sort_by(|a, b| a.id.cmp(&b.id));
    base
}

/// Whether a candidate holds: names are kept for clustering (their frequency is judged per concept);
/// a common term must be frequent, seen as a noun phrase (after a determiner or a preposition) at least
/// half the time, and its first and last words must go together.
fn keep(form: &str, info: &FormInfo, evidence: &Evidence<'_>, language: usize, options: &BuildOptions) -> bool {
    if info.kind == CandidateKind::Name {
        return true;
    }
    // Frequent, a noun phrase at least half the time, and a whole one (not ligne de partage, always
    // followed by des eaux).
    if info.count < options.min_term_frequency
        || info.after_determiner * 2 < info.count
        || info.continued * 2 > info.count
    {
        return false;
    }
    let vocabulary = &evidence.vocabularies[language];
    let words: Vec<&str> =
        form.split(|c: char| c.is_whitespace() || c == '\'' || c == '’').filter(|w| !w.is_empty()).collect();
    let total = |w: &str| {
        let usage = vocabulary.get(w);
        usage.lower + usage.capital_inside + usage.capital_start
    };
    let (Some(first), Some(last)) = (words.first(), words.last()) else { return false };
    let dice = 2.0 * f64::from(info.count) / f64::from((total(first) + total(last)).max(1));
    dice >= options.min_association
}

/// Joins, within one language, full names to their surname (Alexandre Loukachenko → Loukachenko, when
/// every word before the surname is a given name or initials, and no two full names with different given
/// names compete for it), glued names to what they glue (Vladimirpoutine → Poutine), a model to its name
/// (Iskander-M → Iskander), a letter confused to the name it should be (Kieu → Kiev, suggested), and
/// acronyms to the expansions written beside them (FMI → Fonds monétaire international).
fn join_related(groups: &mut Vec<Group>, evidence: &Evidence<'_>, language: usize) {
    let mut joins = Joins::new(groups.len());
    let moves = name_moves(groups, evidence, language);
    let conflicting = competing_full_names(groups, &moves);
    for (g, t, kind) in moves {
        if !conflicting.contains(&g) {
            joins.join(g, t, kind, false);
        }
    }
    joins.confused_letters(groups, evidence, language);
    joins.expansions(groups, evidence, language);
    joins.apply(groups);
}

/// Moves (group, target, how it joins) of glued names, full names and models.
fn name_moves(groups: &[Group], evidence: &Evidence<'_>, language: usize) -> Vec<(usize, usize, Kind)> {
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        if group.name {
            by_key.entry(name_key(group.preferred())).or_default().push(g);
        }
    }
    let target = |key: &str, form: &str, except: usize| {
        by_key
            .get(key)
            .and_then(|list| list.iter().copied().find(|&t| t != except && !look_alikes(groups[t].preferred(), form)))
    };
    let count = |g: usize| evidence.forms[language].get(groups[g].preferred()).map_or(0, |i| i.count);
    let mut moves: Vec<(usize, usize, Kind)> = Vec::new();
    let vocabulary = &evidence.vocabularies[language];
    for (g, group) in groups.iter().enumerate() {
        let preferred = group.preferred();
        if let Some((given, surname)) = vocabulary.unglue(preferred) {
            let full = target(&name_key(&format!("{given} {surname}")), preferred, g);
            if let Some(t) = full.or_else(|| target(&name_key(&surname), &surname, g)) {
                moves.push((g, t, Kind::Error));
            }
            continue;
        }
        if !group.name || group.curated.is_some() {
            continue;
        }
        let words: Vec<&str> = preferred.split_whitespace().collect();
        for cut in 1..words.len() {
            if !words[..cut].iter().all(|w| given_name(w)) {
                break;
            }
            let surname = words[cut..].join(" ");
            // A family's name (M. and Mme Weston, les Churchill) is no one person's; initials alone
            // (K. Wien) join only a surname seen as a person's.
            let initials_only = words[..cut].iter().all(|w| w.contains('.'));
            if vocabulary.family_name(&surname) {
                break;
            }
            if let Some(t) = target(&name_key(&surname), &surname, g) {
                let person =
                    groups[t].forms().any(|f| evidence.forms[language].get(f).is_some_and(|i| i.cues.person > 0));
                if !initials_only || person {
                    moves.push((g, t, Kind::FullForm));
                }
                break;
            }
        }
    }
    // A name with a model letter or number (Iskander-M, Soyouz-2) and the name alone: one concept.
    for (g, group) in groups.iter().enumerate() {
        let preferred = group.preferred();
        let Some((base, model)) = preferred.rsplit_once('-') else { continue };
        // A model of a named thing (Iskander-M), not of a brand in capitals (TI-58C).
        let short_model = (1..=3).contains(&model.chars().count())
            && model.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
            && base.chars().filter(|c| c.is_alphabetic()).count() >= 4
            && base.chars().any(char::is_lowercase);
        if !group.name || !short_model || moves.iter().any(|m| m.0 == g) {
            continue;
        }
        if let Some(t) = target(&name_key(base), base, g).filter(|&t| groups[t].preferred() == base) {
            if count(t) >= count(g) {
                moves.push((g, t, Kind::FullForm));
            } else if !moves.iter().any(|m| m.0 == t) {
                moves.push((t, g, Kind::ShortForm));
            }
        }
    }
    moves
}

/// Full names whose given names cannot be the same person's, competing for one surname: they stay apart.
/// The competitors are every full name on that surname, whether its given name is known or not (Ibrahim
/// Koné and Nathan Koné: the surname alone is no one of them).
fn competing_full_names(groups: &[Group], moves: &[(usize, usize, Kind)]) -> HashSet<usize> {
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        if let Some((_, surname)) = group.preferred().split_once(' ').filter(|_| group.name) {
            by_surname.entry(name_key(surname)).or_default().push(g);
        }
    }
    let mut by_target: HashMap<usize, Vec<usize>> = HashMap::new();
    for &(g, t, kind) in moves {
        if kind == Kind::FullForm {
            by_target.entry(t).or_default().push(g);
        }
    }
    let mut conflicting = HashSet::new();
    for (t, full_names) in by_target {
        let rivals = by_surname.get(&name_key(groups[t].preferred())).map(Vec::as_slice).unwrap_or(&[]);
        let competing = full_names.iter().chain(rivals).any(|&a| {
            full_names
                .iter()
                .chain(rivals)
                .any(|&b| different_given_names(groups[a].preferred(), groups[b].preferred()))
        });
        if competing {
            conflicting.extend(full_names);
        }
    }
    conflicting
}

/// Which group joins which, and how.
struct Joins {
    parent: Vec<usize>,
    joined_as: Vec<Option<Kind>>,
    suggested: Vec<bool>,
}

impl Joins {
    fn new(groups: usize) -> Self {
        Joins { parent: (0..groups).collect(), joined_as: vec![None; groups], suggested: vec![false; groups] }
    }

    fn join(&mut self, g: usize, target: usize, kind: Kind, suggested: bool) {
        self.parent[g] = target;
        self.joined_as[g] = Some(kind);
        self.suggested[g] = suggested;
    }

    fn alone(&self, g: usize) -> bool {
        self.parent[g] == g
    }

    /// A letter machine translation and character recognition confuse (u for v, rn for m): suggested as
    /// an error of the more frequent name, or of one trame knows.
    fn confused_letters(&mut self, groups: &[Group], evidence: &Evidence<'_>, language: usize) {
        let mut by_folded: HashMap<String, usize> = HashMap::new();
        for (g, group) in groups.iter().enumerate() {
            if group.name {
                by_folded.insert(fold(group.preferred()), g);
            }
        }
        let weight = |g: usize| {
            (groups[g].curated.is_some(), evidence.forms[language].get(groups[g].preferred()).map_or(0, |i| i.count))
        };
        for (g, group) in groups.iter().enumerate() {
            if !group.name || !self.alone(g) || group.curated.is_some() {
                continue;
            }
            let target = confusables(&fold(group.preferred()))
                .into_iter()
                .filter_map(|f| by_folded.get(&f).copied())
                .find(|&t| t != g && self.alone(t) && weight(t) >= weight(g));
            if let Some(t) = target {
                self.join(g, t, Kind::Error, true);
            }
        }
    }

    /// An acronym and its expansion seen together: one concept, under the more frequent.
    fn expansions(&mut self, groups: &[Group], evidence: &Evidence<'_>, language: usize) {
        let mut group_of: HashMap<&str, usize> = HashMap::new();
        for (g, group) in groups.iter().enumerate() {
            for form in group.forms() {
                group_of.entry(form).or_insert(g);
            }
        }
        let forms = &evidence.forms[language];
        for (acronym, expansion) in evidence.expansions[language].keys() {
            let (Some(&a), Some(&e)) = (group_of.get(acronym.as_str()), group_of.get(expansion.as_str())) else {
                continue;
            };
            if a != e && self.alone(a) && self.alone(e) {
                if forms[acronym.as_str()].count >= forms[expansion.as_str()].count {
                    self.join(e, a, Kind::FullForm, false);
                } else {
                    self.join(a, e, Kind::ShortForm, false);
                }
            }
        }
    }

    /// Moves each joined group's parts into the group it joins (following chains), and drops it.
    fn apply(self, groups: &mut Vec<Group>) {
        let root = |mut g: usize| {
            let mut steps = 0;
            while self.parent[g] != g && steps < self.parent.len() {
                g = self.parent[g];
                steps += 1;
            }
            g
        };
        let mut moved = vec![false; groups.len()];
        for g in 0..groups.len() {
            let r = root(g);
            if r != g {
                let mut parts = std::mem::take(&mut groups[g].parts);
                if let Some(first) = parts.first_mut() {
                    first.joined = self.joined_as[g];
                    first.suggested = self.suggested[g];
                }
                groups[r].parts.extend(parts);
                moved[g] = true;
            }
        }
        let mut moved = moved.into_iter();
        groups.retain(|_| !moved.next().unwrap_or(false));
    }
}

/// The spellings one confused letter away from `folded` (u and v, rn and m, cl and d).
fn confusables(folded: &str) -> Vec<String> {
    const PAIRS: [(&str, &str); 6] = [("u", "v"), ("v", "u"), ("rn", "m"), ("m", "rn"), ("cl", "d"), ("d", "cl")];
    let mut out = Vec::new();
    for (from, to) in PAIRS {
        for (at, _) in folded.match_indices(from) {
            out.push(format!("{}{to}{}", &folded[..at], &folded[at + from.len()..]));
        }
    }
    out
}

/// Concepts as lists of groups: one per general-knowledge entry seen, then French and English groups
/// paired (the same key, or units in common and a likeness of spelling), then the rest alone.
fn pair_languages(groups: &[Group], evidence: &Evidence<'_>) -> Vec<Vec<usize>> {
    let mut concepts: Vec<Vec<usize>> = Vec::new();
    let mut taken = vec![false; groups.len()];
    let mut by_entry: IndexMap<usize, Vec<usize>> = IndexMap::new();
    for (g, group) in groups.iter().enumerate() {
        if let Some(entry) = group.curated {
            by_entry.entry(entry).or_default().push(g);
            taken[g] = true;
        }
    }
    concepts.extend(by_entry.into_values());
    let language = |tag: &str| evidence.languages.iter().position(|l| l == tag);
    if let (Some(fr), Some(en)) = (language("fr"), language("en")) {
        let mut scored: Vec<(f64, usize, usize)> = Vec::new();
        // The same key in both languages.
        let mut french_keys: HashMap<String, Vec<usize>> = HashMap::new();
        for (g, group) in groups.iter().enumerate().filter(|(g, group)| !taken[*g] && group.language == fr) {
            french_keys.entry(name_key(group.preferred())).or_default().push(g);
            french_keys.entry(transliteration_key(group.preferred(), Language::french().family())).or_default().push(g);
        }
        for (e, group) in groups.iter().enumerate().filter(|(g, group)| !taken[*g] && group.language == en) {
            let keys =
                [name_key(group.preferred()), transliteration_key(group.preferred(), Language::english().family())];
            let mut found: Vec<usize> = keys.iter().filter_map(|k| french_keys.get(k)).flatten().copied().collect();
            found.sort_unstable();
            found.dedup();
            for f in found {
                if groups[f].name == group.name {
                    scored.push((2.0 + similarity(groups[f].preferred(), group.preferred()), f, e));
                }
            }
        }
        scored.extend(cooccurring(groups, evidence, fr, en, &taken));
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        for (_, f, e) in scored {
            if !taken[f] && !taken[e] {
                taken[f] = true;
                taken[e] = true;
                concepts.push(vec![f, e]);
            }
        }
    }
    concepts.extend((0..groups.len()).filter(|&g| !taken[g]).map(|g| vec![g]));
    concepts
}

/// French and English groups seen in the same units, scored by Dice (units holding both against units
/// holding either) plus likeness of spelling, when both are high.
fn cooccurring(
    groups: &[Group],
    evidence: &Evidence<'_>,
    fr: usize,
    en: usize,
    taken: &[bool],
) -> Vec<(f64, usize, usize)> {
    let mut group_of: HashMap<(usize, &str), usize> = HashMap::new();
    for (g, group) in groups.iter().enumerate().filter(|(g, _)| !taken[*g]) {
        for form in group.forms() {
            group_of.insert((group.language, form), g);
        }
    }
    let mut both: HashMap<(usize, usize), u32> = HashMap::new();
    let mut units_of: HashMap<usize, u32> = HashMap::new();
    for forms in evidence.unit_forms.values() {
        let groups_in = |language: usize| -> HashSet<usize> {
            forms
                .iter()
                .filter(|(l, _)| *l == language)
                .filter_map(|&(l, index)| {
                    evidence.forms[l].get_index(index).and_then(|(form, _)| group_of.get(&(l, form.as_str())).copied())
                })
                .collect()
        };
        let (french, english) = (groups_in(fr), groups_in(en));
        for &f in &french {
            *units_of.entry(f).or_default() += 1;
            for &e in &english {
                *both.entry((f, e)).or_default() += 1;
            }
        }
        for &e in &english {
            *units_of.entry(e).or_default() += 1;
        }
    }
    both.into_iter()
        .filter(|(_, n)| *n >= 2)
        .filter_map(|((f, e), n)| {
            if groups[f].name != groups[e].name {
                return None;
            }
            let dice = 2.0 * f64::from(n) / f64::from(units_of[&f] + units_of[&e]);
            let likeness = similarity(groups[f].preferred(), groups[e].preferred());
            (dice >= 0.6 && likeness >= 0.6).then_some((dice + likeness, f, e))
        })
        .collect()
}

/// Whether two spellings differ only by case (and the shape of their apostrophes and spaces).
fn same_spelling(a: &str, b: &str) -> bool {
    let norm = |s: &str| squash(&s.to_lowercase().replace('’', "'"));
    norm(a) == norm(b)
}

/// Whether two spellings differ only by accents, hyphens, spaces or apostrophes (États-Unis / Etats-Unis,
/// Rostov-sur-le-Don / Rostov sur le Don): both acceptable.
fn same_letters(a: &str, b: &str) -> bool {
    let letters = |s: &str| fold(s).chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    letters(a) == letters(b)
}

fn make_concept(
    parts: &[&Group],
    evidence: &Evidence<'_>,
    options: &BuildOptions,
    ids: &mut HashSet<String>,
) -> Option<Concept> {
    let curated = parts.iter().find_map(|g| g.curated).map(|k| &CURATED[k]);
    let name = parts.iter().any(|g| g.name);
    let info = |language: usize, form: &str| evidence.forms[language].get(form);
    let total: u32 = parts
        .iter()
        .flat_map(|g| g.forms().map(move |f| (g.language, f)))
        .map(|(l, f)| info(l, f).map_or(0, |i| i.count))
        .sum();
    let floor = if name { options.min_frequency } else { options.min_term_frequency };
    if total < floor {
        return None;
    }
    let mut lines = HashMap::new();
    let mut languages: IndexMap<String, LangTerms> = IndexMap::new();
    let mut order: Vec<usize> = Vec::new();
    for tag in ["fr", "en"] {
        if let Some(l) = evidence.languages.iter().position(|x| x == tag) {
            order.push(l);
        }
    }
    let rest: Vec<usize> = (0..evidence.languages.len()).filter(|l| !order.contains(l)).collect();
    order.extend(rest);
    for language in order {
        let tag = evidence.languages[language].as_str();
        let groups: Vec<&&Group> = parts.iter().filter(|g| g.language == language).collect();
        let listed: &[&str] = match (curated, tag) {
            (Some(c), "fr") => c.fr,
            (Some(c), "en") => c.en,
            _ => &[],
        };
        if groups.is_empty() {
            continue;
        }
        let count = |form: &str| info(language, form).map_or(0, |i| i.count);
        let mut term = |form: &str, status: Status, kind: Kind| {
            let mut t = Term::new(form, status);
            t.kind = kind;
            if let Some(i) = info(language, form) {
                t.seen = i.seen.iter().map(|(&file, &n)| (evidence.files[file].clone(), n)).collect();
                t.context = Some(evidence.context(i, options.context, &mut lines)).filter(|c| !c.is_empty());
            }
            t
        };
        let core = &groups[0].parts[0];
        let preferred_form = listed.first().map_or_else(|| core.members[0].0.clone(), |s| s.to_string());
        let mut terms =
            LangTerms { preferred: term(&preferred_form, Status::Preferred, Kind::Spelling), variants: Vec::new() };
        for group in &groups {
            for (p, part) in group.parts.iter().enumerate() {
                let head = if p == 0 { preferred_form.as_str() } else { part.members[0].0.as_str() };
                for (k, (form, tier)) in part.members.iter().enumerate() {
                    if let Some(same) = std::iter::once(&mut terms.preferred)
                        .chain(terms.variants.iter_mut())
                        .find(|t| same_spelling(&t.form, form))
                    {
                        // The same spelling in other capitals: its occurrences count for the listed one.
                        if same.form != *form
                            && let Some(i) = info(language, form)
                        {
                            for (&file, &n) in &i.seen {
                                *same.seen.entry(evidence.files[file].clone()).or_default() += n;
                            }
                        }
                        continue;
                    }
                    let (status, kind) = if listed.iter().any(|l| fold(l) == fold(form)) {
                        (Status::Admitted, Kind::Spelling)
                    } else if let (0, Some(kind)) = (k, part.joined) {
                        match kind {
                            Kind::Error if part.suggested => (Status::Suggested, Kind::Error),
                            Kind::Error => (Status::Deprecated, Kind::Error),
                            kind => (Status::Admitted, kind),
                        }
                    } else if *tier == Tier::Suggested {
                        (Status::Suggested, Kind::Transliteration)
                    } else if same_letters(form, head) {
                        (Status::Admitted, Kind::Spelling)
                    } else if count(form) < count(head) && group.name {
                        (Status::Deprecated, Kind::Transliteration)
                    } else {
                        (Status::Suggested, Kind::Transliteration)
                    };
                    terms.variants.push(term(form, status, kind));
                }
            }
        }
        for form in listed.iter().skip(1) {
            if !terms.all().any(|t| same_spelling(&t.form, form)) {
                terms.variants.push(term(form, Status::Admitted, Kind::Spelling));
            }
        }
        languages.insert(tag.to_string(), terms);
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
    let mut cues = Cues::default();
    for group in parts {
        for form in group.forms() {
            if let Some(i) = info(group.language, form) {
                cues.add(i.cues);
            }
        }
    }
    let subject = match curated {
        Some(c) => c.subject,
        None if name => subject_of(cues, total),
        None => Subject::Term,
    };
    Some(Concept { id, subject, domain: None, note: None, languages })
}

/// The subject the cues point to, when they point to one clearly: more than the others, at least twice,
/// and on a fair share of the `count` occurrences (a name often after "à" is a place; one after "à" once
/// in twenty is not).
fn subject_of(cues: Cues, count: u32) -> Subject {
    let scores =
        [(cues.person, Subject::Person), (cues.place, Subject::Place), (cues.organisation, Subject::Organisation)];
    let best = scores.iter().max_by_key(|(score, _)| *score).map_or((0, Subject::Term), |&(s, subject)| (s, subject));
    let ties = scores.iter().filter(|(score, _)| *score == best.0).count();
    if best.0 >= 2 && ties == 1 && best.0 * 4 >= count { best.1 } else { Subject::Term }
}
