//! Several files replaced as one change, through a journal: new versions first, then the commit, then the
//! replacements.

use super::journal::{Entry, Journal, Line, StoredPath};
use super::whole::{folder_of, keep_owner_and_mode, sync_folder, temporary_beside};
use super::{FileId, make_backup};
use std::fs::{File, Metadata};
use std::io;
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// A file replaced by its new version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replaced {
    /// The file.
    pub target: PathBuf,
    /// Where its original was kept, if a backup was asked for.
    pub backup: Option<PathBuf>,
}

/// A change to several files, made as one: [`Rewrite::new_version`] for each file to change (its new
/// version goes to a temporary beside it), then [`Rewrite::commit`] replaces them all. Until the commit,
/// dropping the change removes its temporaries and leaves every file as it was. The journal (in the folder
/// given to [`Rewrite::begin`]) records each step, so that a change cut off (a kill, a crash, a full disk)
/// is undone or finished by [`super::recover`]: every file ends wholly old or wholly new.
///
/// ```
/// use std::io::Write;
/// let dir = tempfile::tempdir().unwrap();
/// let doc = dir.path().join("doc.txt");
/// std::fs::write(&doc, "old").unwrap();
/// let mut change = trame::files::Rewrite::begin(dir.path(), true).unwrap();
/// change.new_version(&doc).unwrap().write_all(b"new").unwrap();
/// let replaced = change.commit(|_| {}).unwrap();
/// assert_eq!(std::fs::read_to_string(&doc).unwrap(), "new");
/// assert_eq!(std::fs::read_to_string(replaced[0].backup.as_ref().unwrap()).unwrap(), "old");
/// ```
pub struct Rewrite {
    journal: Option<Journal>,
    pending: Vec<Pending>,
    backup: bool,
}

struct Pending {
    target: PathBuf,
    original: Metadata,
    temporary: NamedTempFile,
}

impl Rewrite {
    /// Starts a change whose journal lives in `folder` (usually the folder of the first file changed);
    /// with `backup`, each file's original is kept as `FILE.bak`.
    pub fn begin(folder: &Path, backup: bool) -> io::Result<Rewrite> {
        Ok(Rewrite { journal: Some(Journal::begin(folder)?), pending: Vec::new(), backup })
    }

    /// The file to write the new version of `target` to. `target` must be a regular file; give the path
    /// a link points to (canonical) to keep links as links.
    pub fn new_version(&mut self, target: &Path) -> io::Result<&mut File> {
        let original = std::fs::metadata(target)?;
        if !original.is_file() {
            return Err(io::Error::other(format!("{} is not a regular file", target.display())));
        }
        let journal = self.journal.as_mut().expect("open until commit");
        let temporary =
            temporary_beside(target, |path| journal.append(&Line::Temporary { path: StoredPath::new(path) }))?;
        self.pending.push(Pending { target: target.to_path_buf(), original, temporary });
        Ok(self.pending.last_mut().expect("just pushed").temporary.as_file_mut())
    }

    /// Drops the last new version (the file needs no change): its temporary is removed.
    pub fn discard_last(&mut self) {
        self.pending.pop();
    }

    /// How many files the change will replace.
    pub fn len(&self) -> usize {
        self.pending.len()
    }

    /// Whether the change replaces nothing.
    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// Replaces every file with its new version, keeping owner, group and mode, and a backup when asked;
    /// `replaced` is called after each replacement. If this fails after the commit, the journal stays, for
    /// [`super::recover`] to finish the change.
    pub fn commit(mut self, mut replaced: impl FnMut(&Path)) -> io::Result<Vec<Replaced>> {
        let mut journal = self.journal.take().expect("open until commit");
        let pending = std::mem::take(&mut self.pending);
        let entries = match prepare(pending, self.backup) {
            Ok(entries) => entries,
            Err((error, temporaries)) => {
                temporaries.iter().for_each(|t| drop(std::fs::remove_file(t)));
                journal.close()?;
                return Err(error);
            }
        };
        if let Err(error) = journal.append(&Line::Commit { entries: entries.clone() }) {
            entries.iter().for_each(|e| drop(std::fs::remove_file(e.temporary.path())));
            journal.close()?;
            return Err(error);
        }
        let mut done = Vec::new();
        for entry in &entries {
            if let State::Replaced(backup) = finish(entry, None, &mut journal)? {
                let target = entry.target.path();
                replaced(&target);
                done.push(Replaced { target, backup });
            }
        }
        entries.iter().map(|e| e.target.path()).for_each(|t| sync_folder(folder_of(&t)));
        journal.close()?;
        Ok(done)
    }
}

impl Drop for Rewrite {
    fn drop(&mut self) {
        self.pending.clear();
        if let Some(journal) = self.journal.take() {
            let _ = journal.close();
        }
    }
}

/// Syncs each new version with the original's owner and mode and keeps it past the process; on failure,
/// the error and the temporaries kept so far.
fn prepare(pending: Vec<Pending>, backup: bool) -> Result<Vec<Entry>, (io::Error, Vec<PathBuf>)> {
    let mut entries = Vec::new();
    let mut kept = Vec::new();
    for item in pending {
        let file = item.temporary.as_file();
        let new = keep_owner_and_mode(file, &item.original)
            .and_then(|()| file.sync_all())
            .and_then(|()| file.metadata())
            .map(|m| FileId::from_metadata(&m, item.temporary.path()));
        let new = match new {
            Ok(new) => new,
            Err(e) => return Err((e, kept)),
        };
        let temporary = match item.temporary.into_temp_path().keep() {
            Ok(path) => path,
            Err(e) => return Err((e.error, kept)),
        };
        kept.push(temporary.clone());
        entries.push(Entry {
            original: FileId::from_metadata(&item.original, &item.target),
            target: StoredPath::new(&item.target),
            temporary: StoredPath::new(&temporary),
            new,
            backup,
        });
    }
    kept.iter().for_each(|t| sync_folder(folder_of(t)));
    Ok(entries)
}

/// What became of one file of a committed change.
pub(crate) enum State {
    /// Replaced now (with its backup, if one was made).
    Replaced(Option<PathBuf>),
    /// Replaced before.
    AlreadyReplaced,
    /// Changed by someone else since the new version was written: left as it is, the new version dropped.
    ChangedSince,
    /// The new version is gone and the file is the original: left as it is.
    Lost,
}

/// Puts one new version in place, unless that was done already or the file changed since; `backup` is
/// the backup already made for it, if any.
pub(crate) fn finish(entry: &Entry, backup: Option<PathBuf>, journal: &mut Journal) -> io::Result<State> {
    let (target, temporary) = (entry.target.path(), entry.temporary.path());
    let current = FileId::of_link(&target).ok();
    if current == Some(entry.new) {
        return Ok(State::AlreadyReplaced);
    }
    let temporary_is_ours = FileId::of_link(&temporary).ok() == Some(entry.new);
    if current != Some(entry.original) {
        if temporary_is_ours {
            std::fs::remove_file(&temporary)?;
        }
        return Ok(State::ChangedSince);
    }
    if !temporary_is_ours {
        return Ok(State::Lost);
    }
    let backup = match backup {
        Some(made) => Some(made),
        None if entry.backup => {
            let made = make_backup(&target)?;
            journal.append(&Line::Backup { target: entry.target.clone(), backup: StoredPath::new(&made) })?;
            Some(made)
        }
        None => None,
    };
    std::fs::rename(&temporary, &target)?;
    Ok(State::Replaced(backup))
}
