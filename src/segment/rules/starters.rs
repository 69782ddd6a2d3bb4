//! Words that typically open a sentence: function words (articles, pronouns, conjunctions, adverbs).
//!
//! After an ambiguous abbreviation ("I live in the U.S. How about you?" against "the U.S. Government"), a
//! capitalised function word is strong evidence of a new sentence, where a capitalised noun or name is not.

use crate::language::LanguageFamily;

/// Whether `word` (letters only, as written) is a typical sentence opener in `family`.
pub(crate) fn is_sentence_starter(family: LanguageFamily, word: &str) -> bool {
    match family {
        LanguageFamily::French => french(word),
        LanguageFamily::English => english(word),
        LanguageFamily::Other => french(word) || english(word),
    }
}

/// Capitalised words that are also the particles of names (Marine Le Pen, Charles De Gaulle): after an
/// initial they are read as part of the name.
pub(crate) fn is_name_particle(word: &str) -> bool {
    matches!(word, "Le" | "La" | "Les" | "De" | "Du" | "Des" | "Van" | "Von" | "Da" | "Di" | "Del" | "Della")
}

fn english(word: &str) -> bool {
    matches!(
        word,
        "A" | "An"
            | "The"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "It"
            | "Its"
            | "He"
            | "She"
            | "They"
            | "We"
            | "I"
            | "You"
            | "His"
            | "Her"
            | "Their"
            | "Our"
            | "My"
            | "Your"
            | "There"
            | "Here"
            | "How"
            | "What"
            | "When"
            | "Where"
            | "Why"
            | "Who"
            | "Whom"
            | "Whose"
            | "Which"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "If"
            | "In"
            | "On"
            | "At"
            | "For"
            | "As"
            | "After"
            | "Before"
            | "Then"
            | "Now"
            | "However"
            | "Also"
            | "Although"
            | "Though"
            | "Since"
            | "While"
            | "Today"
            | "Yesterday"
            | "Tomorrow"
            | "Meanwhile"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "No"
            | "Not"
            | "None"
            | "One"
            | "Each"
            | "Every"
            | "Both"
            | "Did"
            | "Do"
            | "Does"
            | "Is"
            | "Are"
            | "Was"
            | "Were"
            | "Has"
            | "Have"
            | "Had"
            | "Can"
            | "Could"
            | "Would"
            | "Should"
            | "Shall"
            | "Must"
            | "Let"
            | "Please"
            | "Such"
            | "Thus"
            | "Still"
            | "Even"
            | "Only"
            | "Once"
            | "Instead"
            | "Indeed"
            | "Moreover"
            | "Furthermore"
            | "Nevertheless"
            | "Otherwise"
            | "Therefore"
            | "Hence"
            | "Besides"
            | "From"
            | "To"
            | "By"
            | "With"
            | "Without"
            | "Under"
            | "Over"
            | "During"
            | "Despite"
            | "Because"
            | "Unless"
            | "Until"
            | "Whether"
            | "Yes"
            | "Oh"
            | "Well"
            | "Another"
            | "Other"
            | "Others"
            | "Several"
            | "Few"
            | "Much"
            | "More"
            | "Less"
            | "Just"
            | "Last"
            | "Next"
            | "First"
            | "Finally"
            | "Later"
            | "Sometimes"
            | "Perhaps"
            | "Maybe"
            | "Again"
    )
}

fn french(word: &str) -> bool {
    matches!(
        word,
        "Le" | "La"
            | "Les"
            | "Un"
            | "Une"
            | "Des"
            | "Du"
            | "De"
            | "Ce"
            | "Cet"
            | "Cette"
            | "Ces"
            | "Il"
            | "Elle"
            | "Ils"
            | "Elles"
            | "On"
            | "Nous"
            | "Vous"
            | "Je"
            | "Tu"
            | "Mais"
            | "Et"
            | "Ou"
            | "Donc"
            | "Or"
            | "Car"
            | "Ni"
            | "Puis"
            | "Ensuite"
            | "Enfin"
            | "Alors"
            | "Ainsi"
            | "Cependant"
            | "Pourtant"
            | "Toutefois"
            | "Néanmoins"
            | "En"
            | "Dans"
            | "Sur"
            | "Sous"
            | "Pour"
            | "Par"
            | "Avec"
            | "Sans"
            | "Selon"
            | "Lors"
            | "Depuis"
            | "Après"
            | "Avant"
            | "Pendant"
            | "Aujourd"
            | "Hier"
            | "Demain"
            | "Si"
            | "Quand"
            | "Lorsque"
            | "Comme"
            | "Qui"
            | "Que"
            | "Quoi"
            | "Quel"
            | "Quelle"
            | "Quels"
            | "Quelles"
            | "Où"
            | "Pourquoi"
            | "Comment"
            | "Cela"
            | "Ceci"
            | "Ça"
            | "Son"
            | "Sa"
            | "Ses"
            | "Leur"
            | "Leurs"
            | "Notre"
            | "Nos"
            | "Votre"
            | "Vos"
            | "Mon"
            | "Ma"
            | "Mes"
            | "Tous"
            | "Tout"
            | "Toute"
            | "Toutes"
            | "Chaque"
            | "Aucun"
            | "Aucune"
            | "Plusieurs"
            | "Certains"
            | "Certaines"
            | "Au"
            | "Aux"
            | "À"
            | "Y"
            | "Voici"
            | "Voilà"
            | "Non"
            | "Oui"
            | "Même"
            | "Pas"
            | "Plus"
            | "Encore"
            | "Déjà"
            | "Bien"
            | "Parmi"
            | "Entre"
            | "Contre"
            | "Malgré"
            | "Vers"
            | "Chez"
            | "Dès"
            | "Là"
            | "Ici"
    )
}

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
    fn table() {
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
