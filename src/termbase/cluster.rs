//! Clustering spellings into names, in tiers: forms with the same transliteration key are merged
//! automatically, unless they are look-alikes (an inflection, a feminine, another given name); forms that
//! may be the same name in another transliteration (the same loose key) are attached as suggestions for
//! a person to confirm; the rest stay single.

use super::variants::{look_alikes, loose_key, merge_keys, similarity, suggested_pair};
use serde::Serialize;
use std::collections::HashMap;

/// How a form came to be in its cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    /// Same key as the cluster's preferred form: merged without asking.
    Auto,
    /// Close to the cluster's forms: proposed, to be reviewed.
    Suggested,
    /// Alone (or the anchor of suggestions only).
    Single,
}

impl Tier {
    /// The name written in reports.
    pub fn name(self) -> &'static str {
        match self {
            Tier::Auto => "auto",
            Tier::Suggested => "suggested",
            Tier::Single => "single",
        }
    }
}

/// One form in a cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    /// The form as given.
    pub form: String,
    /// How often it was given.
    pub count: u32,
    /// How it joined.
    pub tier: Tier,
}

/// A cluster: its preferred form first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cluster {
    /// The forms, the preferred (most frequent of the automatic core) first.
    pub members: Vec<Member>,
}

impl Cluster {
    /// The preferred form.
    pub fn preferred(&self) -> &str {
        &self.members[0].form
    }
}

/// Forms merged without asking: the same key, and no two of them look-alikes.
struct Group {
    forms: Vec<(String, u32)>,
    count: u32,
    first: usize,
}

impl Group {
    /// The form that stands for the group: the most frequent, not in capitals if another is as frequent,
    /// the first seen on a tie.
    fn representative(&self) -> &str {
        let mut best = &self.forms[0];
        for form in &self.forms[1..] {
            let caps = |f: &str| f.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
            if form.1 > best.1 || (form.1 == best.1 && caps(&best.0) && !caps(&form.0)) {
                best = form;
            }
        }
        &best.0
    }
}

/// Clusters `forms` (form, count); a form given twice is counted twice. Clusters come in the order of
/// their preferred form's first appearance.
///
/// Work grows with the number of forms, not its square: forms meet only in buckets of the same key
/// (automatic tier) or the same loose key (suggested tier), and only look-alikes within a bucket are
/// compared.
pub fn cluster(forms: &[(String, u32)]) -> Vec<Cluster> {
    let groups = automatic_groups(distinct(forms));
    let anchor_of = suggestions(&groups);
    let mut suggested: HashMap<usize, Vec<usize>> = HashMap::new();
    for (g, anchor) in anchor_of.iter().enumerate() {
        if let Some(a) = anchor {
            suggested.entry(*a).or_default().push(g);
        }
    }
    let mut clusters: Vec<(usize, Cluster)> = (0..groups.len())
        .filter(|&g| anchor_of[g].is_none())
        .map(|a| {
            let core = &groups[a];
            let core_tier = if core.forms.len() > 1 { Tier::Auto } else { Tier::Single };
            let representative = core.representative();
            let mut members: Vec<Member> = std::iter::once(representative)
                .chain(core.forms.iter().map(|(f, _)| f.as_str()).filter(|f| *f != representative))
                .map(|f| Member {
                    form: f.to_string(),
                    count: core.forms.iter().find(|(g, _)| g == f).map_or(0, |x| x.1),
                    tier: core_tier,
                })
                .collect();
            for &g in suggested.get(&a).map(Vec::as_slice).unwrap_or(&[]) {
                members.extend(groups[g].forms.iter().map(|(f, c)| Member {
                    form: f.clone(),
                    count: *c,
                    tier: Tier::Suggested,
                }));
            }
            (core.first, Cluster { members })
        })
        .collect();
    clusters.sort_by_key(|(first, _)| *first);
    clusters.into_iter().map(|(_, c)| c).collect()
}

/// Distinct forms (trimmed, empty ones left out) with their counts added up and first positions.
fn distinct(forms: &[(String, u32)]) -> Vec<(String, u32, usize)> {
    let mut distinct: Vec<(String, u32, usize)> = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (position, (form, count)) in forms.iter().enumerate() {
        let form = form.trim();
        if form.is_empty() {
            continue;
        }
        match seen.get(form) {
            // Counts saturate: a list's counts may add up past u32::MAX (`trame terms cluster` reads them).
            Some(&k) => distinct[k].1 = distinct[k].1.saturating_add(*count),
            None => {
                seen.insert(form, distinct.len());
                distinct.push((form.to_string(), *count, position));
            }
        }
    }
    distinct
}

/// Automatic groups: forms that share a key, split where two forms are look-alikes (Denis / Denise share
/// a key). A form with several keys may bring two groups together (Vucic, Vučić, Vuchich). Each group's
/// forms come most frequent first.
fn automatic_groups(distinct: Vec<(String, u32, usize)>) -> Vec<Group> {
    let compatible =
        |a: &[(String, u32)], b: &[(String, u32)]| a.iter().all(|(x, _)| b.iter().all(|(y, _)| !look_alikes(x, y)));
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut merged_into: Vec<usize> = Vec::new();
    let root = |merged_into: &[usize], mut g: usize| {
        while merged_into[g] != g {
            g = merged_into[g];
        }
        g
    };
    for (form, count, first) in distinct {
        let keys = merge_keys(&form);
        let mut candidates: Vec<usize> = Vec::new();
        for key in &keys {
            for &g in by_key.get(key).map(Vec::as_slice).unwrap_or(&[]) {
                let g = root(&merged_into, g);
                if !candidates.contains(&g) {
                    candidates.push(g);
                }
            }
        }
        let single = [(form.clone(), count)];
        let fits: Vec<usize> = candidates.into_iter().filter(|&g| compatible(&groups[g].forms, &single)).collect();
        let g = match fits.first() {
            Some(&g) => g,
            None => {
                groups.push(Group { forms: Vec::new(), count: 0, first });
                merged_into.push(groups.len() - 1);
                groups.len() - 1
            }
        };
        groups[g].count = groups[g].count.saturating_add(count);
        groups[g].forms.push((form, count));
        for &other in fits.iter().skip(1) {
            if compatible(&groups[g].forms, &groups[other].forms) {
                let forms = std::mem::take(&mut groups[other].forms);
                groups[g].count = groups[g].count.saturating_add(groups[other].count);
                groups[g].first = groups[g].first.min(groups[other].first);
                groups[g].forms.extend(forms);
                merged_into[other] = g;
            }
        }
        for key in keys {
            let list = by_key.entry(key).or_default();
            if !list.contains(&g) {
                list.push(g);
            }
        }
    }
    let mut groups: Vec<Group> = groups.into_iter().filter(|g| !g.forms.is_empty()).collect();
    for group in &mut groups {
        group.forms.sort_by_key(|f| std::cmp::Reverse(f.1));
    }
    groups
}

/// The anchor each group is suggested under, if any: from the most frequent, a group joins the closest
/// earlier anchor of its loose key, or becomes an anchor itself.
fn suggestions(groups: &[Group]) -> Vec<Option<usize>> {
    let representatives: Vec<&str> = groups.iter().map(Group::representative).collect();
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by(|&a, &b| groups[b].count.cmp(&groups[a].count).then(groups[a].first.cmp(&groups[b].first)));
    let mut anchor_of: Vec<Option<usize>> = vec![None; groups.len()];
    let mut anchors_by_loose_key: HashMap<String, Vec<usize>> = HashMap::new();
    for &g in &order {
        let representative = representatives[g];
        let bucket = anchors_by_loose_key.entry(loose_key(representative)).or_default();
        let best =
            bucket.iter().copied().filter(|&a| suggested_pair(representatives[a], representative)).max_by(|&a, &b| {
                let sa = similarity(representatives[a], representative);
                let sb = similarity(representatives[b], representative);
                sa.total_cmp(&sb).then(groups[b].first.cmp(&groups[a].first))
            });
        match best {
            Some(a) => anchor_of[g] = Some(a),
            None => bucket.push(g),
        }
    }
    anchor_of
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(list: &[&str]) -> Vec<(String, u32)> {
        list.iter().map(|f| (f.to_string(), 1)).collect()
    }

    #[test]
    fn transliterations_cluster_automatically_and_look_alikes_stay_apart() {
        let clusters = cluster(&forms(&[
            "Loukachenko",
            "Lukashenko",
            "Loukachenko",
            "Loukachenka",
            "Putin",
            "Putina",
            "Poutine",
            "Kiev",
            "Chen",
            "Shen",
        ]));
        let show: Vec<Vec<(String, &str)>> =
            clusters.iter().map(|c| c.members.iter().map(|m| (m.form.clone(), m.tier.name())).collect()).collect();
        assert_eq!(
            show[0],
            [
                ("Loukachenko".to_string(), "auto"),
                ("Lukashenko".to_string(), "auto"),
                ("Loukachenka".to_string(), "suggested")
            ]
        );
        assert_eq!(show[1], [("Putin".to_string(), "auto"), ("Poutine".to_string(), "auto")]);
        assert_eq!(show[2], [("Putina".to_string(), "single")]);
        assert_eq!(show.len(), 6, "{show:?}");
    }
}
