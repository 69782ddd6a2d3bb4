//! The time written into outputs.

/// Seconds since the epoch: `SOURCE_DATE_EPOCH` when set (reproducible output), else the clock.
pub(crate) fn now() -> u64 {
    std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|v| v.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
    })
}
