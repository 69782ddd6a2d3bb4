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
fn decimal_points_and_commas_do_not_end_a_sentence() {
    case(
        "fr",
        "Il compte 9,5 millions d'habitants. Le pays est grand.",
        &["Il compte 9,5 millions d'habitants.", "Le pays est grand."],
    );
    case("en", "It has 9.5 million people. It is big.", &["It has 9.5 million people.", "It is big."]);
    case("en", "She has $100.00. It is in her bag.", &["She has $100.00.", "It is in her bag."]);
}

#[test]
fn a_sentence_ends_after_its_closing_quote_unless_the_text_goes_on() {
    case("fr", "Elle a dit « Bonjour ». Puis elle est partie.", &["Elle a dit « Bonjour ».", "Puis elle est partie."]);
    case("fr", "Il a dit : « C'est fini. » Puis il est parti.", &["Il a dit : « C'est fini. »", "Puis il est parti."]);
    case("fr", "« Vraiment ? » demanda-t-il.", &["« Vraiment ? » demanda-t-il."]);
    case("en", "She said, \"It is over.\" she said.", &["She said, \"It is over.\" she said."]);
    case("en", "She said \"Hello there.\" Then she left.", &["She said \"Hello there.\"", "Then she left."]);
    case("en", "That is JFK Jr.'s book.", &["That is JFK Jr.'s book."]);
}

#[test]
fn an_ellipsis_ends_a_sentence_only_before_a_capital() {
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
fn ideographic_full_stops_end_sentences() {
    case("ja", "今日は晴れ。明日は雨。", &["今日は晴れ。", "明日は雨。"]);
}

#[test]
fn lower_case_starts_after_a_full_stop() {
    case("en", "i missed the bus. i will be late.", &["i missed the bus.", "i will be late."]);
    case("en", "call me at 555-0100. we can talk then.", &["call me at 555-0100.", "we can talk then."]);
    case("en", "the shop shut at six. so we left.", &["the shop shut at six.", "so we left."]);
    case("fr", "Le jury tranchera lundi. on verra bien.", &["Le jury tranchera lundi.", "on verra bien."]);
    // Not after an acronym, an abbreviation, a word without a vowel, a time, or before a closing quote.
    case("en", "We flew U.S. citizens home first.", &["We flew U.S. citizens home first."]);
    case("en", "Turn left on Elm st. after the bridge.", &["Turn left on Elm st. after the bridge."]);
    case("en", "He sells tools for Acme Inc. of Ohio.", &["He sells tools for Acme Inc. of Ohio."]);
    case("en", "She taught at the Art Inst. of Design.", &["She taught at the Art Inst. of Design."]);
    case("en", "It weighs approx. ten pounds.", &["It weighs approx. ten pounds."]);
    case("en", "Trans. by a friend of hers.", &["Trans. by a friend of hers."]);
    case("en", "Meet me at 5 p.m. near the gate.", &["Meet me at 5 p.m. near the gate."]);
    case("en", "“We won.” he said.", &["“We won.” he said."]);
    case("en", "See fig. a for the plan.", &["See fig. a for the plan."]);
    case("fr", "Il a salué M. le maire.", &["Il a salué M. le maire."]);
    case("fr", "Fondée en 52 av. J.-C. par les Romains.", &["Fondée en 52 av. J.-C. par les Romains."]);
    case("fr", "Des fruits, p. ex. les pommes.", &["Des fruits, p. ex. les pommes."]);
    case("fr", "Il vit dans le 5e arr. près du parc.", &["Il vit dans le 5e arr. près du parc."]);
    case("fr", "Voir l'ill. ci-dessous.", &["Voir l'ill. ci-dessous."]);
    case("fr", "Un sac de 5 kg env. pour deux.", &["Un sac de 5 kg env. pour deux."]);
}

#[test]
fn lower_case_starts_after_a_question_or_exclamation_mark_in_english() {
    case("en", "are you coming? we leave at noon.", &["are you coming?", "we leave at noon."]);
    case("en", "that was great! highly recommended.", &["that was great!", "highly recommended."]);
    case("en", "is it open ? i need it", &["is it open ?", "i need it"]);
    case("en", "She works at Yahoo! in the sales team.", &["She works at Yahoo! in the sales team."]);
    case("en", "“Ready?” she asked.", &["“Ready?” she asked."]);
    case("en", "Who knows?, not me.", &["Who knows?, not me."]);
    case("fr", "Ah ! que la mer est belle.", &["Ah ! que la mer est belle."]);
    case("fr", "Tu viens ? demanda-t-elle.", &["Tu viens ? demanda-t-elle."]);
}

#[test]
fn french_semicolon_before_a_capitalised_opener() {
    case(
        "fr",
        "Le village compte une école ; En 1950 la mairie est bâtie.",
        &["Le village compte une école ;", "En 1950 la mairie est bâtie."],
    );
    case("fr", "Il pleut ; les routes sont fermées.", &["Il pleut ; les routes sont fermées."]);
    case("fr", "Pierre chante ; Marie danse.", &["Pierre chante ; Marie danse."]);
    case("en", "It rains; The roads are shut.", &["It rains; The roads are shut."]);
}

#[test]
fn greetings_and_closing_formulas() {
    case("en", "Hi, I wanted to ask about the room.", &["Hi,", "I wanted to ask about the room."]);
    case("en", "Dear all, Our meeting moves to Friday.", &["Dear all,", "Our meeting moves to Friday."]);
    case("en", "Thanks for the help. Best regards, Ann Lee", &["Thanks for the help.", "Best regards,", "Ann Lee"]);
    case("en", "Hi, John, how are you?", &["Hi, John, how are you?"]);
    case("en", "Hi, Jane Doe here.", &["Hi, Jane Doe here."]);
    case("en", "Thanks, John, for the help.", &["Thanks, John, for the help."]);
    case("en", "He sends his regards, Paul said.", &["He sends his regards, Paul said."]);
    case("en", "We met. Hi, I said.", &["We met.", "Hi, I said."]);
    case("fr", "Bonjour, Je vous écris pour la chambre.", &["Bonjour,", "Je vous écris pour la chambre."]);
    case("fr", "Merci pour tout. Cordialement, Marie Durand", &["Merci pour tout.", "Cordialement,", "Marie Durand"]);
    case("fr", "Bonjour, monsieur le maire.", &["Bonjour, monsieur le maire."]);
}

#[test]
fn header_time_stamps() {
    case(
        "en",
        "Ann Lee 08/16/2000 12:05 PM I just wanted to check.",
        &["Ann Lee", "08/16/2000 12:05 PM", "I just wanted to check."],
    );
    case(
        "en",
        "ann@example.org on 08/16/2000 09:30:12 AM The file is attached.",
        &["ann@example.org on 08/16/2000 09:30:12 AM", "The file is attached."],
    );
    case("en", "It was sent on 08/16/2000 12:05 PM by mistake.", &["It was sent on 08/16/2000 12:05 PM by mistake."]);
    case("en", "We met on 08/16/2000 at 12:05 PM again.", &["We met on 08/16/2000 at 12:05 PM again."]);
    case("fr", "Le train part à 12:05 Paris attend.", &["Le train part à 12:05 Paris attend."]);
}

#[test]
fn web_addresses_in_headers_and_link_lists() {
    case("en", "Email: ann@example.org Groups: cats", &["Email: ann@example.org", "Groups: cats"]);
    case(
        "en",
        "Links: https://a.example/x https://b.example/y",
        &["Links: https://a.example/x", "https://b.example/y"],
    );
    case("en", "Write to ann@example.org or call me.", &["Write to ann@example.org or call me."]);
    case("en", "Visit https://example.org for details.", &["Visit https://example.org for details."]);
    case("en", "Ask John Smith@SALES today.", &["Ask John Smith@SALES today."]);
}

#[test]
fn separator_lines_written_inline() {
    case("en", "The end. ***** Next part begins.", &["The end.", "*****", "Next part begins."]);
    case("en", "Sent by Ann ====== Please read", &["Sent by Ann", "======", "Please read"]);
    case("en", "He paused --- then left.", &["He paused --- then left."]);
    case("en", "Use snake_case and a-b-c here.", &["Use snake_case and a-b-c here."]);
}
