//! `trame align`: link the sentences of a text and its translation, and write a translation memory.

use super::input::read_text;
use super::output::OutputArgs;
use super::{Failure, Outcome};
use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressStyle};
use std::path::{Path, PathBuf};
use std::time::Duration;
use trame::Language;
use trame::align::{AlignOptions, AlignSide, AlignedTexts, Aligner, Dictionary, Review, ReviewError, Stage};
use trame::language::detect::{self, LanguageCheck};

const EXAMPLES: &str = "\
Examples:
  trame align examples/night-train.fr.txt examples/night-train.en.txt --source-lang fr --target-lang en
  trame align article.fr.txt original.en.txt -s fr -t en --format html -o review.html
  trame align book.fr book.en -s fr -t en --segmented --format beads
  trame align a.fr.txt a.en.txt -s fr -t en --glossary terms.tsv -o a.tmx
  trame align --from-review a.fr.review.json -o a.tmx

Formats: tmx (TMX 1.4b, one <tu> per link), tsv (source, target, confidence), jsonl (one object a bead,
with sentence numbers and byte ranges), beads ([0, 1]:[2] one a line, as gold alignments are written),
html (a review page where links are corrected, marked right or wrong, and downloaded as TMX, TSV or the
decisions as JSON). Unaligned sentences (1-0, 0-1) appear in all but tmx.

--from-review FILE.json writes the same outputs from the decisions the review page saved, without aligning
again: links marked right get confidence 1.000 and x-reviewed; links marked wrong are left out of tmx and tsv.

The language of each side is checked first (see --no-language-check).

How it works: both texts are split into sentences (or taken a line each with --segmented); anchors
(sentences sharing rare words, numbers and names) bound the search; beads 1-1, 1-2, 2-1, 2-2, 1-3, 3-1,
2-3, 3-2, 1-4, 4-1 and unaligned sentences are priced by shared words (cognates and names through
accent- and transliteration-insensitive keys, numbers, punctuation, the glossary, the French-English
core dictionary built into trame (see --no-builtin-dictionary), and a lexicon learned from the text)
and by length; the cheapest sequence wins. Each bead gets a confidence in [0, 1].";

/// Align the sentences of a text with those of its translation.
#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub(crate) struct Args {
    /// The source text (for example the French).
    #[arg(required_unless_present = "from_review")]
    source: Option<PathBuf>,
    /// The target text (for example the English original).
    #[arg(required_unless_present = "from_review")]
    target: Option<PathBuf>,
    /// Language of SOURCE.
    #[arg(long, short = 's', value_name = "LANG", required_unless_present = "from_review")]
    source_lang: Option<Language>,
    /// Language of TARGET.
    #[arg(long, short = 't', value_name = "LANG", required_unless_present = "from_review")]
    target_lang: Option<Language>,
    /// Write the alignment a review saved (the JSON the review page downloads) instead of aligning texts.
    #[arg(
        long,
        value_name = "FILE.json",
        conflicts_with_all = ["source", "target", "source_lang", "target_lang", "glossary", "segmented",
            "group_unaligned", "no_learning", "no_builtin_dictionary", "encoding", "no_language_check"]
    )]
    from_review: Option<PathBuf>,
    /// A glossary to use as a dictionary: a term base (a .toml file or a folder such as glossary/), or a
    /// two-column word list (source then target, separated by a tab, a semicolon or a comma).
    #[arg(long, value_name = "PATH")]
    glossary: Option<PathBuf>,
    /// The inputs already hold one sentence a line (a blank line between paragraphs).
    #[arg(long)]
    segmented: bool,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Tmx)]
    format: Format,
    /// Links under this confidence are flagged for review (a TMX property, a column in jsonl, red in html);
    /// 0.5 by default, or what the review file says with --from-review.
    #[arg(long, value_name = "CONFIDENCE")]
    review_below: Option<f32>,
    /// Write runs of consecutive unaligned sentences as one bead (as TransRead's gold files do).
    #[arg(long)]
    group_unaligned: bool,
    /// Do not learn a word lexicon from the text (no pass with one).
    #[arg(long)]
    no_learning: bool,
    /// Do not use the French-English core dictionary built into trame (used when one side is French and
    /// the other English; a --glossary adds to it).
    #[arg(long)]
    no_builtin_dictionary: bool,
    /// Encoding of the inputs when they are not UTF-8 and do not say.
    #[arg(long)]
    encoding: Option<String>,
    /// Also add the links to this translation memory (see `trame tm`), a file or a PostgreSQL URL
    /// (postgres://user@host/database); the alignment itself is then written only with -o.
    #[arg(long, value_name = "PATH")]
    into_tm: Option<PathBuf>,
    /// Align even when a text looks written in another language than -s or -t says (by default such
    /// inputs, swapped files for instance, are refused).
    #[arg(long)]
    no_language_check: bool,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// TMX 1.4b.
    Tmx,
    /// source<TAB>target<TAB>confidence.
    Tsv,
    /// One JSON object a bead.
    Jsonl,
    /// Bead lists: [0, 1]:[2].
    Beads,
    /// A self-contained review page.
    Html,
}

pub(crate) fn run(mut args: Args) -> Result<Outcome, Failure> {
    if args.review_below.is_some_and(|r| !(0.0..=1.0).contains(&r)) {
        return Err(Failure::error("--review-below takes a confidence between 0 and 1"));
    }
    if let Some(path) = args.from_review.clone() {
        return from_review(&mut args, &path);
    }
    let (Some(source_path), Some(target_path), Some(source_lang), Some(target_lang)) =
        (args.source.clone(), args.target.clone(), args.source_lang.clone(), args.target_lang.clone())
    else {
        return Err(Failure::error("give SOURCE, TARGET, --source-lang and --target-lang, or --from-review"));
    };
    for input in
        [Some(&source_path), Some(&target_path), args.glossary.as_ref(), args.into_tm.as_ref()].into_iter().flatten()
    {
        args.output.reads(input)?;
    }
    let source_text = read_text(&source_path, args.encoding.as_deref())?;
    let target_text = read_text(&target_path, args.encoding.as_deref())?;
    let side = |text, language: &Language| {
        if args.segmented {
            AlignSide::presegmented(text, language.clone())
        } else {
            AlignSide::segment(text, language.clone())
        }
    };
    let source = side(&source_text, &source_lang);
    let target = side(&target_text, &target_lang);
    for (name, side) in [(&source_path, &source), (&target_path, &target)] {
        if side.sentences.is_empty() {
            return Err(Failure::error(format!("{}: no text to align", name.display())));
        }
    }
    if !args.no_language_check {
        check_language(&source_path, &source, "--source-lang")?;
        check_language(&target_path, &target, "--target-lang")?;
    }
    let dictionary = match &args.glossary {
        Some(path) => read_dictionary(path, &source_lang, &target_lang)?,
        None => Dictionary::new(),
    };
    let options =
        AlignOptions { dictionary, learn_lexicon: !args.no_learning, builtin_dictionary: !args.no_builtin_dictionary };
    let alignment = with_progress(source.sentences.len() + target.sentences.len(), |report| {
        Aligner::new(options).align_with_progress(&source, &target, report)
    });
    let alignment = if args.group_unaligned { alignment.with_unaligned_grouped() } else { alignment };
    let (source_name, target_name) = (file_name(&source_path), file_name(&target_path));
    let texts = AlignedTexts {
        source: &source,
        target: &target,
        alignment: &alignment,
        source_name: &source_name,
        target_name: &target_name,
        review_below: args.review_below.unwrap_or(0.5),
        states: &[],
    };
    let date = trame::tmx::utc_timestamp(super::clock::now());
    write(&args, &texts, &date)
}

/// `--from-review`: the decisions a review saved, written as they are (no aligning).
fn from_review(args: &mut Args, path: &Path) -> Result<Outcome, Failure> {
    for input in [Some(path), args.into_tm.as_deref()].into_iter().flatten() {
        args.output.reads(input)?;
    }
    let json = read_text(path, None)?;
    let invalid = |e: ReviewError| Failure::error(format!("{}: {e}", path.display()));
    let review = Review::parse(&json).map_err(invalid)?;
    let (source_text, target_text) = (review.source.joined(), review.target.joined());
    let source = review.source.align_side(&source_text).map_err(invalid)?;
    let target = review.target.align_side(&target_text).map_err(invalid)?;
    let (alignment, states) = review.alignment();
    let texts = AlignedTexts {
        source: &source,
        target: &target,
        alignment: &alignment,
        source_name: &review.source.file,
        target_name: &review.target.file,
        review_below: args.review_below.unwrap_or(review.review_below as f32),
        states: &states,
    };
    write(args, &texts, &review.creation_date)
}

/// Adds the links to --into-tm if asked, and writes the chosen format.
fn write(args: &Args, texts: &AlignedTexts<'_>, date: &str) -> Result<Outcome, Failure> {
    if let Some(path) = &args.into_tm {
        let mut memory = super::tm::open(path)?;
        let mut import = memory.import().map_err(Failure::error)?;
        let origin = format!("alignment of {} and {}", texts.source_name, texts.target_name);
        import.set_origin(&origin, &Default::default()).map_err(Failure::error)?;
        for unit in texts.units(date) {
            import.add(&unit).map_err(Failure::error)?;
        }
        let summary = import.commit().map_err(Failure::error)?;
        let added = super::counted(summary.added as usize, "link", "links");
        eprintln!("trame: {added} added to {}, {} already there", memory.path().display(), summary.merged);
        if !args.output.is_given() {
            return Ok(Outcome::Done);
        }
    }
    args.output.write(|out| match args.format {
        Format::Tmx => texts.write_tmx(out, date),
        Format::Tsv => texts.write_tsv(out),
        Format::Jsonl => texts.write_jsonl(out),
        Format::Beads => texts.write_beads(out),
        Format::Html => texts.write_html(out, date),
    })?;
    Ok(Outcome::Done)
}

/// Refuses a side plainly written in another language than declared.
fn check_language(path: &Path, side: &AlignSide, option: &str) -> Result<(), Failure> {
    let sentences: Vec<&str> = (0..side.sentences.len()).map(|k| side.sentence(k)).collect();
    match detect::check(&sentences, &side.language) {
        LanguageCheck::Other(seen) => Err(Failure::error(format!(
            "{}: the text looks {} ({}: {:.0}% of {} sentences read), not {} as {option} says; \
             swap the files or correct {option}, or pass --no-language-check to align anyway",
            path.display(),
            seen.name,
            seen.code,
            seen.share * 100.0,
            seen.sentences,
            side.language,
        ))),
        LanguageCheck::Fits | LanguageCheck::Unknown => Ok(()),
    }
}

fn read_dictionary(path: &Path, source: &Language, target: &Language) -> Result<Dictionary, Failure> {
    let dictionary = if path.is_dir() || path.extension().is_some_and(|e| e == "toml") {
        let base = trame::termbase::read(path)?;
        Dictionary::from_term_base(&base, &source.primary(), &target.primary())
    } else {
        Dictionary::from_delimited(&read_text(path, None)?)
    };
    if dictionary.is_empty() {
        return Err(Failure::error(format!(
            "{}: no term pairs found (expected two columns separated by a tab, a semicolon or a comma)",
            path.display()
        )));
    }
    Ok(dictionary)
}

/// Runs `work` with a spinner on standard error naming the stage, for inputs large enough to wait for
/// (indicatif draws nothing when standard error is not a terminal).
fn with_progress<T>(sentences: usize, work: impl FnOnce(&mut dyn FnMut(Stage)) -> T) -> T {
    if sentences < 2_000 {
        return work(&mut |_| {});
    }
    let bar = ProgressBar::new_spinner();
    bar.set_style(ProgressStyle::with_template("{spinner} aligning {msg} ({elapsed})").expect("valid template"));
    bar.enable_steady_tick(Duration::from_millis(120));
    let result = work(&mut |stage| {
        bar.set_message(match stage {
            Stage::Reading => "reading",
            Stage::FirstPass => "first pass",
            Stage::Learning => "learning a lexicon",
            Stage::SecondPass => "second pass",
            Stage::Done => "done",
        })
    });
    bar.finish_and_clear();
    result
}

fn file_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        return super::input::STDIN.to_string();
    }
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}
