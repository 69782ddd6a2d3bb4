//! Rebuilding over a term base a person has reviewed: their decisions stand.

use super::model::{Concept, LangTerms, Status, TermBase};
use crate::fold::fold;

/// Merges a fresh build into `existing`: a built concept that shares a form with an existing one updates
/// where its forms were seen and adds its new forms as suggestions; preferred forms, statuses, subjects
/// and notes already there are kept; forms listed as rejected are left out; concepts nobody has seen
/// before are added.
pub fn merge(existing: &TermBase, built: TermBase) -> TermBase {
    let mut out = existing.clone();
    let rejected = |form: &str, concept: Option<&str>| {
        existing.rejected.iter().any(|r| fold(&r.form) == fold(form) && (r.of.is_none() || r.of.as_deref() == concept))
    };
    for concept in built.concepts {
        let target = out.concepts.iter().position(|e| shares_a_form(e, &concept));
        match target {
            Some(index) => {
                let target = &mut out.concepts[index];
                let id = target.id.clone();
                for (language, terms) in concept.languages {
                    let Some(existing_terms) = target.languages.get_mut(&language) else {
                        if !rejected(&terms.preferred.form, Some(&id)) {
                            target.languages.insert(language, without_rejected(terms, |f| rejected(f, Some(&id))));
                        }
                        continue;
                    };
                    for term in terms.all() {
                        let same = std::iter::once(&mut existing_terms.preferred)
                            .chain(existing_terms.variants.iter_mut())
                            .find(|t| fold(&t.form) == fold(&term.form) && t.form == term.form);
                        match same {
                            Some(t) => {
                                t.seen = term.seen.clone();
                                if t.context.is_none() {
                                    t.context = term.context.clone();
                                }
                            }
                            None if !rejected(&term.form, Some(&id)) => {
                                let mut added = term.clone();
                                if added.status != Status::Deprecated {
                                    added.status = Status::Suggested;
                                }
                                existing_terms.variants.push(added);
                            }
                            None => {}
                        }
                    }
                }
            }
            None => {
                if concept.terms().all(|(_, t)| rejected(&t.form, None)) {
                    continue;
                }
                out.push_with_unique_id(concept);
            }
        }
    }
    out
}

fn shares_a_form(a: &Concept, b: &Concept) -> bool {
    a.terms().any(|(la, ta)| b.terms().any(|(lb, tb)| la == lb && fold(&ta.form) == fold(&tb.form)))
}

fn without_rejected(mut terms: LangTerms, rejected: impl Fn(&str) -> bool) -> LangTerms {
    terms.variants.retain(|t| !rejected(&t.form));
    terms
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::termbase::{Rejection, Term};

    fn concept(id: &str, fr: &str, variants: &[&str]) -> Concept {
        let mut c = Concept { id: id.into(), ..Concept::default() };
        let mut terms = LangTerms { preferred: Term::new(fr, Status::Preferred), variants: vec![] };
        terms.variants.extend(variants.iter().map(|v| Term::new(v, Status::Deprecated)));
        c.languages.insert("fr".into(), terms);
        c
    }

    #[test]
    fn decisions_are_kept() {
        let mut existing = TermBase { concepts: vec![concept("kyiv", "Kyiv", &["Kiev"])], rejected: vec![] };
        existing.rejected.push(Rejection { form: "Kiou".into(), of: Some("kyiv".into()) });
        existing.rejected.push(Rejection { form: "COMMENT".into(), of: None });
        let built = TermBase {
            concepts: vec![concept("kiev", "Kiev", &["Kyiv", "Kieu", "Kiou"]), concept("comment", "COMMENT", &[])],
            rejected: vec![],
        };
        let merged = merge(&existing, built);
        assert_eq!(merged.concepts.len(), 1);
        let fr = &merged.concepts[0].languages["fr"];
        assert_eq!(fr.preferred.form, "Kyiv");
        let forms: Vec<(&str, Status)> = fr.variants.iter().map(|t| (t.form.as_str(), t.status)).collect();
        assert_eq!(forms, [("Kiev", Status::Deprecated), ("Kieu", Status::Deprecated)]);
    }
}
