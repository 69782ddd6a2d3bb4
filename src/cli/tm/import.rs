//! `trame tm import`: TMX files into a memory, all in one transaction.

use super::MemoryArgs;
use crate::cli::{Failure, Outcome};
use indicatif::{ProgressBar, ProgressStyle};
use std::fs::File;
use std::io::IsTerminal;
use std::path::PathBuf;
use trame::tmx::{ReadLimits, TmxReader};

const EXAMPLES: &str = "\
Examples:
  trame tm import project_save.tmx
  trame tm import memories/*.tmx --tm client.sqlite

Reads TMX 1.1 to 1.4b in UTF-8, UTF-16 or a declared legacy encoding, keeping every language variant,
inline codes, properties and notes. Units that are the same once normalised are merged (their usage is
counted). The import is one transaction: if it fails or is interrupted, the memory is as it was, and a
memory created for an import that fails is removed. A unit that is not a proper one (a malformed language
tag, a segment longer than --max-segment-size) is reported with its line and column and left out, the
others imported; the exit status is then 2. A file that is not TMX, or is cut off, stops the import with
nothing changed.";

/// Import TMX files into a memory.
#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub(crate) struct Args {
    /// TMX files (`-` reads standard input).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Leave out (and report) a unit whose <seg>, <note> or <prop> takes more than BYTES of the file, tags
    /// included, or whose <tu> takes more than 8 times that; a suffix K, M or G counts in KiB, MiB, GiB.
    #[arg(long, value_name = "BYTES", default_value = "1M", value_parser = byte_size)]
    max_segment_size: u64,
    #[command(flatten)]
    memory: MemoryArgs,
}

/// A number of bytes, with an optional suffix K, M or G (powers of 1024; `KB`, `MiB` also read): `512K`.
fn byte_size(text: &str) -> Result<u64, String> {
    let upper = text.trim().to_ascii_uppercase();
    let number = upper.strip_suffix("IB").or_else(|| upper.strip_suffix('B')).unwrap_or(&upper);
    let (digits, shift) = [('K', 10), ('M', 20), ('G', 30)]
        .into_iter()
        .find_map(|(suffix, shift)| number.strip_suffix(suffix).map(|digits| (digits, shift)))
        .unwrap_or((number, 0));
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .filter(|&bytes| bytes > 0)
        .ok_or_else(|| format!("'{text}' is not a size in bytes (expected e.g. 1048576, 512K, 1M)"))
}

pub(crate) fn run(args: Args) -> Result<Outcome, Failure> {
    let path = args.memory.path();
    // A PostgreSQL memory's tables stay (an import that fails leaves them as they were).
    let new_memory = args.memory.postgres_url().is_none() && std::fs::symlink_metadata(&path).is_err();
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
        let limits = ReadLimits { max_segment_size: args.max_segment_size };
        let reader = TmxReader::open_with_limits(input, &name, limits).map_err(Failure::error)?;
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

#[cfg(test)]
mod tests {
    use super::byte_size;

    #[test]
    fn sizes_are_read_with_their_suffix() {
        for (text, bytes) in
            [("1048576", 1 << 20), ("512K", 512 << 10), ("1M", 1 << 20), ("2mb", 2 << 20), ("1GiB", 1 << 30)]
        {
            assert_eq!(byte_size(text), Ok(bytes), "{text}");
        }
        for text in ["", "0", "M", "1.5M", "-1", "1T", "1Mé", "é", "18446744073709551615G"] {
            assert!(byte_size(text).is_err(), "{text}");
        }
    }
}
