//! Where a command writes: standard output, or a file written whole or not at all.

use super::Failure;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Where a command writes: `-o OUT` (with `--force` to replace it) or standard output.
#[derive(clap::Args)]
pub(crate) struct OutputArgs {
    /// Write here instead of standard output (the whole output or nothing).
    #[arg(long, short, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Replace OUT if it exists.
    #[arg(long)]
    force: bool,
}

impl OutputArgs {
    /// Runs `write` against the chosen destination (see [`write_output`]).
    pub(crate) fn write(&self, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), Failure> {
        write_output(self.output.as_deref(), self.force, write)
    }

    /// Whether -o was given.
    pub(crate) fn is_given(&self) -> bool {
        self.output.is_some()
    }

    /// OUT when it is an existing folder, or a path ending in `/`.
    pub(crate) fn folder(&self) -> Option<&Path> {
        self.output.as_deref().filter(|p| p.is_dir() || p.to_string_lossy().ends_with('/'))
    }

    /// Writes `file` (inside the output folder) whole or not at all, with the same `--force` rule.
    pub(crate) fn write_file(
        &self,
        file: &Path,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), Failure> {
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Failure::write(e, &parent.display().to_string()))?;
        }
        write_output(Some(file), self.force, write)
    }
}

/// Runs `write` against standard output (`None` or `-`), or against a temporary file beside `path` that is
/// renamed over it only when `write` succeeds, so that a failure leaves no partial output. An existing
/// `path` is replaced only with `force`.
pub(crate) fn write_output(
    path: Option<&Path>,
    force: bool,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Failure> {
    let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
        let stdout = io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        return write(&mut out).and_then(|()| out.flush()).map_err(|e| Failure::write(e, "to standard output"));
    };
    let name = path.display().to_string();
    if path.exists() && !force {
        return Err(Failure::error(format!("{name} exists; pass --force to replace it")));
    }
    let temporary = temporary_beside(path);
    let result = File::create(&temporary).and_then(|file| {
        let mut out = BufWriter::new(file);
        write(&mut out)?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()
    });
    match result.and_then(|()| std::fs::rename(&temporary, path)) {
        Ok(()) => Ok(()),
        Err(err) => {
            let _ = std::fs::remove_file(&temporary);
            Err(Failure::write(err, &name))
        }
    }
}

/// A temporary file name beside `path`, hidden, for writing it whole or not at all.
pub(crate) fn temporary_beside(path: &Path) -> PathBuf {
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{file_name}.trame-{}.tmp", std::process::id()))
}
