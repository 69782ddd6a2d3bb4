use super::*;
use crate::termbase::builtin;

fn findings(checker: &mut Checker<'_>, source: &str, target: &str) -> Vec<(Check, String)> {
    let mut found = Vec::new();
    checker.check(&Segment::new("1", source, target), &mut |f| found.push((f.check, f.message)));
    found
}

#[test]
fn a_clean_segment_gives_nothing() {
    let base = builtin();
    let mut checker = Checker::new(Some(&base), CheckOptions::default());
    let found = findings(
        &mut checker,
        "Alexandre Loukachenko dirige le Belarus depuis 1994.",
        "Alexander Lukashenko has ruled Belarus since 1994.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn checks_can_be_turned_off() {
    let base = builtin();
    let options = CheckOptions { checks: vec![Check::Numbers], ..CheckOptions::default() };
    let mut checker = Checker::new(Some(&base), options);
    let found = findings(&mut checker, "Loukachenko a 68 ans.", "Loukachenko is 67.");
    assert_eq!(found.iter().map(|f| f.0).collect::<Vec<_>>(), [Check::Numbers, Check::Numbers]);
}

#[test]
fn the_same_source_translated_two_ways() {
    let mut checker = Checker::new(None, CheckOptions::default());
    let first = findings(&mut checker, "Le conflit continue.", "The conflict goes on.");
    assert!(first.is_empty(), "{first:?}");
    let found = findings(&mut checker, "Le  conflit continue.", "The war goes on.");
    assert_eq!(found, [(Check::Consistency, "the same source is translated differently in unit 1".to_string())]);
}

#[test]
fn check_names() {
    for check in Check::ALL {
        assert_eq!(Check::from_name(check.name()), Some(check));
    }
    assert_eq!(Check::from_name("markup"), Some(Check::Codes));
    assert_eq!(Check::from_name("spelling"), None);
}
