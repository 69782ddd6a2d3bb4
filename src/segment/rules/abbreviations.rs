//! Abbreviations that end with a full stop, by what the full stop means after them.

use crate::language::LanguageFamily;

/// What an abbreviation's full stop says about a sentence break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbreviationKind {
    /// Comes before a name (M., Mme, Dr., Mr., St.): never ends a sentence.
    Title,
    /// Comes before a number (p. 55, n° 12, vol. 3): no break before a digit, otherwise like `Ambiguous`.
    NumberPrefix,
    /// May end a sentence (Inc., janv., env.): a break only when a typical sentence opener follows.
    Ambiguous,
    /// Usually ends what it closes (etc.): a break before any capital.
    Final,
}

use AbbreviationKind::*;

/// The kind of `word` (the letters before the full stop, without it) in `family`, if it is an abbreviation.
///
/// Entries in lower case also match their capitalised form (`Etc.`, `Inc.`); entries written with capitals
/// (`M`, `Mme`, `Jan`) match only as written, so that `m.` (metre) or `mar.` stay ordinary words.
pub(crate) fn abbreviation(family: LanguageFamily, word: &str) -> Option<AbbreviationKind> {
    let exact = lookup(family, word);
    if exact.is_some() {
        return exact;
    }
    let mut chars = word.chars();
    match chars.next() {
        Some(first) if first.is_uppercase() => {
            let lowered: String = first.to_lowercase().chain(chars).collect();
            lookup(family, &lowered)
        }
        _ => None,
    }
}

fn lookup(family: LanguageFamily, word: &str) -> Option<AbbreviationKind> {
    let specific = match family {
        LanguageFamily::French => french(word),
        LanguageFamily::English => english(word),
        LanguageFamily::Other => None,
    };
    specific.or_else(|| common(word))
}

/// Abbreviations shared by French, English and the neutral rules.
fn common(word: &str) -> Option<AbbreviationKind> {
    Some(match word {
        "Dr" | "Drs" | "Prof" | "St" | "Mr" | "Mrs" | "Ms" | "cf" | "vs" | "viz" | "ex" => Title,
        "no" | "nos" | "n°" | "N°" | "nº" | "Nº" | "p" | "pp" | "vol" | "vols" | "fig" | "figs" | "art" | "ch"
        | "chap" | "sect" | "tab" | "nr" => NumberPrefix,
        "inc" | "ltd" | "co" | "corp" | "ibid" | "op" | "cit" | "approx" | "ca" | "min" | "max" | "al" => Ambiguous,
        "etc" => Final,
        _ => return None,
    })
}

fn english(word: &str) -> Option<AbbreviationKind> {
    Some(match word {
        "Messrs" | "Mssrs" | "Mt" | "Ft" | "Capt" | "Cpt" | "Cmdr" | "Col" | "Gen" | "Lt" | "Maj" | "Sgt" | "Cpl"
        | "Pvt" | "Adm" | "Gov" | "Sen" | "Sens" | "Rep" | "Reps" | "Rev" | "Revd" | "Hon" | "Pres" | "Supt"
        | "Msgr" | "Fr" | "Atty" | "Profs" | "Ste" => Title,
        "sec" | "para" | "eq" | "eqs" => NumberPrefix,
        "jr" | "sr" | "bros" | "llc" | "dept" | "univ" | "assn" | "assoc" | "est" | "govt" | "intl" | "natl"
        | "misc" | "incl" | "excl" | "ave" | "blvd" | "hwy" | "ed" | "eds" | "avg" | "mfg" | "ft" | "lb" | "lbs"
        | "oz" | "sq" | "yr" | "yrs" | "hr" | "hrs" | "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep"
        | "Sept" | "Oct" | "Nov" | "Dec" | "Calif" | "Conn" | "Fla" | "Ariz" | "Colo" | "Mich" | "Minn" | "Tenn"
        | "Tex" | "Okla" | "Penn" | "abbr" | "attn" | "comp" | "cont" | "dist" | "esp" | "ext" | "inst" | "orig"
        | "ref" | "repr" | "rev" | "tel" | "trans" => Ambiguous,
        _ => return None,
    })
}

fn french(word: &str) -> Option<AbbreviationKind> {
    Some(match word {
        "M" | "MM" | "Mme" | "Mmes" | "Mlle" | "Mlles" | "Me" | "Mgr" | "Pr" | "Ste" | "Sts" | "Stes" | "Vve"
        | "Cdt" | "Cne" | "Lt" | "Gal" | "av" | "apr" | "bd" | "boul" | "c.-à-d" | "c-à-d" | "p.ex" => Title,
        "n" | "t" | "éd" | "réf" | "tél" | "fasc" | "liv" | "suiv" => NumberPrefix,
        "janv" | "févr" | "fév" | "avr" | "juil" | "sept" | "oct" | "nov" | "déc" | "env" | "hab" | "cie" | "dir"
        | "coll" | "trad" | "id" | "resp" | "sq" | "sqq" | "anc" | "adj" | "dép" | "dpt" | "gén" | "sté" | "ets"
        | "mss" | "angl" | "arr" | "fam" | "gouv" | "ill" | "lat" | "suppl" => Ambiguous,
        // "avant/après Jésus-Christ" closes a date: "en 753 av. J.-C. Rome ..."
        "J.-C" => Final,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use LanguageFamily::*;

    #[track_caller]
    fn case(family: LanguageFamily, word: &str, expected: Option<AbbreviationKind>) {
        assert_eq!(abbreviation(family, word), expected, "{family:?} {word}");
    }

    #[test]
    fn abbreviations_are_classified_by_language_and_case() {
        case(French, "M", Some(Title));
        case(French, "m", None);
        case(French, "Mme", Some(Title));
        case(French, "janv", Some(Ambiguous));
        case(French, "Janv", Some(Ambiguous));
        case(French, "etc", Some(Final));
        case(French, "Etc", Some(Final));
        case(French, "n°", Some(NumberPrefix));
        case(French, "av", Some(Title));
        case(English, "Mr", Some(Title));
        case(English, "M", None);
        case(English, "Co", Some(Ambiguous));
        case(English, "co", Some(Ambiguous));
        case(English, "Jan", Some(Ambiguous));
        case(English, "jan", None);
        case(English, "Mar", Some(Ambiguous));
        case(English, "mar", None);
        case(English, "p", Some(NumberPrefix));
        case(Other, "Dr", Some(Title));
        case(Other, "Mr", Some(Title));
        case(Other, "Mme", None);
        case(French, "J.-C", Some(Final));
        case(English, "world", None);
        case(English, "trans", Some(Ambiguous));
        case(English, "Rev", Some(Title));
        case(English, "rev", Some(Ambiguous));
        case(French, "arr", Some(Ambiguous));
    }
}
