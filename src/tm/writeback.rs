//! Early write-back of a long import's write-ahead log.
//!
//! SQLite appends an import's pages to the WAL file and forces them to disk once, when the import
//! commits. The operating system starts writing dirty pages back only once a share of the machine's
//! memory is dirty, so on a large import the commit would wait for the whole log to reach the disk
//! (seconds for a gigabyte), and then the checkpoint that copies the log into the database would wait
//! again for the database file. A helper thread asks for each file to be written back as it grows, so
//! that the disk works while trame reads, writes and copies. It changes nothing in what is written or
//! when the import counts as done.
//!
//! Pages of the database file written back are then dropped from the system's cache (the import does not
//! read them again): the memory they held takes the next pages the checkpoint writes. Fresh memory is
//! slow to fill on some virtual machines (a first write of 1 GB to a new file ran at 386 MB/s here, the
//! next at 5 GB/s), and on a 1 GB import this made the commit 1.5-2 s shorter. The log is kept: the
//! checkpoint reads it.

use std::fs::{File, OpenOptions};
use std::path::PathBuf;
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Duration;

/// How often the log's size is looked at.
const TICK: Duration = Duration::from_millis(200);
/// Growth of the log after which it is written back.
const STEP: u64 = 32 << 20;

/// The helper thread; stopped when dropped.
pub(crate) struct WriteBack {
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl WriteBack {
    /// Starts writing back `database`'s WAL file as it grows, and the database file itself (which grows
    /// when the log is copied into it at the commit); nothing for an in-memory database.
    pub(crate) fn start(database: Option<&str>) -> WriteBack {
        let Some(database) = database.filter(|d| !d.is_empty()) else {
            return WriteBack { stop: None, thread: None };
        };
        // The log, and the database file (its pages dropped from the cache once on disk).
        let mut files = [Watched::new(format!("{database}-wal"), false), Watched::new(database.into(), true)];
        let (stop, stopped) = mpsc::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("trame-writeback".into())
            .spawn(move || {
                while let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(TICK) {
                    files.iter_mut().for_each(Watched::tick);
                }
            })
            .ok();
        WriteBack { stop: Some(stop), thread }
    }
}

/// A file written back as it grows, opened once it exists.
struct Watched {
    path: PathBuf,
    file: Option<File>,
    /// Its length when it was last written back (or first seen).
    synced: Option<u64>,
    /// Whether its cached pages are dropped once written back.
    forget: bool,
}

impl Watched {
    fn new(path: String, forget: bool) -> Self {
        Watched { path: PathBuf::from(path), file: None, synced: None, forget }
    }

    /// Writes the file back if it grew by [`STEP`] since the last time.
    fn tick(&mut self) {
        if self.file.is_none() {
            self.file = OpenOptions::new().write(true).open(&self.path).ok();
        }
        let Some(file) = &self.file else { return };
        let Ok(length) = file.metadata().map(|m| m.len()) else { return };
        let last = *self.synced.get_or_insert(length);
        if length >= last + STEP && file.sync_data().is_ok() {
            self.synced = Some(length);
            if self.forget {
                forget(file, length);
            }
        }
    }
}

impl Drop for WriteBack {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Lets the system drop the cached pages of the first `length` bytes of `file`, already on disk.
#[cfg(target_os = "linux")]
fn forget(file: &File, length: u64) {
    let _ = rustix::fs::fadvise(file, 0, std::num::NonZeroU64::new(length), rustix::fs::Advice::DontNeed);
}

#[cfg(not(target_os = "linux"))]
fn forget(_: &File, _: u64) {}
