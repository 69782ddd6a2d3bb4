//! The term base shipped in `glossary/`, compiled into the binary for use without any file.

use super::files::parse;
use super::model::TermBase;
use std::path::Path;

const FILES: [(&str, &str); 4] = [
    ("glossary/organisations.toml", include_str!("../../glossary/organisations.toml")),
    ("glossary/people.toml", include_str!("../../glossary/people.toml")),
    ("glossary/places.toml", include_str!("../../glossary/places.toml")),
    ("glossary/terms.toml", include_str!("../../glossary/terms.toml")),
];

/// The term base compiled into trame (the project's `glossary/` when it was built).
pub fn builtin() -> TermBase {
    let mut base = TermBase::default();
    for (name, text) in FILES {
        base.extend(parse(text, Path::new(name)).expect("the shipped glossary parses (a test checks it)"));
    }
    base
}

#[cfg(test)]
mod tests {
    #[test]
    fn shipped_glossary_parses() {
        let base = super::builtin();
        assert!(base.concept("lukashenko").is_some());
        assert!(crate::termbase::check(&base).is_ok());
    }
}
