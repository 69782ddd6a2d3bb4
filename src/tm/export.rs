//! Writing a memory out as TMX 1.4b.

use super::import::{ORIGIN_PROP, USAGE_PROP};
use super::lang::{best_fit, fit};
use super::store::{args, query_all, query_one};
use super::stored::StoredVariant;
use super::{Memory, TmError};
use crate::tmx::{Extra, Header, TmxHeader, TmxWriter, Unit, Variant};
use std::io::Write;

/// Which units an export writes, besides their languages. Dates are TMX dates (YYYYMMDDThhmmssZ, or as
/// much of it as is given: 20240131), bounds included; a unit's date is its `changedate`, else its
/// `creationdate`, else the day it was imported.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitFilter {
    /// Only units from this origin (the file name as it was imported, or `alignment of A and B`).
    pub origin: Option<String>,
    /// Only units dated this or later.
    pub since: Option<String>,
    /// Only units dated this or earlier.
    pub until: Option<String>,
}

impl UnitFilter {
    /// Whether a unit dated `date` (a TMX date, `None` when unknown) passes the date bounds.
    fn dated(&self, date: Option<&str>) -> bool {
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        let Some(date) = date.and_then(|d| date_digits(d, '0')) else { return false };
        self.since.as_deref().and_then(|s| date_digits(s, '0')).is_none_or(|since| date >= since)
            && self.until.as_deref().and_then(|u| date_digits(u, '9')).is_none_or(|until| date <= until)
    }
}

/// The digits of a TMX date (at least the eight of the day), as fourteen, the missing ones `fill`.
fn date_digits(date: &str, fill: char) -> Option<String> {
    let mut digits: String = date.chars().filter(char::is_ascii_digit).take(14).collect();
    if digits.len() < 8 {
        return None;
    }
    while digits.len() < 14 {
        digits.push(fill);
    }
    Some(digits)
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportSummary {
    /// Units written.
    pub units: u64,
}

impl Memory {
    /// Writes the memory as TMX to `out`: with `source` and `target`, the units that have both languages
    /// (those two variants only); with `source` alone, the units that have it; else every unit; and of
    /// those, the ones `filter` lets through. The memory's usage counts and origins travel as
    /// `x-trame-usage` and `x-trame-origin` properties, which an import reads back. `creation_date`
    /// (YYYYMMDDThhmmssZ) dates the header.
    ///
    /// When no unit is chosen, nothing at all is written (not even the header) and the summary counts
    /// none; an origin the memory does not know is a [`TmError::Request`].
    pub fn export(
        &self,
        source: Option<&str>,
        target: Option<&str>,
        filter: &UnitFilter,
        creation_date: &str,
        out: impl Write,
    ) -> Result<ExportSummary, TmError> {
        let origin_source: Option<i64> = match &filter.origin {
            Some(name) => {
                let source =
                    query_one(self.store.as_ref(), "SELECT min(id) FROM origins WHERE name = ?1", args![name], |r| {
                        r.opt_int(0)
                    })?;
                Some(source.ok_or_else(|| {
                    TmError::Request(format!("no origin named '{name}' in the memory (see trame tm stats)"))
                })?)
            }
            None => None,
        };
        let mut header = TmxHeader::new(source.unwrap_or("*all*"), creation_date);
        header.datatype = "unknown".into();
        let origins = query_all(self.store.as_ref(), "SELECT header FROM origins ORDER BY id", &[], |r| {
            Ok(r.text(0)?.to_string())
        })?;
        for json in origins {
            let origin: Header = serde_json::from_str(&json).unwrap_or_default();
            for extra in origin.extras {
                if !header.extras.contains(&extra) {
                    header.extras.push(extra);
                }
            }
        }
        // Written once a unit is chosen.
        let (mut out, mut writer) = (Some(out), None);
        let mut summary = ExportSummary::default();
        let sql = "SELECT u.usage, u.attributes, u.extras, u.variants, coalesce(o.name, ''), o.imported FROM units AS u \
             LEFT JOIN origins AS o ON o.id = u.origin \
             WHERE CAST(?1 AS BIGINT) IS NULL OR u.origin IN (SELECT id FROM origins WHERE name = ?2) \
                OR u.id IN (SELECT unit FROM unit_sources WHERE source = ?1) \
             ORDER BY u.id";
        self.store.each(sql, args![origin_source, filter.origin.as_deref()], &mut |r| {
            let (usage, extras, variants, origin) = (r.int(0)?, r.text(2)?, r.text(3)?, r.text(4)?.to_string());
            let imported = r.opt_text(5)?;
            let mut attributes: Vec<(String, String)> = serde_json::from_str(r.text(1)?).unwrap_or_default();
            let date = ["changedate", "creationdate"]
                .iter()
                .find_map(|wanted| attributes.iter().find(|(name, _)| name == wanted).map(|(_, value)| value.as_str()))
                .or(imported.filter(|d| !d.is_empty()));
            if !filter.dated(date) {
                return Ok(());
            }
            let all: Vec<Variant> =
                StoredVariant::parse(variants).into_iter().map(StoredVariant::into_variant).collect();
            let Some(chosen) = choose(all, source, target) else { return Ok(()) };
            let mut unit_extras: Vec<Extra> = Vec::new();
            if !origin.is_empty() {
                unit_extras.push(Extra::Prop { kind: ORIGIN_PROP.into(), lang: None, value: origin });
            }
            if usage > 1 {
                unit_extras.push(Extra::Prop { kind: USAGE_PROP.into(), lang: None, value: usage.to_string() });
            }
            unit_extras.extend(serde_json::from_str::<Vec<Extra>>(extras).unwrap_or_default());
            // A unit's srclang must name one of the variants written: with a source language, the one
            // chosen (when the header's does not name it exactly).
            attributes.retain(|(name, value)| name != "srclang" || chosen.iter().any(|v| fit(&v.language, value) == 2));
            if let Some(source) = source {
                attributes.retain(|(name, _)| name != "srclang");
                let written = chosen.iter().max_by_key(|v| fit(&v.language, source)).map(|v| v.language.clone());
                if let Some(tag) = written.filter(|tag| fit(tag, source) != 2) {
                    attributes.push(("srclang".into(), tag));
                }
            }
            let unit = Unit { attributes, extras: unit_extras, variants: chosen };
            if writer.is_none() {
                writer = Some(TmxWriter::new(out.take().expect("one writer"), &header)?);
            }
            writer.as_mut().expect("made above").write_unit(&unit)?;
            summary.units += 1;
            Ok(())
        })?;
        if let Some(writer) = writer {
            writer.finish()?;
        }
        Ok(summary)
    }
}

/// The variants to write, or `None` when the unit lacks a requested language.
fn choose(all: Vec<Variant>, source: Option<&str>, target: Option<&str>) -> Option<Vec<Variant>> {
    let best = |wanted: &str| best_fit(all.iter().map(|v| v.language.as_str()), wanted, None);
    match (source, target) {
        (Some(s), Some(t)) => {
            let (a, b) = (best(s)?, best(t)?);
            (a != b).then(|| vec![all[a].clone(), all[b].clone()])
        }
        (Some(only), None) | (None, Some(only)) => best(only).map(|_| all),
        (None, None) => Some(all),
    }
}
