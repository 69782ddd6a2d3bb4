//! Words the extractor knows without reading the text: function words, numbers, titles, the head words of
//! organisations and places, heading words, adjectives that stand before their noun, nouns too general to
//! make a term, and the small words of names. Each table is sorted and folded (lower case, no accents: see
//! [`crate::fold::fold`]) so that a person finds a word in it, and a test keeps them so; look-ups go
//! through a hash set made from the table on first use.
#![cfg_attr(rustfmt, rustfmt::skip)]

use crate::fold::fold;
use std::sync::OnceLock;

/// A sorted table of folded words (sorted so that a person can find a word and a test keep them so),
/// looked up through a hash set built on first use: the term build asks several tables of every word.
pub(crate) struct Table {
    words: &'static [&'static str],
    set: OnceLock<foldhash::HashSet<&'static str>>,
}

impl Table {
    const fn new(words: &'static [&'static str]) -> Self {
        Table { words, set: OnceLock::new() }
    }

    /// Whether the table holds `word`, folded first (and without a final apostrophe or full stop).
    pub(crate) fn holds(&self, word: &str) -> bool {
        // Most words are short and ASCII: those are folded on the stack.
        let mut buffer = [0u8; 32];
        let folded;
        let key = if word.is_ascii() && word.len() <= buffer.len() {
            let lower = &mut buffer[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).expect("ASCII is UTF-8")
        } else {
            folded = fold(word);
            folded.as_str()
        };
        self.holds_folded(key.trim_end_matches(['\'', '.']))
    }

    /// Whether the table holds `folded`, a word already folded.
    pub(crate) fn holds_folded(&self, folded: &str) -> bool {
        self.set.get_or_init(|| self.words.iter().copied().collect()).contains(folded)
    }

    /// The words, sorted.
    #[cfg(test)]
    pub(crate) fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

/// Articles, pronouns, prepositions, conjunctions, common adverbs, auxiliaries and modal verbs, interjections
/// (French and English): never a name or a term on their own, never the first or last word of a term.
pub(crate) static FUNCTION_WORDS: Table = Table::new(&[
    "a", "about", "adieu", "afin", "ah", "ai", "ainsi", "all", "allaient", "allait", "aller", "allons", "alors",
    "also", "am", "an", "and", "another", "any", "apres", "are", "as", "assez", "at", "au", "aucun", "aucune",
    "aujourd", "aupres", "auquel", "aura", "auraient", "aurait", "auront", "aussi", "autant", "autour", "autre",
    "autres", "aux", "auxquels", "avaient", "avait", "avant", "avec", "avez", "avoir", "avons", "ayant", "bah", "be",
    "beaucoup", "been", "being", "bien", "bonjour", "bonsoir", "both", "bravo", "but", "by", "ca", "can", "car", "ce",
    "ceci", "cela", "celle", "celles", "celui", "cependant", "certaines", "certains", "certes", "ces", "cet", "cette",
    "ceux", "chacun", "chacune", "chaque", "chez", "chut", "combien", "comme", "comment", "contre", "could", "d",
    "dans", "davantage", "de", "deja", "demain", "depuis", "derriere", "des", "desormais", "devaient", "devait",
    "devant", "devoir", "devrait", "did", "dire", "dirent", "dis", "disaient", "disait", "dit", "divers", "diverses",
    "do", "does", "dois", "doit", "doivent", "donc", "dont", "du", "duquel", "durant", "dut", "each", "egalement",
    "eh", "either", "elle", "elles", "en", "encore", "enfin", "ensuite", "entre", "envers", "environ", "es", "est",
    "et", "etaient", "etait", "etant", "ete", "etes", "etre", "eu", "eurent", "eut", "eux", "even", "every", "faire",
    "faisaient", "faisait", "fait", "fallait", "fallu", "faudra", "faudrait", "faut", "fera", "ferait", "feront",
    "font", "for", "from", "furent", "fus", "fut", "guere", "ha", "had", "has", "have", "he", "hein", "helas", "her",
    "here", "hier", "him", "his", "ho", "hola", "hors", "how", "i", "ici", "if", "il", "ils", "in", "into", "ira",
    "irait", "iront", "is", "it", "its", "j", "jamais", "je", "jusqu", "jusque", "just", "l", "la", "laquelle", "le",
    "lequel", "les", "lesquelles", "lesquels", "less", "leur", "leurs", "loin", "lors", "lorsqu", "lorsque", "lui",
    "m", "ma", "mais", "mal", "malgre", "many", "may", "me", "meme", "memes", "merci", "mes", "might", "moi", "moins",
    "mon", "more", "most", "much", "must", "my", "n", "ne", "neanmoins", "neither", "ni", "no", "non", "nor", "nos",
    "not", "notamment", "notre", "nous", "nul", "nulle", "o", "of", "oh", "on", "one", "only", "ont", "onto", "or",
    "other", "ou", "ouf", "oui", "our", "outre", "over", "own", "par", "pardon", "parfois", "parmi", "pas", "pendant",
    "personne", "peu", "peut", "peuvent", "peux", "plus", "plusieurs", "plutot", "point", "pour", "pourquoi",
    "pourra", "pourrait", "pourront", "pourtant", "pouvaient", "pouvait", "pouvoir", "pres", "presque", "pu", "puis",
    "puisqu", "puisque", "put", "qu", "quand", "que", "quel", "quelle", "quelles", "quelque", "quelques", "quels",
    "qui", "quiconque", "quoi", "quoique", "rien", "s", "sa", "said", "sais", "sait", "same", "sans", "sauf",
    "savait", "savoir", "say", "says", "se", "selon", "sera", "seraient", "serait", "seront", "ses", "seulement",
    "shall", "she", "should", "si", "so", "soi", "soient", "soit", "some", "sommes", "son", "sont", "sous", "souvent",
    "still", "such", "suis", "sur", "surtout", "t", "ta", "tandis", "tant", "tantot", "te", "tel", "telle",
    "tellement", "telles", "tels", "tes", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "tiens", "to", "toi", "ton", "too", "toujours", "tous", "tout", "toute", "toutefois", "toutes",
    "travers", "tres", "trop", "tu", "un", "under", "une", "us", "va", "vais", "vers", "very", "veulent", "veut",
    "veux", "via", "vit", "voici", "voila", "voir", "voire", "vois", "voit", "vont", "vos", "votre", "voudrait",
    "voulaient", "voulait", "vouloir", "voulu", "voulut", "vous", "voyons", "vraiment", "vu", "was", "we", "were",
    "what", "when", "where", "which", "who", "whom", "whose", "why", "will", "with", "would", "y", "yes", "yet",
    "you", "your", "zut",
]);

/// Numbers and ordinals written out.
pub(crate) static NUMBERS: Table = Table::new(&[
    "billion", "cent", "centieme", "cents", "cinq", "cinquante", "cinquieme", "dernier", "derniere", "dernieres",
    "derniers", "deux", "deuxieme", "dix", "dixieme", "douze", "eight", "eleven", "fifty", "first", "five", "forty",
    "four", "huit", "huitante", "huitieme", "hundred", "last", "mille", "milliard", "milliards", "millieme",
    "million", "millions", "neuf", "neuvieme", "nine", "nonante", "one", "onze", "premier", "premiere", "premieres",
    "premiers", "quarante", "quatorze", "quatre", "quatrieme", "quinze", "second", "seconde", "seize", "sept",
    "septante", "septieme", "seven", "six", "sixieme", "soixante", "ten", "third", "thirty", "thousand", "three",
    "treize", "trente", "trois", "troisieme", "twelve", "twenty", "two", "un", "une", "vingt", "vingts",
]);

/// Titles and offices written before a name: a sign that a person follows, never part of the name.
pub(crate) static TITLES: Table = Table::new(&[
    "abbe", "adjoint", "adjointe", "admiral", "ambassadeur", "ambassador", "ambassadrice", "amiral", "archeveque",
    "avocat", "avocate", "baron", "baronne", "brother", "capitaine", "caporal", "captain", "cardinal", "chairman",
    "chairwoman", "chancelier", "chanceliere", "chancellor", "chef", "cheikh", "colonel", "commandant", "commander",
    "commissaire", "comte", "comtesse", "conseiller", "conseillere", "consul", "cure", "dame", "delegue", "deleguee",
    "depute", "deputee", "directeur", "director", "directrice", "docteur", "dr", "duc", "duchesse", "emir",
    "empereur", "eveque", "father", "frere", "general", "generale", "gouverneur", "governor", "imam", "imperatrice",
    "inspecteur", "inspectrice", "judge", "juge", "king", "lady", "lieutenant", "lord", "m", "madame", "mademoiselle",
    "maire", "maitre", "marechal", "marquis", "marquise", "mayor", "me", "mere", "mesdames", "messieurs", "mgr",
    "minister", "ministre", "miss", "mlle", "mlles", "mm", "mme", "mmes", "monsieur", "mr", "mrs", "ms", "officier",
    "pape", "patriarche", "pere", "pope", "porte-parole", "pr", "prefet", "prefete", "president", "presidente",
    "prince", "princesse", "procureur", "procureure", "prof", "professeur", "professeure", "queen", "rabbin", "reine",
    "roi", "secretaire", "secretary", "senateur", "senator", "senatrice", "sergeant", "sergent", "sir", "sister",
    "soeur", "spokesman", "spokeswoman", "sr", "sultan", "tsar", "tsarine", "vice-president", "vice-presidente",
    "vicomte",
]);

/// The first word of an organisation's name (Association, Fédération, Union): an organisation follows, and the
/// word is never a name on its own.
pub(crate) static ORGANISATION_HEADS: Table = Table::new(&[
    "academie", "agence", "agency", "alliance", "armee", "army", "assemblee", "assembly", "association", "authority",
    "autorite", "bank", "banque", "bibliotheque", "board", "brigade", "bureau", "cabinet", "caisse", "center",
    "centre", "chamber", "chambre", "church", "clinique", "club", "college", "comite", "commission", "committee",
    "communaute", "compagnie", "company", "confederation", "conference", "congres", "congress", "conseil",
    "conservatoire", "consortium", "cooperative", "coordination", "corporation", "council", "cour", "court",
    "delegation", "department", "direction", "ecole", "eglise", "entreprise", "etablissement", "federation",
    "fondation", "fonds", "foundation", "front", "fund", "group", "groupe", "groupement", "hopital", "hospital",
    "institut", "institute", "institution", "laboratoire", "league", "ligue", "lycee", "ministere", "ministry",
    "mission", "mouvement", "movement", "musee", "museum", "mutuelle", "observatoire", "office", "opera", "orchestre",
    "ordre", "organisation", "organization", "parlement", "parliament", "parti", "party", "prefecture", "regie",
    "reseau", "secretariat", "senat", "service", "societe", "society", "syndicat", "theatre", "tribunal", "union",
    "universite", "university",
]);

/// Words that head the name of a place (lac, mont, rue): never a name on their own.
pub(crate) static PLACE_HEADS: Table = Table::new(&[
    "avenue", "baie", "bay", "boulevard", "canal", "canton", "cap", "cape", "chemin", "col", "colline", "cote",
    "county", "departement", "desert", "detroit", "etang", "fleuve", "foret", "golfe", "gulf", "ile", "iles",
    "island", "lac", "lake", "massif", "mer", "mont", "montagne", "monts", "mount", "mountains", "nord", "nord-est",
    "nord-ouest", "ocean", "ouest", "pic", "plaine", "plateau", "pointe", "pont", "port", "province", "quai",
    "quartier", "region", "river", "riviere", "route", "rue", "sea", "sommet", "street", "sud", "sud-est",
    "sud-ouest", "territoire", "tour", "vallee", "valley", "village", "ville",
]);

/// Lower-case words that head the names of natural features and streets and belong to them (la mer Noire,
/// le lac Léman, la rue Gambetta).
pub(crate) static FEATURE_HEADS: Table = Table::new(&[
    "avenue", "baie", "boulevard", "canal", "cap", "chemin", "col", "desert", "detroit", "etang", "fleuve", "foret",
    "golfe", "ile", "iles", "lac", "massif", "mer", "mont", "monts", "ocean", "pic", "plaine", "plateau", "pointe",
    "quai", "riviere", "route", "rue", "vallee",
]);

/// Months and days (capitalised in English): never a name.
pub(crate) static DATE_WORDS: Table = Table::new(&[
    "aout", "april", "august", "avril", "december", "decembre", "dimanche", "february", "fevrier", "friday",
    "january", "janvier", "jeudi", "juillet", "juin", "july", "june", "lundi", "mai", "march", "mardi", "mars", "may",
    "mercredi", "monday", "november", "novembre", "october", "octobre", "samedi", "saturday", "september",
    "septembre", "sunday", "thursday", "tuesday", "vendredi", "wednesday",
]);

/// Words of headings and numbering (Chapitre VII, Livre II): never a term.
pub(crate) static HEADING_WORDS: Table = Table::new(&[
    "act", "acte", "annexe", "appendix", "article", "book", "chant", "chapitre", "chapter", "conclusion", "epilogue",
    "episode", "figure", "fin", "illustration", "introduction", "livre", "number", "numero", "page", "part", "partie",
    "photo", "preface", "prologue", "scene", "section", "sommaire", "table", "tableau", "tome", "volume",
]);

/// French adjectives that stand before their noun (petit, pauvre, jeune): they make free phrases, not terms.
pub(crate) static PRENOMINAL_ADJECTIVES: Table = Table::new(&[
    "affreuse", "affreux", "ancien", "ancienne", "anciennes", "anciens", "bas", "basse", "basses", "beau", "beaux",
    "bel", "belle", "belles", "bon", "bonne", "bonnes", "bons", "brave", "braves", "certain", "certaine", "cher",
    "chere", "cheres", "chers", "court", "courte", "demi", "drole", "enorme", "epais", "epaisse", "excellent",
    "excellente", "fameuse", "fameux", "fausse", "fausses", "faux", "gentil", "gentille", "grand", "grande",
    "grandes", "grands", "gros", "grosse", "grosses", "haut", "haute", "hautes", "hauts", "immense", "jeune",
    "jeunes", "joli", "jolie", "jolies", "jolis", "large", "larges", "long", "longs", "longue", "longues", "mauvais",
    "mauvaise", "mauvaises", "meilleur", "meilleure", "meilleures", "meilleurs", "moindre", "nouveau", "nouveaux",
    "nouvel", "nouvelle", "nouvelles", "pauvre", "pauvres", "petit", "petite", "petites", "petits", "pire", "pires",
    "prochain", "prochaine", "prochaines", "prochains", "profond", "profonde", "propre", "propres", "sacre", "seul",
    "seule", "seules", "seuls", "simple", "simples", "vaste", "veritable", "veritables", "vieil", "vieille",
    "vieilles", "vieux", "vrai", "vraie", "vraies", "vrais",
]);

/// French adjectives that follow their noun without an adjective's ending (rouge, civil, nord): they end
/// names like Étoile rouge or mer Noire.
pub(crate) static POSTNOMINAL_ADJECTIVES: Table = Table::new(&[
    "afghan", "afghane", "afghans", "allemand", "allemande", "allemandes", "allemands", "arabe", "arabes", "basque",
    "basques", "belge", "belges", "bielorusse", "bielorusses", "blanc", "blanche", "blanches", "blancs", "bleu",
    "bleue", "bleues", "bleus", "bosniaque", "brun", "brune", "brunes", "bruns", "burkinabe", "central", "centrale",
    "centrales", "centraux", "chaud", "chaude", "commun", "commune", "communes", "communs", "croate", "croates",
    "froid", "froide", "grec", "grecque", "grecques", "grecs", "gris", "grise", "grises", "inferieur", "inferieure",
    "jaune", "jaunes", "kazakh", "kazakhe", "kazakhs", "kurde", "kurdes", "libre", "libres", "moyen", "moyenne",
    "moyennes", "moyens", "nigerian", "nigeriane", "noir", "noire", "noires", "noirs", "nord", "orange", "ouest",
    "ouzbek", "ouzbeke", "ouzbeks", "propre", "public", "publics", "publique", "publiques", "rose", "roses", "rouge",
    "rouges", "roumain", "roumaine", "russe", "russes", "sacree", "sacrees", "sacres", "sec", "seche", "serbe",
    "serbes", "slave", "slaves", "slovaque", "slovaques", "sud", "suisse", "suisses", "superieur", "superieure",
    "superieures", "superieurs", "tadjik", "tadjike", "tcheque", "tcheques", "tchetchene", "tchetchenes", "turc",
    "turcs", "turque", "turques", "unique", "uniques", "vert", "verte", "vertes", "verts", "violet", "violets",
    "violette", "violettes",
]);

/// Nouns too general to head or end a term (fois, chose, homme, moment), and units.
pub(crate) static GENERIC_NOUNS: Table = Table::new(&[
    "air", "an", "annee", "annees", "ans", "besoin", "bord", "bout", "bouts", "cas", "centaine", "centaines",
    "chance", "chose", "choses", "cm", "cote", "coup", "coups", "dame", "debut", "dizaine", "dizaines", "dollar",
    "dollars", "douzaine", "douzaines", "enfant", "enfants", "ensemble", "envie", "espece", "euro", "euros",
    "exemple", "facon", "femme", "femmes", "fille", "filles", "fin", "fois", "fond", "foule", "franc", "francs",
    "garcon", "garcons", "genre", "gens", "heure", "heures", "homme", "hommes", "idee", "idees", "instant",
    "instants", "jour", "jours", "kg", "kilometre", "kilometres", "km", "lieu", "madame", "mademoiselle", "main",
    "mains", "maniere", "metre", "metres", "milieu", "millier", "milliers", "minute", "minutes", "mois", "moitie",
    "moment", "moments", "monde", "monsieur", "morceau", "morceaux", "mot", "mots", "multitude", "nombre", "oeil",
    "paire", "paires", "part", "peine", "personne", "personnes", "pied", "pieds", "plupart", "pouce", "pouces",
    "pour-cent", "pourcent", "propos", "quantite", "quart", "question", "questions", "raison", "reste", "seconde",
    "secondes", "semaine", "semaines", "serie", "series", "sieur", "sorte", "sujet", "tas", "temps", "tete", "tetes",
    "tiers", "tort", "voix", "yeux",
]);

/// Pronouns joined to a verb by a hyphen (Écoutez-moi, dit-il, est-ce): such a word is a verb, not a name.
pub(crate) static CLITICS: Table = Table::new(&[
    "ce", "ci", "elle", "elles", "en", "eux", "il", "ils", "je", "la", "le", "les", "leur", "leurs", "lui", "moi",
    "nous", "on", "t-elle", "t-elles", "t-il", "t-ils", "t-on", "toi", "tu", "vous", "y",
]);

/// Small words inside names (Office de tourisme, Ludwig van Beethoven, Abu Bakr al-Baghdadi).
pub(crate) static CONNECTORS: Table = Table::new(&[
    "al", "ap", "ar", "ben", "bin", "d", "da", "das", "de", "del", "della", "den", "der", "des", "di", "dos", "du",
    "el", "ibn", "l", "la", "le", "les", "of", "ten", "ter", "van", "von", "y", "zu",
]);

/// Words before a noun phrase: determiners and prepositions.
pub(crate) static DETERMINERS: Table = Table::new(&[
    "a", "an", "at", "au", "aux", "avec", "by", "ce", "ces", "cet", "cette", "chez", "contre", "d", "dans", "de",
    "des", "du", "en", "entre", "for", "from", "her", "his", "in", "its", "l", "la", "le", "les", "leur", "leurs",
    "ma", "mes", "mon", "my", "nos", "notre", "of", "on", "our", "par", "pour", "sa", "sans", "selon", "ses", "son",
    "sous", "sur", "ta", "tes", "the", "their", "these", "this", "those", "ton", "un", "une", "vers", "vos", "votre",
    "with", "your",
]);

/// Subject pronouns (and French "qui"): the word after one (clitics aside) is a verb.
pub(crate) static SUBJECT_PRONOUNS: Table = Table::new(&[
    "elle", "elles", "he", "i", "il", "ils", "j", "je", "nous", "on", "qui", "she", "they", "tu", "vous", "we",
]);

/// Adverbs of degree: the word after one is an adjective (or an adverb).
pub(crate) static DEGREE_ADVERBS: Table = Table::new(&[
    "assez", "aussi", "bien", "fort", "less", "moins", "more", "most", "plus", "quite", "rather", "si", "so",
    "tellement", "too", "tres", "trop", "very",
]);

/// Words before a place name (à, en, près de, ville de, habitants de).
pub(crate) static PLACE_CUES: Table = Table::new(&[
    "a", "at", "au", "aux", "capital", "capitale", "city", "commune", "county", "dans", "departement", "depuis", "en",
    "from", "habitants", "in", "near", "pres", "province", "region", "town", "vers", "village", "ville",
]);

/// Common given names in many languages and transliterations: a name of several words that starts with one
/// is a person's, and adds the given name to the surname (a full form).
pub(crate) static GIVEN_NAMES: Table = Table::new(&[
    "aaron", "abdallah", "abdel", "abdelaziz", "abdelkader", "abdul", "abdullah", "abel", "abou", "abu", "adam",
    "adel", "adele", "adrian", "adrien", "agathe", "agnes", "ahmad", "ahmed", "ahmet", "aicha", "aisha", "alain",
    "alan", "alban", "albert", "alberto", "alejandro", "aleksandar", "aleksandr", "aleksandra", "aleksei", "aleksey",
    "alessandro", "alex", "alexander", "alexandra", "alexandre", "alexandru", "alexei", "alexey", "alexis", "alfred",
    "ali", "alice", "alicia", "aline", "almazbek", "alphonse", "amanda", "amandine", "amelie", "amin", "amine",
    "amir", "amy", "ana", "anastasia", "anatole", "anatoli", "anatoliy", "anatoly", "andre", "andrea", "andreas",
    "andree", "andrei", "andrew", "andrey", "andriy", "andrzej", "ange", "angela", "angele", "angelique", "anna",
    "anne", "annie", "ante", "anthony", "antoine", "antoinette", "anton", "antonio", "antony", "ariane", "armand",
    "arnaud", "arseni", "arseniy", "arthur", "artiom", "artyom", "audrey", "augustin", "aurelie", "aurelien", "axel",
    "aziz", "bachar", "baptiste", "barack", "barbara", "bashar", "basile", "beatrice", "benjamin", "benoit",
    "bernard", "bertrand", "bidzina", "bill", "blaise", "bob", "bogdan", "boris", "brigitte", "bruno", "camille",
    "carl", "carla", "carlo", "carlos", "carmen", "caroline", "catherine", "cecile", "celine", "chantal", "charles",
    "charlie", "charlotte", "chris", "christian", "christiane", "christine", "christophe", "christopher", "claire",
    "clara", "claude", "claudine", "clement", "colette", "constantin", "corinne", "cyril", "cyrille", "damien", "dan",
    "daniel", "daniela", "danielle", "daria", "daryna", "dasha", "dave", "david", "denis", "denise", "didier",
    "diego", "dimitri", "dmitri", "dmitrij", "dmitriy", "dmitro", "dmitry", "dmytro", "dominique", "donald",
    "dorothee", "edmond", "edouard", "eduard", "edward", "elena", "eleonore", "elie", "elisabeth", "elise",
    "elizabeth", "elon", "emile", "emilie", "emma", "emmanuel", "emmanuelle", "emomali", "eric", "ernest", "ernst",
    "etienne", "eugene", "eugenie", "evgeni", "evgeny", "evgueni", "fabien", "fabienne", "fabrice", "farid", "fatima",
    "fatma", "felipe", "felix", "ferdinand", "ferenc", "fernand", "fernando", "fiodor", "florence", "florian",
    "francesco", "francis", "franck", "francois", "francoise", "franjo", "frank", "franz", "frederic", "frederique",
    "friedrich", "fyodor", "gabriel", "gabrielle", "gary", "gaston", "gennadi", "gennady", "geoffrey", "georg",
    "george", "georges", "georgi", "georgy", "gerald", "gerard", "gerhard", "germaine", "ghislaine", "gilbert",
    "gilles", "ginette", "giovanni", "giuseppe", "gordon", "greg", "gregoire", "gregory", "grigori", "grigory",
    "guillaume", "gurbanguly", "gustave", "guy", "hafez", "hakan", "hamid", "hans", "harry", "hassan", "hector",
    "heinrich", "helene", "helmut", "henri", "henriette", "henry", "herbert", "herve", "heydar", "hillary", "hosni",
    "hubert", "hugo", "hugues", "hussein", "ibrahim", "igor", "ihor", "ilham", "ilia", "ilya", "imre", "indira",
    "ioulia", "irakli", "irene", "irina", "isaac", "isabelle", "ivan", "jack", "jacqueline", "jacques", "jake",
    "james", "jan", "jane", "janos", "javier", "jean", "jean-baptiste", "jean-claude", "jean-francois", "jean-louis",
    "jean-luc", "jean-marc", "jean-marie", "jean-michel", "jean-paul", "jean-pierre", "jeanne", "jeannine", "jeff",
    "jens", "jeremy", "jerome", "jerry", "jerzy", "jessica", "jim", "jiri", "joachim", "joan", "joao", "joaquim",
    "joe", "johann", "johannes", "john", "jonathan", "jorge", "jose", "josep", "joseph", "josette", "josiane", "juan",
    "jules", "julia", "julie", "julien", "juliette", "jurgen", "justin", "kaja", "kamala", "kamel", "karel", "karim",
    "karima", "karin", "karl", "kassym-jomart", "katarzyna", "katerina", "kateryna", "katia", "katya", "keir",
    "kemal", "ken", "kevin", "kirsten", "klaus", "konstantin", "kostiantyn", "krzysztof", "lajos", "larry", "laura",
    "laurence", "laurent", "lea", "lech", "leon", "leonard", "leonie", "lev", "levan", "liliane", "lindsey", "lionel",
    "liz", "lloyd", "louis", "louise", "luc", "luca", "lucas", "lucie", "lucien", "ludmila", "ludovic", "luigi",
    "luis", "lydie", "lyudmila", "madeleine", "magali", "mahmoud", "mahmud", "manuel", "marc", "marcel", "marcelle",
    "marco", "margaret", "margot", "maria", "marianne", "mariano", "marie", "marie-christine", "marie-claire",
    "marie-france", "marina", "mario", "marion", "mark", "martha", "marthe", "martin", "martine", "mary", "maryam",
    "mathieu", "mathilde", "matt", "matteo", "matthieu", "maurice", "max", "maxim", "maxime", "maximilien", "mehdi",
    "mehmet", "michael", "michal", "michel", "michele", "michelle", "miguel", "mike", "mikhail", "mikhailo",
    "mikheil", "milorad", "mitch", "mohamad", "mohamed", "mohammad", "mohammed", "monique", "moustafa", "muhammad",
    "mustafa", "mykhailo", "mykola", "nabil", "nadia", "nadine", "nancy", "narendra", "natalia", "natalie",
    "nathalie", "nick", "nicola", "nicolas", "nicole", "nigel", "nikita", "nikol", "nikolai", "nikolay", "nina",
    "noel", "noemie", "nursultan", "odette", "odile", "olaf", "oleg", "oleh", "oleksandr", "oleksandra", "oleksiy",
    "olena", "olga", "olivier", "omar", "oscar", "otto", "pablo", "paolo", "pascal", "pascale", "patrice", "patricia",
    "patrick", "paul", "paule", "pauline", "pavel", "pavlo", "pedro", "peter", "petr", "petro", "philippe", "pierre",
    "pietro", "piotr", "pyotr", "rachel", "rachid", "rafael", "rahul", "ramzan", "raphael", "raymond", "rebecca",
    "recep", "regis", "remi", "remy", "renaud", "rene", "renee", "ricardo", "richard", "rick", "rishi", "rob",
    "robert", "roberto", "rod", "roger", "roland", "romain", "roman", "ron", "rosa", "rose", "ruslan", "ryan",
    "sabine", "sadyr", "said", "salim", "salma", "salome", "sam", "samir", "samuel", "sandrine", "santiago", "sarah",
    "scott", "sebastien", "serdar", "serge", "sergei", "sergey", "sergio", "sergiy", "serguei", "serhii", "serhiy",
    "shavkat", "simon", "simone", "slobodan", "sofia", "solange", "sonia", "sophie", "stanislas", "stanislav",
    "stefan", "stefano", "stepan", "stephane", "stephanie", "steve", "suzanne", "svetlana", "sviatlana", "sviatoslav",
    "sylvain", "sylvie", "tadeusz", "taras", "tatiana", "tatyana", "tayyip", "ted", "terry", "theo", "theodore",
    "theresa", "therese", "thierry", "thomas", "tim", "timothee", "tom", "tomas", "tony", "ulrich", "umar", "ursula",
    "urszula", "vaclav", "valentin", "valentina", "valeri", "valerie", "valeriy", "valery", "vasily", "vassili",
    "veronique", "victor", "victoria", "viktor", "viktoria", "vincent", "violette", "virginie", "vitali", "vitaliy",
    "vitaly", "vladimir", "vladislav", "vojislav", "volodymyr", "walter", "wilhelm", "william", "wladimir",
    "wojciech", "wolfgang", "xavier", "yann", "yannick", "yasmina", "yassine", "yevgeny", "yevhen", "youri",
    "youssef", "yulia", "yuri", "yuriy", "yusuf", "yves", "yvette", "yvonne", "zbigniew", "zinedine", "zoe", "zoran",
]);

/// Common nouns and adjectives that institutions capitalise (République, Intérieur, Affaires étrangères,
/// droits de l'Homme): never a name on their own, and the end of a term after a lower-case head.
pub(crate) static INSTITUTION_WORDS: Table = Table::new(&[
    "affaires", "affairs", "agriculture", "armee", "armees", "army", "assemblee", "assembly", "aviation", "califat",
    "church", "citoyens", "civil", "civile", "commerce", "conseil", "constitution", "council", "cour", "court",
    "culture", "defence", "defense", "democratique", "departemental", "departementale", "droits", "duche", "ecologie",
    "economie", "economy", "education", "egalite", "eglise", "emirat", "empire", "energie", "enseignement",
    "environment", "environnement", "etat", "etats", "etrangeres", "europeennes", "exterieur", "federal", "federale",
    "finances", "forces", "foreign", "fraternite", "gendarmerie", "general", "generale", "gouvernement", "government",
    "guerre", "health", "homme", "housing", "humain", "humains", "human", "industrie", "industry", "interieur",
    "interieure", "interior", "international", "internationale", "jeunesse", "justice", "labor", "labour",
    "liberation", "liberte", "liberty", "logement", "marine", "militaire", "military", "mondial", "mondiale",
    "municipal", "municipale", "nation", "national", "nationale", "nations", "navy", "outre-mer", "paix", "parlement",
    "parliament", "patrimoine", "peace", "police", "populaire", "presidence", "presidency", "principaute", "publics",
    "publique", "recherche", "regional", "regionale", "republic", "republique", "resistance", "revolution", "rights",
    "royaume", "sante", "securite", "security", "senat", "senate", "social", "sociale", "solidarite", "sports",
    "state", "states", "sultanat", "superieur", "superieure", "supreme", "tourisme", "transport", "transports",
    "travail", "travailleurs", "treasury", "unies", "unis", "united", "war", "world",
]);

/// English function words that are no French word: capitalised inside a name in a French text, they
/// are part of a foreign name (Pan Am, Take That).
pub(crate) static ENGLISH_ONLY_WORDS: Table = Table::new(&[
    "about", "all", "also", "am", "an", "and", "another", "any", "are", "at", "be", "been", "being", "both", "but",
    "by", "can", "could", "did", "do", "does", "each", "either", "even", "every", "for", "from", "had", "has", "have",
    "her", "here", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "less", "many", "may",
    "might", "more", "most", "much", "must", "my", "neither", "no", "nor", "not", "of", "one", "only", "onto",
    "other", "our", "over", "own", "said", "same", "say", "says", "shall", "she", "should", "so", "some", "still",
    "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "too",
    "under", "us", "very", "was", "we", "were", "what", "when", "where", "which", "who", "whom", "whose", "why",
    "will", "with", "would", "yes", "yet", "you", "your",
]);

/// French adjectives of nationality: a noun with one is a free phrase (commune française), not a term.
pub(crate) static NATIONALITIES: Table = Table::new(&[
    "afghan", "afghane", "afghanes", "afghans", "africain", "africaine", "africaines", "africains", "algerien",
    "algerienne", "algeriennes", "algeriens", "allemand", "allemande", "allemandes", "allemands", "americain",
    "americaine", "americaines", "americains", "anglais", "anglaise", "anglaises", "arabe", "arabes", "argentin",
    "argentine", "argentines", "argentins", "armenien", "armenienne", "armeniennes", "armeniens", "asiatique",
    "asiatiques", "australien", "australienne", "australiennes", "australiens", "autrichien", "autrichienne",
    "autrichiennes", "autrichiens", "azerbaidjanais", "basque", "basques", "belge", "belges", "bielorusse",
    "bielorusses", "bresilien", "bresilienne", "bresiliennes", "bresiliens", "britannique", "britanniques",
    "canadien", "canadienne", "canadiennes", "canadiens", "chilien", "chilienne", "chiliennes", "chiliens", "chinois",
    "chinoise", "chinoises", "colombien", "colombienne", "colombiennes", "colombiens", "coreen", "coreenne",
    "coreennes", "coreens", "croate", "croates", "cubain", "cubaine", "cubaines", "cubains", "danois", "danoise",
    "dominicain", "dominicaine", "dominicaines", "dominicains", "ecossais", "ecossaise", "egyptien", "egyptienne",
    "egyptiennes", "egyptiens", "espagnol", "espagnole", "espagnoles", "espagnols", "europeen", "europeenne",
    "europeennes", "europeens", "finlandais", "finlandaise", "francais", "francaise", "francaises", "georgien",
    "georgienne", "georgiennes", "georgiens", "grec", "grecque", "grecques", "grecs", "hongrois", "hongroise",
    "indien", "indienne", "indiennes", "indiens", "irakien", "irakienne", "irakiennes", "irakiens", "iranien",
    "iranienne", "iraniennes", "iraniens", "irlandais", "irlandaise", "israelien", "israelienne", "israeliennes",
    "israeliens", "italien", "italienne", "italiennes", "italiens", "japonais", "japonaise", "japonaises",
    "jordanien", "jordanienne", "jordaniennes", "jordaniens", "kazakh", "kazakhe", "kazakhes", "kazakhs", "kenyan",
    "kenyane", "kenyanes", "kenyans", "kurde", "kurdes", "libanais", "libanaise", "libyen", "libyene", "libyenes",
    "libyens", "malien", "malienne", "marocain", "marocaine", "marocaines", "marocains", "mexicain", "mexicaine",
    "mexicaines", "mexicains", "mongol", "mongole", "mongoles", "mongols", "neerlandais", "neerlandaise", "nigerian",
    "nigeriane", "nigerianes", "nigerians", "norvegien", "norvegienne", "norvegiennes", "norvegiens", "ouzbek",
    "ouzbeke", "ouzbekes", "ouzbeks", "pakistanais", "pakistanaise", "palestinien", "palestinienne", "palestiniennes",
    "palestiniens", "peruvien", "peruvienne", "peruviennes", "peruviens", "polonais", "polonaise", "polonaises",
    "portugais", "portugaise", "portugaises", "roumain", "roumaine", "roumaines", "roumains", "russe", "russes",
    "senegalais", "serbe", "serbes", "slovaque", "slovaques", "soudanais", "suedois", "suedoise", "suisse", "suisses",
    "syrien", "syrienne", "syriennes", "syriens", "tcheque", "tcheques", "tibetain", "tibetaine", "tibetaines",
    "tibetains", "tunisien", "tunisienne", "tunisiennes", "tunisiens", "turc", "turcs", "turque", "turques",
    "ukrainien", "ukrainienne", "ukrainiennes", "ukrainiens", "venezuelien", "venezuelienne", "venezueliennes",
    "venezueliens", "vietnamien", "vietnamienne", "vietnamiennes", "vietnamiens",
]);

/// Acronyms that are common nouns (un CD, le GPS): never a name.
pub(crate) static COMMON_ACRONYMS: Table = Table::new(&[
    "adn", "arn", "bd", "cd", "cdd", "cdi", "cv", "dvd", "gps", "hlm", "mms", "ok", "ovni", "pc", "pdf", "pme", "pv",
    "qg", "rdv", "rsa", "smic", "sms", "tpe", "tv", "ulm", "usb", "vtt", "wc",
]);

/// Places whose article is part of their name (Le Mans, du Mans, au Mans; La Rochelle): the name without
/// its article, folded, and the article.
pub(crate) static ARTICLE_PLACES: &[(&str, &str)] = &[
    ("baule", "La"), ("bourget", "Le"), ("caire", "Le"), ("ciotat", "La"), ("creusot", "Le"), ("havane", "La"),
    ("havre", "Le"), ("haye", "La"), ("lamentin", "Le"), ("lilas", "Les"), ("mans", "Le"), ("mecque", "La"),
    ("mureaux", "Les"), ("paz", "La"), ("rochelle", "La"), ("touquet", "Le"), ("ulis", "Les"), ("valette", "La"),
];

/// The article of a place whose name holds it (Mans → Le).
pub(crate) fn article_place(word: &str) -> Option<&'static str> {
    let folded = fold(word);
    ARTICLE_PLACES.binary_search_by(|(name, _)| (*name).cmp(folded.as_str())).ok().map(|k| ARTICLE_PLACES[k].1)
}

/// Object pronouns and the negation between a subject pronoun and its verb (il ne le voit pas).
pub(crate) static OBJECT_CLITICS: Table =
    Table::new(&["en", "l", "la", "le", "les", "leur", "lui", "m", "me", "n", "ne", "nous", "s", "se", "t", "te", "vous", "y"]);

/// Titles of a man, and of a woman, before a surname (M. Weston, Mme Weston).
pub(crate) static MALE_TITLES: Table = Table::new(&["lord", "m", "monsieur", "mr", "sir"]);
pub(crate) static FEMALE_TITLES: Table = Table::new(&["lady", "madame", "mademoiselle", "miss", "mlle", "mme", "mrs", "ms"]);

/// Words before a family's name (les Churchill, le clan Graham).
pub(crate) static FAMILY_WORDS: Table = Table::new(&["clan", "dynastie", "famille", "family", "house", "les", "the"]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_folded_and_unique() {
        for table in [
            &FUNCTION_WORDS, &NUMBERS, &TITLES, &ORGANISATION_HEADS, &PLACE_HEADS, &HEADING_WORDS, &PRENOMINAL_ADJECTIVES, &GENERIC_NOUNS, &CLITICS, &CONNECTORS, &DETERMINERS, &SUBJECT_PRONOUNS, &DEGREE_ADVERBS, &PLACE_CUES, &GIVEN_NAMES, &INSTITUTION_WORDS, &FEATURE_HEADS, &POSTNOMINAL_ADJECTIVES, &DATE_WORDS, &ENGLISH_ONLY_WORDS, &NATIONALITIES, &COMMON_ACRONYMS, &OBJECT_CLITICS, &MALE_TITLES, &FEMALE_TITLES, &FAMILY_WORDS,
        ] {
            let words = table.words();
            for pair in words.windows(2) {
                assert!(pair[0] < pair[1], "{} before {}", pair[0], pair[1]);
            }
            for word in words {
                assert_eq!(fold(word), *word, "{word} is not folded");
                assert!(table.holds(word) && table.holds_folded(word), "{word} is not found");
            }
        }
    }

    #[test]
    fn article_places_are_sorted() {
        assert!(ARTICLE_PLACES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(article_place("Mans"), Some("Le"));
    }

    #[test]
    fn look_ups_fold_first() {
        assert!(FUNCTION_WORDS.holds("Après"));
        assert!(TITLES.holds("Mme"));
        assert!(ORGANISATION_HEADS.holds("Fédération"));
        assert!(CONNECTORS.holds("d'"));
        assert!(!FUNCTION_WORDS.holds("Loukachenko"));
    }
}
