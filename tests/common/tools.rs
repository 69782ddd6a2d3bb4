//! External tools some tests use (schema validation, translate-toolkit, headless Chromium). `.ci/run`
//! installs them; elsewhere a test without its tool says so and skips, unless TRAME_REQUIRE_TOOLS=1
//! makes that a failure.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn missing(what: &str) -> Option<PathBuf> {
    if std::env::var("TRAME_REQUIRE_TOOLS").is_ok_and(|v| v == "1") {
        panic!("{what} is required (TRAME_REQUIRE_TOOLS=1) but not available");
    }
    eprintln!("skipped: {what} is not available (bash .ci/run installs it)");
    None
}

/// ../shared/tools/validate-xml, if present.
pub fn validate_xml() -> Option<PathBuf> {
    match super::shared_dir().map(|d| d.join("tools/validate-xml")).filter(|p| p.exists()) {
        Some(path) => Some(path),
        None => missing("../shared/tools/validate-xml"),
    }
}

/// Runs validate-xml on `files`; returns its output when they are invalid.
pub fn validate(files: &[&Path]) -> Option<Result<(), String>> {
    let tool = validate_xml()?;
    let output = Command::new("bash").arg(tool).args(files).output().expect("bash runs");
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    Some(if output.status.success() { Ok(()) } else { Err(text) })
}

/// A Python interpreter that can import translate-toolkit: $TRAME_TTK_PYTHON, or python3.
pub fn translate_toolkit_python() -> Option<PathBuf> {
    let candidates =
        std::env::var_os("TRAME_TTK_PYTHON").map(PathBuf::from).into_iter().chain([PathBuf::from("python3")]);
    for python in candidates {
        let ok = Command::new(&python)
            .args(["-c", "import translate.storage.tmx"])
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return Some(python);
        }
    }
    missing("Python with translate-toolkit (set TRAME_TTK_PYTHON)")
}

/// A headless-capable Chromium: $TRAME_CHROMIUM, chromium or chromium-browser.
pub fn chromium() -> Option<PathBuf> {
    let candidates = std::env::var_os("TRAME_CHROMIUM")
        .map(PathBuf::from)
        .into_iter()
        .chain(["chromium", "chromium-browser", "google-chrome"].map(PathBuf::from));
    for browser in candidates {
        if Command::new(&browser).arg("--version").output().is_ok_and(|o| o.status.success()) {
            return Some(browser);
        }
    }
    missing("Chromium (set TRAME_CHROMIUM)")
}

/// The DOM of `page` after Chromium has loaded it and run its scripts.
pub fn rendered_dom(browser: &Path, page: &Path) -> String {
    rendered_dom_at(browser, page, "")
}

/// The DOM of `page` loaded with `fragment` (`#...`, or empty) in its address, after its scripts ran.
pub fn rendered_dom_at(browser: &Path, page: &Path, fragment: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("file://{}{fragment}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(output.status.success(), "chromium failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}
