//! The journal of a change to several files: what was created, then (the commit) which files are to be
//! replaced by which new versions, then the backups made. One JSON object a line, each line synced before
//! the step it announces, so that an interrupted change can be finished or undone.

use super::FileId;
use super::whole::create_exclusive;
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

/// How journal names start (`.trame-journal.XXXXXXXXXXXX.jsonl`).
pub(crate) const JOURNAL_PREFIX: &str = ".trame-journal.";
/// How journal names end.
pub(crate) const JOURNAL_SUFFIX: &str = ".jsonl";

/// A path as the journal keeps it: text when it is UTF-8, else its bytes.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(untagged)]
pub(crate) enum StoredPath {
    Text(String),
    Bytes(Vec<u8>),
}

impl StoredPath {
    pub(crate) fn new(path: &Path) -> StoredPath {
        match path.to_str() {
            Some(text) => StoredPath::Text(text.to_string()),
            None => StoredPath::Bytes(path.as_os_str().as_encoded_bytes().to_vec()),
        }
    }

    pub(crate) fn path(&self) -> PathBuf {
        match self {
            StoredPath::Text(text) => PathBuf::from(text),
            #[cfg(unix)]
            StoredPath::Bytes(bytes) => {
                use std::os::unix::ffi::OsStrExt;
                PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
            }
            #[cfg(not(unix))]
            StoredPath::Bytes(bytes) => PathBuf::from(String::from_utf8_lossy(bytes).into_owned()),
        }
    }
}

/// A file to replace: its path, the new version's temporary, and both files' identities, so that a
/// recovery can tell what was done from what was not, and a file changed since from one left as it was.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Entry {
    pub(crate) target: StoredPath,
    pub(crate) temporary: StoredPath,
    pub(crate) original: FileId,
    pub(crate) new: FileId,
    pub(crate) backup: bool,
}

/// One line of a journal.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Line {
    /// The first line: who writes the journal.
    Begin { program: String, pid: u32 },
    /// A temporary about to be created (the change owns it).
    Temporary { path: StoredPath },
    /// Every new version is complete and synced: the files are to be replaced.
    Commit { entries: Vec<Entry> },
    /// The backup of a target was made.
    Backup { target: StoredPath, backup: StoredPath },
}

/// An open journal, locked by the process writing it (a lock released when the process ends, however it
/// ends).
pub(crate) struct Journal {
    pub(crate) path: PathBuf,
    file: File,
}

impl Journal {
    /// Creates and locks a new journal in `folder`, under an unpredictable name, exclusively.
    pub(crate) fn begin(folder: &Path) -> io::Result<Journal> {
        let file = tempfile::Builder::new().prefix(JOURNAL_PREFIX).suffix(JOURNAL_SUFFIX).rand_bytes(12).make_in(
            folder,
            |path| {
                let file = create_exclusive(path)?;
                file.lock()?;
                Ok(file)
            },
        )?;
        let (file, path) = file.keep().map_err(|e| e.error)?;
        // A recovery running at the very moment of creation could have taken the empty file for a stale one.
        if FileId::of_link(&path)? != FileId::from_metadata(&file.metadata()?, &path) {
            return Err(io::Error::other(format!("{}: the journal was removed as it was created", path.display())));
        }
        let mut journal = Journal { path, file };
        journal.append(&Line::Begin { program: "trame".into(), pid: std::process::id() })?;
        Ok(journal)
    }

    /// Opens an existing journal to recover it: `None` when a running process holds it.
    pub(crate) fn take_over(path: &Path) -> io::Result<Option<Journal>> {
        let file = std::fs::OpenOptions::new().read(true).append(true).open(path)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(Journal { path: path.to_path_buf(), file })),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(e)) => Err(e),
        }
    }

    /// Appends a line and syncs it to disk.
    pub(crate) fn append(&mut self, line: &Line) -> io::Result<()> {
        let mut bytes = serde_json::to_vec(line).map_err(io::Error::other)?;
        bytes.push(b'\n');
        self.file.write_all(&bytes)?;
        self.file.sync_data()
    }

    /// The lines written so far; a last line cut off by an interruption is ignored.
    pub(crate) fn lines(&self) -> io::Result<Vec<Line>> {
        let mut lines = Vec::new();
        for line in BufReader::new(File::open(&self.path)?).lines() {
            match serde_json::from_str(&line?) {
                Ok(parsed) => lines.push(parsed),
                Err(_) => break,
            }
        }
        Ok(lines)
    }

    /// Removes the journal: the change is over.
    pub(crate) fn close(self) -> io::Result<()> {
        std::fs::remove_file(&self.path)?;
        super::sync_folder(super::whole::folder_of(&self.path));
        Ok(())
    }
}

/// Whether a file name is a journal's.
pub(crate) fn is_journal_name(name: &str) -> bool {
    name.starts_with(JOURNAL_PREFIX) && name.ends_with(JOURNAL_SUFFIX)
}
