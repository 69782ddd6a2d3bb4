//! `trame normalize`: find the deprecated spellings of a term base's names and terms in documents, and
//! report them (`--check`), show the changes (`--diff`) or make them (`--write`).

use super::glossary::Glossary;
use super::input::STDIN;
use super::{Failure, Outcome};
use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, IsTerminal, Read, Seek, Write};
use std::path::{Path, PathBuf};
use trame::Language;
use trame::files::{FileId, Recovered, Recovery, Rewrite};
use trame::normalize::{DocumentFormat, Finding, NormalizeError, NormalizeOptions, Normalizer, write_diff};

const EXAMPLES: &str = "\
Examples:
  trame normalize article.fr.md --lang fr                 report (exit 1 when something is found)
  trame normalize article.fr.md --lang fr --diff          show the changes as a unified diff
  trame normalize article.fr.md --lang fr --write         make them (article.fr.md.bak keeps the original)
  trame normalize *.html --lang fr --report json --include admitted
  cat draft.txt | trame normalize - --lang en --write > clean.txt
  trame normalize --recover docs/                        finish a --write that was cut off

What is replaced: the deprecated variants and probable errors of the glossary's terms in that language,
and their spellings in other languages, by the preferred term (Lukachenko -> Loukachenko in French,
Loukachenko -> Lukashenko in English). Whole words only, case and accents aside; the replacement takes
the case of what it replaces. Never inside web or e-mail addresses, code, HTML tags and attributes, or
Markdown link targets. To leave a spelling alone: --keep FORM, or `trame:keep` on its line, or the lines
between `trame:keep-begin` and `trame:keep-end` (e.g. in HTML comments).

With --write, every document is read and its new version written beside it first; only then are the
documents replaced, one after the other, after a journal (.trame-journal.*.jsonl, in the first document's
folder) records the change. If the run is cut off (killed, a crash, a full disk), the next --write in that
folder, or --recover, finishes the change (or, if it was cut off before the journal's commit, removes
its temporaries): every document ends wholly old or wholly new. A document named twice (or through a
link) is read once; a link stays a link, its target replaced with the same owner, group and mode.

Exit status: 0 clean (or written), 1 spellings found (--check) or changes shown (--diff), 2 error (then
no file is changed).";

/// Find deprecated spellings in documents and replace them with the preferred form.
#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub(crate) struct Args {
    /// The documents (plain text, Markdown or HTML); `-` reads standard input. With --recover: the
    /// folders (or files in them) to recover, by default the current folder.
    #[arg(required_unless_present = "recover")]
    files: Vec<PathBuf>,
    /// Language of the documents: replacements are its preferred terms.
    #[arg(long, short, required_unless_present = "recover")]
    lang: Option<Language>,
    /// The term base: a .toml file or a folder of them. Default: ./glossary when present, else the term
    /// base compiled into trame.
    #[arg(long, value_name = "PATH")]
    glossary: Option<PathBuf>,
    /// Report what would change and exit 1 if anything would (the default).
    #[arg(long, group = "mode")]
    check: bool,
    /// Print a unified diff of the changes.
    #[arg(long, group = "mode")]
    diff: bool,
    /// Replace in place (atomically); keeps FILE.bak unless --no-backup. With `-`, writes to standard output.
    #[arg(long, group = "mode")]
    write: bool,
    /// Finish (or undo) a --write that was cut off, from its journal, and exit.
    #[arg(long, group = "mode")]
    recover: bool,
    /// With --write: keep no backup.
    #[arg(long, requires = "write")]
    no_backup: bool,
    /// Report format: text or json (on standard output; on standard error when the document goes
    /// there).
    #[arg(long, short, alias = "report", value_name = "FORMAT", default_value = "text", value_parser = parse_format)]
    format: FormatArg,
    /// Also replace variants the glossary admits.
    #[arg(long, value_enum, value_name = "STATUS")]
    include: Vec<Include>,
    /// Never replace this spelling (repeatable).
    #[arg(long, value_name = "TERM")]
    keep: Vec<String>,
    /// HTML: also check the text of the attributes a reader sees (alt, title, aria-label, placeholder);
    /// by default only text nodes are.
    #[arg(long)]
    attributes: bool,
    /// Document format. Default: from the extension (.md, .html, else plain text).
    #[arg(long, value_enum)]
    input_format: Option<Format>,
    /// Encoding of the documents when they are not UTF-8 and do not say (--check and --diff; --write
    /// writes UTF-8 only).
    #[arg(long)]
    encoding: Option<String>,
}

/// What `--format` gave: the report's format or, as `--format markdown|html` gave it before `--format`
/// meant the report's, the document's.
#[derive(Clone, Copy)]
enum FormatArg {
    Report(Report),
    Document(Format),
}

fn parse_format(value: &str) -> Result<FormatArg, String> {
    match value.to_ascii_lowercase().as_str() {
        "text" => Ok(FormatArg::Report(Report::Text)),
        "json" => Ok(FormatArg::Report(Report::Json)),
        "markdown" | "md" => Ok(FormatArg::Document(Format::Markdown)),
        "html" => Ok(FormatArg::Document(Format::Html)),
        _ => Err("possible values: text, json (the document's format is --input-format)".into()),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Report {
    /// `file:line:column: found → replacement [concept]`.
    Text,
    /// A JSON array of findings.
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Include {
    /// Admitted variants.
    Admitted,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// HTML (text nodes only).
    Html,
}

/// Where the report goes, in the chosen format.
struct Reporter {
    format: Report,
    out: Box<dyn Write>,
    count: usize,
}

impl Reporter {
    fn new(format: Report, to_stderr: bool) -> io::Result<Self> {
        let out: Box<dyn Write> =
            if to_stderr { Box::new(BufWriter::new(io::stderr())) } else { Box::new(BufWriter::new(io::stdout())) };
        let mut reporter = Reporter { format, out, count: 0 };
        if format == Report::Json {
            reporter.out.write_all(b"[")?;
        }
        Ok(reporter)
    }

    fn report(&mut self, f: &Finding) -> io::Result<()> {
        self.count += 1;
        match self.format {
            Report::Text => {
                let found = f.found.replace(['\r', '\n'], " ");
                writeln!(self.out, "{}:{}:{}: {} → {} [{}]", f.file, f.line, f.column, found, f.replacement, f.concept)
            }
            Report::Json => {
                self.out.write_all(if self.count == 1 { b"\n  " } else { b",\n  " })?;
                serde_json::to_writer(&mut self.out, f).map_err(io::Error::from)
            }
        }
    }

    fn finish(mut self) -> io::Result<()> {
        if self.format == Report::Json {
            self.out.write_all(if self.count == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}

/// A document to read: a file or standard input.
struct Document {
    path: PathBuf,
    name: String,
    format: DocumentFormat,
    stdin: bool,
    /// `--encoding`, when it is not UTF-8: the document is decoded whole before it is read.
    encoding: Option<String>,
}

pub(crate) fn run(args: Args) -> Result<Outcome, Failure> {
    if args.recover {
        return recover(&args.files);
    }
    let documents = documents(&args)?;
    if args.write {
        recover_before_writing(&documents)?;
    }
    let glossary = Glossary::load(args.glossary.as_deref())?;
    let base = &glossary.base;
    let language = args.lang.as_ref().expect("required without --recover").primary();
    if !base.concepts.iter().any(|c| c.languages.contains_key(&language)) {
        return Err(Failure::error(format!("the glossary has no terms in '{language}'")));
    }
    let options = NormalizeOptions {
        include_admitted: args.include.contains(&Include::Admitted),
        keep: args.keep.clone(),
        visible_attributes: args.attributes,
    };
    let normalizer = Normalizer::new(base, &language, &options);
    let stdin_to_stdout = args.write && documents.iter().any(|d| d.stdin);
    let reporting = |e: io::Error| Failure::write(e, "the report");
    let report_format = match args.format {
        FormatArg::Report(format) => format,
        FormatArg::Document(format) => {
            let name = if matches!(format, Format::Html) { "html" } else { "markdown" };
            eprintln!("trame: --format {name} is now --input-format {name} (--format is the report's format)");
            Report::Text
        }
    };
    let mut reporter = Reporter::new(report_format, args.diff || stdin_to_stdout).map_err(reporting)?;
    let mut rewrite = None;
    let result = (|| {
        for document in &documents {
            // Findings are reported as they are found (memory does not grow with the document), except
            // for --diff, which needs them all to read the document again.
            let mut report_error = None;
            let mut report = |f: Finding| {
                if report_error.is_none() {
                    report_error = reporter.report(&f).err();
                }
            };
            if args.write {
                write_document(&normalizer, document, &mut rewrite, !args.no_backup, &mut report)?;
            } else if args.diff {
                diff_document(&normalizer, document, &mut report)?;
            } else {
                check_document(&normalizer, document, &mut report)?;
            }
            if let Some(e) = report_error {
                return Err(reporting(e));
            }
        }
        Ok(())
    })();
    // On failure, dropping the change removes every new version written so far: no document changes.
    result?;
    // Every document was read and its new version written: only now are the originals replaced.
    if let Some(rewrite) = rewrite {
        replace_all(rewrite)?;
    }
    let found = reporter.count;
    reporter.finish().map_err(reporting)?;
    let spellings = super::counted(found, "spelling", "spellings");
    let done = if args.write { "replaced" } else { "found" };
    let files = super::counted(documents.len(), "document", "documents");
    eprintln!("trame: {spellings} {done} in {files}, with {}", glossary.described());
    Ok(if found > 0 && !args.write { Outcome::NothingFound } else { Outcome::Done })
}

/// The documents named, each checked before anything is read: it exists, is a file, and can be
/// replaced when writing.
fn documents(args: &Args) -> Result<Vec<Document>, Failure> {
    if args.files.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err(Failure::error("standard input (-) can be read only once"));
    }
    let utf8 = |label: &str| matches!(label.to_ascii_lowercase().replace('_', "-").as_str(), "utf-8" | "utf8");
    let encoding = args.encoding.clone().filter(|label| !utf8(label));
    if let Some(label) = &encoding
        && args.write
    {
        return Err(Failure::error(format!(
            "--write writes UTF-8 only; convert the documents from {label} first (iconv -f {label} -t UTF-8), \
             or use --check or --diff"
        )));
    }
    let mut documents = Vec::new();
    let mut seen = HashSet::new();
    for path in &args.files {
        let encoding = encoding.clone();
        let legacy = match args.format {
            FormatArg::Document(format) => Some(format),
            FormatArg::Report(_) => None,
        };
        let format = match args.input_format.or(legacy) {
            Some(Format::Text) => DocumentFormat::Text,
            Some(Format::Markdown) => DocumentFormat::Markdown,
            Some(Format::Html) => DocumentFormat::Html,
            None => DocumentFormat::from_path(path),
        };
        if path.as_os_str() == "-" {
            documents.push(Document { path: path.clone(), name: STDIN.into(), format, stdin: true, encoding });
            continue;
        }
        let name = path.display().to_string();
        let metadata = fs::metadata(path).map_err(|e| Failure::error(format!("cannot read {name}: {e}")))?;
        if metadata.is_dir() {
            return Err(Failure::error(format!("{name} is a folder, not a document")));
        }
        if args.write && metadata.permissions().readonly() {
            return Err(Failure::error(format!("{name} is read-only; not changed")));
        }
        // A document named twice, or through a link and by its own name, is read and written once.
        if !seen.insert(FileId::from_metadata(&metadata, path)) {
            continue;
        }
        documents.push(Document { path: path.clone(), name, format, stdin: false, encoding });
    }
    Ok(documents)
}

/// Opens a document for reading, with a progress bar for a large file read on a terminal.
fn open(document: &Document) -> Result<Box<dyn Read>, Failure> {
    if let Some(label) = &document.encoding {
        let text = super::input::read_text(&document.path, Some(label))?;
        return Ok(Box::new(io::Cursor::new(text.into_bytes())));
    }
    if document.stdin {
        return Ok(Box::new(io::stdin().lock()));
    }
    let file = File::open(&document.path).map_err(|e| Failure::error(format!("cannot read {}: {e}", document.name)))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size < 32 << 20 || !io::stderr().is_terminal() {
        return Ok(Box::new(file));
    }
    let bar = ProgressBar::new(size).with_message(document.name.clone());
    bar.set_style(
        ProgressStyle::with_template("{msg} {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} {eta}")
            .expect("valid template"),
    );
    Ok(Box::new(bar.wrap_read(file)))
}

fn failure(error: NormalizeError, document: &Document) -> Failure {
    match error {
        NormalizeError::Io(e) => Failure::error(format!("{}: {e}", document.name)),
        other => Failure::error(other),
    }
}

/// Reads a document and reports what it holds.
fn check_document(
    normalizer: &Normalizer,
    document: &Document,
    report: &mut dyn FnMut(Finding),
) -> Result<(), Failure> {
    let input = BufReader::with_capacity(1 << 16, open(document)?);
    normalizer.run(input, None, document.format, &document.name, report).map_err(|e| failure(e, document))?;
    Ok(())
}

/// Reads a document, reports what it holds and prints the changes as a unified diff.
fn diff_document(normalizer: &Normalizer, document: &Document, report: &mut dyn FnMut(Finding)) -> Result<(), Failure> {
    let mut findings = Vec::new();
    let mut keep = |f: Finding| findings.push(f);
    if document.stdin {
        // Standard input is read twice: spooled to a temporary file first.
        let error = |e: io::Error| Failure::error(format!("{STDIN}: {e}"));
        let mut spool = tempfile::tempfile().map_err(error)?;
        io::copy(&mut io::stdin().lock(), &mut spool).map_err(error)?;
        spool.rewind().map_err(error)?;
        let mut input = BufReader::new(spool);
        normalizer
            .run(&mut input, None, document.format, &document.name, &mut keep)
            .map_err(|e| failure(e, document))?;
        let mut spool = input.into_inner();
        spool.rewind().map_err(error)?;
        print_diff(BufReader::new(spool), &findings, document)?;
    } else {
        check_document(normalizer, document, &mut keep)?;
        if !findings.is_empty() {
            print_diff(BufReader::new(open(document)?), &findings, document)?;
        }
    }
    findings.into_iter().for_each(report);
    Ok(())
}

fn print_diff(original: impl io::BufRead, findings: &[Finding], document: &Document) -> Result<(), Failure> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let (old, new) = (format!("a/{}", document.name), format!("b/{}", document.name));
    write_diff(original, findings, &old, &new, &mut out)
        .and_then(|()| out.flush())
        .map_err(|e| Failure::write(e, "the diff"))
}

/// Normalises a document into a new version beside it (to stdout for `-`), kept in the change when
/// something changed; the original is replaced later, with the others.
fn write_document(
    normalizer: &Normalizer,
    document: &Document,
    rewrite: &mut Option<Rewrite>,
    backup: bool,
    report: &mut dyn FnMut(Finding),
) -> Result<(), Failure> {
    let input = BufReader::with_capacity(1 << 16, open(document)?);
    if document.stdin {
        let stdout = io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        normalizer
            .run(input, Some(&mut out), document.format, &document.name, report)
            .map_err(|e| failure(e, document))?;
        return Ok(());
    }
    // Write beside the file the path points to, so that a symbolic link stays one.
    let target = fs::canonicalize(&document.path).map_err(|e| Failure::error(format!("{}: {e}", document.name)))?;
    let cannot_write = |e: io::Error| Failure::write(e, &document.name);
    let rewrite = match rewrite {
        Some(rewrite) => rewrite,
        None => {
            let folder = target.parent().unwrap_or(Path::new("/"));
            rewrite
                .insert(Rewrite::begin(folder, backup).map_err(|e| Failure::write(e, &folder.display().to_string()))?)
        }
    };
    let mut out = BufWriter::new(rewrite.new_version(&target).map_err(cannot_write)?);
    let summary = normalizer
        .run(input, Some(&mut out), document.format, &document.name, report)
        .map_err(|e| failure(e, document))?;
    out.flush().map_err(cannot_write)?;
    drop(out);
    if summary.findings == 0 {
        rewrite.discard_last();
    }
    Ok(())
}

/// Replaces the documents with their new versions. For tests of interruptions only,
/// TRAME_TEST_ABORT_AFTER_REPLACING=N aborts the process (as a kill would) after N replacements.
fn replace_all(rewrite: Rewrite) -> Result<(), Failure> {
    let abort_after: Option<usize> =
        std::env::var("TRAME_TEST_ABORT_AFTER_REPLACING").ok().and_then(|n| n.parse().ok());
    let mut count = 0;
    rewrite
        .commit(|_| {
            count += 1;
            if abort_after == Some(count) {
                std::process::abort();
            }
        })
        .map_err(|e| {
            Failure::error(format!(
                "cannot finish replacing the documents: {e}; `trame normalize --recover FOLDER` finishes the change"
            ))
        })?;
    Ok(())
}

/// `--recover`: finishes or undoes the interrupted changes whose journals are in the folders named (or the
/// folders of the files named), by default the current folder.
fn recover(paths: &[PathBuf]) -> Result<Outcome, Failure> {
    let folders: Vec<PathBuf> = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.iter().map(|p| if p.is_dir() { p.clone() } else { folder_of(p) }).collect()
    };
    let mut found = 0;
    for folder in unique_folders(folders) {
        for recovered in recover_folder(&folder)? {
            found += 1;
            println!("{}", describe(&recovered));
        }
    }
    if found == 0 {
        println!("no interrupted change found");
    }
    Ok(Outcome::Done)
}

/// Before a --write: finishes the interrupted changes in the documents' folders, saying so on stderr.
fn recover_before_writing(documents: &[Document]) -> Result<(), Failure> {
    let folders =
        documents.iter().filter(|d| !d.stdin).filter_map(|d| fs::canonicalize(&d.path).ok()).map(|p| folder_of(&p));
    for folder in unique_folders(folders) {
        for recovered in recover_folder(&folder)? {
            eprintln!("trame: {}", describe(&recovered));
        }
    }
    Ok(())
}

fn folder_of(path: &Path) -> PathBuf {
    path.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

fn unique_folders(folders: impl IntoIterator<Item = PathBuf>) -> Vec<PathBuf> {
    let mut seen = HashSet::new();
    folders.into_iter().filter(|f| seen.insert(FileId::of(f).ok())).collect()
}

fn recover_folder(folder: &Path) -> Result<Vec<Recovered>, Failure> {
    let name = folder.display().to_string();
    let journals =
        trame::files::find_journals(folder).map_err(|e| Failure::error(format!("cannot read {name}: {e}")))?;
    journals
        .iter()
        .map(|journal| {
            trame::files::recover(journal)
                .map_err(|e| Failure::error(format!("cannot recover {}: {e}", journal.display())))
        })
        .collect()
}

/// One line on what a recovery did.
fn describe(recovered: &Recovered) -> String {
    let journal = recovered.journal.display();
    match &recovered.recovery {
        Recovery::Undone { temporaries_removed } => format!(
            "an interrupted --write had changed no document; {temporaries_removed} temporar{} removed ({journal})",
            if *temporaries_removed == 1 { "y" } else { "ies" }
        ),
        Recovery::Finished { replaced, already_replaced, changed_since, lost } => {
            let mut line = format!(
                "finished an interrupted --write: {} document{} replaced now, {already_replaced} before ({journal})",
                replaced.len(),
                if replaced.len() == 1 { "" } else { "s" }
            );
            for path in changed_since {
                line += &format!("; {} changed since, left as it is", path.display());
            }
            for path in lost {
                line += &format!("; {} left as it was (its new version is gone)", path.display());
            }
            line
        }
        Recovery::InUse => format!("{journal} belongs to a trame still running; left alone"),
        Recovery::NotOurs => format!("{journal} is not a journal of yours; left alone"),
    }
}
