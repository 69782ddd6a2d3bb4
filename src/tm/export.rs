//! Writing a memory out as TMX 1.4b.

use super::import::{ORIGIN_PROP, USAGE_PROP};
use super::lang::fit;
use super::stored::StoredVariant;
use super::{Memory, TmError};
use crate::tmx::{Extra, Header, TmxHeader, TmxWriter, Unit, Variant};
use std::io::Write;

/// What an export wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportSummary {
    /// Units written.
    pub units: u64,
}

impl Memory {
    /// Writes the memory as TMX to `out`: with `source` and `target`, the units that have both languages
    /// (those two variants only); with `source` alone, the units that have it; else every unit. The
    /// memory's usage counts and origins travel as `x-trame-usage` and `x-trame-origin` properties, which
    /// an import reads back. `creation_date` (YYYYMMDDThhmmssZ) dates the header.
    pub fn export(
        &self,
        source: Option<&str>,
        target: Option<&str>,
        creation_date: &str,
        out: impl Write,
    ) -> Result<ExportSummary, TmError> {
        let mut header = TmxHeader::new(source.unwrap_or("*all*"), creation_date);
        header.datatype = "unknown".into();
        let mut origins = self.conn.prepare("SELECT header FROM origins ORDER BY id")?;
        for json in origins.query_map([], |r| r.get::<_, String>(0))? {
            let origin: Header = serde_json::from_str(&json?).unwrap_or_default();
            for extra in origin.extras {
                if !header.extras.contains(&extra) {
                    header.extras.push(extra);
                }
            }
        }
        let mut writer = TmxWriter::new(out, &header)?;
        let mut units = self.conn.prepare(
            "SELECT u.usage, u.attributes, u.extras, u.variants, coalesce(o.name, '') FROM units AS u \
             LEFT JOIN origins AS o ON o.id = u.origin ORDER BY u.id",
        )?;
        let mut summary = ExportSummary::default();
        let rows = units.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        for row in rows {
            let (usage, attributes, extras, variants, origin) = row?;
            let all: Vec<Variant> =
                StoredVariant::parse(&variants).into_iter().map(StoredVariant::into_variant).collect();
            let Some(chosen) = choose(all, source, target) else { continue };
            let mut unit_extras: Vec<Extra> = Vec::new();
            if !origin.is_empty() {
                unit_extras.push(Extra::Prop { kind: ORIGIN_PROP.into(), lang: None, value: origin });
            }
            if usage > 1 {
                unit_extras.push(Extra::Prop { kind: USAGE_PROP.into(), lang: None, value: usage.to_string() });
            }
            unit_extras.extend(serde_json::from_str::<Vec<Extra>>(&extras).unwrap_or_default());
            let mut attributes: Vec<(String, String)> = serde_json::from_str(&attributes).unwrap_or_default();
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
            writer.write_full_unit(&unit)?;
            summary.units += 1;
        }
        writer.finish()?;
        Ok(summary)
    }
}

/// The variants to write, or `None` when the unit lacks a requested language.
fn choose(all: Vec<Variant>, source: Option<&str>, target: Option<&str>) -> Option<Vec<Variant>> {
    let best = |wanted: &str| {
        all.iter()
            .enumerate()
            .filter(|(_, v)| fit(&v.language, wanted) > 0)
            .max_by_key(|(k, v)| (fit(&v.language, wanted), usize::MAX - k))
            .map(|(k, _)| k)
    };
    match (source, target) {
        (Some(s), Some(t)) => {
            let (a, b) = (best(s)?, best(t)?);
            (a != b).then(|| vec![all[a].clone(), all[b].clone()])
        }
        (Some(only), None) | (None, Some(only)) => best(only).map(|_| all),
        (None, None) => Some(all),
    }
}
