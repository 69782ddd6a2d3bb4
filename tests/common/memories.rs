//! The memories the TM tests run on: an SQLite file always, and a PostgreSQL database when
//! `TRAME_TEST_PG` names a server (`export TRAME_TEST_PG=$(bash .ci/pg-start)`), each test's in a
//! database of its own so that tests run side by side.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Where each backend's memory is, as `--tm` takes it: `dir/tm.sqlite`, then a new PostgreSQL database.
pub fn memories(dir: &Path) -> Vec<PathBuf> {
    let mut all = vec![dir.join("tm.sqlite")];
    all.extend(postgres_memory());
    all
}

/// The URL of a new, empty PostgreSQL database, or `None` after saying why PostgreSQL is not tested.
pub fn postgres_memory() -> Option<PathBuf> {
    match std::env::var("TRAME_TEST_PG") {
        Ok(server) => Some(PathBuf::from(super::scratch_pg::scratch_postgres_database(&server, "trame_test").unwrap())),
        Err(_) => {
            eprintln!(
                "PostgreSQL memory not tested: TRAME_TEST_PG is unset (export TRAME_TEST_PG=$(bash .ci/pg-start))"
            );
            None
        }
    }
}

/// Whether `memory` is a PostgreSQL one.
pub fn is_postgres(memory: &Path) -> bool {
    memory.to_str().is_some_and(trame::tm::is_postgres_url)
}
