//! `trame terms export`: a term base as TBX, CSV or TSV.

use crate::cli::output::OutputArgs;
use crate::cli::{Failure, Outcome};
use clap::ValueEnum;
use std::path::PathBuf;
use trame::Language;
use trame::tbx::TbxVersion;

const EXAMPLES: &str = "\
Examples:
  trame terms export glossary/ --format tbx -o terms.tbx
  trame terms export glossary/ --format tbx-v2 -o terms-v2.tbx      (for OmegaT and translate-toolkit)
  trame terms export glossary/ --format tsv -o glossary.tab         (OmegaT's glossary layout)";

/// Export a term base as TBX (v3 TBX-Basic or v2), CSV or TSV.
#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub(crate) struct Args {
    /// The term base: a .toml file or a folder of them.
    file: PathBuf,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Tbx)]
    format: Format,
    /// Source language: the first column of CSV and TSV, the first language of each TBX entry.
    #[arg(long, short = 's', default_value = "fr")]
    source_lang: Language,
    /// Target language of CSV and TSV exports.
    #[arg(long, short = 't', default_value = "en")]
    target_lang: Language,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// TBX-Basic v3, DCA style.
    Tbx,
    /// TBX v2 (martif).
    TbxV2,
    /// source,target,comment.
    Csv,
    /// source<TAB>target<TAB>comment.
    Tsv,
}

pub(crate) fn run(mut args: Args) -> Result<Outcome, Failure> {
    args.output.reads(&args.file)?;
    let base = trame::termbase::read(&args.file)?;
    let (source, target) = (args.source_lang.primary(), args.target_lang.primary());
    let has = |language: &str| base.concepts.iter().filter(|c| c.languages.contains_key(language)).count();
    let pair = base.concepts.iter().filter(|c| c.languages.contains_key(&source) && c.languages.contains_key(&target));
    let selected = match args.format {
        Format::Csv | Format::Tsv => pair.count(),
        Format::Tbx | Format::TbxV2 => has(&source),
    };
    if selected == 0 {
        let what = match args.format {
            Format::Csv | Format::Tsv => format!("a term in both {source} and {target}"),
            Format::Tbx | Format::TbxV2 => format!("a term in {source}"),
        };
        eprintln!("trame: no concept of {} has {what}; nothing written", args.file.display());
        return Ok(Outcome::NothingFound);
    }
    args.output.write(|out| match args.format {
        Format::Tbx => trame::tbx::write_with_source(&base, TbxVersion::V3Basic, Some(&source), out),
        Format::TbxV2 => trame::tbx::write_with_source(&base, TbxVersion::V2, Some(&source), out),
        Format::Csv => trame::termbase::delimited::write(&base, &source, &target, b',', out),
        Format::Tsv => trame::termbase::delimited::write(&base, &source, &target, b'\t', out),
    })?;
    Ok(Outcome::Done)
}
