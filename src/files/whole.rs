//! One file written whole or not at all, through an exclusive temporary beside it.

use super::TEMPORARY_SUFFIX;
use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::Path;
use tempfile::NamedTempFile;

/// The folder a file is in (`.` for a bare name).
pub(crate) fn folder_of(path: &Path) -> &Path {
    path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// Creates a temporary file beside `target`, hidden, under a name nobody can predict
/// (`.NAME.XXXXXXXXXXXX.trame.tmp`), exclusively: a file or link already at that name is never opened or
/// followed. It is removed when dropped, unless persisted or kept. `before_create` is called with the
/// name just before the file is created (to journal it). Its mode is the usual one for new files
/// (0666 less the umask), owner and group the process's.
pub fn temporary_beside(
    target: &Path,
    mut before_create: impl FnMut(&Path) -> io::Result<()>,
) -> io::Result<NamedTempFile> {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    tempfile::Builder::new().prefix(&format!(".{name}.")).suffix(TEMPORARY_SUFFIX).rand_bytes(12).make_in(
        folder_of(target),
        |path| {
            before_create(path)?;
            create_exclusive(path)
        },
    )
}

/// Creates `path`, failing if anything (a file, a dangling link) is already there.
pub(crate) fn create_exclusive(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o666);
    options.open(path)
}

/// Writes `path` whole or not at all: `write` fills a temporary beside it (created exclusively, under an unpredictable name),
/// which is synced and renamed over `path` only when `write` succeeds; on failure nothing is left. A
/// file replaced keeps its owner and group (where the process may set them) and its mode. A symbolic link
/// at `path` is replaced by the new file, never followed.
pub fn write_whole(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let replaced = std::fs::symlink_metadata(path).ok().filter(Metadata::is_file);
    let mut temporary = temporary_beside(path, |_| Ok(()))?;
    let mut out = BufWriter::new(temporary.as_file_mut());
    write(&mut out)?;
    out.flush()?;
    drop(out);
    if let Some(metadata) = &replaced {
        keep_owner_and_mode(temporary.as_file(), metadata)?;
    }
    temporary.as_file().sync_all()?;
    temporary.persist(path).map_err(|e| e.error)?;
    sync_folder(folder_of(path));
    Ok(())
}

/// Gives `file` the owner and group of `original` where the process may (root may; others may keep
/// their own uid and set a group they belong to), then always its mode (after the owner, since a change
/// of owner clears the set-user-id bit).
pub fn keep_owner_and_mode(file: &File, original: &Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, fchown};
        if fchown(file, Some(original.uid()), Some(original.gid())).is_err() {
            let _ = fchown(file, None, Some(original.gid()));
        }
    }
    file.set_permissions(original.permissions())
}

/// Flushes a folder's entries (renames, new files) to disk, where the platform can; errors are ignored,
/// as some file systems cannot.
pub fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(folder) = File::open(folder) {
        let _ = folder.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.txt");
        std::fs::write(&out, "old").unwrap();
        let failed = write_whole(&out, |w| {
            w.write_all(b"new, half")?;
            Err(io::Error::other("stopped"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "a temporary was left");
        write_whole(&out, |w| w.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn temporaries_are_unpredictable_and_never_follow_links() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("doc.txt");
        let a = temporary_beside(&target, |_| Ok(())).unwrap();
        let b = temporary_beside(&target, |_| Ok(())).unwrap();
        assert_ne!(a.path(), b.path());
        let name = a.path().file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with(".doc.txt.") && name.ends_with(TEMPORARY_SUFFIX), "{name}");
        // A link planted where the file is to be created is not followed.
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep").unwrap();
        std::os::unix::fs::symlink(&victim, dir.path().join("planted")).unwrap();
        assert!(create_exclusive(&dir.path().join("planted")).is_err());
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.txt");
        std::fs::write(&out, "old").unwrap();
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_whole(&out, |w| w.write_all(b"new")).unwrap();
        assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o640);
    }
}
