//! `trame normalize`: find the deprecated spellings of a term base's names and terms in documents, and
//! report them (`--check`), show the changes (`--diff`) or make them (`--write`).

use super::input::STDIN;
use super::lookup::load_glossary;
use super::output::temporary_beside;
use super::{Failure, Outcome};
use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressStyle};
use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, IsTerminal, Read, Seek, Write};
use std::path::{Path, PathBuf};
use trame::Language;
use trame::normalize::{DocumentFormat, Finding, NormalizeError, NormalizeOptions, Normalizer, write_diff};

const EXAMPLES: &str = "\
Examples:
  trame normalize article.fr.md --lang fr                 report (exit 1 when something is found)
  trame normalize article.fr.md --lang fr --diff          show the changes as a unified diff
  trame normalize article.fr.md --lang fr --write         make them (article.fr.md.bak keeps the original)
  trame normalize *.html --lang fr --report json --include admitted
  cat draft.txt | trame normalize - --lang en --write > clean.txt

What is replaced: the deprecated variants and probable errors of the glossary's terms in that language,
and their spellings in other languages, by the preferred term (Lukachenko -> Loukachenko in French,
Loukachenko -> Lukashenko in English). Whole words only, case and accents aside; the replacement takes
the case of what it replaces. Never inside web or e-mail addresses, code, HTML tags and attributes, or
Markdown link targets. To leave a spelling alone: --keep FORM, or `trame:keep` on its line, or the lines
between `trame:keep-begin` and `trame:keep-end` (e.g. in HTML comments).

Exit status: 0 clean (or written), 1 spellings found (--check) or changes shown (--diff), 2 error (then
no file is changed).";

/// Find deprecated spellings in documents and replace them with the preferred form.
#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub(crate) struct Args {
    /// The documents (plain text, Markdown or HTML); `-` reads standard input.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Language of the documents: replacements are its preferred terms.
    #[arg(long, short)]
    lang: Language,
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
    /// With --write: keep no backup.
    #[arg(long, requires = "write")]
    no_backup: bool,
    /// Report format (on standard output; on standard error when the document goes there).
    #[arg(long, value_enum, default_value_t = Report::Text)]
    report: Report,
    /// Also replace variants the glossary admits.
    #[arg(long, value_enum, value_name = "STATUS")]
    include: Vec<Include>,
    /// Never replace this spelling (repeatable).
    #[arg(long, value_name = "TERM")]
    keep: Vec<String>,
    /// Document format. Default: from the extension (.md, .html, else plain text).
    #[arg(long, value_enum)]
    format: Option<Format>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
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
}

pub(crate) fn run(args: Args) -> Result<Outcome, Failure> {
    let documents = documents(&args)?;
    let base = load_glossary(args.glossary.as_deref())?;
    let language = args.lang.primary();
    if !base.concepts.iter().any(|c| c.languages.contains_key(&language)) {
        return Err(Failure::error(format!("the glossary has no terms in '{language}'")));
    }
    let options =
        NormalizeOptions { include_admitted: args.include.contains(&Include::Admitted), keep: args.keep.clone() };
    let normalizer = Normalizer::new(&base, &language, &options);
    let stdin_to_stdout = args.write && documents.iter().any(|d| d.stdin);
    let reporting = |e: io::Error| Failure::write(e, "the report");
    let mut reporter = Reporter::new(args.report, args.diff || stdin_to_stdout).map_err(reporting)?;
    let mut written = Vec::new();
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
                write_document(&normalizer, document, &mut written, &mut report)?;
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
    if let Err(failure) = result {
        for (temporary, _) in &written {
            let _ = fs::remove_file(temporary);
        }
        return Err(failure);
    }
    // Every document was read and its new version written: only now are the originals replaced.
    for (temporary, document) in &written {
        replace(temporary, document, !args.no_backup)?;
    }
    let found = reporter.count;
    reporter.finish().map_err(reporting)?;
    Ok(if found > 0 && !args.write { Outcome::NothingFound } else { Outcome::Done })
}

/// The documents named, each checked before anything is read: it exists, is a file, and can be
/// replaced when writing.
fn documents(args: &Args) -> Result<Vec<Document>, Failure> {
    if args.files.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err(Failure::error("standard input (-) can be read only once"));
    }
    let mut documents = Vec::new();
    for path in &args.files {
        let format = match args.format {
            Some(Format::Text) => DocumentFormat::Text,
            Some(Format::Markdown) => DocumentFormat::Markdown,
            Some(Format::Html) => DocumentFormat::Html,
            None => DocumentFormat::from_path(path),
        };
        if path.as_os_str() == "-" {
            documents.push(Document { path: path.clone(), name: STDIN.into(), format, stdin: true });
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
        documents.push(Document { path: path.clone(), name, format, stdin: false });
    }
    Ok(documents)
}

/// Opens a document for reading, with a progress bar for a large file read on a terminal.
fn open(document: &Document) -> Result<Box<dyn Read>, Failure> {
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
            let original = File::open(&document.path)
                .map_err(|e| Failure::error(format!("cannot read {}: {e}", document.name)))?;
            print_diff(BufReader::new(original), &findings, document)?;
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

/// Normalises a document into a temporary file beside it (to stdout for `-`), noted in `written` when
/// something changed; the original is replaced later.
fn write_document(
    normalizer: &Normalizer,
    document: &Document,
    written: &mut Vec<(PathBuf, PathBuf)>,
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
    let temporary = temporary_beside(&target);
    let file = File::create(&temporary).map_err(|e| Failure::write(e, &document.name))?;
    written.push((temporary.clone(), target.clone()));
    let mut out = BufWriter::new(file);
    let summary = normalizer
        .run(input, Some(&mut out), document.format, &document.name, report)
        .map_err(|e| failure(e, document))?;
    let file = out.into_inner().map_err(|e| Failure::write(e.into_error(), &document.name))?;
    if summary.findings == 0 {
        written.pop();
        let _ = fs::remove_file(&temporary);
        return Ok(());
    }
    file.sync_all().map_err(|e| Failure::write(e, &document.name))?;
    let permissions = fs::metadata(&target).map_err(|e| Failure::write(e, &document.name))?.permissions();
    fs::set_permissions(&temporary, permissions).map_err(|e| Failure::write(e, &document.name))?;
    Ok(())
}

/// Puts the new version of a document in place, keeping the original as FILE.bak (FILE.bak.2... when
/// that exists).
fn replace(temporary: &Path, target: &Path, backup: bool) -> Result<(), Failure> {
    let name = target.display().to_string();
    if backup {
        let backup = backup_path(target);
        fs::hard_link(target, &backup)
            .or_else(|_| fs::copy(target, &backup).map(|_| ()))
            .map_err(|e| Failure::write(e, &backup.display().to_string()))?;
    }
    fs::rename(temporary, target).map_err(|e| {
        let _ = fs::remove_file(temporary);
        Failure::write(e, &name)
    })
}

fn backup_path(target: &Path) -> PathBuf {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut path = target.with_file_name(format!("{name}.bak"));
    let mut k = 2;
    while path.exists() {
        path = target.with_file_name(format!("{name}.bak.{k}"));
        k += 1;
    }
    path
}
