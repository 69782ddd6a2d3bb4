//! Clustering spellings into names, in tiers: forms with the same transliteration key are merged
//! automatically; forms one step further apart (a near key, the same sound) are attached as suggestions
//! for a person to confirm; the rest stay single.

use super::variants::{SHORT_KEY, key_len, name_key, phonetic_codes, short_key, suggested_pair};
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

/// Forms with the same key (or, for short keys, the same folded form).
struct Group {
    forms: Vec<(String, u32)>,
    count: u32,
    first: usize,
    representative: String,
    key: String,
    codes: Vec<String>,
}

/// Clusters `forms` (form, count); a form given twice is counted twice. Clusters come in the order of
/// their preferred form's first appearance.
pub fn cluster(forms: &[(String, u32)]) -> Vec<Cluster> {
    // Distinct forms with their counts and first positions.
    let mut distinct: Vec<(String, u32, usize)> = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (position, (form, count)) in forms.iter().enumerate() {
        let form = form.trim();
        if form.is_empty() {
            continue;
        }
        match seen.get(form) {
            Some(&k) => distinct[k].1 += count,
            None => {
                seen.insert(form, distinct.len());
                distinct.push((form.to_string(), *count, position));
            }
        }
    }
    // Automatic groups.
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut groups: Vec<Group> = Vec::new();
    for (form, count, first) in distinct {
        let key = name_key(&form);
        let group_key = if key_len(&key) < SHORT_KEY { format!("={}", short_key(&form)) } else { key.clone() };
        let index = *by_key.entry(group_key).or_insert_with(|| {
            groups.push(Group {
                forms: Vec::new(),
                count: 0,
                first,
                representative: form.clone(),
                key: key.clone(),
                codes: phonetic_codes(&form),
            });
            groups.len() - 1
        });
        let group = &mut groups[index];
        group.count += count;
        group.forms.push((form, count));
    }
    for group in &mut groups {
        // The most frequent form represents the group (first seen on a tie).
        group.forms.sort_by_key(|f| std::cmp::Reverse(f.1));
        group.representative = group.forms[0].0.clone();
    }
    // Attach each group, from the most frequent, to the best earlier anchor it is close to.
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by(|&a, &b| groups[b].count.cmp(&groups[a].count).then(groups[a].first.cmp(&groups[b].first)));
    let mut anchor_of: Vec<Option<usize>> = vec![None; groups.len()];
    let mut anchors: Vec<usize> = Vec::new();
    for &g in &order {
        let best = anchors.iter().copied().filter(|&a| close(&groups[a], &groups[g])).max_by(|&a, &b| {
            let sa = super::variants::similarity(&groups[a].representative, &groups[g].representative);
            let sb = super::variants::similarity(&groups[b].representative, &groups[g].representative);
            sa.total_cmp(&sb).then(groups[b].first.cmp(&groups[a].first))
        });
        match best {
            Some(a) => anchor_of[g] = Some(a),
            None => anchors.push(g),
        }
    }
    let mut clusters: Vec<(usize, Cluster)> = anchors
        .iter()
        .map(|&a| {
            let core = &groups[a];
            let core_tier = if core.forms.len() > 1 { Tier::Auto } else { Tier::Single };
            let mut members: Vec<Member> =
                core.forms.iter().map(|(f, c)| Member { form: f.clone(), count: *c, tier: core_tier }).collect();
            for (g, _) in anchor_of.iter().enumerate().filter(|(_, anchor)| **anchor == Some(a)) {
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

/// Whether group `b` may be suggested as a variant of group `a`.
fn close(a: &Group, b: &Group) -> bool {
    let (la, lb) = (key_len(&a.key), key_len(&b.key));
    if la.abs_diff(lb) > 2 && !a.codes.iter().any(|c| b.codes.contains(c)) {
        return false;
    }
    suggested_pair(&a.representative, &b.representative)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(list: &[&str]) -> Vec<(String, u32)> {
        list.iter().map(|f| (f.to_string(), 1)).collect()
    }

    #[test]
    fn tiers() {
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
