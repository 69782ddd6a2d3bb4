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
    /// Source language of CSV and TSV exports.
    #[arg(long, default_value = "fr")]
    source_lang: Language,
    /// Target language of CSV and TSV exports.
    #[arg(long, default_value = "en")]
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
    let base = trame::termbase::read(&args.file).map_err(Failure::error)?;
    let (source, target) = (args.source_lang.primary(), args.target_lang.primary());
    args.output.write(|out| match args.format {
        Format::Tbx => trame::tbx::write(&base, TbxVersion::V3Basic, out),
        Format::TbxV2 => trame::tbx::write(&base, TbxVersion::V2, out),
        Format::Csv => trame::termbase::delimited::write(&base, &source, &target, b',', out),
        Format::Tsv => trame::termbase::delimited::write(&base, &source, &target, b'\t', out),
    })?;
    Ok(Outcome::Done)
}
