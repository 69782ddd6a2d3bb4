//! `trame segment`: split a text into paragraphs and sentences.

use super::input::read_text;
use super::output::OutputArgs;
use super::{Failure, Outcome};
use clap::ValueEnum;
use std::path::PathBuf;
use trame::Language;
use trame::segment::srx::SrxDocument;
use trame::segment::{OutputFormat, ParagraphMode, Segmenter, write_sentences};

const EXAMPLES: &str = "\
Examples:
  trame segment examples/night-train.fr.txt --lang fr
  trame segment examples/night-train.en.txt --lang en --format jsonl
  cat article.txt | trame segment - --lang fr
  trame segment article.txt --lang fr --srx segment.srx -o article.sentences

Byte offsets in jsonl are into the text as decoded to UTF-8 (a byte order mark is not counted).";

/// Split a text into paragraphs and sentences.
///
/// Paragraphs are separated by blank lines; in a text without blank lines, each line is a paragraph.
/// Sentences are found with the built-in French or English rules, or with SRX 2.0 rules (--srx).
#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub(crate) struct Args {
    /// The text to segment; `-` reads standard input.
    #[arg(default_value = "-")]
    file: PathBuf,
    /// Language of the text (fr, en, or any tag with --srx).
    #[arg(long, short)]
    lang: Language,
    /// SRX 2.0 rules to use instead of the built-in ones.
    #[arg(long, value_name = "RULES.srx")]
    srx: Option<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Lines)]
    format: Format,
    /// How paragraphs are found.
    #[arg(long, value_enum, default_value_t = Paragraphs::Auto)]
    paragraphs: Paragraphs,
    /// Encoding of the input when it is not UTF-8 and does not say (e.g. latin1, windows-1252).
    #[arg(long)]
    encoding: Option<String>,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// One sentence a line, an empty line between paragraphs.
    Lines,
    /// One JSON object a sentence: paragraph, sentence, start, end, text.
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum Paragraphs {
    /// Blank lines if the text has any, else every line.
    Auto,
    /// Only blank lines (for wrapped text).
    Blank,
    /// Every line.
    Line,
}

pub(crate) fn run(mut args: Args) -> Result<Outcome, Failure> {
    args.output.reads(&args.file)?;
    if let Some(srx) = &args.srx {
        args.output.reads(srx)?;
    }
    let segmenter = match &args.srx {
        Some(path) => {
            let name = path.display().to_string();
            let xml = std::fs::read(path).map_err(|e| Failure::error(format!("cannot read {name}: {e}")))?;
            let document = SrxDocument::read(&xml, &name)?;
            let (rules, problems) = document.rules_for(args.lang.tag());
            for problem in &problems {
                eprintln!("trame: warning: {problem}");
            }
            if rules.is_empty() {
                return Err(Failure::error(format!("{name}: no rules apply to language '{}'", args.lang)));
            }
            Segmenter::from_srx(rules)
        }
        None => Segmenter::builtin(&args.lang),
    };
    let segmenter = segmenter.with_paragraph_mode(match args.paragraphs {
        Paragraphs::Auto => ParagraphMode::Auto,
        Paragraphs::Blank => ParagraphMode::Blank,
        Paragraphs::Line => ParagraphMode::Line,
    });
    let text = read_text(&args.file, args.encoding.as_deref())?;
    let sentences = segmenter.sentences(&text);
    let format = match args.format {
        Format::Lines => OutputFormat::Lines,
        Format::Jsonl => OutputFormat::Jsonl,
    };
    args.output.write(|out| write_sentences(&text, &sentences, format, out))?;
    Ok(Outcome::Done)
}
