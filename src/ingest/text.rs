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
///
/// Only non-ASCII characters can start a run, so ASCII stretches are skipped a byte at a time
/// and copied whole.
fn repair_with(text: &str, byte_of: fn(char) -> Option<u8>) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(rel) = bytes[i..].iter().position(|&b| b >= 0x80) {
        let start = i + rel;
        if let Some((decoded, used)) = repaired_at(&text[start..], byte_of) {
            let buf = out.get_or_insert_with(|| String::with_capacity(text.len()));
            buf.push_str(&text[copied..start]);
            buf.push(decoded);
            copied = start + used;
            i = copied;
        } else {
            i = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut buf) => {
            buf.push_str(&text[copied..]);
            Cow::Owned(buf)
        }
    }
}

/// If `text` starts with a rendering of one UTF-8 character in the code page `byte_of` reads,
/// that character and the bytes of `text` the rendering takes.
fn repaired_at(text: &str, byte_of: fn(char) -> Option<u8>) -> Option<(char, usize)> {
    let mut chars = text.chars();
    let first = chars.next()?;
    let lead = byte_of(first)?;
    let len = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut buf = [0u8; 4];
    buf[0] = lead;
    let mut used = first.len_utf8();
    for slot in buf.iter_mut().take(len).skip(1) {
        let c = chars.next()?;
        let b = byte_of(c)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        *slot = b;
        used += c.len_utf8();
    }
    let s = std::str::from_utf8(&buf[..len]).ok()?;
    s.chars().next().filter(|c| !c.is_control()).map(|c| (c, used))
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

    /// The byte where 1-based line `line` starts, if the text has it.
    #[must_use]
    pub fn start_of(&self, line: u32) -> Option<usize> {
        self.starts.get((line as usize).checked_sub(1)?).copied()
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

/// Where `needle` first occurs in `hay`, like [`str::find`] with a `&str`: a scan for its first
/// byte, then a compare. On the short lines notes are made of this is several times faster than
/// building `str::find`'s searcher, which the readers of heads and labels do hundreds of times a
/// line. (A match starts at a character boundary: UTF-8 never repeats a first byte inside a
/// character.)
///
/// # Examples
///
/// ```
/// use confgraph::ingest::text::{find_in, rfind_in};
///
/// assert_eq!(find_in("Async Rust by Ana by Bo", " by "), Some(10));
/// assert_eq!(rfind_in("Async Rust by Ana by Bo", " by "), Some(17));
/// assert_eq!(find_in("Köln — Bo", " — "), Some(5));
/// assert_eq!(find_in("Ana", " by "), None);
/// ```
#[must_use]
pub fn find_in(hay: &str, needle: &str) -> Option<usize> {
    let Some((&first, rest)) = needle.as_bytes().split_first() else { return Some(0) };
    let h = hay.as_bytes();
    let mut from = 0;
    while let Some(rel) = h[from..].iter().position(|&b| b == first) {
        let at = from + rel;
        if h[at + 1..].starts_with(rest) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Where `needle` last occurs in `hay`, like [`str::rfind`] with a `&str` (see [`find_in`]).
#[must_use]
pub fn rfind_in(hay: &str, needle: &str) -> Option<usize> {
    let Some((&first, rest)) = needle.as_bytes().split_first() else { return Some(hay.len()) };
    let h = hay.as_bytes();
    let mut to = h.len();
    while let Some(at) = h[..to].iter().rposition(|&b| b == first) {
        if h[at + 1..].starts_with(rest) {
            return Some(at);
        }
        to = at;
    }
    None
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
