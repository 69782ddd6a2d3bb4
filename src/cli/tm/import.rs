//! `trame tm import`: TMX files into a memory, all in one transaction.

use super::MemoryArgs;
use crate::cli::{Failure, Outcome};
use indicatif::{ProgressBar, ProgressStyle};
use std::fs::File;
use std::io::IsTerminal;
use std::path::PathBuf;
use trame::tmx::TmxReader;

const EXAMPLES: &str = "\
Examples:
  trame tm import project_save.tmx
  trame tm import memories/*.tmx --tm client.sqlite

Reads TMX 1.1 to 1.4b in UTF-8, UTF-16 or a declared legacy encoding, keeping every language variant,
inline codes, properties and notes. Units that are the same once normalised are merged (their usage is
counted). The import is one transaction: if it fails or is interrupted, the memory is as it was, and a
memory created for an import that fails is removed. A unit that is not a proper one is reported with its
line and column and left out, the others imported; the exit status is then 2. A file that is not TMX, or
is cut off, stops the import with nothing changed.";

/// Import TMX files into a memory.
#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub(crate) struct Args {
    /// TMX files (`-` reads standard input).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    #[command(flatten)]
    memory: MemoryArgs,
}

pub(crate) fn run(args: Args) -> Result<Outcome, Failure> {
    let path = args.memory.path();
    let new_memory = std::fs::symlink_metadata(&path).is_err();
    let mut committed = false;
    let result = import(&args, &mut committed);
    if result.is_err() && new_memory && !committed {
        // The memory was created for this import, which failed before adding anything: leave no empty one.
        for suffix in ["", "-journal", "-wal", "-shm"] {
            let mut name = path.clone().into_os_string();
            name.push(suffix);
            let _ = std::fs::remove_file(name);
        }
    }
    result
}

/// Imports the files; `committed` is set once the units are in the memory.
fn import(args: &Args, committed: &mut bool) -> Result<Outcome, Failure> {
    let mut memory = args.memory.open()?;
    let total: u64 = args.files.iter().filter_map(|f| f.metadata().ok()).map(|m| m.len()).sum();
    let bar = if total > 32 << 20 && std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(total);
        bar.set_style(
            ProgressStyle::with_template("importing {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} {eta}")
                .expect("valid template"),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let mut import = memory.import().map_err(Failure::error)?;
    // Units left out, and parts of headers.
    let mut skipped = (0usize, 0usize);
    for path in &args.files {
        let name = path.display().to_string();
        let input: Box<dyn std::io::Read + Send> = if path.as_os_str() == "-" {
            Box::new(std::io::stdin())
        } else {
            let file = File::open(path).map_err(|e| Failure::error(format!("cannot read {name}: {e}")))?;
            Box::new(bar.wrap_read(file))
        };
        let reader = TmxReader::open(input, &name).map_err(Failure::error)?;
        import.set_origin(&name, reader.header()).map_err(Failure::error)?;
        import
            .add_tmx(reader, &mut |problem| {
                if problem.in_header {
                    skipped.1 += 1;
                } else {
                    skipped.0 += 1;
                }
                bar.suspend(|| eprintln!("trame: {name}:{}:{}: {problem}", problem.line, problem.column));
            })
            .map_err(Failure::error)?;
    }
    let summary = import.commit().map_err(Failure::error)?;
    *committed = true;
    bar.finish_and_clear();
    println!(
        "{} units added, {} already there, from {} file{} into {}",
        summary.added,
        summary.merged,
        args.files.len(),
        if args.files.len() == 1 { "" } else { "s" },
        memory.path().display()
    );
    if skipped != (0, 0) {
        return Err(Failure::error(format!("{} left out (see above); the others were imported", left_out(skipped))));
    }
    Ok(Outcome::Done)
}

/// "2 units and 1 part of a header", from those counts.
fn left_out((units, header): (usize, usize)) -> String {
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (units, header) {
        (_, 0) => plural(units, "unit", "units"),
        (0, _) => plural(header, "part of a header", "parts of headers"),
        _ => {
            format!("{} and {}", plural(units, "unit", "units"), plural(header, "part of a header", "parts of headers"))
        }
    }
}
