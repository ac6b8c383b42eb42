//! Turning raw bytes into clean text with a map back to original line numbers.
//!
//! Owns: line-ending normalisation (CRLF and lone CR both end a line, so line numbers match what
//! an editor shows), repair of UTF-8 that was once read as Windows-1252 or Mac Roman (`NÃºÃ±ez` →
//! `Núñez`, `Gir√£o` → `Girão`) and of a PDF's ligatures,
//! sentences, and line numbers. It does not know anything about notes styles.

use std::borrow::Cow;

/// Mac Roman bytes 0x80–0xFF, in order (the table Python's `mac_roman` codec uses).
const MAC_ROMAN_HIGH: &str = "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u{a0}ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\u{f8ff}ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

/// The Mac Roman byte a character stands for, if it is one of the 128 high characters.
fn mac_roman_byte(c: char) -> Option<u8> {
    if c.is_ascii() {
        return None;
    }
    MAC_ROMAN_HIGH.chars().position(|m| m == c).map(|i| 0x80 + i as u8)
}

/// Line ends as one `\n`: `\r\n` and a lone `\r` each end one line, as an editor counts them.
#[must_use]
pub fn normalise_line_ends(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_owned();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// Windows-1252 bytes 0x80–0x9F, in order (`\0` where the code page leaves a byte undefined).
const CP1252_C1: &str = "€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ";

/// The Windows-1252 (or Latin-1) byte a non-ASCII character stands for, if it stands for one.
fn cp1252_byte(c: char) -> Option<u8> {
    match u32::from(c) {
        0xA0..=0xFF => u8::try_from(u32::from(c)).ok(),
        // (The code page's own characters stand above U+0151: `Œ` is the first.)
        0x152.. => CP1252_C1.chars().position(|m| m == c).map(|i| 0x80 + i as u8),
        _ => None,
    }
}

/// Repairs UTF-8 sequences that were decoded as Windows-1252 or Latin-1 (`NÃºÃ±ez` → `Núñez`)
/// or as Mac Roman (`≈Åukasz` → `Łukasz`, `üîù` → `🔝`), and spells out typographic ligatures
/// a PDF copy leaves (`Oﬄine` → `Offline`).
///
/// Only a run that maps back to one well-formed multi-byte UTF-8 character is replaced, so real
/// text that looks like either (a lone `√`, `é`, `Ã` or `–`) stays as it is. Windows-1252 is tried
/// first: its runs (`Ãº`) also read as Mac Roman, as a combining mark nobody wrote.
#[must_use]
pub fn repair_mojibake(text: &str) -> Cow<'_, str> {
    // (Every Windows-1252 lead, U+00C2–U+00F4, is written with the byte C3 in UTF-8.)
    let once = if text.as_bytes().contains(&0xC3) { repair_with(text, cp1252_byte) } else { Cow::Borrowed(text) };
    let twice = match repair_with(&once, mac_roman_byte) {
        Cow::Borrowed(_) => once,
        Cow::Owned(s) => Cow::Owned(s),
    };
    if !twice.contains(LIGATURES) {
        return twice;
    }
    let mut out = String::with_capacity(twice.len() + 8);
    for c in twice.chars() {
        match c {
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Latin ligatures (U+FB00–U+FB06).
const LIGATURES: [char; 7] = ['ﬀ', 'ﬁ', 'ﬂ', 'ﬃ', 'ﬄ', 'ﬅ', 'ﬆ'];

/// Repairs the runs that `byte_of` maps back to one UTF-8 character each.
fn repair_with(text: &str, byte_of: fn(char) -> Option<u8>) -> Cow<'_, str> {
    if !text.chars().any(|c| matches!(byte_of(c), Some(0xC2..=0xF4))) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut changed = false;
    while i < chars.len() {
        if let Some((decoded, used)) = repaired_at(&chars[i..], byte_of) {
            out.push(decoded);
            i += used;
            changed = true;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    if changed { Cow::Owned(out) } else { Cow::Borrowed(text) }
}

/// If `chars` starts with a rendering of one UTF-8 character in the code page `byte_of` reads,
/// that character and its length.
fn repaired_at(chars: &[char], byte_of: fn(char) -> Option<u8>) -> Option<(char, usize)> {
    let lead = byte_of(*chars.first()?)?;
    let len = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut buf = [0u8; 4];
    buf[0] = lead;
    for (k, slot) in buf.iter_mut().enumerate().take(len).skip(1) {
        let b = byte_of(*chars.get(k)?)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        *slot = b;
    }
    let s = std::str::from_utf8(&buf[..len]).ok()?;
    s.chars().next().filter(|c| !c.is_control()).map(|c| (c, len))
}

/// Sentences of a text as byte ranges; quoted text never ends a sentence, nor does the period
/// of an initial or a common abbreviation; a blank line does.
#[must_use]
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_quote = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        match c {
            '"' => in_quote = !in_quote,
            '“' => in_quote = true,
            '”' => in_quote = false,
            '\n' if next == Some('\n') => {
                out.push((start, i));
                start = i + 1;
            }
            '.' | '!' | '?' if !in_quote => {
                let word_start = text[start..i]
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace())
                    .map_or(start, |(p, c)| start + p + c.len_utf8());
                // `(Dr. Carlos Muñoz)`, `Ma. Cristina`: an abbreviation after a bracket or quote too.
                let word = text[word_start..i].trim_start_matches(|c: char| !c.is_alphanumeric());
                let abbreviation = word.chars().count() <= 1
                    || matches!(
                        word,
                        "vs" | "e.g"
                            | "i.e"
                            | "a.k.a"
                            | "Dr"
                            | "Mr"
                            | "Ms"
                            | "Mrs"
                            | "Mx"
                            | "St"
                            | "Prof"
                            | "etc"
                            | "Ma"
                            | "Jr"
                            | "Sr"
                            | "Dra"
                            | "Profa"
                            | "Sra"
                            | "Srta"
                            | "Ing"
                            | "Lic"
                            | "Dott"
                            | "Mme"
                            | "Pr"
                            | "mod"
                            | "feat"
                            | "ft"
                            | "Hon"
                            | "Capt"
                            | "Rev"
                    );
                if next.is_none_or(char::is_whitespace) && !abbreviation {
                    out.push((start, i + 1));
                    start = i + 1;
                }
            }
            _ => {}
        }
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push((start, text.len()));
    }
    out
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

/// Most longer words capitalised, as titles are written (`Maintaining Joy`, `CSS Is a Programming
/// Language`), unlike a sentence.
///
/// ```
/// use confgraph::ingest::text::is_title_case;
///
/// assert!(is_title_case("CSS Is a Programming Language"));
/// assert!(!is_title_case("the boring Go argument but with numbers"));
/// ```
#[must_use]
pub fn is_title_case(text: &str) -> bool {
    let long: Vec<&str> =
        text.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
    let capital = long.iter().filter(|w| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase)).count();
    long.is_empty() || capital * 10 >= long.len() * 6
}

/// Whether any word of `text` (split at what is not a letter or a digit, compared in lower
/// case) is one of `words`.
///
/// ```
/// use confgraph::ingest::text::has_any_word;
///
/// assert!(has_any_word("Lightning Talks (Thu)", &["talks", "keynotes"]));
/// assert!(!has_any_word("Talking Heads", &["talks"]));
/// ```
#[must_use]
pub fn has_any_word(text: &str, words: &[&str]) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|w| !w.is_empty() && words.contains(&w.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_keep_quotes_whole() {
        let t = "I met Scott at PyGotham 2018 where I attended a talk he gave \"Dataclasses are here. Now what?\". Then P. Smith left.";
        let s: Vec<&str> = sentences(t).into_iter().map(|(a, b)| t[a..b].trim()).collect();
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s[0].ends_with("what?\"."));
    }

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
            ("Rafael NÃºÃ±ez", "Rafael Núñez"),
            ("JosÃ© â€” Zoë", "José — Zoë"),
            ("Oﬄine-First Sync, ﬁxed", "Offline-First Sync, fixed"),
            // Real text that only looks like Windows-1252 mojibake stays.
            ("SÃO PAULO, Ä, Ã", "SÃO PAULO, Ä, Ã"),
            // Real text that only looks like Mac Roman stays.
            ("√2 ≈ 1.41 – café", "√2 ≈ 1.41 – café"),
            ("plain ascii", "plain ascii"),
        ] {
            assert_eq!(repair_mojibake(input), want, "{input}");
        }
    }

    #[test]
    fn line_index_is_one_based() {
        let idx = LineIndex::new("a\nbb\n\nc");
        assert_eq!(idx.line_of(0), 1);
        assert_eq!(idx.line_of(2), 2);
        assert_eq!(idx.line_of(5), 3);
        assert_eq!(idx.line_of(6), 4);
    }
}
