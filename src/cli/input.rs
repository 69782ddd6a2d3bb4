//! Reading an input file, or standard input for `-`, as text.

use super::Failure;
use std::io::Read;
use std::path::Path;

/// The name used for standard input in messages.
pub(crate) const STDIN: &str = "<stdin>";

/// Reads `path` (`-` for standard input) and decodes it (see [`trame::decode`]); `encoding` forces one.
pub(crate) fn read_text(path: &Path, encoding: Option<&str>) -> Result<String, Failure> {
    let (bytes, name) = read_bytes(path)?;
    trame::decode::decode(bytes, &name, encoding).map_err(Failure::from)
}

/// `path` (`-` for standard input) opened to be read as a stream, and its name for messages.
pub(crate) fn open(path: &Path) -> Result<(Box<dyn Read + Send>, String), Failure> {
    if path.as_os_str() == "-" {
        return Ok((Box::new(std::io::stdin()), STDIN.to_string()));
    }
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Failure::error(format!("cannot read {name}: {e}")))?;
    Ok((Box::new(file), name))
}

/// The bytes of `path` (`-` for standard input), and its name for messages.
pub(crate) fn read_bytes(path: &Path) -> Result<(Vec<u8>, String), Failure> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().lock().read_to_end(&mut bytes).map_err(|e| Failure::error(format!("{STDIN}: {e}")))?;
        return Ok((bytes, STDIN.to_string()));
    }
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Failure::error(format!("cannot read {name}: {e}")))?;
    Ok((bytes, name))
}
