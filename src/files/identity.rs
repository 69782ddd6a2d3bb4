//! Which file a name leads to: device and inode, so that two names of one file count once.

use serde::{Deserialize, Serialize};
use std::fs::Metadata;
use std::io;
use std::path::Path;

/// The identity of a file (device and inode on Unix): the same for every name of it, links included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FileId {
    /// The device the file is on.
    pub device: u64,
    /// Its inode on that device.
    pub inode: u64,
}

impl FileId {
    /// The file `path` leads to, following symbolic links.
    pub fn of(path: &Path) -> io::Result<FileId> {
        Ok(FileId::from_metadata(&std::fs::metadata(path)?, path))
    }

    /// The file `path` names itself, a symbolic link being a file of its own.
    pub fn of_link(path: &Path) -> io::Result<FileId> {
        Ok(FileId::from_metadata(&std::fs::symlink_metadata(path)?, path))
    }

    /// The identity in `metadata` (read from `path`).
    #[cfg(unix)]
    pub fn from_metadata(metadata: &Metadata, _path: &Path) -> FileId {
        use std::os::unix::fs::MetadataExt;
        FileId { device: metadata.dev(), inode: metadata.ino() }
    }

    /// The identity in `metadata` (read from `path`): without inodes, a hash of the canonical path.
    #[cfg(not(unix))]
    pub fn from_metadata(_metadata: &Metadata, path: &Path) -> FileId {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()).hash(&mut hasher);
        FileId { device: 0, inode: hasher.finish() }
    }
}

/// Whether two paths lead to the same existing file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    matches!((FileId::of(a), FileId::of(b)), (Ok(x), Ok(y)) if x == y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_one_file_have_one_identity() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::fs::write(&a, "x").unwrap();
        std::fs::write(&b, "x").unwrap();
        assert_ne!(FileId::of(&a).unwrap(), FileId::of(&b).unwrap());
        std::fs::hard_link(&a, dir.path().join("c")).unwrap();
        assert!(same_file(&a, &dir.path().join("c")));
        assert!(same_file(&a, &dir.path().join(".").join("a")));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&a, dir.path().join("l")).unwrap();
            assert!(same_file(&a, &dir.path().join("l")));
            assert_ne!(FileId::of_link(&dir.path().join("l")).unwrap(), FileId::of(&a).unwrap());
        }
        assert!(!same_file(&a, &dir.path().join("missing")));
    }
}
