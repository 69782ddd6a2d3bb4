//! Words that typically open a sentence: function words (articles, pronouns, conjunctions, adverbs).
//!
//! After an ambiguous abbreviation ("I live in the U.S. How about you?" against "the U.S. Government"), a
//! capitalised function word is strong evidence of a new sentence, where a capitalised noun or name is not.

use crate::language::LanguageFamily;

/// Whether `word` (letters only, as written) is a typical sentence opener in `family`.
pub(crate) fn is_sentence_starter(family: LanguageFamily, word: &str) -> bool {
    match family {
        LanguageFamily::French => holds(FRENCH, word),
        LanguageFamily::English => holds(ENGLISH, word),
        LanguageFamily::Other => holds(FRENCH, word) || holds(ENGLISH, word),
    }
}

/// Capitalised words that are also the particles of names (Marine Le Pen, Charles De Gaulle): after an
/// initial they are read as part of the name.
pub(crate) fn is_name_particle(word: &str) -> bool {
    holds(NAME_PARTICLES, word)
}

/// Name particles, sorted (by bytes) for a binary search.
#[rustfmt::skip]
static NAME_PARTICLES: &[&str] = &["Da", "De", "Del", "Della", "Des", "Di", "Du", "La", "Le", "Les", "Van", "Von"];

fn holds(table: &[&str], word: &str) -> bool {
    table.binary_search(&word).is_ok()
}

/// English sentence openers, sorted (by bytes) for a binary search.
#[rustfmt::skip]
static ENGLISH: &[&str] = &[
    "A", "After", "Again", "All", "Also", "Although", "An", "And", "Another", "Are", "As", "At", "Because", "Before",
    "Besides", "Both", "But", "By", "Can", "Could", "Despite", "Did", "Do", "Does", "During", "Each", "Even", "Every",
    "Few", "Finally", "First", "For", "From", "Furthermore", "Had", "Has", "Have", "He", "Hence", "Her", "Here",
    "His", "How", "However", "I", "If", "In", "Indeed", "Instead", "Is", "It", "Its", "Just", "Last", "Later", "Less",
    "Let", "Many", "Maybe", "Meanwhile", "More", "Moreover", "Most", "Much", "Must", "My", "Nevertheless", "Next",
    "No", "None", "Not", "Now", "Oh", "On", "Once", "One", "Only", "Or", "Other", "Others", "Otherwise", "Our",
    "Over", "Perhaps", "Please", "Several", "Shall", "She", "Should", "Since", "So", "Some", "Sometimes", "Still",
    "Such", "That", "The", "Their", "Then", "There", "Therefore", "These", "They", "This", "Those", "Though", "Thus",
    "To", "Today", "Tomorrow", "Under", "Unless", "Until", "Was", "We", "Well", "Were", "What", "When", "Where",
    "Whether", "Which", "While", "Who", "Whom", "Whose", "Why", "With", "Without", "Would", "Yes", "Yesterday", "Yet",
    "You", "Your",
];

/// French sentence openers, sorted (by bytes) for a binary search.
#[rustfmt::skip]
static FRENCH: &[&str] = &[
    "Ainsi", "Alors", "Après", "Au", "Aucun", "Aucune", "Aujourd", "Aux", "Avant", "Avec", "Bien", "Car", "Ce",
    "Ceci", "Cela", "Cependant", "Certaines", "Certains", "Ces", "Cet", "Cette", "Chaque", "Chez", "Comme", "Comment",
    "Contre", "Dans", "De", "Demain", "Depuis", "Des", "Donc", "Du", "Dès", "Déjà", "Elle", "Elles", "En", "Encore",
    "Enfin", "Ensuite", "Entre", "Et", "Hier", "Ici", "Il", "Ils", "Je", "La", "Le", "Les", "Leur", "Leurs", "Lors",
    "Lorsque", "Là", "Ma", "Mais", "Malgré", "Mes", "Mon", "Même", "Ni", "Non", "Nos", "Notre", "Nous", "Néanmoins",
    "On", "Or", "Ou", "Oui", "Où", "Par", "Parmi", "Pas", "Pendant", "Plus", "Plusieurs", "Pour", "Pourquoi",
    "Pourtant", "Puis", "Quand", "Que", "Quel", "Quelle", "Quelles", "Quels", "Qui", "Quoi", "Sa", "Sans", "Selon",
    "Ses", "Si", "Son", "Sous", "Sur", "Tous", "Tout", "Toute", "Toutefois", "Toutes", "Tu", "Un", "Une", "Vers",
    "Voici", "Voilà", "Vos", "Votre", "Vous", "Y", "À", "Ça",
];

/// Whether `word` opens with a French elision (L', D', C', J', Qu', S', N', M', T'), which only starts a
/// sentence or a clause.
pub(crate) fn is_elided_opener(word: &str) -> bool {
    let head: String = word.chars().take(3).collect();
    let mut chars = head.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some('L' | 'D' | 'C' | 'J' | 'S' | 'N' | 'M' | 'T'), Some('\'' | '’'), _)
            | (Some('Q'), Some('u'), Some('\'' | '’'))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_without_duplicates() {
        for (name, table) in [("ENGLISH", ENGLISH), ("FRENCH", FRENCH), ("NAME_PARTICLES", NAME_PARTICLES)] {
            for pair in table.windows(2) {
                assert!(pair[0] < pair[1], "{name}: {:?} should come after {:?}, once", pair[0], pair[1]);
            }
        }
    }

    #[test]
    fn function_words_open_sentences_and_names_do_not() {
        assert!(is_sentence_starter(LanguageFamily::English, "How"));
        assert!(!is_sentence_starter(LanguageFamily::English, "Government"));
        assert!(is_sentence_starter(LanguageFamily::French, "Les"));
        assert!(!is_sentence_starter(LanguageFamily::French, "Poutine"));
        assert!(is_sentence_starter(LanguageFamily::Other, "The"));
        assert!(is_elided_opener("L'exploitation"));
        assert!(is_elided_opener("Qu’il"));
        assert!(!is_elided_opener("Loukachenko"));
    }
}
