//! How a subcommand fails: a message for stderr and an exit code.

use std::fmt;
use std::io;

/// A failed command: exit code 2 for errors (bad input, unreadable files), 1 for "nothing found" or a
/// failed check.
#[derive(Debug)]
pub(crate) struct Failure {
    message: String,
    code: u8,
    broken_pipe: bool,
}

impl Failure {
    /// An error (exit code 2).
    pub(crate) fn error(message: impl fmt::Display) -> Self {
        Failure { message: message.to_string(), code: 2, broken_pipe: false }
    }

    /// Nothing to do or nothing found (exit code 1), said on stderr.
    pub(crate) fn nothing(message: impl fmt::Display) -> Self {
        Failure { message: message.to_string(), code: 1, broken_pipe: false }
    }

    /// An error while writing output; a closed pipe (`trame ... | head`) is not reported.
    pub(crate) fn write(err: io::Error, target: &str) -> Self {
        let broken_pipe = err.kind() == io::ErrorKind::BrokenPipe;
        Failure { message: format!("cannot write {target}: {err}"), code: 2, broken_pipe }
    }

    pub(crate) fn exit_code(&self) -> u8 {
        self.code
    }

    pub(crate) fn is_broken_pipe(&self) -> bool {
        self.broken_pipe
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The library's errors are errors (exit code 2) that say what they are, so that `?` takes them.
macro_rules! errors_from {
    ($($error:ty),* $(,)?) => {
        $(impl From<$error> for Failure {
            fn from(error: $error) -> Self {
                Failure::error(error)
            }
        })*
    };
}

errors_from!(
    trame::decode::DecodeError,
    trame::language::LanguageCodeError,
    trame::segment::srx::SrxError,
    trame::tbx::TbxError,
    trame::termbase::TermBaseError,
    trame::termbase::UnitSourceError,
    trame::tm::TmError,
    trame::tmx::TmxError,
);
