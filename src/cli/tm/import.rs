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
counted). The import is one transaction: if it fails or is interrupted, the memory is as it was. A unit
that is not a proper one (a malformed language tag, a segment longer than --max-segment-size) is reported
with its line and column and left out, the others imported; the exit status is then 2. A file that is not
TMX, or is cut off, stops the import with nothing changed.";

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
    let mut skipped = 0usize;
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
                skipped += 1;
                bar.suspend(|| {
                    eprintln!("trame: {name}:{}:{}: unit left out: {}", problem.line, problem.column, problem.message)
                });
            })
            .map_err(Failure::error)?;
    }
    let summary = import.commit().map_err(Failure::error)?;
    bar.finish_and_clear();
    println!(
        "{} units added, {} already there, from {} file{} into {}",
        summary.added,
        summary.merged,
        args.files.len(),
        if args.files.len() == 1 { "" } else { "s" },
        memory.path().display()
    );
    if skipped > 0 {
        return Err(Failure::error(format!(
            "{skipped} unit{} left out (see above); the others were imported",
            if skipped == 1 { "" } else { "s" }
        )));
    }
    Ok(Outcome::Done)
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
