//! The real SRX files in ../shared/segmentation/srx (LanguageTool, OmegaT, Okapi) load, and every rule that
//! applies to French or English compiles; Okapi's rules (okapi_okapi_default_icu4j.srx) split the Okapi
//! parity set as Okapi's own SRXSegmenter did.

mod common;

use serde::Deserialize;
use trame::segment::Segmenter;
use trame::segment::srx::SrxDocument;

#[test]
fn shared_srx_files_load_and_compile() {
    let Some(dir) = common::shared("segmentation/srx") else { return };
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut problems = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let xml = std::fs::read_to_string(path).unwrap();
        let document = SrxDocument::parse(&xml, &name).unwrap_or_else(|e| panic!("{e}"));
        let total: usize = document.language_rules().iter().map(|lr| lr.rules.len()).sum();
        let mut report = format!("{name}: {} language rules, {total} rules", document.language_rules().len());
        for lang in ["fr", "en", "de", "fr_two", "en_one"] {
            let (rules, errors) = document.rules_for(lang);
            report.push_str(&format!("; {lang}: {} compiled", rules.len()));
            problems.extend(errors.iter().map(ToString::to_string));
        }
        println!("{report}");
    }
    assert_eq!(files.len(), 7);
    assert!(problems.is_empty(), "{} rules did not compile:\n{}", problems.len(), problems.join("\n"));
}

#[derive(Deserialize)]
struct Case {
    text: String,
    expected: Vec<String>,
}

#[test]
fn okapi_rules_match_okapi_output() {
    let (Some(srx), Some(golden)) =
        (common::shared("segmentation/srx/okapi_okapi_default_icu4j.srx"), common::shared("segmentation/golden"))
    else {
        return;
    };
    let document = SrxDocument::parse(&std::fs::read_to_string(srx).unwrap(), "okapi").unwrap();
    let mut passed = 0;
    let mut total = 0;
    for (file, lang) in [("okapi_parity_en.jsonl", "en"), ("okapi_parity_fr.jsonl", "fr")] {
        let (rules, errors) = document.rules_for(lang);
        assert!(errors.is_empty());
        let segmenter = Segmenter::from_srx(rules);
        for line in std::fs::read_to_string(golden.join(file)).unwrap().lines().filter(|l| !l.is_empty()) {
            let case: Case = serde_json::from_str(line).unwrap();
            let got: Vec<&str> = segmenter.sentences(&case.text).iter().map(|s| s.text(&case.text)).collect();
            total += 1;
            if got == case.expected {
                passed += 1;
            } else {
                println!("{file}: {:?}\n   expected {:?}\n   got      {got:?}", case.text, case.expected);
            }
        }
    }
    println!("Okapi parity with okapi_okapi_default_icu4j.srx: {passed}/{total}");
    assert_eq!(passed, total);
}
