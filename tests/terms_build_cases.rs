//! `terms build` on short texts written for these tests: each case is a failure once seen on real text
//! (issue 12), from clustering and statuses to subjects.

use trame::Language;
use trame::termbase::{BuildOptions, Kind, Status, Subject, TermBase, TextSource, build};

fn built(text: &str) -> TermBase {
    let source = TextSource { name: "t.fr.txt".into(), text, language: Language::french() };
    build(&[source], &[], &BuildOptions::default())
}

/// (concept id, preferred form) of the concept holding `form` in French, and that term's status.
fn find<'b>(base: &'b TermBase, form: &str) -> Option<(&'b str, &'b str, Status)> {
    base.concepts.iter().find_map(|c| {
        let terms = c.languages.get("fr")?;
        terms.all().find(|t| t.form == form).map(|t| (c.id.as_str(), terms.preferred.form.as_str(), t.status))
    })
}

#[track_caller]
fn apart(base: &TermBase, a: &str, b: &str) {
    let (ca, cb) = (find(base, a), find(base, b));
    assert!(ca.is_some() && cb.is_some(), "{a}: {ca:?}, {b}: {cb:?}");
    assert_ne!(ca.unwrap().0, cb.unwrap().0, "{a} and {b} in one concept");
}

#[test]
fn inflections_are_not_spelling_variants() {
    let base = built(
        "Hier, Denis Martin est arrivé et Denise Martin est partie. Selon Denis Martin, Denise Martin reviendra. \
         Les deux Bretons et le Breton voisin parlent aux Bretonnes ; ces Bretons aiment le Breton. \
         Les Lorrains aiment la Lorraine, et les Lorrains vivent en Lorraine. Un Lorrain parle. \
         Le maire reçoit Paul Durand et Paule Durand ; Paul Durand et Paule Durand sont jumeaux.",
    );
    apart(&base, "Denis Martin", "Denise Martin");
    apart(&base, "Bretons", "Breton");
    apart(&base, "Lorrains", "Lorraine");
    apart(&base, "Paul Durand", "Paule Durand");
    for concept in &base.concepts {
        for (_, term) in concept.terms() {
            assert!(term.status != Status::Deprecated, "{} deprecated in {}", term.form, concept.id);
        }
    }
}

#[test]
fn a_place_named_after_another_is_not_its_full_form() {
    let base = built(
        "Le Territoire de Belfort compte cent communes. Belfort est sa préfecture. Le Pays de Montbéliard \
         entoure Montbéliard. La Fondation de la Résistance siège à Paris. Le Territoire de Belfort vote. \
         Belfort vote aussi. Le Pays de Montbéliard et Montbéliard s'entendent. La Fondation de la Résistance \
         publie un livre.",
    );
    apart(&base, "Territoire de Belfort", "Belfort");
    apart(&base, "Pays de Montbéliard", "Montbéliard");
    assert!(find(&base, "Résistance").is_none(), "{:?}", find(&base, "Résistance"));
}

#[test]
fn look_alike_names_are_not_suggested_and_a_full_name_adds_a_given_name() {
    let base = built(
        "Hier, Simon a parlé à Sinon. Puis Simon et Sinon sont partis à Laneuville puis à Lunéville. On va de \
         Laneuville à Lunéville. La commune de Brauvilliers touche Bavilliers ; à Brauvilliers et à Bavilliers \
         on vote. Hier, Alexandre Loukachenko a parlé. Puis Loukachenko a répété, et Loukachenko est parti.",
    );
    apart(&base, "Simon", "Sinon");
    apart(&base, "Laneuville", "Lunéville");
    apart(&base, "Brauvilliers", "Bavilliers");
    let (id, preferred, status) = find(&base, "Alexandre Loukachenko").unwrap();
    assert_eq!((preferred, status), ("Loukachenko", Status::Admitted), "{id}");
}

#[test]
fn only_strong_evidence_deprecates() {
    let base = built(
        "Hier, Loukachenko a parlé. Puis Loukachenko a répété, et Loukachenko est parti. Puis Lukachenko est \
         revenu. Les États-Unis et les Etats-Unis sont un seul pays ; les États-Unis votent. Hier, Zelensky et \
         Zelenskyy ont parlé. Selon Schreibmann, non ; selon Schraibman, oui. Puis Schreibmann insiste et \
         Schraibman conclut.",
    );
    // The same transliteration key, both names, the variant rarer: deprecated.
    assert_eq!(find(&base, "Lukachenko").map(|f| f.2), Some(Status::Deprecated));
    // Accents only: admitted. The same key but as frequent: suggested, not deprecated.
    assert_eq!(find(&base, "Etats-Unis").map(|f| f.2), Some(Status::Admitted));
    let zelensky = [find(&base, "Zelensky"), find(&base, "Zelenskyy")];
    assert!(zelensky.iter().all(|f| f.is_some_and(|f| f.2 != Status::Deprecated)), "{zelensky:?}");
    // Another transliteration on a looser key: suggested for a person to confirm.
    let schreibmann = [find(&base, "Schreibmann"), find(&base, "Schraibman")];
    assert!(schreibmann.iter().all(|f| f.is_some_and(|f| f.2 != Status::Deprecated)), "{schreibmann:?}");
    assert_eq!(schreibmann[0].unwrap().0, schreibmann[1].unwrap().0);
}

#[test]
fn glued_names_are_errors_of_what_they_glue() {
    let base = built(
        "Hier, Vladimir Poutine a parlé. Puis Poutine a répété. Hier, Vladimir a écouté Poutine. Puis \
         Vladimirpoutine a répondu.",
    );
    let concept = base.concepts.iter().find(|c| c.preferred("fr") == Some("Poutine")).unwrap();
    let glued = concept.languages["fr"].variants.iter().find(|t| t.form == "Vladimirpoutine").unwrap();
    assert_eq!((glued.status, glued.kind), (Status::Deprecated, Kind::Error));
}

#[test]
fn a_surname_two_people_share_takes_neither_full_name() {
    let base = built(
        "Hier, Ibrahim Koné a marqué, puis Nathan Koné a marqué aussi. Selon Koné, le match était dur. \
         Puis Koné est sorti, et Koné est revenu.",
    );
    let koné = base.concepts.iter().find(|c| c.preferred("fr") == Some("Koné")).unwrap();
    assert!(koné.languages["fr"].variants.is_empty(), "{:?}", koné.languages["fr"].variants);
}

#[test]
fn a_surname_written_with_its_particle_is_no_glued_name() {
    let base = built(
        "Selon Mme Ben Salah, oui ; selon Mme Ben Salah, non. Hier, sa cousine Mme Bensalah a parlé. \
         Puis Salah est parti avec Ben.",
    );
    for concept in &base.concepts {
        for (_, term) in concept.terms() {
            assert!(term.status != Status::Deprecated, "{} deprecated in {}", term.form, concept.id);
        }
    }
}

#[test]
fn new_names_get_a_subject_from_the_text() {
    let base = built(
        "Evgueni Prigojine a parlé à Moscou. Selon M. Prigojine, tout va bien. Prigojine a répété. \
         Svetlana Tikhanovskaïa vit en exil. Mme Tikhanovskaïa a répondu. Au Mali, la junte a parlé. \
         Des soldats sont partis au Mali. Il est né à Rostov-sur-le-Don et vit à Rostov-sur-le-Don. \
         La Fédération française de rugby a voté. La Fédération française de rugby a gagné.",
    );
    let subject =
        |form: &str| {
            base.concepts.iter().find(|c| c.terms().any(|(_, t)| t.form == form)).map(|c| c.subject).unwrap_or_else(
                || panic!("{form} not in {:?}", base.concepts.iter().map(|c| &c.id).collect::<Vec<_>>()),
            )
        };
    assert_eq!(subject("Prigojine"), Subject::Person);
    assert_eq!(subject("Svetlana Tikhanovskaïa"), Subject::Person);
    assert_eq!(subject("Mali"), Subject::Place);
    assert_eq!(subject("Rostov-sur-le-Don"), Subject::Place);
    assert_eq!(subject("Fédération française de rugby"), Subject::Organisation);
}
