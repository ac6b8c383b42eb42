//! Turning raw bytes into clean text with a map back to original line numbers.
//!
//! Owns: UTF-8 decoding with a reported position for invalid bytes, line-ending normalisation
//! (CRLF and lone CR both end a line, so line numbers match what an editor shows), BOM removal,
//! repair of UTF-8 that was once read as Mac Roman (`Gir√£o` → `Girão`), and white-space cleaning
//! of inline text. It does not know anything about notes styles.

/// Mac Roman bytes 0x80–0xFF, in order (the table Python's `mac_roman` codec uses).
const MAC_ROMAN_HIGH: &str = "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u{a0}ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\u{f8ff}ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

/// The Mac Roman byte a character stands for, if it is one of the 128 high characters.
fn mac_roman_byte(c: char) -> Option<u8> {
    if c.is_ascii() {
        return None;
    }
    MAC_ROMAN_HIGH.chars().position(|m| m == c).map(|i| 0x80 + i as u8)
}

/// Decoded notes text plus what went wrong while decoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedText {
    /// The text, `\n`-separated, BOM removed.
    pub text: String,
    /// 1-based lines that held bytes which are not UTF-8 (replaced by U+FFFD), first few only.
    pub invalid_lines: Vec<u32>,
}

/// Decodes bytes as UTF-8, replacing invalid sequences and noting their lines; normalises line ends.
#[must_use]
pub fn decode(bytes: &[u8]) -> DecodedText {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut invalid_lines = Vec::new();
    let text = if let Ok(s) = std::str::from_utf8(bytes) {
        normalise_line_ends(s)
    } else {
        {
            let mut out = String::with_capacity(bytes.len());
            let mut line = 1u32;
            for chunk in bytes.utf8_chunks() {
                let valid = chunk.valid();
                line += count_line_ends(valid);
                out.push_str(valid);
                if !chunk.invalid().is_empty() {
                    if invalid_lines.last() != Some(&line) && invalid_lines.len() < 16 {
                        invalid_lines.push(line);
                    }
                    out.push(char::REPLACEMENT_CHARACTER);
                }
            }
            normalise_line_ends(&out)
        }
    };
    DecodedText { text, invalid_lines }
}

/// Line ends as an editor counts them: `\r\n`, `\n` and a lone `\r` each end one line.
fn count_line_ends(s: &str) -> u32 {
    let b = s.as_bytes();
    let mut n = 0;
    for (i, &c) in b.iter().enumerate() {
        if c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            n += 1;
        }
    }
    n
}

fn normalise_line_ends(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_owned();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// Repairs UTF-8 sequences that were decoded as Mac Roman (`≈Åukasz` → `Łukasz`, `üîù` → `🔝`).
///
/// Only a run that maps back to one well-formed multi-byte UTF-8 character is replaced, so real
/// Mac Roman-looking text (a lone `√`, `é` or `–`) stays as it is.
#[must_use]
pub fn repair_mojibake(text: &str) -> String {
    if !text.chars().any(|c| matches!(mac_roman_byte(c), Some(0xC2..=0xF4))) {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some((decoded, used)) = repaired_at(&chars[i..]) {
            out.push(decoded);
            i += used;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// If `chars` starts with a Mac Roman rendering of one UTF-8 character, that character and its length.
fn repaired_at(chars: &[char]) -> Option<(char, usize)> {
    let lead = mac_roman_byte(*chars.first()?)?;
    let len = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut buf = [0u8; 4];
    buf[0] = lead;
    for (k, slot) in buf.iter_mut().enumerate().take(len).skip(1) {
        let b = mac_roman_byte(*chars.get(k)?)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        *slot = b;
    }
    let s = std::str::from_utf8(&buf[..len]).ok()?;
    s.chars().next().map(|c| (c, len))
}

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

/// Drops characters XML 1.0 forbids and other control characters (keeps `\n` and `\t`).
#[must_use]
pub fn drop_control_chars(text: &str) -> String {
    if !text.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return text.to_owned();
    }
    text.chars().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').collect()
}

/// Maps byte offsets in a text to 1-based line numbers.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`'s line starts.
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { starts }
    }

    /// The 1-based line holding byte `offset`.
    #[must_use]
    pub fn line_of(&self, offset: usize) -> u32 {
        self.starts.partition_point(|&s| s <= offset) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mac_roman_table_has_128_entries() {
        assert_eq!(MAC_ROMAN_HIGH.chars().count(), 128);
    }

    #[test]
    fn mojibake_repair_table() {
        for (input, want) in [
            ("Rodrigo Gir√£o Serr√£o", "Rodrigo Girão Serrão"),
            ("≈Åukasz Langa", "Łukasz Langa"),
            ("St√©phane Wirtel", "Stéphane Wirtel"),
            ("\u{f8ff}üîù back", "🔝 back"),
            // Real text that only looks like Mac Roman stays.
            ("√2 ≈ 1.41 – café", "√2 ≈ 1.41 – café"),
            ("plain ascii", "plain ascii"),
        ] {
            assert_eq!(repair_mojibake(input), want, "{input}");
        }
    }

    #[test]
    fn decode_reports_invalid_lines_and_keeps_the_rest() {
        let d = decode(b"\xEF\xBB\xBFok\r\nbad \xFF here\rthird");
        assert_eq!(d.text, "ok\nbad \u{fffd} here\nthird");
        assert_eq!(d.invalid_lines, vec![2]);
    }

    #[test]
    fn line_index_is_one_based() {
        let idx = LineIndex::new("a\nbb\n\nc");
        assert_eq!(idx.line_of(0), 1);
        assert_eq!(idx.line_of(2), 2);
        assert_eq!(idx.line_of(5), 3);
        assert_eq!(idx.line_of(6), 4);
    }

    #[test]
    fn control_chars_are_dropped_but_newlines_kept() {
        assert_eq!(drop_control_chars("a\u{0}b\u{7}\nc\td"), "ab\nc\td");
    }
}
