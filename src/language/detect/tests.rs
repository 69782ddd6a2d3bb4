use super::*;

const FRENCH: &[&str] = &[
    "Le train de nuit est reparti de la gare de l'Est un peu après vingt-deux heures.",
    "Les voyageurs avaient attendu sur le quai pendant presque une heure, sans la moindre annonce.",
    "Une contrôleuse est enfin passée dans les voitures pour expliquer qu'un arbre était tombé sur la voie.",
    "Personne ne s'est plaint, mais beaucoup ont regardé leur montre en soupirant.",
    "À l'arrivée, la compagnie a promis de rembourser la moitié du prix des billets.",
    "Les associations d'usagers demandent depuis des années que ces lignes soient mieux entretenues.",
];

const ENGLISH: &[&str] = &[
    "The night train left the eastern station a little after ten in the evening.",
    "Passengers had waited on the platform for almost an hour without a single announcement.",
    "A conductor finally walked through the carriages to explain that a tree had fallen on the line.",
    "Nobody complained, but many of them kept looking at their watches and sighing.",
    "On arrival, the company promised to refund half of the price of the tickets.",
    "Rail user groups have been asking for years for these lines to be better maintained.",
];

const GERMAN: &[&str] = &[
    "Der Nachtzug verließ den Ostbahnhof kurz nach zehn Uhr abends.",
    "Die Reisenden hatten fast eine Stunde lang ohne jede Durchsage auf dem Bahnsteig gewartet.",
    "Schließlich kam eine Schaffnerin durch die Wagen und erklärte, dass ein Baum auf die Gleise gefallen war.",
    "Niemand beschwerte sich, aber viele schauten seufzend auf ihre Uhren.",
];

const DANISH: &[&str] = &[
    "Nattoget forlod stationen lidt efter klokken ti om aftenen.",
    "De rejsende havde ventet på perronen i næsten en time uden nogen meddelelse.",
    "Til sidst kom en konduktør gennem vognene og forklarede, at et træ var faldet ned over sporet.",
    "Ingen klagede, men mange kiggede sukkende på deres ure.",
];

fn lang(tag: &str) -> Language {
    Language::parse(tag).unwrap()
}

#[track_caller]
fn other(sentences: &[&str], declared: &str) -> LanguageSeen {
    match check(sentences, &lang(declared)) {
        LanguageCheck::Other(seen) => seen,
        verdict => panic!("{declared}: {verdict:?}"),
    }
}

#[test]
fn texts_in_the_declared_language_fit() {
    assert_eq!(check(FRENCH, &lang("fr")), LanguageCheck::Fits);
    assert_eq!(check(FRENCH, &lang("fr-CA")), LanguageCheck::Fits);
    assert_eq!(check(FRENCH, &lang("fre")), LanguageCheck::Fits);
    assert_eq!(check(ENGLISH, &lang("en-GB")), LanguageCheck::Fits);
    assert_eq!(check(GERMAN, &lang("de")), LanguageCheck::Fits);
}

#[test]
fn swapped_and_wrong_languages_are_seen() {
    let seen = other(ENGLISH, "fr");
    assert_eq!((seen.name, seen.code, seen.sentences), ("English", "en", ENGLISH.len()));
    assert!(seen.share >= 0.8, "{seen:?}");
    assert_eq!(other(FRENCH, "en").code, "fr");
    assert_eq!(other(GERMAN, "fr").code, "de");
    assert_eq!(other(FRENCH, "ger").code, "fr");
    assert_eq!(other(FRENCH, "deu").name, "French");
}

#[test]
fn a_close_language_is_not_taken_for_another() {
    assert_eq!(check(DANISH, &lang("no")), LanguageCheck::Fits);
    assert_eq!(check(DANISH, &lang("da")), LanguageCheck::Fits);
    assert_eq!(other(DANISH, "en").code, "da");
}

#[test]
fn a_few_quotes_in_another_language_do_not_change_the_verdict() {
    let mut mixed: Vec<&str> = FRENCH.to_vec();
    mixed.insert(2, ENGLISH[0]);
    mixed.push("« Nobody complained, but many of them kept looking at their watches », écrit le journal.");
    assert_eq!(check(&mixed, &lang("fr")), LanguageCheck::Fits);
    // Half French, half English: not plainly English.
    let half: Vec<&str> = FRENCH.iter().chain(ENGLISH).copied().collect();
    assert_eq!(check(&half, &lang("fr")), LanguageCheck::Fits);
    assert_eq!(check(&half, &lang("en")), LanguageCheck::Fits);
}

#[test]
fn too_little_text_or_an_unknown_language_is_not_judged() {
    assert_eq!(check(&["Merci."], &lang("en")), LanguageCheck::Unknown);
    assert_eq!(check(&["Paris, 12 mai 2023.", "42 %"], &lang("en")), LanguageCheck::Unknown);
    assert_eq!(check(&[], &lang("fr")), LanguageCheck::Unknown);
    assert_eq!(check(ENGLISH, &lang("gl")), LanguageCheck::Unknown);
    assert_eq!(check(ENGLISH, &lang("tlh")), LanguageCheck::Unknown);
}

#[test]
fn one_long_sentence_is_judged_as_a_whole() {
    let one = [ENGLISH[1]];
    assert_eq!(check(&one, &lang("en")), LanguageCheck::Fits);
    assert_eq!(other(&one, "fr").code, "en");
}

#[test]
fn names_and_numbers_alone_are_not_a_language() {
    let lines = ["Vladimir Poutine, 2022.", "Ursula von der Leyen (UE), 2023-01-04.", "Tableau 3 : 1 084 ; 2 % ; 9,5."];
    assert!(!matches!(check(&lines, &lang("en")), LanguageCheck::Other(_)));
}

#[test]
fn every_language_the_detector_knows_has_a_two_letter_code() {
    for lang in Lang::all() {
        assert!(TAGS.iter().any(|(_, l)| l == lang), "{lang:?}");
    }
    let tags: Vec<&str> = TAGS.iter().map(|(t, _)| *t).collect();
    assert!(tags.is_sorted(), "TAGS stay sorted");
    assert!(BIBLIOGRAPHIC.is_sorted(), "BIBLIOGRAPHIC stays sorted");
}
