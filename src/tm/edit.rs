//! Changing a unit's texts, in one transaction that keeps the word index and the table of keys in step.

use super::import::{stored_key, texts};
use super::lang::best_fit;
use super::store::{Tx, args, query_opt};
use super::stored::StoredVariant;
use super::words::{PostingsEditor, unit_words};
use super::{Memory, TmError};
use crate::tmx::Header;

/// New texts for a unit's source and/or target variant.
///
/// The source variant is the one in `source_lang` when given, else the one the unit's `srclang` names,
/// else the one its file's header names, else the first; the target is the one in `target_lang`, else
/// the other variant of a unit that has two.
#[derive(Debug, Clone, Copy, Default)]
pub struct UnitEdit<'a> {
    /// The source variant's new text.
    pub source: Option<&'a str>,
    /// The target variant's new text.
    pub target: Option<&'a str>,
    /// The source variant's language (fr matches fr-FR).
    pub source_lang: Option<&'a str>,
    /// The target variant's language.
    pub target_lang: Option<&'a str>,
}

impl Memory {
    /// Gives unit `id` the texts of `edit` (inline codes of a changed variant are dropped: the text is
    /// written as it is) and `changedate` `date` (YYYYMMDDThhmmssZ). A [`TmError::Request`] when there
    /// is no such unit or variant, when a text is empty, or when the unit would then be the same as
    /// another (delete one of them instead); nothing changes then.
    pub fn edit(&mut self, id: i64, edit: &UnitEdit<'_>, date: &str) -> Result<(), TmError> {
        let tx = Tx::begin(self.store.as_ref(), true)?;
        let store = tx.store();
        let row: Option<(i64, String, String, Option<String>)> = query_opt(
            store,
            "SELECT u.key, u.attributes, u.variants, o.header FROM units AS u \
             LEFT JOIN origins AS o ON o.id = u.origin WHERE u.id = ?1",
            args![id],
            |r| Ok((r.int(0)?, r.text(1)?.to_string(), r.text(2)?.to_string(), r.opt_text(3)?.map(str::to_string))),
        )?;
        let Some((old_key, attributes, stored, header)) = row else {
            return Err(TmError::Request(format!("no unit {id} in the memory")));
        };
        let request = |message: String| TmError::Request(format!("unit {id}: {message}"));
        let mut variants = StoredVariant::parse(&stored);
        let mut attributes: Vec<(String, String)> = serde_json::from_str(&attributes).unwrap_or_default();
        if variants.is_empty() {
            return Err(request("no variant to edit".into()));
        }
        let best = |wanted: &str, not: Option<usize>| best_fit(variants.iter().map(|v| v.lang.as_str()), wanted, not);
        let source = match edit.source_lang {
            Some(wanted) => best(wanted, None).ok_or_else(|| request(format!("no {wanted} variant")))?,
            None => {
                let header: Header = header.and_then(|h| serde_json::from_str(&h).ok()).unwrap_or_default();
                let named = attributes.iter().find(|(name, _)| name == "srclang").map(|(_, value)| value.as_str());
                named.or(header.attribute("srclang")).and_then(|wanted| best(wanted, None)).unwrap_or(0)
            }
        };
        let target = match (edit.target, edit.target_lang) {
            (None, _) => None,
            (Some(_), Some(wanted)) => {
                Some(best(wanted, Some(source)).ok_or_else(|| request(format!("no {wanted} variant")))?)
            }
            (Some(_), None) if variants.len() == 2 => Some(1 - source),
            (Some(_), None) => {
                return Err(request(format!(
                    "{} variants: name the target's language with --target-lang",
                    variants.len()
                )));
            }
        };
        let old_words = unit_words(variants.iter().map(|v| v.text.as_str()));
        for (k, text) in [(Some(source), edit.source), (target, edit.target)] {
            let (Some(k), Some(text)) = (k, text) else { continue };
            if text.trim().is_empty() {
                return Err(request("an empty text (delete the unit instead)".into()));
            }
            variants[k].markup = crate::xml::text(text);
            variants[k].text = text.to_string();
        }
        let key = stored_key(&variants);
        let languages: Vec<String> = variants.iter().map(|v| v.lang.clone()).collect();
        let written: Vec<crate::tmx::Variant> = variants.iter().cloned().map(StoredVariant::into_variant).collect();
        let json = StoredVariant::write(&written, &languages);
        if key != old_key {
            let holder = query_opt(store, "SELECT unit FROM unit_keys WHERE key = ?1", args![key], |r| r.int(0))?;
            if let Some(holder) = holder.filter(|&h| h != id) {
                let theirs = query_opt(store, "SELECT variants FROM units WHERE id = ?1", args![holder], |r| {
                    Ok(r.text(0)?.to_string())
                })?;
                if theirs.is_some_and(|theirs| texts(&theirs) == texts(&json)) {
                    return Err(request(format!(
                        "it would then be the same as unit {holder} (delete one of them instead)"
                    )));
                }
            }
            store.execute("DELETE FROM unit_keys WHERE key = ?1 AND unit = ?2", args![old_key, id])?;
            store.execute("INSERT INTO unit_keys(key, unit) VALUES (?1, ?2) ON CONFLICT DO NOTHING", args![key, id])?;
        }
        attributes.retain(|(name, _)| name != "changedate");
        attributes.push(("changedate".into(), date.into()));
        store.execute(
            "UPDATE units SET key = ?1, variants = ?2, attributes = ?3 WHERE id = ?4",
            args![key, &json, &super::stored::json(&attributes), id],
        )?;
        let new_words = unit_words(variants.iter().map(|v| v.text.as_str()));
        let gone: Vec<u32> = old_words.iter().filter(|w| new_words.binary_search(w).is_err()).copied().collect();
        let came: Vec<u32> = new_words.iter().filter(|w| old_words.binary_search(w).is_err()).copied().collect();
        let mut editor = PostingsEditor::new(store)?;
        editor.remove(id, &gone);
        editor.add(store, id, &came)?;
        editor.apply(store)?;
        tx.commit()?;
        Ok(())
    }
}
