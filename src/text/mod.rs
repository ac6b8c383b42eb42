//! Text helpers every floor uses, knowing nothing of notes, graphs or formats: character
//! boundaries, white space, and the characters no output may carry.

pub mod xml;

use std::borrow::Cow;

/// The first character boundary of `text` at or after byte `at` (the end when `at` is past it).
#[must_use]
pub fn char_boundary_from(text: &str, at: usize) -> usize {
    (at..text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len())
}

/// Collapses every run of white space to one space and trims the ends.
#[must_use]
pub fn collapse_ws(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Drops characters XML 1.0 or the RDF syntaxes forbid: control characters (keeping `\n` and
/// `\t`) and Unicode non-characters (U+FFFE, U+FFFF and their kin in every plane, U+FDD0–U+FDEF).
///
/// ```
/// use confgraph::text::drop_control_chars;
///
/// assert_eq!(drop_control_chars("Fast\u{FFFE} BEAM\u{7}\n"), "Fast BEAM\n");
/// assert_eq!(drop_control_chars("Zürich\tok\n"), "Zürich\tok\n");
/// ```
#[must_use]
pub fn drop_control_chars(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_dropped) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().filter(|&c| !is_dropped(c)).collect())
}

/// Whether [`drop_control_chars`] drops `c`.
#[must_use]
pub fn is_dropped(c: char) -> bool {
    let noncharacter = (c as u32 & 0xFFFE) == 0xFFFE || ('\u{FDD0}'..='\u{FDEF}').contains(&c);
    c.is_control() && c != '\n' && c != '\t' || noncharacter
}

/// Whether `c` is a combining mark that belongs to the letter before it (`ọ̀` is `ọ` and U+0300):
/// the combining blocks of Unicode, so that trimming punctuation off a word never strips its
/// accents.
#[must_use]
pub fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_chars_are_dropped_but_newlines_kept() {
        assert_eq!(drop_control_chars("a\u{0}b\u{7}\nc\td"), "ab\nc\td");
    }
}
