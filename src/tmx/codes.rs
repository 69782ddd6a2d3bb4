//! Level 2 inline codes that do not pair up (an `<ept>` without its `<bpt>`, a `<bpt>` never closed, two
//! `<bpt>` with the same `i`), as some tools write them, turned into the isolated codes TMX has for
//! that: `<it pos="begin">` and `<it pos="end">`, their content and `x`/`type` kept. Well-paired markup
//! is returned as it is.

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// One `<bpt>` or `<ept>` of a segment.
struct Code {
    begin: bool,
    i: String,
    x: Option<String>,
    kind: Option<String>,
    /// Byte ranges in the wrapped segment: the whole element, and its content.
    whole: (usize, usize),
    inner: (usize, usize),
}

/// `markup` (the content of a `<seg>`) with codes that do not pair made isolated.
pub(crate) fn paired(markup: &str) -> Cow<'_, str> {
    if !markup.contains("<bpt") && !markup.contains("<ept") {
        return Cow::Borrowed(markup);
    }
    let wrapped = format!("<seg>{markup}</seg>");
    let Some(codes) = codes(&wrapped) else { return Cow::Borrowed(markup) };
    // A `<bpt>` whose `i` was seen before is isolated, so that at most one is open per `i`: looking the
    // `<ept>`'s up by `i` keeps a segment of many codes linear.
    let mut seen = HashSet::new();
    let mut open: HashMap<&str, usize> = HashMap::new();
    let mut isolated = vec![false; codes.len()];
    for (k, code) in codes.iter().enumerate() {
        if code.begin {
            if seen.insert(code.i.as_str()) {
                open.insert(&code.i, k);
            } else {
                isolated[k] = true;
            }
        } else if open.remove(code.i.as_str()).is_none() {
            isolated[k] = true;
        }
    }
    for k in open.into_values() {
        isolated[k] = true;
    }
    if !isolated.contains(&true) {
        return Cow::Borrowed(markup);
    }
    let mut out = String::with_capacity(markup.len() + 32);
    let mut at = "<seg>".len();
    for (code, _) in codes.iter().zip(&isolated).filter(|(_, i)| **i) {
        out.push_str(&wrapped[at..code.whole.0]);
        out.push_str(&format!("<it pos=\"{}\"", if code.begin { "begin" } else { "end" }));
        if let Some(x) = &code.x {
            out.push_str(&format!(" x=\"{}\"", crate::xml::attribute(x)));
        }
        if let Some(kind) = &code.kind {
            out.push_str(&format!(" type=\"{}\"", crate::xml::attribute(kind)));
        }
        out.push('>');
        out.push_str(&wrapped[code.inner.0..code.inner.1]);
        out.push_str("</it>");
        at = code.whole.1;
    }
    out.push_str(&wrapped[at..wrapped.len() - "</seg>".len()]);
    Cow::Owned(out)
}

/// The `<bpt>` and `<ept>` elements of a wrapped segment, in order (`None` if it does not parse).
fn codes(wrapped: &str) -> Option<Vec<Code>> {
    let mut reader = Reader::from_str(wrapped);
    let mut codes: Vec<Code> = Vec::new();
    // Codes open in the markup: (index in codes, depth of their start).
    let mut pending: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0usize;
    loop {
        let before = reader.buffer_position() as usize;
        let event = reader.read_event().ok()?;
        let after = reader.buffer_position() as usize;
        match event {
            Event::Start(tag) => {
                depth += 1;
                if let Some(code) = code(&tag, (before, after), (after, after)) {
                    pending.push((codes.len(), depth));
                    codes.push(code);
                }
            }
            Event::Empty(tag) => {
                if let Some(code) = code(&tag, (before, after), (after, after)) {
                    codes.push(code);
                }
            }
            Event::End(_) => {
                if let Some(&(k, d)) = pending.last()
                    && d == depth
                {
                    codes[k].inner.1 = before;
                    codes[k].whole.1 = after;
                    pending.pop();
                }
                depth = depth.checked_sub(1)?;
            }
            Event::Eof => return Some(codes),
            _ => {}
        }
    }
}

fn code(tag: &BytesStart<'_>, whole: (usize, usize), inner: (usize, usize)) -> Option<Code> {
    let begin = match tag.local_name().as_ref() {
        "bpt" => true,
        "ept" => false,
        _ => return None,
    };
    let get = |key: &str| {
        tag.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == key)
            .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
    };
    Some(Code { begin, i: get("i").unwrap_or_default(), x: get("x"), kind: get("type"), whole, inner })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_kept_and_strays_isolated() {
        let good = r#"a <bpt i="1" x="1">&lt;b></bpt>b<ept i="1">&lt;/b></ept>"#;
        assert!(matches!(paired(good), Cow::Borrowed(_)));
        let bad = r#"<ept i="1">&lt;/b&gt;</ept> <bpt i="1" type="struct">&lt;LI&gt;</bpt> <bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>"#;
        assert_eq!(
            paired(bad),
            r#"<it pos="end">&lt;/b&gt;</it> <it pos="begin" type="struct">&lt;LI&gt;</it> <it pos="begin" x="1" type="bold">&lt;b&gt;</it>"#
        );
        assert_eq!(paired(r#"<bpt i="2"/>x"#), r#"<it pos="begin"></it>x"#);
    }

    #[test]
    fn thousands_of_codes_pair_up_in_any_order() {
        let begins: String = (0..20_000).map(|i| format!(r#"<bpt i="{i}">&lt;b&gt;</bpt>"#)).collect();
        let ends: String = (0..20_000).map(|i| format!(r#"<ept i="{i}">&lt;/b&gt;</ept>"#)).collect();
        let markup = format!("{begins}x{ends}");
        assert!(matches!(paired(&markup), Cow::Borrowed(_)));
        let stray = format!(r#"{markup}<ept i="0">&lt;/b&gt;</ept>"#);
        assert_eq!(paired(&stray), format!(r#"{markup}<it pos="end">&lt;/b&gt;</it>"#));
    }
}
