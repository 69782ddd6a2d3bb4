//! `FILE.bak`: the original of a file about to be replaced, created exclusively.

use super::whole::create_exclusive;
use std::io;
use std::path::{Path, PathBuf};

/// Keeps the current content of `target` as `TARGET.bak`, or `TARGET.bak.2`, `.bak.3`... when that name
/// is taken (by anything: a file, a folder, a link, dangling or not). The backup is a hard link to the
/// original where the file system allows (no copy, same owner and mode), else a copy with the original's
/// mode, created exclusively: an existing name is never written through.
pub fn make_backup(target: &Path) -> io::Result<PathBuf> {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    for k in 1u32.. {
        let backup = target.with_file_name(if k == 1 { format!("{name}.bak") } else { format!("{name}.bak.{k}") });
        match std::fs::hard_link(target, &backup) {
            Ok(()) => return Ok(backup),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(_) => {}
        }
        match copy_exclusive(target, &backup) {
            Ok(()) => return Ok(backup),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    unreachable!("some backup name is free")
}

/// Copies `from` to a new file `to` (which must not exist), with `from`'s mode.
fn copy_exclusive(from: &Path, to: &Path) -> io::Result<()> {
    let mut source = std::fs::File::open(from)?;
    let mut copy = create_exclusive(to)?;
    let result = io::copy(&mut source, &mut copy)
        .and_then(|_| copy.set_permissions(source.metadata()?.permissions()))
        .and_then(|()| copy.sync_all());
    if result.is_err() {
        let _ = std::fs::remove_file(to);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backups_take_the_next_free_name() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("doc.txt");
        std::fs::write(&doc, "v1").unwrap();
        assert_eq!(make_backup(&doc).unwrap(), dir.path().join("doc.txt.bak"));
        assert_eq!(make_backup(&doc).unwrap(), dir.path().join("doc.txt.bak.2"));
        assert_eq!(std::fs::read_to_string(dir.path().join("doc.txt.bak.2")).unwrap(), "v1");
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_never_receives_the_backup() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("doc.txt");
        std::fs::write(&doc, "secret").unwrap();
        let elsewhere = dir.path().join("elsewhere");
        std::os::unix::fs::symlink(&elsewhere, dir.path().join("doc.txt.bak")).unwrap();
        assert_eq!(make_backup(&doc).unwrap(), dir.path().join("doc.txt.bak.2"));
        assert!(!elsewhere.exists(), "the backup went through the dangling link");
        // And the copy used when hard links are refused is exclusive too.
        assert!(copy_exclusive(&doc, &dir.path().join("doc.txt.bak")).is_err());
        assert!(!elsewhere.exists());
    }
}
