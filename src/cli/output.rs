//! Where a command writes: standard output, or a file written whole or not at all.

use super::Failure;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Where a command writes: `-o OUT` (with `--force` to replace it) or standard output.
#[derive(clap::Args)]
pub(crate) struct OutputArgs {
    /// Write here instead of standard output (the whole output or nothing).
    #[arg(long, short, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Replace OUT if it exists (never when it is one of the inputs).
    #[arg(long)]
    force: bool,
    /// The files and folders the command reads, which OUT must not be.
    #[arg(skip)]
    inputs: Vec<PathBuf>,
}

impl OutputArgs {
    /// Runs `write` against the chosen destination (see [`write_output`]).
    pub(crate) fn write(&self, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), Failure> {
        write_output(self.output.as_deref(), self.force, &self.inputs, write)
    }

    /// Notes that the command reads `path` (a file or a folder; `-` is ignored): OUT must not be it (an
    /// error now, before any work, when OUT is a file; when OUT is a folder, as each file is written).
    pub(crate) fn reads(&mut self, path: &Path) -> Result<(), Failure> {
        if path.as_os_str() == "-" {
            return Ok(());
        }
        if let Some(output) = self.output.as_deref().filter(|o| o.as_os_str() != "-" && overwrites(o, path)) {
            return Err(also_an_input(output, path));
        }
        self.inputs.push(path.to_path_buf());
        Ok(())
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
        write_output(Some(file), self.force, &self.inputs, write)
    }
}

/// Runs `write` against standard output (`None` or `-`), or against `path`, written whole or not at all
/// (see [`trame::files::write_whole`]). An existing `path` is replaced only with `force`, and never when
/// it is one of `inputs` (the same file, or a term base file in an input folder).
pub(crate) fn write_output(
    path: Option<&Path>,
    force: bool,
    inputs: &[PathBuf],
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Failure> {
    let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
        let stdout = io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        return write(&mut out).and_then(|()| out.flush()).map_err(|e| Failure::write(e, "to standard output"));
    };
    let name = path.display().to_string();
    if let Some(input) = inputs.iter().find(|input| overwrites(path, input)) {
        return Err(also_an_input(path, input));
    }
    if std::fs::symlink_metadata(path).is_ok() && !force {
        return Err(Failure::error(format!("{name} exists; pass --force to replace it")));
    }
    trame::files::write_whole(path, write).map_err(|e| Failure::write(e, &name))
}

fn also_an_input(output: &Path, input: &Path) -> Failure {
    let (output, input) = (output.display(), input.display());
    if output.to_string() == input.to_string() {
        Failure::error(format!("{output} is also an input; it is never overwritten (write elsewhere, then move it)"))
    } else {
        Failure::error(format!(
            "{output} is also an input ({input}); it is never overwritten (write elsewhere, then move it)"
        ))
    }
}

/// Whether writing `output` would replace `input`, or a term base file that the folder `input` holds.
fn overwrites(output: &Path, input: &Path) -> bool {
    if trame::files::same_file(output, input) {
        return true;
    }

    output.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        && input.is_dir()
        && output.parent().is_some_and(|folder| {
            let folder = if folder.as_os_str().is_empty() { Path::new(".") } else { folder };
            trame::files::same_file(folder, input)
        })
}
