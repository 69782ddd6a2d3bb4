//! What trame knows without being told: pairs of names and terms that no string metric relates
//! (Biélorussie / Belarus, Kiev / Kyiv, OTAN / NATO), the preferred form in each language, and the
//! subject. The build seeds concepts with these entries when any of their forms is seen.

use super::model::Subject;

/// One curated concept.
pub(crate) struct Curated {
    pub id: &'static str,
    pub subject: Subject,
    /// Preferred French form, then other French forms (admitted unless listed as deprecated or errors).
    pub fr: &'static [&'static str],
    /// Preferred English form, then other English forms.
    pub en: &'static [&'static str],
    /// French forms that are mistakes (kept as probable errors).
    pub fr_errors: &'static [&'static str],
    pub note: &'static str,
}

const fn entry(
    id: &'static str,
    subject: Subject,
    fr: &'static [&'static str],
    en: &'static [&'static str],
    note: &'static str,
) -> Curated {
    Curated { id, subject, fr, en, fr_errors: &[], note }
}

use Subject::*;

/// The curated table.
pub(crate) static CURATED: &[Curated] = &[
    entry(
        "lukashenko",
        Person,
        &["Loukachenko"],
        &["Lukashenko"],
        "Alexander Lukashenko, President of Belarus since 1994.",
    ),
    entry("putin", Person, &["Poutine"], &["Putin"], "Vladimir Putin, President of Russia."),
    entry("shoigu", Person, &["Choïgou"], &["Shoigu"], "Sergei Shoigu, Russian Minister of Defence (2012-2024)."),
    entry(
        "podolyak",
        Person,
        &["Podoliak"],
        &["Podolyak"],
        "Mykhailo Podolyak, adviser to the head of the Office of the President of Ukraine.",
    ),
    entry(
        "zelensky",
        Person,
        &["Zelensky", "Volodymyr Zelensky"],
        &["Zelensky", "Volodymyr Zelensky"],
        "President of Ukraine.",
    ),
    entry("peskov", Person, &["Peskov", "Dmitri Peskov"], &["Peskov", "Dmitry Peskov"], "Kremlin spokesman."),
    entry("pompeo", Person, &["Mike Pompeo"], &["Mike Pompeo"], "United States Secretary of State (2018-2021)."),
    entry(
        "shraibman",
        Person,
        &["Artyom Schraibman"],
        &["Artyom Shraibman"],
        "Belarusian political analyst (Carnegie).",
    ),
    entry(
        "naiev",
        Person,
        &["Serhii Naiev"],
        &["Serhiy Nayev"],
        "Commander of the Joint Forces of Ukraine (2021-2024).",
    ),
    entry("macron", Person, &["Emmanuel Macron"], &["Emmanuel Macron"], "President of France."),
    entry("xi-jinping", Person, &["Xi Jinping"], &["Xi Jinping"], "President of China."),
    entry(
        "clinton",
        Person,
        &["William J. Clinton"],
        &["William J. Clinton"],
        "Bill Clinton, President of the United States (1993-2001).",
    ),
    entry("belarus", Place, &["Biélorussie", "Belarus", "Bélarus"], &["Belarus"], ""),
    entry("russia", Place, &["Russie"], &["Russia"], ""),
    entry("ukraine", Place, &["Ukraine"], &["Ukraine"], ""),
    Curated {
        id: "kyiv",
        subject: Place,
        fr: &["Kiev", "Kyiv"],
        en: &["Kyiv", "Kiev"],
        fr_errors: &["Kieu"],
        note: "Capital of Ukraine; Kieu is a machine-translation slip.",
    },
    entry("moscow", Place, &["Moscou"], &["Moscow"], ""),
    entry("minsk", Place, &["Minsk"], &["Minsk"], "Capital of Belarus."),
    entry("kaliningrad", Place, &["Kaliningrad"], &["Kaliningrad"], "Russian exclave on the Baltic."),
    entry("crimea", Place, &["Crimée"], &["Crimea"], ""),
    entry("donbas", Place, &["Donbass"], &["Donbas"], ""),
    entry("saint-petersburg", Place, &["Saint-Pétersbourg"], &["Saint Petersburg"], ""),
    entry("united-states", Place, &["États-Unis", "Etats-Unis"], &["United States", "U.S."], ""),
    entry("china", Place, &["Chine"], &["China"], ""),
    entry("france", Place, &["France"], &["France"], ""),
    entry("kazakhstan", Place, &["Kazakhstan"], &["Kazakhstan"], ""),
    entry("uzbekistan", Place, &["Ouzbékistan"], &["Uzbekistan"], ""),
    entry("united-kingdom", Place, &["Royaume-Uni"], &["United Kingdom"], ""),
    entry("budapest", Place, &["Budapest"], &["Budapest"], ""),
    entry("poland", Place, &["Pologne"], &["Poland"], ""),
    entry("nato", Organisation, &["OTAN"], &["NATO"], "North Atlantic Treaty Organization."),
    entry(
        "union-state",
        Organisation,
        &["État de l'Union", "État d'Union", "Union State"],
        &["Union State"],
        "The Union State of Russia and Belarus (treaty of 1999).",
    ),
    entry("kremlin", Organisation, &["Kremlin"], &["Kremlin"], "The Russian presidency."),
    entry("reuters", Organisation, &["Reuters"], &["Reuters"], "News agency."),
    entry("dw-news", Organisation, &["DW News"], &["DW News"], "Deutsche Welle's English-language news channel."),
    entry(
        "deutsche-welle",
        Organisation,
        &["Deutsche Welle"],
        &["Deutsche Welle"],
        "German international broadcaster.",
    ),
    entry(
        "ukrainska-pravda",
        Organisation,
        &["Ukrainska Pravda"],
        &["Ukrainska Pravda"],
        "Ukrainian online newspaper.",
    ),
    entry("euronews", Organisation, &["Euronews"], &["Euronews"], "European news channel."),
    entry("carnegie", Organisation, &["Carnegie"], &["Carnegie"], "Carnegie Endowment for International Peace."),
    entry("moon-of-alabama", Organisation, &["Moon of Alabama"], &["Moon of Alabama"], "Blog."),
    entry(
        "iskander-m",
        Term,
        &["Iskander-M", "Iskander"],
        &["Iskander-M", "Iskander"],
        "Russian short-range ballistic missile system.",
    ),
    entry("west", Term, &["Occident", "Ouest"], &["West"], "The West, as a political bloc."),
    entry(
        "color-revolution",
        Term,
        &["révolution de couleur"],
        &["color revolution"],
        "A regime change driven by street protest.",
    ),
    entry("nuclear-weapons", Term, &["armes nucléaires"], &["nuclear weapons"], ""),
    entry("nuclear-exercises", Term, &["exercices nucléaires"], &["nuclear exercises"], ""),
    entry("security-guarantees", Term, &["garanties de sécurité"], &["security guarantees"], ""),
    entry("presidential-election", Term, &["élection présidentielle"], &["presidential election"], ""),
    entry("military-operation", Term, &["opération militaire"], &["military operation"], ""),
];

/// The curated entry holding `form` in `language`, if any (compared by transliteration key, so that
/// Podolyak finds the entry listing Podoliak).
pub(crate) fn find(language: &str, form: &str) -> Option<&'static Curated> {
    let key = super::variants::name_key(form);
    CURATED.iter().find(|c| {
        let forms: &[&str] = match language {
            "fr" => c.fr,
            "en" => c.en,
            _ => &[],
        };
        forms
            .iter()
            .chain(if language == "fr" { c.fr_errors } else { &[] })
            .any(|f| super::variants::name_key(f) == key)
    })
}
