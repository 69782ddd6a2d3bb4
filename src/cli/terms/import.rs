//! `trame terms import`: a TBX, CSV or TSV glossary into a term base file.

use super::build::write_base;
use crate::cli::input::{read_bytes, read_text};
use crate::cli::output::OutputArgs;
use crate::cli::{Failure, Outcome, counted};
use clap::ValueEnum;
use std::path::PathBuf;
use trame::Language;

const EXAMPLES: &str = "\
Examples:
  trame terms import client.tbx -o glossary/client.toml
  trame terms import omegat-glossary.tab --source-lang fr --target-lang en -o terms.toml

TBX v2 and v3 are read (tig and ntig/termGrp, DCA and DCT); statuses are normalised (preferredTerm-admn-sts,
preferred, admitted, deprecated, notRecommended, obsolete, superseded, usageStatus values).";

/// Import a TBX, CSV or TSV glossary.
#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub(crate) struct Args {
    /// The glossary to import.
    file: PathBuf,
    /// Its format (by default from its extension: .tbx/.xml, .csv, anything else TSV).
    #[arg(long, alias = "format", value_enum)]
    input_format: Option<Format>,
    /// Language of the first column of CSV and TSV.
    #[arg(long, short = 's', default_value = "fr")]
    source_lang: Language,
    /// Language of the second column.
    #[arg(long, short = 't', default_value = "en")]
    target_lang: Language,
    /// The field delimiter of CSV: `,`, `;` or `tab`. Default: the one the first lines use.
    #[arg(long, value_parser = parse_delimiter)]
    delimiter: Option<u8>,
    /// Encoding of CSV and TSV files when they are not UTF-8 and do not say.
    #[arg(long)]
    encoding: Option<String>,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// TBX v2 or v3.
    Tbx,
    /// Comma-separated.
    Csv,
    /// Tab-separated.
    Tsv,
}

fn parse_delimiter(value: &str) -> Result<u8, String> {
    match value {
        "," | "comma" => Ok(b','),
        ";" | "semicolon" => Ok(b';'),
        "tab" | "\t" | "\\t" => Ok(b'\t'),
        _ => Err("a delimiter is `,`, `;` or `tab`".into()),
    }
}

pub(crate) fn run(mut args: Args) -> Result<Outcome, Failure> {
    args.output.reads(&args.file)?;
    let name = args.file.display().to_string();
    let extension = args.file.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    let format = args.input_format.unwrap_or(match extension.as_str() {
        "tbx" | "xml" => Format::Tbx,
        "csv" => Format::Csv,
        _ => Format::Tsv,
    });
    let (source, target) = (args.source_lang.primary(), args.target_lang.primary());
    let (base, left_out) = match format {
        Format::Tbx => {
            let (bytes, name) = read_bytes(&args.file)?;
            let document = trame::tbx::read_bytes(&bytes, &name)?;
            for problem in &document.problems {
                eprintln!("trame: {name}:{}:{}: {problem}", problem.line, problem.column);
            }
            (document.base, document.problems.len())
        }
        Format::Csv | Format::Tsv => {
            let text = read_text(&args.file, args.encoding.as_deref())?;
            let delimiter = match (format, args.delimiter) {
                (_, Some(delimiter)) => delimiter,
                (Format::Csv, None) => trame::termbase::delimited::sniff_delimiter(&text),
                _ => b'\t',
            };
            let base = trame::termbase::delimited::read(text.as_bytes(), &source, &target, delimiter)
                .map_err(|e| Failure::error(format!("{name}:{}:1: {}", e.line, e.message)))?;
            (base, 0)
        }
    };
    if left_out > 0 && base.concepts.is_empty() {
        return Err(Failure::error(format!("{name}: every entry was left out (see above); nothing imported")));
    }
    write_base(&args.output, &base)?;
    let (concepts, terms) = (base.concepts.len(), base.term_count());
    eprintln!("trame: {}, {}", counted(concepts, "concept", "concepts"), counted(terms, "term", "terms"));
    if left_out > 0 {
        let entries = counted(left_out, "entry", "entries");
        return Err(Failure::error(format!("{entries} left out (see above); the others were imported")));
    }
    Ok(Outcome::Done)
}
