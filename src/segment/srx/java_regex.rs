//! SRX files are written for Java's `java.util.regex` (Okapi, OmegaT and LanguageTool all run on the
//! JVM). This rewrites the constructs whose meaning differs in Rust's regex syntax, and leaves the rest.

/// Java's `\h`: horizontal whitespace.
const HORIZONTAL_SPACE: &str = r"\t \x{A0}\x{1680}\x{180E}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}";
/// Java's `\v`: vertical whitespace.
const VERTICAL_SPACE: &str = r"\n\x0B\x0C\r\x{85}\x{2028}\x{2029}";

/// Translates the Java regular expression `java` into an equivalent for `fancy_regex`.
///
/// Returns a message when `java` uses something with no equivalent (`\G`, possessive quantifiers).
pub(crate) fn translate(java: &str) -> Result<String, String> {
    let chars: Vec<char> = java.chars().collect();
    let mut out = String::with_capacity(java.len() + 8);
    let mut class_depth = 0usize;
    // Whether the last thing written was a quantifier (so that a following `+` makes it possessive).
    let mut after_quantifier = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let was_quantifier = std::mem::take(&mut after_quantifier);
        match c {
            '\\' => {
                let Some(&e) = chars.get(i + 1) else {
                    return Err("trailing backslash".into());
                };
                i += 2;
                match e {
                    'Q' => {
                        let mut literal = String::new();
                        while i < chars.len() && !(chars[i] == '\\' && chars.get(i + 1) == Some(&'E')) {
                            literal.push(chars[i]);
                            i += 1;
                        }
                        i += 2;
                        out.push_str(&regex::escape(&literal));
                    }
                    'u' => {
                        let hex: String = chars.iter().skip(i).take(4).collect();
                        if hex.len() != 4 || !hex.chars().all(|h| h.is_ascii_hexdigit()) {
                            return Err(format!("bad \\u escape at character {}", i - 2));
                        }
                        i += 4;
                        out.push_str(&format!("\\x{{{hex}}}"));
                    }
                    '0' => {
                        let mut octal = String::new();
                        while octal.len() < 3 && i < chars.len() && ('0'..='7').contains(&chars[i]) {
                            octal.push(chars[i]);
                            i += 1;
                        }
                        let value = u32::from_str_radix(&octal, 8).map_err(|_| "bad octal escape".to_string())?;
                        out.push_str(&format!("\\x{{{value:X}}}"));
                    }
                    'h' | 'H' | 'v' | 'V' => {
                        let set = if e.eq_ignore_ascii_case(&'h') { HORIZONTAL_SPACE } else { VERTICAL_SPACE };
                        let negated = if e.is_ascii_uppercase() { "^" } else { "" };
                        out.push_str(&format!("[{negated}{set}]"));
                    }
                    'R' if class_depth == 0 => out.push_str(&format!("(?:\\r\\n|[{VERTICAL_SPACE}])")),
                    'Z' if class_depth == 0 => out.push_str(r"(?=\n?\z)"),
                    'e' => out.push_str(r"\x1B"),
                    'a' => out.push_str(r"\x07"),
                    'c' => {
                        let Some(&ctl) = chars.get(i) else {
                            return Err("bad \\c escape".into());
                        };
                        i += 1;
                        out.push_str(&format!("\\x{{{:X}}}", (ctl as u32) ^ 0x40));
                    }
                    'p' | 'P' => {
                        let (name, used) = property_name(&chars[i..])?;
                        i += used;
                        out.push_str(&property(e == 'P', &name)?);
                    }
                    'G' => return Err("\\G (end of previous match) has no equivalent".into()),
                    // Java escapes any punctuation; Rust reads some escaped ASCII as assertions (\< \>).
                    '<' | '>' => out.push(e),
                    e if !e.is_ascii() => out.push(e),
                    e => {
                        out.push('\\');
                        out.push(e);
                    }
                }
                continue;
            }
            '[' => {
                class_depth += 1;
                out.push(c);
                // A `]` right after `[` or `[^` is a literal in Java.
                if chars.get(i + 1) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
                if chars.get(i + 1) == Some(&']') {
                    out.push_str(r"\]");
                    i += 1;
                }
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(c);
            }
            '(' if class_depth == 0 && chars.get(i + 1) == Some(&'?') => {
                // Inline flags: Java's U (Unicode classes) and d (Unix lines) mean other things or nothing here.
                let mut j = i + 2;
                let mut flags = String::new();
                while j < chars.len() && (chars[j].is_ascii_alphabetic() || chars[j] == '-') {
                    flags.push(chars[j]);
                    j += 1;
                }
                if !flags.is_empty() && matches!(chars.get(j), Some(')' | ':')) {
                    let kept: String = flags.chars().filter(|f| !matches!(f, 'U' | 'd' | 'u')).collect();
                    if kept.is_empty() || kept == "-" {
                        out.push_str(if chars[j] == ')' { "" } else { "(?:" });
                    } else {
                        out.push_str("(?");
                        out.push_str(&kept);
                        out.push(chars[j]);
                    }
                    i = j + 1;
                    continue;
                }
                out.push(c);
            }
            '*' | '+' | '?' if class_depth == 0 => {
                if was_quantifier && c == '+' {
                    return Err(format!("possessive quantifier at character {i} has no equivalent"));
                }
                out.push(c);
                // `*?` is lazy: the `?` modifies, it does not repeat.
                after_quantifier = !was_quantifier;
            }
            '{' if class_depth == 0 => {
                let close = chars[i..].iter().position(|&x| x == '}').map(|p| i + p);
                match close.filter(|&end| is_repetition(&chars[i + 1..end])) {
                    Some(end) => {
                        out.extend(&chars[i..=end]);
                        after_quantifier = true;
                        i = end + 1;
                        continue;
                    }
                    None => out.push_str(r"\{"),
                }
            }
            _ => out.push(c),
        }
        i += 1;
    }
    Ok(out)
}

/// Whether the inside of `{...}` is a repetition count: `3`, `2,`, `2,5`.
fn is_repetition(inside: &[char]) -> bool {
    let text: String = inside.iter().collect();
    let mut parts = text.splitn(2, ',');
    let low = parts.next().unwrap_or("");
    let high = parts.next();
    !low.is_empty()
        && low.chars().all(|c| c.is_ascii_digit())
        && high.is_none_or(|h| h.chars().all(|c| c.is_ascii_digit()))
}

/// Reads `{Name}` or a one-letter name after `\p`; returns the name and the characters used.
fn property_name(rest: &[char]) -> Result<(String, usize), String> {
    match rest.first() {
        Some('{') => {
            let end = rest.iter().position(|&c| c == '}').ok_or("unclosed \\p{")?;
            Ok((rest[1..end].iter().collect(), end + 1))
        }
        Some(&c) => Ok((c.to_string(), 1)),
        None => Err("\\p without a name".into()),
    }
}

/// The Rust form of Java's `\p{name}` (negated for `\P`).
fn property(negated: bool, name: &str) -> Result<String, String> {
    let p = if negated { 'P' } else { 'p' };
    let ascii = |set: &str| if negated { format!("[^{set}]") } else { format!("[{set}]") };
    Ok(match name {
        "javaLowerCase" | "IsLowercase" | "IsLowerCase" => format!("\\{p}{{Lowercase}}"),
        "javaUpperCase" | "IsUppercase" | "IsUpperCase" => format!("\\{p}{{Uppercase}}"),
        "javaWhitespace" | "IsWhite_Space" | "IsWhiteSpace" => format!("\\{p}{{White_Space}}"),
        "javaLetter" | "IsAlphabetic" => format!("\\{p}{{Alphabetic}}"),
        "javaDigit" => format!("\\{p}{{Nd}}"),
        "javaLetterOrDigit" => {
            if negated {
                r"[^\p{Alphabetic}\p{Nd}]".into()
            } else {
                r"[\p{Alphabetic}\p{Nd}]".into()
            }
        }
        "Lower" => ascii("a-z"),
        "Upper" => ascii("A-Z"),
        "Alpha" => ascii("a-zA-Z"),
        "Digit" => ascii("0-9"),
        "Alnum" => ascii("a-zA-Z0-9"),
        "Punct" => ascii(r"!-/:-@\[-`{-~"),
        "Space" => ascii(r" \t\n\x0B\f\r"),
        "Blank" => ascii(r" \t"),
        _ => {
            // \p{IsLu}, \p{IsLatin}, \p{InGreek}, \p{Lu}: Rust knows categories and scripts by plain name.
            let plain = name.strip_prefix("Is").or_else(|| name.strip_prefix("In")).unwrap_or(name);
            if plain.is_empty() {
                return Err(format!("unknown property \\{p}{{{name}}}"));
            }
            format!("\\{p}{{{plain}}}")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(java: &str, rust: &str) {
        assert_eq!(translate(java).unwrap(), rust, "{java}");
        fancy_regex::Regex::new(rust).unwrap();
    }

    #[test]
    fn java_regex_syntax_is_translated_to_rust() {
        case(r"\u00BB", r"\x{00BB}");
        case(r"[\.!?]\s", r"[\.!?]\s");
        case(r"\h+", r"[\t \x{A0}\x{1680}\x{180E}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}]+");
        case(r"\QU.S.\E", r"U\.S\.");
        case(r"(?iu)dr\.", r"(?i)dr\.");
        case(r"(?u)a", r"a");
        case(r"\p{javaLowerCase}", r"\p{Lowercase}");
        case(r"\p{IsLatin}", r"\p{Latin}");
        case(r"[\p{Lu}\u2019]", r"[\p{Lu}\x{2019}]");
        case(r"\«", "«");
        case(r"\<b\>", "<b>");
        case(r"[]a]", r"[\]a]");
        case(r"\p{Punct}", r"[!-/:-@\[-`{-~]");
    }

    #[test]
    fn java_constructs_rust_cannot_run_are_refused() {
        assert!(translate(r"a++").is_err());
        assert!(translate(r"\Ga").is_err());
        assert!(translate(r"\u12").is_err());
        assert!(translate("a\\").is_err());
        assert!(translate(r"a{2}+").is_err());
        assert_eq!(translate(r"a\++").unwrap(), r"a\++");
        assert_eq!(translate(r"\p{L}+x").unwrap(), r"\p{L}+x");
        assert_eq!(translate(r"\d+\s+").unwrap(), r"\d+\s+");
        assert_eq!(translate(r"a*?b{2,3}?").unwrap(), r"a*?b{2,3}?");
        assert_eq!(translate(r"a{b").unwrap(), r"a\{b");
    }
}
