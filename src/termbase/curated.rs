//! What trame knows without being told, and only general knowledge: countries, capitals and regions whose
//! French and English names no string metric relates (Biélorussie / Belarus, Allemagne / Germany, Kiev /
//! Kyiv), and international organisations with their acronyms in both languages (OTAN / NATO). The build
//! joins the forms it finds to these entries and takes their preferred forms and subjects; nothing here
//! is particular to any text.
#![cfg_attr(rustfmt, rustfmt::skip)]

use super::model::Subject;
use crate::fold::fold;
use std::collections::HashMap;
use std::sync::OnceLock;

/// One concept known in advance.
pub(crate) struct Curated {
    pub id: &'static str,
    pub subject: Subject,
    /// The preferred French form, then other French forms (admitted).
    pub fr: &'static [&'static str],
    /// The preferred English form, then other English forms (admitted).
    pub en: &'static [&'static str],
}

use Subject::{Organisation as O, Place as P};

const fn entry(id: &'static str, subject: Subject, fr: &'static [&'static str], en: &'static [&'static str]) -> Curated {
    Curated { id, subject, fr, en }
}

/// The table, sorted by id (a test keeps it so).
pub(crate) static CURATED: &[Curated] = &[
    entry("afghanistan", P, &["Afghanistan"], &["Afghanistan"]),
    entry("africa", P, &["Afrique"], &["Africa"]),
    entry("albania", P, &["Albanie"], &["Albania"]),
    entry("algeria", P, &["Algérie"], &["Algeria"]),
    entry("algiers", P, &["Alger"], &["Algiers"]),
    entry("arab-league", O, &["Ligue arabe"], &["Arab League"]),
    entry("argentina", P, &["Argentine"], &["Argentina"]),
    entry("armenia", P, &["Arménie"], &["Armenia"]),
    entry("asia", P, &["Asie"], &["Asia"]),
    entry("athens", P, &["Athènes"], &["Athens"]),
    entry("australia", P, &["Australie"], &["Australia"]),
    entry("austria", P, &["Autriche"], &["Austria"]),
    entry("azerbaijan", P, &["Azerbaïdjan"], &["Azerbaijan"]),
    entry("baghdad", P, &["Bagdad"], &["Baghdad"]),
    entry("beijing", P, &["Pékin", "Beijing"], &["Beijing", "Peking"]),
    entry("belarus", P, &["Biélorussie", "Belarus", "Bélarus"], &["Belarus"]),
    entry("belgium", P, &["Belgique"], &["Belgium"]),
    entry("brazil", P, &["Brésil"], &["Brazil"]),
    entry("brussels", P, &["Bruxelles"], &["Brussels"]),
    entry("bulgaria", P, &["Bulgarie"], &["Bulgaria"]),
    entry("cairo", P, &["Le Caire"], &["Cairo"]),
    entry("canada", P, &["Canada"], &["Canada"]),
    entry("caucasus", P, &["Caucase"], &["Caucasus"]),
    entry("china", P, &["Chine"], &["China"]),
    entry("copenhagen", P, &["Copenhague"], &["Copenhagen"]),
    entry("crimea", P, &["Crimée"], &["Crimea"]),
    entry("croatia", P, &["Croatie"], &["Croatia"]),
    entry("csto", O, &["OTSC", "Organisation du traité de sécurité collective"], &["CSTO", "Collective Security Treaty Organization"]),
    entry("cyprus", P, &["Chypre"], &["Cyprus"]),
    entry("czech-republic", P, &["République tchèque", "Tchéquie"], &["Czech Republic", "Czechia"]),
    entry("damascus", P, &["Damas"], &["Damascus"]),
    entry("denmark", P, &["Danemark"], &["Denmark"]),
    entry("donbas", P, &["Donbass"], &["Donbas"]),
    entry("ecb", O, &["BCE", "Banque centrale européenne"], &["ECB", "European Central Bank"]),
    entry("egypt", P, &["Égypte", "Egypte"], &["Egypt"]),
    entry("estonia", P, &["Estonie"], &["Estonia"]),
    entry("european-union", O, &["Union européenne", "UE"], &["European Union", "EU"]),
    entry("finland", P, &["Finlande"], &["Finland"]),
    entry("france", P, &["France"], &["France"]),
    entry("geneva", P, &["Genève"], &["Geneva"]),
    entry("georgia", P, &["Géorgie"], &["Georgia"]),
    entry("germany", P, &["Allemagne"], &["Germany"]),
    entry("greece", P, &["Grèce"], &["Greece"]),
    entry("hungary", P, &["Hongrie"], &["Hungary"]),
    entry("icc", O, &["Cour pénale internationale", "CPI"], &["International Criminal Court", "ICC"]),
    entry("imf", O, &["FMI", "Fonds monétaire international"], &["IMF", "International Monetary Fund"]),
    entry("india", P, &["Inde"], &["India"]),
    entry("indonesia", P, &["Indonésie"], &["Indonesia"]),
    entry("iran", P, &["Iran"], &["Iran"]),
    entry("iraq", P, &["Irak", "Iraq"], &["Iraq"]),
    entry("ireland", P, &["Irlande"], &["Ireland"]),
    entry("israel", P, &["Israël"], &["Israel"]),
    entry("italy", P, &["Italie"], &["Italy"]),
    entry("japan", P, &["Japon"], &["Japan"]),
    entry("jerusalem", P, &["Jérusalem"], &["Jerusalem"]),
    entry("jordan", P, &["Jordanie"], &["Jordan"]),
    entry("kazakhstan", P, &["Kazakhstan"], &["Kazakhstan"]),
    entry("kremlin", O, &["Kremlin"], &["Kremlin"]),
    entry("kyiv", P, &["Kiev", "Kyiv"], &["Kyiv", "Kiev"]),
    entry("kyrgyzstan", P, &["Kirghizistan", "Kirghizstan"], &["Kyrgyzstan"]),
    entry("latvia", P, &["Lettonie"], &["Latvia"]),
    entry("lebanon", P, &["Liban"], &["Lebanon"]),
    entry("libya", P, &["Libye"], &["Libya"]),
    entry("lisbon", P, &["Lisbonne"], &["Lisbon"]),
    entry("lithuania", P, &["Lituanie"], &["Lithuania"]),
    entry("london", P, &["Londres"], &["London"]),
    entry("mexico", P, &["Mexique"], &["Mexico"]),
    entry("moldova", P, &["Moldavie", "Moldova"], &["Moldova"]),
    entry("mongolia", P, &["Mongolie"], &["Mongolia"]),
    entry("morocco", P, &["Maroc"], &["Morocco"]),
    entry("moscow", P, &["Moscou"], &["Moscow"]),
    entry("nato", O, &["OTAN", "Organisation du traité de l'Atlantique Nord"], &["NATO", "North Atlantic Treaty Organization"]),
    entry("netherlands", P, &["Pays-Bas"], &["Netherlands"]),
    entry("north-korea", P, &["Corée du Nord"], &["North Korea"]),
    entry("norway", P, &["Norvège"], &["Norway"]),
    entry("opec", O, &["OPEP"], &["OPEC"]),
    entry("osce", O, &["OSCE", "Organisation pour la sécurité et la coopération en Europe"], &["OSCE", "Organization for Security and Co-operation in Europe"]),
    entry("pakistan", P, &["Pakistan"], &["Pakistan"]),
    entry("poland", P, &["Pologne"], &["Poland"]),
    entry("portugal", P, &["Portugal"], &["Portugal"]),
    entry("prague", P, &["Prague"], &["Prague"]),
    entry("red-cross", O, &["Croix-Rouge"], &["Red Cross"]),
    entry("romania", P, &["Roumanie"], &["Romania"]),
    entry("russia", P, &["Russie"], &["Russia"]),
    entry("saint-petersburg", P, &["Saint-Pétersbourg"], &["Saint Petersburg", "St. Petersburg"]),
    entry("saudi-arabia", P, &["Arabie saoudite"], &["Saudi Arabia"]),
    entry("security-council", O, &["Conseil de sécurité"], &["Security Council"]),
    entry("serbia", P, &["Serbie"], &["Serbia"]),
    entry("siberia", P, &["Sibérie"], &["Siberia"]),
    entry("slovakia", P, &["Slovaquie"], &["Slovakia"]),
    entry("slovenia", P, &["Slovénie"], &["Slovenia"]),
    entry("south-africa", P, &["Afrique du Sud"], &["South Africa"]),
    entry("south-korea", P, &["Corée du Sud"], &["South Korea"]),
    entry("spain", P, &["Espagne"], &["Spain"]),
    entry("sweden", P, &["Suède"], &["Sweden"]),
    entry("switzerland", P, &["Suisse"], &["Switzerland"]),
    entry("syria", P, &["Syrie"], &["Syria"]),
    entry("tajikistan", P, &["Tadjikistan"], &["Tajikistan"]),
    entry("tehran", P, &["Téhéran"], &["Tehran"]),
    entry("the-hague", P, &["La Haye"], &["The Hague"]),
    entry("tunisia", P, &["Tunisie"], &["Tunisia"]),
    entry("turkey", P, &["Turquie"], &["Turkey", "Türkiye"]),
    entry("turkmenistan", P, &["Turkménistan"], &["Turkmenistan"]),
    entry("ukraine", P, &["Ukraine"], &["Ukraine"]),
    entry("united-kingdom", P, &["Royaume-Uni"], &["United Kingdom", "UK", "U.K."]),
    entry("united-nations", O, &["ONU", "Nations unies", "Organisation des Nations unies"], &["UN", "United Nations"]),
    entry("united-states", P, &["États-Unis", "Etats-Unis"], &["United States", "U.S.", "USA"]),
    entry("uzbekistan", P, &["Ouzbékistan"], &["Uzbekistan"]),
    entry("venice", P, &["Venise"], &["Venice"]),
    entry("vietnam", P, &["Viêt Nam", "Vietnam"], &["Vietnam"]),
    entry("warsaw", P, &["Varsovie"], &["Warsaw"]),
    entry("who", O, &["OMS", "Organisation mondiale de la santé"], &["WHO", "World Health Organization"]),
    entry("world-bank", O, &["Banque mondiale"], &["World Bank"]),
    entry("wto", O, &["OMC", "Organisation mondiale du commerce"], &["WTO", "World Trade Organization"]),
    entry("yemen", P, &["Yémen"], &["Yemen"]),
];

/// The curated entry (its index) holding `form` in `language`, compared folded (case and accents aside).
pub(crate) fn find(language: &str, form: &str) -> Option<usize> {
    static INDEX: OnceLock<HashMap<(String, String), usize>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index = HashMap::new();
        for (k, entry) in CURATED.iter().enumerate() {
            for (language, forms) in [("fr", entry.fr), ("en", entry.en)] {
                for form in forms {
                    index.insert((language.to_string(), fold(form)), k);
                }
            }
        }
        index
    });
    index.get(&(language.to_string(), fold(form))).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_forms_belong_to_one_entry() {
        for pair in CURATED.windows(2) {
            assert!(pair[0].id < pair[1].id, "{} before {}", pair[0].id, pair[1].id);
        }
        let mut seen = std::collections::HashMap::new();
        for entry in CURATED {
            for (language, forms) in [("fr", entry.fr), ("en", entry.en)] {
                for form in forms {
                    if let Some(other) = seen.insert((language, fold(form)), entry.id) {
                        assert_eq!(other, entry.id, "{form} in {other} and {}", entry.id);
                    }
                }
            }
        }
        assert_eq!(find("fr", "biélorussie").map(|k| CURATED[k].id), Some("belarus"));
        assert_eq!(find("en", "OTAN"), None);
    }

    #[test]
    fn general_knowledge_only_no_people() {
        // People belong to the texts that name them: the build finds them there.
        assert!(CURATED.iter().all(|c| matches!(c.subject, Subject::Place | Subject::Organisation)));
    }
}
