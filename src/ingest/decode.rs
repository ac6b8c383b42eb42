//! Bytes to text: which encoding a notes file is in, and its text in UTF-8 with `\n` line ends.
//!
//! Owns encoding detection. UTF-8 (with or without a BOM) is the rule; UTF-16 with a BOM (or
//! with the telltale zero bytes of ASCII text) is read as UTF-16; a file whose bytes are mostly
//! not UTF-8 but read as Windows-1252 (of which Latin-1 is a part) is read as that, and the caller
//! warns once. A UTF-8 file with a few broken bytes stays UTF-8, each broken byte replaced and its
//! line reported. Nothing here knows what notes look like.

use super::text::normalise_line_ends;

/// The encoding a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, the expected one.
    Utf8,
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// ISO-8859-1: single bytes, none in 0x80–0x9F.
    Latin1,
    /// Windows-1252: Latin-1 with curly quotes, dashes and the euro sign in 0x80–0x9F.
    Windows1252,
}

impl Encoding {
    /// How messages name it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Utf16Le => "UTF-16LE",
            Self::Utf16Be => "UTF-16BE",
            Self::Latin1 => "Latin-1 (ISO-8859-1)",
            Self::Windows1252 => "Windows-1252",
        }
    }
}

/// Decoded notes text plus what was learnt while decoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedText {
    /// The text, `\n`-separated, BOM removed.
    pub text: String,
    /// The encoding it was read in.
    pub encoding: Encoding,
    /// 1-based lines that held bytes which are not valid in the encoding (replaced by U+FFFD),
    /// the first sixteen only.
    pub invalid_lines: Vec<u32>,
}

/// Windows-1252's characters for bytes 0x80–0x9F; `None` where the code page has none.
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// Decodes a notes file.
///
/// # Examples
///
/// ```
/// use confgraph::ingest::decode::{decode, Encoding};
///
/// let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Zoë\r\n".encode_utf16().flat_map(u16::to_le_bytes)).collect();
/// let d = decode(&utf16);
/// assert_eq!((d.text.as_str(), d.encoding), ("Zoë\n", Encoding::Utf16Le));
///
/// let latin1 = decode(b"Jos\xe9 Mu\xf1oz\n");
/// assert_eq!((latin1.text.as_str(), latin1.encoding), ("José Muñoz\n", Encoding::Latin1));
/// ```
#[must_use]
pub fn decode(bytes: &[u8]) -> DecodedText {
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, Encoding::Utf16Be);
    }
    if let Some(encoding) = bomless_utf16(bytes) {
        return utf16(bytes, encoding);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return DecodedText { text: normalise_line_ends(s), encoding: Encoding::Utf8, invalid_lines: Vec::new() };
    }
    if reads_as_single_byte(bytes) {
        let encoding =
            if bytes.iter().any(|b| (0x80..0xA0).contains(b)) { Encoding::Windows1252 } else { Encoding::Latin1 };
        let text: String = bytes.iter().map(|&b| single_byte_char(b)).collect();
        return DecodedText { text: normalise_line_ends(&text), encoding, invalid_lines: Vec::new() };
    }
    utf8_lossy(bytes)
}

/// UTF-16 without a BOM: ASCII text has a zero in every other byte.
fn bomless_utf16(bytes: &[u8]) -> Option<Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_odd = sample.chunks_exact(2).filter(|p| p[1] == 0 && p[0] != 0).count();
    let zero_even = sample.chunks_exact(2).filter(|p| p[0] == 0 && p[1] != 0).count();
    if zero_odd * 10 >= pairs * 9 {
        Some(Encoding::Utf16Le)
    } else if zero_even * 10 >= pairs * 9 {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

fn utf16(bytes: &[u8], encoding: Encoding) -> DecodedText {
    let units = bytes.chunks_exact(2).map(|p| match encoding {
        Encoding::Utf16Be => u16::from_be_bytes([p[0], p[1]]),
        _ => u16::from_le_bytes([p[0], p[1]]),
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut invalid_lines = Vec::new();
    let mut line = 1u32;
    for c in char::decode_utf16(units) {
        let c = c.unwrap_or_else(|_| {
            if invalid_lines.last() != Some(&line) && invalid_lines.len() < 16 {
                invalid_lines.push(line);
            }
            char::REPLACEMENT_CHARACTER
        });
        if c == '\n' {
            line += 1;
        }
        text.push(c);
    }
    let text = text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text);
    DecodedText { text: normalise_line_ends(&text), encoding, invalid_lines }
}

/// True when the bytes that are not ASCII mostly fail as UTF-8 and read as the letters of words
/// (`Jos\xe9`, `Mu\xf1oz`) or as Windows-1252 punctuation (curly quotes, dashes): a single-byte
/// file, not a UTF-8 file with a few broken bytes (`bad \xff\xfe here`, a sequence cut short at
/// the end).
fn reads_as_single_byte(bytes: &[u8]) -> bool {
    let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
    let mut last_invalid_at_end = false;
    let mut consumed = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        consumed += chunk.valid().len() + chunk.invalid().len();
        if !chunk.invalid().is_empty() {
            invalid += 1;
            last_invalid_at_end = consumed == bytes.len();
        }
    }
    let stray_controls = bytes.iter().any(|&b| b < 0x09 || (0x0E..0x20).contains(&b) && b != 0x1B);
    let letter = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphabetic);
    let high: Vec<usize> = (0..bytes.len()).filter(|&i| bytes[i] >= 0x80).collect();
    let plausible = high
        .iter()
        .filter(|&&i| {
            let b = bytes[i];
            (0x91..=0x97).contains(&b)
                || b == 0x85
                || letter(i.checked_sub(1).and_then(|p| bytes.get(p)))
                || letter(bytes.get(i + 1))
        })
        .count();
    let cut_short = invalid == 1 && last_invalid_at_end;
    invalid > 0 && invalid >= 3 * valid_multibyte && !stray_controls && !cut_short && plausible * 4 >= high.len() * 3
}

fn single_byte_char(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)].unwrap_or(char::REPLACEMENT_CHARACTER),
        _ => char::from(b),
    }
}

/// UTF-8 with each invalid sequence replaced and its line noted.
fn utf8_lossy(bytes: &[u8]) -> DecodedText {
    let mut out = String::with_capacity(bytes.len());
    let mut invalid_lines = Vec::new();
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
    DecodedText { text: normalise_line_ends(&out), encoding: Encoding::Utf8, invalid_lines }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16_bytes(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if big_endian { b"\xFE\xFF" } else { b"\xFF\xFE" });
        }
        for unit in text.encode_utf16() {
            out.extend_from_slice(&if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
        }
        out
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let text = "# RustFest 2019\r\n\r\n## Ownership — Zoë Ødegård 🦀\r\n";
        for (big, bom, want) in [
            (false, true, Encoding::Utf16Le),
            (true, true, Encoding::Utf16Be),
            (false, false, Encoding::Utf16Le),
            (true, false, Encoding::Utf16Be),
        ] {
            let d = decode(&utf16_bytes(text, big, bom));
            assert_eq!(d.encoding, want);
            assert_eq!(d.text, text.replace("\r\n", "\n"));
            assert!(d.invalid_lines.is_empty());
        }
    }

    #[test]
    fn windows_1252_and_latin1() {
        let d = decode(b"\x93Caf\xe9 Talk\x94 \x96 Fran\xe7ois M\xfcller\r\n");
        assert_eq!(d.encoding, Encoding::Windows1252);
        assert_eq!(d.text, "“Café Talk” – François Müller\n");
        let d = decode(b"Bj\xf8rn \xc5berg\n");
        assert_eq!(d.encoding, Encoding::Latin1);
        assert_eq!(d.text, "Bjørn Åberg\n");
    }

    #[test]
    fn utf8_with_a_broken_byte_stays_utf8() {
        let d = decode("ok é ñ ü\nbad \u{0}".replace('\u{0}', "").as_bytes());
        assert_eq!(d.encoding, Encoding::Utf8);
        let mut bytes = "Zoë Ødegård, José, Łukasz\n".as_bytes().to_vec();
        bytes.extend_from_slice(b"bad \xFF here\rthird");
        let d = decode(&bytes);
        assert_eq!(d.encoding, Encoding::Utf8);
        assert_eq!(d.text, "Zoë Ødegård, José, Łukasz\nbad \u{fffd} here\nthird");
        assert_eq!(d.invalid_lines, vec![2]);
    }

    #[test]
    fn bom_is_removed() {
        assert_eq!(decode(b"\xEF\xBB\xBFok\r\n").text, "ok\n");
    }
}
