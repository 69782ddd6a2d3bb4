//! `trame lookup`: find a name or term in a term base.

use super::glossary::Glossary;
use super::{Failure, Outcome};
use clap::ValueEnum;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use trame::termbase::TermIndex;

const EXAMPLES: &str = "\
Examples:
  trame lookup Lukachenko
  trame lookup LOUKACHENKO --format json
  trame lookup Kyiv --lang en --glossary my-terms.toml

Matches, best first: exact (the preferred term), folded (case and accents aside), variant (a listed
variant), phonetic (the same transliteration key, or one edit and the same Daitch-Mokotoff sound), fuzzy
(a few edits away, found through a trigram index; scored under 0.9). Exit status 1 when nothing matches.";

/// Look a name or term up in a term base.
#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub(crate) struct Args {
    /// What to look up.
    query: String,
    /// The term base: a .toml file or a folder of them. Default: ./glossary when present, else the term
    /// base compiled into trame.
    #[arg(long, value_name = "PATH")]
    glossary: Option<PathBuf>,
    /// Only match terms in this language.
    #[arg(long, short)]
    lang: Option<trame::Language>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// At most this many concepts.
    #[arg(long, default_value_t = 5)]
    limit: usize,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// One concept a line.
    Text,
    /// A JSON object.
    Json,
}

#[derive(Serialize)]
struct Found<'a> {
    concept: &'a str,
    #[serde(rename = "match")]
    kind: &'static str,
    score: f64,
    matched_term: &'a str,
    matched_lang: &'a str,
    status: &'static str,
    preferred: BTreeMap<&'a str, &'a str>,
    variants: BTreeMap<&'a str, Vec<&'a str>>,
}

#[derive(Serialize)]
struct Report<'a> {
    query: &'a str,
    matches: Vec<Found<'a>>,
}

pub(crate) fn run(args: Args) -> Result<Outcome, Failure> {
    if args.query.trim().is_empty() {
        return Err(Failure::error("nothing to look up: the query is empty"));
    }
    if args.limit == 0 {
        return Err(Failure::error("--limit 0 would show nothing; give at least 1"));
    }
    let glossary = Glossary::load(args.glossary.as_deref())?;
    let base = &glossary.base;
    let index = TermIndex::new(base);
    let language = args.lang.as_ref().map(|l| l.primary());
    let matches = index.lookup(&args.query, language.as_deref(), args.limit);
    let found: Vec<Found<'_>> = matches
        .iter()
        .map(|m| {
            let concept = &base.concepts[m.concept];
            Found {
                concept: &concept.id,
                kind: m.kind.name(),
                score: (m.score * 1000.0).round() / 1000.0,
                matched_term: &m.term,
                matched_lang: &m.language,
                status: m.status,
                preferred: concept.languages.iter().map(|(l, t)| (l.as_str(), t.preferred.form.as_str())).collect(),
                variants: concept
                    .languages
                    .iter()
                    .map(|(l, t)| (l.as_str(), t.variants.iter().map(|v| v.form.as_str()).collect()))
                    .collect(),
            }
        })
        .collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        Format::Json => serde_json::to_writer_pretty(&mut out, &Report { query: &args.query, matches: found })
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out)),
        Format::Text => found.iter().try_for_each(|f| {
            let preferred: Vec<String> = f.preferred.iter().map(|(l, t)| format!("{l}: {t}")).collect();
            writeln!(
                out,
                "{}\t{} {:.2}\t{} ({}, {})\t{}",
                f.concept,
                f.kind,
                f.score,
                f.matched_term,
                f.matched_lang,
                f.status,
                preferred.join(" | ")
            )
        }),
    };
    written.map_err(|e| Failure::write(e, "to standard output"))?;
    if matches.is_empty() {
        eprintln!("trame: nothing matches \"{}\" in {}", args.query, glossary.described());
        return Ok(Outcome::NothingFound);
    }
    Ok(Outcome::Done)
}
