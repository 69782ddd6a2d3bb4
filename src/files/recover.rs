//! Finishing or undoing a change that was cut off, from its journal.

use super::TEMPORARY_SUFFIX;
use super::journal::{Entry, Journal, Line, is_journal_name};
use super::rewrite::{Replaced, State, finish};
use super::whole::folder_of;
use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

/// A journal found and dealt with.
#[derive(Debug)]
pub struct Recovered {
    /// The journal (now removed, unless the change is still running).
    pub journal: PathBuf,
    /// What was done.
    pub recovery: Recovery,
}

/// What recovering a change did.
#[derive(Debug)]
pub enum Recovery {
    /// The change was cut off before its commit: no file had been replaced; its temporaries were removed.
    Undone {
        /// How many temporaries were removed.
        temporaries_removed: usize,
    },
    /// The change had been committed: every file it replaces now holds its new version.
    Finished {
        /// The files replaced now.
        replaced: Vec<Replaced>,
        /// How many had been replaced before the cut.
        already_replaced: usize,
        /// Files changed by someone else since the change wrote their new version: left as they are.
        changed_since: Vec<PathBuf>,
        /// Files whose new version is gone: left as they were.
        lost: Vec<PathBuf>,
    },
    /// A running trame holds the journal: nothing was done.
    InUse,
    /// Not trame's journal, or not this user's: left alone.
    NotOurs,
}

/// The journals in `folder` (hidden files `.trame-journal.*.jsonl`; links are not journals).
pub fn find_journals(folder: &Path) -> io::Result<Vec<PathBuf>> {
    let mut journals = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let entry = entry?;
        if is_journal_name(&entry.file_name().to_string_lossy()) && entry.file_type()?.is_file() {
            journals.push(entry.path());
        }
    }
    journals.sort();
    Ok(journals)
}

/// Recovers the change a journal records: before its commit, removes the temporaries it created; after,
/// finishes replacing its files (with their backups), leaving alone any file changed since. Then removes
/// the journal. A journal a running process holds is left alone, as is one owned by another user or
/// naming files outside its entries' folders.
pub fn recover(journal_path: &Path) -> io::Result<Recovered> {
    let recovered = |recovery| Ok(Recovered { journal: journal_path.to_path_buf(), recovery });
    if !owned_by_us(journal_path)? {
        return recovered(Recovery::NotOurs);
    }
    let Some(mut journal) = Journal::take_over(journal_path)? else {
        return recovered(Recovery::InUse);
    };
    let lines = journal.lines()?;
    if !matches!(lines.first(), Some(Line::Begin { .. }) | None) {
        return recovered(Recovery::NotOurs);
    }
    let commit = lines.iter().find_map(|l| match l {
        Line::Commit { entries } => Some(entries.clone()),
        _ => None,
    });
    let recovery = match commit {
        None => undo(&lines)?,
        Some(entries) if entries.iter().all(plausible) => redo(&entries, &lines, &mut journal)?,
        Some(_) => return recovered(Recovery::NotOurs),
    };
    journal.close()?;
    recovered(recovery)
}

/// Removes the temporaries a change created before it was cut off.
fn undo(lines: &[Line]) -> io::Result<Recovery> {
    let mut temporaries_removed = 0;
    for line in lines {
        if let Line::Temporary { path } = line {
            let path = path.path();
            let ours = path.file_name().is_some_and(|n| n.to_string_lossy().ends_with(TEMPORARY_SUFFIX));
            let is_file = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file());
            if ours && is_file {
                std::fs::remove_file(&path)?;
                temporaries_removed += 1;
            }
        }
    }
    Ok(Recovery::Undone { temporaries_removed })
}

/// Finishes a committed change.
fn redo(entries: &[Entry], lines: &[Line], journal: &mut Journal) -> io::Result<Recovery> {
    let backups: HashMap<PathBuf, PathBuf> = lines
        .iter()
        .filter_map(|l| match l {
            Line::Backup { target, backup } => Some((target.path(), backup.path())),
            _ => None,
        })
        .collect();
    let (mut replaced, mut already_replaced, mut changed_since, mut lost) = (Vec::new(), 0, Vec::new(), Vec::new());
    for entry in entries {
        let target = entry.target.path();
        match finish(entry, backups.get(&target).cloned(), journal)? {
            State::Replaced(backup) => replaced.push(Replaced { target, backup }),
            State::AlreadyReplaced => already_replaced += 1,
            State::ChangedSince => changed_since.push(target),
            State::Lost => lost.push(target),
        }
    }
    Ok(Recovery::Finished { replaced, already_replaced, changed_since, lost })
}

/// An entry names a temporary of trame's beside its target: a journal naming anything else is not
/// followed.
fn plausible(entry: &Entry) -> bool {
    let (target, temporary) = (entry.target.path(), entry.temporary.path());
    let ours = temporary.file_name().is_some_and(|n| n.to_string_lossy().ends_with(TEMPORARY_SUFFIX));
    ours && target.is_absolute() && folder_of(&target) == folder_of(&temporary)
}

/// Whether the journal belongs to the user running this process (a journal planted by another user in a
/// shared folder is never acted on).
#[cfg(target_os = "linux")]
fn owned_by_us(path: &Path) -> io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    Ok(std::fs::symlink_metadata(path)?.uid() == rustix::process::geteuid().as_raw())
}

#[cfg(not(target_os = "linux"))]
fn owned_by_us(path: &Path) -> io::Result<bool> {
    Ok(std::fs::symlink_metadata(path)?.is_file())
}
