//! `trame terms build`: a term base from texts and translation memories.

use crate::cli::input::{open, read_text};
use crate::cli::output::OutputArgs;
use crate::cli::{Failure, Outcome, counted};
use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use trame::Language;
use trame::termbase::{
    BuildOptions, ContextStyle, Subject, TermBase, TextSource, UnitSource, build_with_progress, merge, to_toml,
};
use trame::tmx::TmxReader;

const EXAMPLES: &str = "\
Examples:
  trame align article.fr.txt original.en.txt -s fr -t en -o pair.tmx
  trame terms build pair.tmx --text fr:other.fr.txt --text en:more.en.txt -o terms.toml
  trame terms build articles/*.txt --lang fr -o terms.toml --merge-into glossary/
  trame terms build corpus.tmx -o glossary/          (a folder: one file per subject)

TMX inputs give bilingual evidence (French and English forms seen in the same
unit); text inputs give monolingual evidence. Candidates are names
(capitalised where a capital means something: not at a sentence start, after a
dialogue dash, a quote or a colon, nor in headings and lines in capitals; with
their small words, initials, acronyms and expansions, and the lower-case words
of organisations' names) and repeated lower-case noun phrases whose words go
together. Spellings are clustered (see `trame terms cluster`); a full name
joins its surname, a glued name (Vladimirpoutine) what it glues; French and
English clusters are paired by key, by units in common and by general
knowledge (countries, capitals, international organisations). The most
frequent form is preferred. Only strong evidence deprecates (the same
transliteration key, a rarer form, both names); accent-only forms are
admitted, other possible transliterations suggested. The subject (person,
place, organisation) comes from cues in the text. With --merge-into, the
decisions in an existing term base (preferred forms, statuses, rejections)
stand. A progress bar shows on a terminal for large inputs.";

/// Build a term base from texts and translation memories.
#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub(crate) struct Args {
    /// TMX files, or plain texts in the language of --lang.
    inputs: Vec<PathBuf>,
    /// Language of the plain-text inputs.
    #[arg(long, short)]
    lang: Option<Language>,
    /// Encoding of the plain-text inputs when they are not UTF-8 and do not say.
    #[arg(long)]
    encoding: Option<String>,
    /// A plain text in another language, as LANG:PATH (repeatable).
    #[arg(long = "text", value_name = "LANG:PATH")]
    texts: Vec<String>,
    /// Keep the decisions of this term base (a file or a glossary folder) and add to it.
    #[arg(long, value_name = "FILE.toml")]
    merge_into: Option<PathBuf>,
    /// How contexts are recorded: the sentence, or file:line.
    #[arg(long, value_enum, default_value_t = Context::Sentence)]
    context: Context,
    /// Names seen fewer times than this are left out.
    #[arg(long, default_value_t = 2)]
    min_frequency: u32,
    /// Lower-case multiword terms seen fewer times than this are left out.
    #[arg(long, default_value_t = 3)]
    min_term_frequency: u32,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum Context {
    /// The sentence the term was seen in.
    Sentence,
    /// file:line.
    Location,
}

pub(crate) fn run(mut args: Args) -> Result<Outcome, Failure> {
    let text_paths = args.texts.iter().filter_map(|spec| spec.split_once(':').map(|(_, path)| PathBuf::from(path)));
    let inputs: Vec<PathBuf> = args.inputs.iter().cloned().chain(text_paths).chain(args.merge_into.clone()).collect();
    for input in &inputs {
        args.output.reads(input)?;
    }
    let mut texts: Vec<(String, String, Language)> = Vec::new();
    let mut units: Vec<UnitSource> = Vec::new();
    for path in &args.inputs {
        if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("tmx")) {
            let (input, name) = open(path)?;
            let reader = TmxReader::open(input, &name)?;
            units.push(UnitSource::from_tmx(reader, file_name(path))?);
        } else {
            let text = read_text(path, args.encoding.as_deref())?;
            let lang = args.lang.clone().ok_or_else(|| {
                Failure::error(format!("{}: plain text needs --lang (or pass it as --text LANG:PATH)", path.display()))
            })?;
            texts.push((file_name(path), text, lang));
        }
    }
    for spec in &args.texts {
        let (lang, path) =
            spec.split_once(':').ok_or_else(|| Failure::error(format!("--text {spec}: expected LANG:PATH")))?;
        let lang: Language = lang.parse()?;
        let path = PathBuf::from(path);
        texts.push((file_name(&path), read_text(&path, args.encoding.as_deref())?, lang));
    }
    if texts.is_empty() && units.is_empty() {
        return Err(Failure::error("nothing to build from: give TMX files or texts"));
    }
    let sources: Vec<TextSource<'_>> = texts
        .iter()
        .map(|(name, text, language)| TextSource { name: name.clone(), text, language: language.clone() })
        .collect();
    let options = BuildOptions {
        min_frequency: args.min_frequency,
        min_term_frequency: args.min_term_frequency,
        context: match args.context {
            Context::Sentence => ContextStyle::Sentence,
            Context::Location => ContextStyle::Location,
        },
        ..BuildOptions::default()
    };
    let mut base = build_with_bar(&sources, &units, &options);
    if let Some(existing) = &args.merge_into {
        let existing = trame::termbase::read(existing)?;
        base = merge(&existing, base);
    }
    write_base(&args.output, &base)?;
    let (concepts, terms) = (base.concepts.len(), base.term_count());
    eprintln!("trame: {}, {}", counted(concepts, "concept", "concepts"), counted(terms, "term", "terms"));
    Ok(Outcome::Done)
}

/// Builds, with a progress bar on a terminal when there is much to read (several megabytes).
fn build_with_bar(texts: &[TextSource<'_>], units: &[UnitSource], options: &BuildOptions) -> TermBase {
    let bytes: usize = texts.iter().map(|t| t.text.len()).sum::<usize>()
        + units.iter().flat_map(|u| u.pairs.iter().map(|(a, b)| a.len() + b.len())).sum::<usize>();
    if bytes < 4 << 20 || !std::io::stderr().is_terminal() {
        return build_with_progress(texts, units, options, &mut |_| {});
    }
    let bar = ProgressBar::new(2 * bytes as u64).with_message("terms build");
    bar.set_style(ProgressStyle::with_template("{msg} {wide_bar} {percent}% {eta}").expect("valid template"));
    let base = build_with_progress(texts, units, options, &mut |p| {
        bar.set_length(p.total);
        bar.set_position(p.done);
    });
    bar.finish_and_clear();
    base
}

/// Writes a term base to a file, or, when OUT is a folder, one file per subject.
pub(crate) fn write_base(output: &OutputArgs, base: &TermBase) -> Result<(), Failure> {
    match output.folder() {
        Some(folder) => {
            for subject in [Subject::Person, Subject::Place, Subject::Organisation, Subject::Term] {
                let part = TermBase {
                    concepts: base.concepts.iter().filter(|c| c.subject == subject).cloned().collect(),
                    rejected: if subject == Subject::Term { base.rejected.clone() } else { Vec::new() },
                };
                let file = folder.join(format!("{}.toml", plural(subject)));
                output.write_file(&file, |out| out.write_all(to_toml(&part).as_bytes()))?;
            }
            Ok(())
        }
        None => output.write(|out| out.write_all(to_toml(base).as_bytes())),
    }
}

fn plural(subject: Subject) -> &'static str {
    match subject {
        Subject::Person => "people",
        Subject::Place => "places",
        Subject::Organisation => "organisations",
        Subject::Term => "terms",
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}
