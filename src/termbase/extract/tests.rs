//! Extraction on sentences written for these tests: each case is a failure once seen on real text.

use super::*;

/// The candidates of `text` (sentences split on the built-in French rules), all sentences learnt first,
/// and the acronyms it explains.
fn extracted(text: &str) -> (Vec<Candidate>, Vec<Expansion>) {
    let segmenter = crate::segment::Segmenter::builtin(&crate::Language::french());
    let sentences: Vec<Vec<Token>> = segmenter.sentences(text).into_iter().map(|s| tokens(text, s.range)).collect();
    let mut vocabulary = Vocabulary::default();
    for words in &sentences {
        vocabulary.learn(text, words);
    }
    let extractor = Extractor { vocabulary: &vocabulary, family: LanguageFamily::French };
    let (mut out, mut expansions) = (Vec::new(), Vec::new());
    for words in &sentences {
        extractor.sentence(text, words, &mut out, &mut expansions);
    }
    (out, expansions)
}

fn found(text: &str) -> Vec<Candidate> {
    extracted(text).0
}

fn forms(text: &str) -> Vec<String> {
    found(text).into_iter().map(|c| c.form).collect()
}

#[track_caller]
fn assert_has(found: &[String], form: &str) {
    assert!(found.iter().any(|f| f == form), "{form} not in {found:?}");
}

#[track_caller]
fn assert_lacks(found: &[String], form: &str) {
    assert!(!found.iter().any(|f| f == form), "{form} in {found:?}");
}

#[test]
fn elisions_and_initials_are_not_one_letter_names() {
    let found = forms(
        "L'arrivée de J.-B. Morvan a surpris. J'ai vu J.-P. Le Goff hier. L'Office a répondu.\n\
         Selon J.-B. Morvan, l'Office tiendra parole. D'après J.-P. Le Goff, c'est fini.",
    );
    for short in ["L", "J", "B", "P", "D", "J.-B.", "J.-P."] {
        assert_lacks(&found, short);
    }
    assert!(found.iter().all(|f| f.chars().filter(|c| c.is_alphabetic()).count() > 1), "{found:?}");
    assert_has(&found, "J.-B. Morvan");
    assert_has(&found, "J.-P. Le Goff");
}

#[test]
fn capitals_after_dashes_quotes_colons_and_line_starts_are_sentence_starts() {
    let found = forms(
        "— Voire, dit Martin.\n\
         -- Tiens, c'est encore Martin !\n\
         « Écoutez-moi bien », lança Martin.\n\
         Il répondit : Seulement, il est trop tard.\n\
         Trois hommes entrèrent avec Martin.\n\
         « Quant à vous, Martin, partez. » – Ensuite, il sortit.",
    );
    for starter in ["Voire", "Tiens", "Écoutez-moi", "Seulement", "Trois", "Quant", "Ensuite"] {
        assert_lacks(&found, starter);
    }
    assert_has(&found, "Martin");
}

#[test]
fn lower_case_terms_need_a_noun_phrase_shape() {
    let mut text = String::new();
    for _ in 0..4 {
        text.push_str(
            "Le vieux monsieur répondit sans bruit. Une fois cette pression retombée, il partit. \
             Les fêtes seront célébrées dix-sept mille fois. La maison était vide, et le pauvre homme pleurait. \
             Les armes nucléaires inquiètent ; on parle des garanties de sécurité et des droits de l'Homme. ",
        );
    }
    let found = forms(&text);
    for junk in [
        "monsieur répondit",
        "fois cette pression",
        "cette pression",
        "dix-sept mille",
        "seront célébrées",
        "maison était",
        "pauvre homme",
        "vide, et",
    ] {
        assert_lacks(&found, junk);
    }
    assert_has(&found, "armes nucléaires");
    assert_has(&found, "garanties de sécurité");
    assert_has(&found, "droits de l'Homme");
    assert_lacks(&found, "Homme");
}

#[test]
fn multiword_names_stay_whole() {
    let text = "Martin Durand dirige l'Office de tourisme de Pleyben depuis 2019. \
        Selon l'Office de tourisme de Pleyben, les visiteurs aiment « Le Petit Prince ». \
        La troupe jouera « Le Petit Prince » à la Roque qui Chante, puis retournera à la Roque qui Chante. \
        La Fédération départementale des chasseurs et l'Association des amis du moulin ont signé. \
        La Fédération départementale des chasseurs a réuni l'Association des amis du moulin. \
        L'Union sportive de Lothey reçoit la Compagnie des Embruns ; l'Union sportive de Lothey a gagné.";
    let found = forms(text);
    for whole in [
        "Office de tourisme de Pleyben",
        "Le Petit Prince",
        "Roque qui Chante",
        "Fédération départementale des chasseurs",
        "Association des amis du moulin",
        "Union sportive de Lothey",
        "Compagnie des Embruns",
    ] {
        assert_has(&found, whole);
    }
    for piece in ["Office", "Petit", "Prince", "Roque", "Chante", "Fédération", "Association", "Union", "Compagnie"] {
        assert_lacks(&found, piece);
    }
}

#[test]
fn headings_datelines_and_numerals_are_not_terms() {
    let text = "CHAPITRE VII\n\
        ÉCUEIL FUYANT\n\
        COURCELLES-LES-MONTBELIARD. — Le maire de Courcelles-lès-Montbéliard a parlé.\n\
        CHAPITRE VIII\n\
        Le maire de Courcelles-lès-Montbéliard parle de Louis XIV et du XIXe siècle.\n\
        Chapitre IX\n\
        Le tome II paraîtra. BAKOU (AFP) — Les ministres se sont vus à Bakou.";
    let found = forms(text);
    for junk in [
        "CHAPITRE VII",
        "CHAPITRE",
        "VII",
        "VIII",
        "IX",
        "II",
        "XIXe",
        "ÉCUEIL FUYANT",
        "COURCELLES-LES-MONTBELIARD",
        "Chapitre IX",
        "BAKOU",
    ] {
        assert_lacks(&found, junk);
    }
    assert_has(&found, "Courcelles-lès-Montbéliard");
    assert_has(&found, "Louis XIV");
    assert_has(&found, "Bakou");
}

#[test]
fn acronyms_with_their_expansions() {
    let text = "Le Fonds monétaire international (FMI) prête. Le FMI prête encore. \
        L'OTAN (Organisation du traité de l'Atlantique Nord) se réunit. Les pompiers du SDIS sont venus.";
    let (out, expansions) = extracted(text);
    let pairs: Vec<(&str, &str)> = expansions.iter().map(|e| (e.acronym.as_str(), e.expansion.as_str())).collect();
    assert_eq!(
        pairs,
        [("FMI", "Fonds monétaire international"), ("OTAN", "Organisation du traité de l'Atlantique Nord")]
    );
    assert!(out.iter().any(|c| c.form == "SDIS"));
}

#[test]
fn cues_to_what_a_name_names() {
    let text = "Evgueni Prigojine a parlé. Selon M. Prigojine, tout va bien. \
        Svetlana Tikhanovskaïa vit à Vilnius. Mme Tikhanovskaïa a répondu. \
        Au Mali, la junte a parlé ; le Mali attend. Des soldats sont partis au Mali. \
        Il est né à Rostov-sur-le-Don, et vit à Rostov-sur-le-Don. \
        La Fédération française de rugby a voté.";
    let mut cues: std::collections::HashMap<String, Cues> = std::collections::HashMap::new();
    for c in found(text) {
        cues.entry(c.form).or_default().add(c.cues);
    }
    let person = |form: &str| cues[form].person > cues[form].place.max(cues[form].organisation);
    let place = |form: &str| cues[form].place > cues[form].person.max(cues[form].organisation);
    assert!(person("Evgueni Prigojine") && person("Prigojine"), "{cues:?}");
    assert!(person("Svetlana Tikhanovskaïa") && person("Tikhanovskaïa"), "{cues:?}");
    assert!(place("Mali") && place("Rostov-sur-le-Don") && place("Vilnius"), "{cues:?}");
    let federation = cues["Fédération française de rugby"];
    assert!(federation.organisation > federation.person.max(federation.place), "{cues:?}");
}

/// Prints the candidates of the file named by `TRAME_EXTRACT` (for looking at extraction by hand):
/// `TRAME_EXTRACT=text.fr.txt cargo test --lib print_candidates -- --ignored --nocapture`.
#[test]
#[ignore]
fn print_candidates() {
    let Ok(path) = std::env::var("TRAME_EXTRACT") else { return };
    let text = std::fs::read_to_string(path).unwrap();
    for c in found(&text) {
        println!("{:?}\t{}\t{:?}", c.kind, c.form, c.cues);
    }
}
