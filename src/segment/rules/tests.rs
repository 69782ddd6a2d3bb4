use crate::language::Language;
use crate::segment::{ParagraphMode, Segmenter};

#[track_caller]
fn case(lang: &str, text: &str, expected: &[&str]) {
    let lang = Language::parse(lang).unwrap();
    let segmenter = Segmenter::builtin(&lang).with_paragraph_mode(ParagraphMode::Blank);
    let got: Vec<&str> = segmenter.sentences(text).iter().map(|s| s.text(text)).collect();
    assert_eq!(got, expected, "{text:?}");
}

#[test]
fn full_stops_and_abbreviations() {
    case("en", "Hello World. My name is Jonas.", &["Hello World.", "My name is Jonas."]);
    case("en", "Dr. Smith met Mr. Jones. They talked.", &["Dr. Smith met Mr. Jones.", "They talked."]);
    case("en", "I live in the U.S. How about you?", &["I live in the U.S.", "How about you?"]);
    case("en", "I work for the U.S. Government in Virginia.", &["I work for the U.S. Government in Virginia."]);
    case("en", "Let's ask Jane and co. They should know.", &["Let's ask Jane and co.", "They should know."]);
    case("en", "Please turn to p. 55.", &["Please turn to p. 55."]);
    case("fr", "M. Dupont est arrivé. Il a parlé.", &["M. Dupont est arrivé.", "Il a parlé."]);
    case("fr", "En 52 av. J.-C. Les Romains arrivent.", &["En 52 av. J.-C.", "Les Romains arrivent."]);
    case("fr", "Le 19 déc. 2022, à Minsk.", &["Le 19 déc. 2022, à Minsk."]);
    case("fr", "Pommes, poires, etc. Jean aime tout.", &["Pommes, poires, etc.", "Jean aime tout."]);
    case("fr", "Voir l'art. Le texte suit.", &["Voir l'art.", "Le texte suit."]);
    case("fr", "Il habite au n° 5. Le reste suit.", &["Il habite au n° 5.", "Le reste suit."]);
}

#[test]
fn initials_and_pronoun_i() {
    case("en", "My name is Jonas E. Smith.", &["My name is Jonas E. Smith."]);
    case(
        "en",
        "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
        &["We make a good team, you and I.", "Did you see Albert I. Jones yesterday?"],
    );
    case("fr", "Selon Jean-Marie L. Le Pen, non.", &["Selon Jean-Marie L. Le Pen, non."]);
    case("fr", "J'ai vu J.-P. Le Goff hier.", &["J'ai vu J.-P. Le Goff hier."]);
    case("fr", "Il a vu J.-P. Puis il partit.", &["Il a vu J.-P.", "Puis il partit."]);
    // The word before I after a no-break space (two bytes) or a narrow one (three).
    case("en", "He said\u{a0}so I. Then we left.", &["He said\u{a0}so I.", "Then we left."]);
    case("en", "He said\u{202f}so I. Then we left.", &["He said\u{202f}so I.", "Then we left."]);
}

#[test]
fn numbers() {
    case(
        "fr",
        "Il compte 9,5 millions d'habitants. Le pays est grand.",
        &["Il compte 9,5 millions d'habitants.", "Le pays est grand."],
    );
    case("en", "It has 9.5 million people. It is big.", &["It has 9.5 million people.", "It is big."]);
    case("en", "She has $100.00. It is in her bag.", &["She has $100.00.", "It is in her bag."]);
}

#[test]
fn quotes() {
    case("fr", "Elle a dit « Bonjour ». Puis elle est partie.", &["Elle a dit « Bonjour ».", "Puis elle est partie."]);
    case("fr", "Il a dit : « C'est fini. » Puis il est parti.", &["Il a dit : « C'est fini. »", "Puis il est parti."]);
    case("fr", "« Vraiment ? » demanda-t-il.", &["« Vraiment ? » demanda-t-il."]);
    case("en", "She said, \"It is over.\" she said.", &["She said, \"It is over.\" she said."]);
    case("en", "She said \"Hello there.\" Then she left.", &["She said \"Hello there.\"", "Then she left."]);
    case("en", "That is JFK Jr.'s book.", &["That is JFK Jr.'s book."]);
}

#[test]
fn ellipses() {
    case("en", "I never meant that.... She left the store.", &["I never meant that....", "She left the store."]);
    case("fr", "Il hésita… Puis il partit.", &["Il hésita…", "Puis il partit."]);
    case("fr", "Il hésita... et partit.", &["Il hésita... et partit."]);
    case("en", "\"Bohr [...] used it [...]\" (Smith 55).", &["\"Bohr [...] used it [...]\" (Smith 55)."]);
}

#[test]
fn lists_urls_and_glued_sentences() {
    case("en", "1. The first item 2. The second item", &["1. The first item", "2. The second item"]);
    case("en", "a. The first item b. The second item", &["a. The first item", "b. The second item"]);
    case("en", "• 9. The first item • 10. The second item", &["• 9. The first item", "• 10. The second item"]);
    case("en", "Mail Jane.Doe@example.com. I did.", &["Mail Jane.Doe@example.com.", "I did."]);
    case("en", "See https://example.org/a.html. It works.", &["See https://example.org/a.html.", "It works."]);
    case("en", "Hello world.Today is Tuesday.", &["Hello world.", "Today is Tuesday."]);
}

#[test]
fn line_breaks_inside_a_paragraph() {
    case("en", "This is a sentence\ncut off in the middle.", &["This is a sentence\ncut off in the middle."]);
    case("fr", "Titre de l'article\nLe texte commence ici.", &["Titre de l'article", "Le texte commence ici."]);
    case("fr", "Trois points :\n- un\n- deux", &["Trois points :", "- un", "- deux"]);
}

#[test]
fn cjk() {
    case("ja", "今日は晴れ。明日は雨。", &["今日は晴れ。", "明日は雨。"]);
}
