//! Language tags as memories compare them: case aside, `_` as `-`, and a region falling back to the
//! language (fr-FR, FR-fr, fr_FR and fr are all French when French is asked for).

/// `tag` in the usual case: [`crate::language::canonical_tag`].
pub fn canonical(tag: &str) -> String {
    crate::language::canonical_tag(tag)
}

/// The primary subtag, lower case (`fr` for fr-CA): [`crate::language::primary_of`].
pub fn primary(tag: &str) -> String {
    crate::language::primary_of(tag)
}

/// The index of the tag of `tags` that best answers a request for `wanted` ([`fit`]; the first among
/// equals), passing over index `not`; `None` when none is of that language.
pub(crate) fn best_fit<'t>(tags: impl IntoIterator<Item = &'t str>, wanted: &str, not: Option<usize>) -> Option<usize> {
    tags.into_iter()
        .enumerate()
        .filter(|&(k, tag)| Some(k) != not && fit(tag, wanted) > 0)
        .max_by_key(|&(k, tag)| (fit(tag, wanted), usize::MAX - k))
        .map(|(k, _)| k)
}

/// How well `tag` answers a request for `wanted`: 2 for the same tag, 1 for the same language with
/// another region (or none), 0 for another language.
pub fn fit(tag: &str, wanted: &str) -> u8 {
    // As comparing canonical tags, without making them: subtags compared case aside, empty ones skipped.
    let mut a = tag.trim().split(['-', '_']).filter(|p| !p.is_empty());
    let mut b = wanted.trim().split(['-', '_']).filter(|p| !p.is_empty());
    match (a.next(), b.next()) {
        (None, None) => return 2,
        (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => {}
        _ => return 0,
    }
    loop {
        match (a.next(), b.next()) {
            (None, None) => return 2,
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => {}
            _ => return 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        assert_eq!(canonical("fR-Ca"), "fr-CA");
        assert_eq!(canonical("fr_FR"), "fr-FR");
        assert_eq!(canonical("ZH-hant-tw"), "zh-Hant-TW");
        assert_eq!(primary("FR-fr"), "fr");
        assert_eq!(fit("fr-FR", "fr"), 1);
        assert_eq!(fit("FR-fr", "fr-FR"), 2);
        assert_eq!(fit("en-US", "fr"), 0);
    }

    #[test]
    fn malformed_tags_do_not_panic() {
        assert_eq!(canonical("fr-éab"), "fr-éab");
        assert_eq!(canonical("fr-ÉAB"), "fr-Éab");
        assert_eq!(canonical("zh-HÄNT-€A"), "zh-hÄnt-€a");
        assert_eq!(primary("ÉÉ-fr"), "ÉÉ");
        assert_eq!(fit("fr-éab", "fr"), 1);
    }

    proptest::proptest! {
        #[test]
        fn any_string_is_taken_without_panic(tag in "\\PC*", wanted in "\\PC*") {
            canonical(&tag);
            primary(&tag);
            fit(&tag, &wanted);
        }

        #[test]
        fn tags_of_multibyte_subtags_are_made_canonical_once(tag in "[a-zé€😀]{1,4}([-_][A-Zaé€😀0-9]{1,4}){0,3}") {
            let once = canonical(&tag);
            proptest::prop_assert_eq!(canonical(&once), once.clone());
            proptest::prop_assert_eq!(primary(&once), primary(&tag));
            proptest::prop_assert_eq!(fit(&tag, &once), 2);
        }
    }
}
