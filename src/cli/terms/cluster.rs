//! `trame terms cluster`: group the spellings of a list of names or terms.

use crate::cli::input::read_text;
use crate::cli::output::OutputArgs;
use crate::cli::{Failure, Outcome};
use clap::ValueEnum;
use std::path::PathBuf;
use trame::termbase::cluster;

const EXAMPLES: &str = "\
Examples:
  printf 'Loukachenko\\nLukashenko\\nLoukachenka\\nPutin\\nPutina\\n' | trame terms cluster
  trame terms cluster names.txt --format json

Input: one form a line (a tab then a count may follow); blank lines and lines
starting with # are skipped. Output (tsv): cluster<TAB>form<TAB>tier, the
preferred form of each cluster first. Tiers: auto (the same transliteration
key: accents, case, ou/u, ch/sh/sch/tch, kh/h, y/i, w/v, č/ch, ż/zh, the Arabic
article, doubled letters; a German or Polish reading), suggested (a looser key
that another transliteration would give: vowels, an initial h/g, given names
alike; to review), single. Look-alikes are never merged: plurals and feminines
(Association/Associations, Denis/Denise, Putin/Putina), another given name,
a country and its people. 50,000 names take about a second.";

/// Cluster the spellings of a list of names or terms (as OpenRefine clusters a column).
#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub(crate) struct Args {
    /// The list; `-` reads standard input.
    #[arg(default_value = "-")]
    file: PathBuf,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Tsv)]
    format: Format,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// cluster<TAB>form<TAB>tier.
    Tsv,
    /// A JSON array of clusters.
    Json,
}

pub(crate) fn run(mut args: Args) -> Result<Outcome, Failure> {
    args.output.reads(&args.file)?;
    let text = read_text(&args.file, None)?;
    let mut forms: Vec<(String, u32)> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (form, count) = match line.split_once('\t') {
            Some((form, count)) => {
                let count = count.trim().parse().map_err(|_| {
                    Failure::error(format!("{}:{}: '{count}' is not a count", args.file.display(), number + 1))
                })?;
                (form.trim(), count)
            }
            None => (line, 1),
        };
        forms.push((form.to_string(), count));
    }
    let clusters = cluster(&forms);
    args.output.write(|out| {
        match args.format {
            Format::Tsv => {
                for (number, c) in clusters.iter().enumerate() {
                    for member in &c.members {
                        writeln!(out, "{}\t{}\t{}", number + 1, member.form, member.tier.name())?;
                    }
                }
            }
            Format::Json => {
                serde_json::to_writer_pretty(&mut *out, &clusters)?;
                writeln!(out)?;
            }
        }
        out.flush()
    })?;
    Ok(Outcome::Done)
}
