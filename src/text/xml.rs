//! XML text: which characters XML 1.0 allows, and escaping, shared by the `GraphML`, GEXF and
//! RDF/XML writers and the HTML report.

use std::borrow::Cow;

/// Bytes gathered before they are passed on (by the XML and RDF/XML writers).
pub const CHUNK: usize = 1 << 16;

/// Keeps only characters XML 1.0 allows (drops C0 controls but tab and newlines, and U+FFFE/U+FFFF).
#[must_use]
pub fn xml_safe(text: &str) -> Cow<'_, str> {
    let allowed = |c: char| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}');
    if text.chars().all(allowed) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| allowed(c)).collect())
    }
}

/// Passes on `text` in pieces with `&`, `<`, `>`, `'` and `"` as entities, as quick-xml escapes
/// attribute values and text; with `drop_forbidden`, without the characters XML 1.0 forbids.
pub fn escape_pieces(text: &str, drop_forbidden: bool, mut push: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut done = 0;
    for (i, &b) in bytes.iter().enumerate() {
        // Every piece ends before an ASCII byte or a three-byte character: on a character boundary.
        let (replacement, length) = match b {
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'&' => ("&amp;", 1),
            b'\'' => ("&apos;", 1),
            b'"' => ("&quot;", 1),
            b'\t' | b'\n' | b'\r' => continue,
            0..0x20 if drop_forbidden => ("", 1),
            // U+FFFE and U+FFFF are EF BF BE and EF BF BF: drop their three bytes.
            0xEF if drop_forbidden
                && bytes.get(i + 1..i + 3).is_some_and(|next| next == b"\xBF\xBE" || next == b"\xBF\xBF") =>
            {
                ("", 3)
            }
            _ => continue,
        };
        push(&text[done..i]);
        push(replacement);
        done = i + length;
    }
    push(&text[done..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_safe_drops_forbidden_characters_only() {
        assert_eq!(xml_safe("a\u{0}b\u{1b}c\td\u{fffe}é🐍"), "abc\td\u{e9}🐍");
        assert!(matches!(xml_safe("plain"), Cow::Borrowed(_)));
    }
}
