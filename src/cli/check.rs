//! `trame check`: a translation (a TMX file, a TSV file, or a source text and its translation, aligned
//! first) checked against the term base, the memory, and itself.

use super::glossary::Glossary;
use super::input::{STDIN, read_text};
use super::output::OutputArgs;
use super::{Failure, Outcome};
use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use trame::Language;
use trame::align::{AlignSide, Aligner};
use trame::check::{
    Check, CheckOptions, Checker, Finding, JsonReport, MemoryLookup, Segment, TextReport, TsvSegments,
    aligned_segments, tmx_segments, write_html,
};
use trame::termbase::TermBase;
use trame::tm::Memory;
use trame::tmx::{ReadLimits, TmxReader};

const EXAMPLES: &str = "\
Examples:
  trame check delivery.tmx                                 TMX: languages from its header (else -s fr -t en)
  trame check article.fr.txt article.en.txt -s fr -t en    two texts, aligned first as `trame align` does
  trame check pairs.tsv --glossary glossary/ --tm team.sqlite
  trame check delivery.tmx --format html -o report.html    a report to open in a browser
  trame check delivery.tmx --format json --only terminology,numbers
  trame check delivery.tmx --skip typography --nbsp

Checks (all by default; --only and --skip take a comma-separated list):
  terminology   a source term whose target has none of the glossary's terms for it; a deprecated
                target term, or a name spelled as another language spells it
  consistency   one source translated two ways in the input, one target for two sources, and with
                --tm a target that differs from the memory's 100% match
  numbers       numbers, times and ordinals missing or different (9,5 = 9.5; 21 h 40 = 9:40 p.m.)
  codes         TMX inline codes, HTML tags, Markdown code spans, placeholders, web and e-mail addresses
  completeness  an empty target, the source copied, a target far too short or long for its source
  typography    doubled spaces and words, punctuation spacing, unpaired quotes and brackets

The JSON report is an array of {file, unit, check, severity, message, source, target, span, suggestion};
span is {side, start, end, text} (characters) or null. Exit status: 0 nothing found, 1 findings, 2 error.";

/// Check a translation against the term base, the memory and itself before delivery.
#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub(crate) struct Args {
    /// A TMX file, a TSV file (source<TAB>target a line), or a source text and its translation; `-`
    /// reads standard input.
    #[arg(required = true, num_args = 1..=2, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// The source language. Default: a TMX file's srclang, else fr.
    #[arg(long, short = 's', value_name = "LANG")]
    source_lang: Option<Language>,
    /// The target language. Default: en (fr when the source is English).
    #[arg(long, short = 't', value_name = "LANG")]
    target_lang: Option<Language>,
    /// The term base: a .toml file or a folder of them. Default: ./glossary when present, else the term
    /// base compiled into trame.
    #[arg(long, value_name = "PATH")]
    glossary: Option<PathBuf>,
    /// A translation memory (SQLite) whose 100% matches the targets must agree with.
    #[arg(long, value_name = "PATH")]
    tm: Option<PathBuf>,
    /// Report format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Run only these checks.
    #[arg(long, value_delimiter = ',', value_name = "CHECK,...", value_parser = parse_check)]
    only: Vec<Check>,
    /// Run every check but these.
    #[arg(long, value_delimiter = ',', value_name = "CHECK,...", value_parser = parse_check)]
    skip: Vec<Check>,
    /// French targets: the space before : ; ! ? » and after « must be a no-break space.
    #[arg(long)]
    nbsp: bool,
    /// What the input is. Default: texts for two inputs; for one, TSV when it ends in .tsv, .tab or .txt,
    /// else TMX.
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
    /// Two texts: already one sentence a line (a blank line between paragraphs).
    #[arg(long)]
    segmented: bool,
    /// Two texts: links the aligner is less sure of than this are not checked (they are flagged for
    /// review by `trame align`, and are more likely wrong links than wrong translations).
    #[arg(long, value_name = "CONFIDENCE", default_value_t = 0.5)]
    review_below: f32,
    /// The encoding of text inputs (TMX says its own). Default: detected.
    #[arg(long)]
    encoding: Option<String>,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// `file:unit: severity: check: message`, the span in [brackets] in its context.
    Text,
    /// A JSON array of findings.
    Json,
    /// A self-contained HTML page.
    Html,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    /// A TMX file.
    Tmx,
    /// Source<TAB>target, a line each.
    Tsv,
    /// A source text and its translation.
    Texts,
}

fn parse_check(name: &str) -> Result<Check, String> {
    Check::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Check::ALL.iter().map(|c| c.name()).collect();
        format!("unknown check `{name}`; the checks are {}", names.join(", "))
    })
}

/// The memory's 100% matches, through `trame::tm`.
struct TmLookup {
    memory: Memory,
    source: String,
    target: String,
}

impl MemoryLookup for TmLookup {
    fn translation(&mut self, source: &str) -> Option<String> {
        let found = self.memory.search(source, &self.source, &self.target, 100, 1).ok()?;
        found.into_iter().next().map(|m| m.target)
    }
}

pub(crate) fn run(mut args: Args) -> Result<Outcome, Failure> {
    for input in args.inputs.iter().chain(&args.glossary).chain(&args.tm) {
        args.output.reads(input)?;
    }
    let format = input_format(&args)?;
    if !(0.0..=1.0).contains(&args.review_below) {
        return Err(Failure::error("--review-below takes a confidence between 0 and 1"));
    }
    let mut checks: Vec<Check> = if args.only.is_empty() { Check::ALL.to_vec() } else { args.only.clone() };
    checks.retain(|c| !args.skip.contains(c));
    if checks.is_empty() {
        return Err(Failure::error("--only and --skip leave no check to run"));
    }
    let glossary =
        if checks.contains(&Check::Terminology) { Some(Glossary::load(args.glossary.as_deref())?) } else { None };
    let against = match &glossary {
        Some(glossary) => format!(" with {}", glossary.described()),
        None => String::new(),
    };
    let base = glossary.map(|g| g.base);
    let memory = match &args.tm {
        Some(path) => Some(Memory::open_existing(path)?),
        None => None,
    };
    let inputs: Vec<String> = args.inputs.iter().map(|p| name(p)).collect();
    let mut findings = 0usize;
    // A failure while checking cuts the output off (nothing is written) and is reported as itself.
    let mut failure: Option<Failure> = None;
    let written = args.output.write(|out| {
        let mut sink = Sink::new(args.format, out, inputs.clone());
        let result = check_inputs(&args, format, checks, base, memory, &mut |finding| sink.add(finding));
        findings = sink.count();
        match result {
            Ok(()) => sink.finish(),
            Err(e) => {
                failure = Some(e);
                Err(io::Error::other("cut off"))
            }
        }
    });
    if let Some(failure) = failure {
        return Err(failure);
    }
    written?;
    if findings == 0 {
        eprintln!("trame: nothing found in {}{against}", inputs.join(", "));
        Ok(Outcome::Done)
    } else {
        Ok(Outcome::NothingFound)
    }
}

/// Checks the segments of the inputs, reporting each finding.
fn check_inputs(
    args: &Args,
    format: InputFormat,
    checks: Vec<Check>,
    base: Option<TermBase>,
    memory: Option<Memory>,
    report: &mut dyn FnMut(Finding),
) -> Result<(), Failure> {
    let mut source_tmx = None;
    let tmx = if format == InputFormat::Tmx { Some(open_tmx(&args.inputs[0], &mut source_tmx)?) } else { None };
    let source = args.source_lang.clone().or(source_tmx).unwrap_or_else(Language::french);
    let target = args.target_lang.clone().unwrap_or_else(|| default_target(&source));
    let options = CheckOptions { source: source.clone(), target: target.clone(), checks, french_nbsp: args.nbsp };
    let mut lookup =
        memory.map(|memory| TmLookup { memory, source: source.tag().to_string(), target: target.tag().to_string() });
    let mut checker = Checker::new(base.as_ref(), options);
    // The checker keeps what it needs of the term base, which may be large.
    drop(base);
    if let Some(lookup) = lookup.as_mut() {
        checker = checker.with_memory(lookup);
    }
    match (format, tmx) {
        (InputFormat::Tmx, Some((reader, name))) => check_tmx(reader, &name, &source, &target, &mut checker, report),
        (InputFormat::Tsv, _) => {
            let text = read_text(&args.inputs[0], args.encoding.as_deref())?;
            let name = name(&args.inputs[0]);
            for segment in TsvSegments::new(&text, &name) {
                let segment = segment
                    .map_err(|line| Failure::error(format!("{name}:{line}:1: no tab between source and target")))?;
                checker.check(&segment, report);
            }
            Ok(())
        }
        _ => {
            for segment in aligned(args, &source, &target)? {
                checker.check(&segment, report);
            }
            Ok(())
        }
    }
}

fn default_target(source: &Language) -> Language {
    if source.primary() == "en" { Language::french() } else { Language::english() }
}

fn name(path: &Path) -> String {
    if path.as_os_str() == "-" { STDIN.to_string() } else { path.display().to_string() }
}

/// What the inputs are, from --input-format, their number and the first one's name.
fn input_format(args: &Args) -> Result<InputFormat, Failure> {
    let first = &args.inputs[0];
    let format = args.input_format.unwrap_or_else(|| {
        let extension = first.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
        match (args.inputs.len(), extension.as_deref()) {
            (2, _) => InputFormat::Texts,
            (_, Some("tsv" | "tab" | "txt")) => InputFormat::Tsv,
            _ => InputFormat::Tmx,
        }
    });
    let wanted = if format == InputFormat::Texts { 2 } else { 1 };
    if args.inputs.len() != wanted {
        let what = if wanted == 2 { "two texts (source and target)" } else { "one file" };
        return Err(Failure::error(format!("this input format takes {what}")));
    }
    Ok(format)
}

type Tmx = (TmxReader<Box<dyn Read + Send>>, String);

fn open_tmx(path: &Path, source: &mut Option<Language>) -> Result<Tmx, Failure> {
    let (input, name) = super::input::open(path)?;
    let reader = TmxReader::open_with_limits(input, &name, ReadLimits::default())?;
    *source = reader.header().attribute("srclang").filter(|l| *l != "*all*").and_then(Language::parse);
    Ok((reader, name))
}

fn check_tmx(
    reader: TmxReader<Box<dyn Read + Send>>,
    name: &str,
    source: &Language,
    target: &Language,
    checker: &mut Checker<'_>,
    report: &mut dyn FnMut(Finding),
) -> Result<(), Failure> {
    let bar = if io::stderr().is_terminal() {
        let bar = ProgressBar::new_spinner();
        bar.set_style(ProgressStyle::with_template("{spinner} {pos} units checked ({per_sec})").expect("template"));
        bar
    } else {
        ProgressBar::hidden()
    };
    let mut segments = tmx_segments(reader, name, source, target);
    while let Some(segment) = segments.next_segment()? {
        checker.check(&segment, report);
        bar.inc(1);
    }
    bar.finish_and_clear();
    for problem in &segments.skipped {
        eprintln!("trame: {name}:{}:{}: unit left out: {}", problem.line, problem.column, problem.message);
    }
    if segments.incomplete > 0 {
        eprintln!(
            "trame: {name}: {} no variant in {} or {}; not checked",
            super::counted(segments.incomplete, "unit has", "units have"),
            source.tag(),
            target.tag()
        );
    }
    Ok(())
}

/// The two texts aligned, as segments.
fn aligned(args: &Args, source: &Language, target: &Language) -> Result<Vec<Segment>, Failure> {
    let source_text = read_text(&args.inputs[0], args.encoding.as_deref())?;
    let target_text = read_text(&args.inputs[1], args.encoding.as_deref())?;
    let side = |text, language: &Language| {
        if args.segmented {
            AlignSide::presegmented(text, language.clone())
        } else {
            AlignSide::segment(text, language.clone())
        }
    };
    let (source_side, target_side) = (side(&source_text, source), side(&target_text, target));
    for (path, side) in [(&args.inputs[0], &source_side), (&args.inputs[1], &target_side)] {
        if side.sentences.is_empty() {
            return Err(Failure::error(format!("{}: no text to check", name(path))));
        }
    }
    let mut alignment = Aligner::default().align(&source_side, &target_side);
    let links = alignment.beads.iter().filter(|b| b.is_link()).count();
    alignment.beads.retain(|b| b.is_link() && b.confidence >= args.review_below);
    let unsure = links - alignment.beads.len();
    if unsure > 0 {
        eprintln!(
            "trame: {} of {links} below confidence {} not checked (see them with trame align --format html)",
            super::counted(unsure, "link", "links"),
            args.review_below
        );
    }
    Ok(aligned_segments(&source_side, &target_side, &alignment, &name(&args.inputs[0])))
}

/// Where findings go: written as they come (text, JSON), or gathered for the HTML page.
enum Sink<'w> {
    Text(TextReport<&'w mut dyn Write>, usize, Option<io::Error>),
    Json(JsonReport<&'w mut dyn Write>, usize, Option<io::Error>),
    Html(&'w mut dyn Write, Vec<Finding>, Vec<String>),
}

impl<'w> Sink<'w> {
    fn new(format: Format, out: &'w mut dyn Write, inputs: Vec<String>) -> Self {
        match format {
            Format::Text => Sink::Text(TextReport::new(out), 0, None),
            Format::Json => Sink::Json(JsonReport::new(out), 0, None),
            Format::Html => Sink::Html(out, Vec::new(), inputs),
        }
    }

    fn add(&mut self, finding: Finding) {
        match self {
            Sink::Text(report, n, error) => {
                *n += 1;
                if error.is_none() {
                    *error = report.write(&finding).err();
                }
            }
            Sink::Json(report, n, error) => {
                *n += 1;
                if error.is_none() {
                    *error = report.write(&finding).err();
                }
            }
            Sink::Html(_, findings, _) => findings.push(finding),
        }
    }

    fn count(&self) -> usize {
        match self {
            Sink::Text(_, n, _) | Sink::Json(_, n, _) => *n,
            Sink::Html(_, findings, _) => findings.len(),
        }
    }

    fn finish(self) -> io::Result<()> {
        match self {
            Sink::Text(report, _, error) => match error {
                Some(e) => Err(e),
                None => report.finish().map(drop),
            },
            Sink::Json(report, _, error) => match error {
                Some(e) => Err(e),
                None => report.finish().map(drop),
            },
            Sink::Html(out, findings, inputs) => write_html(&findings, &inputs, out),
        }
    }
}
