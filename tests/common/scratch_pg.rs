//! A PostgreSQL database of its own for each test or benchmark that uses a memory on a server: shared by
//! the unit tests (src/tm/tests.rs), the integration tests (tests/common) and benches/tm.rs, each of which
//! includes this file, so that no test helper is part of the library.
#![allow(dead_code)]

/// Makes a new, empty database on the PostgreSQL server at `url` (whose user may create databases) and
/// gives its URL: a memory of its own for each test or benchmark, so that they run side by side. Its name
/// starts with `prefix` and holds the process id and a count.
pub fn scratch_postgres_database(url: &str, prefix: &str) -> Result<String, postgres::Error> {
    static MADE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let count = MADE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    let prefix: String = prefix.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
    let name = format!("{prefix}_{}_{count}_{nanos}", std::process::id()).to_ascii_lowercase();
    let mut client = postgres::Client::connect(url, postgres::NoTls)?;
    client.batch_execute(&format!("CREATE DATABASE {name}"))?;
    Ok(with_database(url, &name))
}

/// `url` naming database `name` instead of its own.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let authority = base.find("://").map_or(0, |k| k + 3);
    let base = match base[authority..].find('/') {
        Some(slash) => &base[..authority + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{base}/{name}?{query}"),
        None => format!("{base}/{name}"),
    }
}

#[test]
fn scratch_databases_keep_the_server_and_the_options() {
    assert_eq!(with_database("postgres://u@h:5432/trame", "t1"), "postgres://u@h:5432/t1");
    assert_eq!(with_database("postgres://u@h/trame?sslmode=disable", "t1"), "postgres://u@h/t1?sslmode=disable");
    assert_eq!(with_database("postgresql://h", "t1"), "postgresql://h/t1");
}
