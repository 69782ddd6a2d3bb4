//! Properties of segmentation over arbitrary input: the spans of the sentences join back into the text,
//! each sentence is a trimmed, non-empty piece of its span, and numbering is consistent.

use proptest::prelude::*;
use trame::Language;
use trame::segment::srx::SrxDocument;
use trame::segment::{ParagraphMode, Segmenter};

const SRX: &str = r#"<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="yes"/><body><languagerules>
<languagerule languagerulename="All">
<rule break="no"><beforebreak>\b(?:M|Dr)\.</beforebreak><afterbreak>\s</afterbreak></rule>
<rule break="yes"><beforebreak>[.?!…]+['"»”)]*</beforebreak><afterbreak>\s+\p{Lu}</afterbreak></rule>
<rule break="yes"><beforebreak></beforebreak><afterbreak>\n</afterbreak></rule>
</languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="All"/></maprules></body></srx>"#;

/// Text made of the pieces that matter to sentence rules, mixed with arbitrary characters.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just(".".to_string()),
        Just(". ".to_string()),
        Just(". . .".to_string()),
        Just("…".to_string()),
        Just("?!".to_string()),
        Just(" « ".to_string()),
        Just(" » ".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{202f}".to_string()),
        // A word before the pronoun I, after a no-break space (once cut inside that space).
        Just("so\u{a0}I.".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just(")".to_string()),
        Just("M.".to_string()),
        Just("J.-C.".to_string()),
        Just("U.S.".to_string()),
        Just("1.".to_string()),
        Just("2)".to_string()),
        Just("a.".to_string()),
        Just("•".to_string()),
        Just("9,5".to_string()),
        Just("Le".to_string()),
        Just("The".to_string()),
        Just("mot".to_string()),
        Just("É".to_string()),
        Just("。".to_string()),
        Just("x@y.fr".to_string()),
        "[a-zA-Zé]{1,6}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn check(segmenter: &Segmenter, text: &str) -> Result<(), TestCaseError> {
    let sentences = segmenter.sentences(text);
    if sentences.is_empty() {
        prop_assert!(text.trim().is_empty(), "no sentence in {text:?}");
        return Ok(());
    }
    let joined: String = sentences.iter().map(|s| &text[s.span.clone()]).collect();
    prop_assert_eq!(&joined, text);
    let mut previous: Option<(usize, usize)> = None;
    for s in &sentences {
        let body = s.text(text);
        prop_assert!(!body.is_empty());
        prop_assert_eq!(body, body.trim());
        prop_assert!(s.span.start <= s.range.start && s.range.end <= s.span.end);
        prop_assert!(text[s.span.start..s.range.start].trim().is_empty());
        prop_assert!(text[s.range.end..s.span.end].trim().is_empty());
        match previous {
            Some((p, i)) if p == s.paragraph => prop_assert_eq!(s.index, i + 1),
            Some((p, _)) => prop_assert!(s.paragraph == p + 1 && s.index == 0),
            None => prop_assert!(s.paragraph == 0 && s.index == 0),
        }
        previous = Some((s.paragraph, s.index));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn builtin_french_joins_back(text in texty()) {
        check(&Segmenter::builtin(&Language::french()), &text)?;
    }

    #[test]
    fn builtin_english_blank_mode_joins_back(text in texty()) {
        check(&Segmenter::builtin(&Language::english()).with_paragraph_mode(ParagraphMode::Blank), &text)?;
    }

    #[test]
    fn neutral_line_mode_joins_back(text in texty()) {
        let segmenter = Segmenter::builtin(&Language::parse("de").unwrap()).with_paragraph_mode(ParagraphMode::Line);
        check(&segmenter, &text)?;
    }

    #[test]
    fn any_string_joins_back(text in any::<String>()) {
        check(&Segmenter::builtin(&Language::french()), &text)?;
    }

    #[test]
    fn srx_joins_back(text in texty()) {
        let (rules, problems) = SrxDocument::parse(SRX, "p.srx").unwrap().rules_for("fr");
        prop_assert!(problems.is_empty());
        check(&Segmenter::from_srx(rules), &text)?;
    }
}
