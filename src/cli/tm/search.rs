//! `trame tm search`: fuzzy matches for a sentence, with CAT-style scores; or, with `--concordance`, the
//! units that hold a word or a phrase.

use super::MemoryArgs;
use crate::cli::{Failure, Outcome};
use clap::ValueEnum;
use serde::Serialize;
use std::io::Write;
use trame::language::Language;
use trame::tm::TmMatch;

const EXAMPLES: &str = "\
Examples:
  trame tm search \"Le président biélorusse a rencontré Poutine.\" -s fr -t en
  trame tm search \"Le chat dort\" -s fr -t en --min-score 50 --limit 10 --format json
  trame tm search --concordance \"train de nuit\" -s fr -t en

Scores: both texts are normalised (Unicode NFC, whitespace runs as one space, ends trimmed); the score is
100 × (1 − d / n), rounded down, where d is the Levenshtein distance in characters between them and n the
length of the longer one; only identical texts score 100. Candidates come from a word index of the memory
(the 300 units sharing most of the query's words of three letters or more, rarer words weighing more),
then are scored. \"changed\" shows what differs, word by word, as [-in the memory-]{+in the query+}.
Exit status 1 when nothing reaches --min-score.

With --concordance, the units that hold the words of TEXT one after the other, case, accents and what
lies between them aside (\"train de nuit\" finds \"Train-de-nuit\"), lowest ids first, the phrase marked
[like this] (in JSON, \"spans\": [start, end) in characters). With -s and -t, units that have both
languages, the phrase in either; with one of them, the phrase in that language. They are found through the
word index, so TEXT needs a word of three letters or more, or a number. Each unit's id is what
trame tm edit and trame tm delete take. Exit status 1 when no unit holds it.";

/// Find the units of a memory whose source text is close to TEXT.
#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub(crate) struct Args {
    /// The sentence to look for.
    #[arg(required_unless_present = "concordance", conflicts_with = "concordance")]
    text: Option<String>,
    /// Find the units that hold this word or phrase instead, marked [like this].
    #[arg(long, value_name = "TEXT")]
    concordance: Option<String>,
    #[command(flatten)]
    memory: MemoryArgs,
    /// Language of TEXT (fr matches fr-FR, fr-CA...).
    #[arg(long, short, required_unless_present = "concordance")]
    source_lang: Option<Language>,
    /// Language of the translations wanted.
    #[arg(long, short, required_unless_present = "concordance")]
    target_lang: Option<Language>,
    /// Lowest score shown (0-100).
    #[arg(long, default_value_t = 70, value_parser = clap::value_parser!(u8).range(0..=100))]
    min_score: u8,
    /// At most this many matches [default: 5; 50 with --concordance].
    #[arg(long)]
    limit: Option<usize>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum Format {
    /// One match a paragraph.
    Text,
    /// `{"query": ..., "matches": [{"score", "source", "target", "origin", "changed"}]}`; with
    /// --concordance, `{"query": ..., "units": [{"id", "origin", "variants": [{"lang", "text", "spans"}]}]}`.
    Json,
}

#[derive(Serialize)]
struct Report<'a> {
    query: &'a str,
    matches: &'a [TmMatch],
}

pub(crate) fn run(args: Args) -> Result<Outcome, Failure> {
    let memory = args.memory.open_existing()?;
    if let Some(phrase) = &args.concordance {
        let limit = args.limit.unwrap_or(50);
        let found = memory
            .concordance(
                phrase,
                args.source_lang.as_ref().map(Language::tag),
                args.target_lang.as_ref().map(Language::tag),
                limit,
            )
            .map_err(Failure::error)?;
        let outcome = super::concordance::print(phrase, &found, limit, args.format)?;
        if found.is_empty() {
            eprintln!("trame: no unit holds \"{phrase}\" in {}", args.memory.path().display());
        }
        return Ok(outcome);
    }
    let (Some(text), Some(source), Some(target)) = (&args.text, &args.source_lang, &args.target_lang) else {
        unreachable!("clap requires them without --concordance");
    };
    let matches = memory
        .search(text, source.tag(), target.tag(), args.min_score, args.limit.unwrap_or(5))
        .map_err(Failure::error)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        Format::Json => serde_json::to_writer(&mut out, &Report { query: text, matches: &matches })
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out)),
        Format::Text => matches.iter().try_for_each(|m| {
            writeln!(out, "{:>3}%  {}\n      {}\n      from {}", m.score, m.source, m.target, m.origin)?;
            if !m.changed.is_empty() {
                writeln!(out, "      changed: {}", m.changed)?;
            }
            Ok(())
        }),
    };
    written.map_err(|e| Failure::write(e, "to standard output"))?;
    if matches.is_empty() {
        eprintln!(
            "trame: no {source}-{target} match of {}% or more for \"{text}\" in {}",
            args.min_score,
            args.memory.path().display()
        );
        return Ok(Outcome::NothingFound);
    }
    Ok(Outcome::Done)
}
