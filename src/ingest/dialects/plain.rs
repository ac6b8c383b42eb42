//! Plain-text conventions rewritten as Markdown line for line: definition lists, quoted mail,
//! banner headings, lettered and decimal items, dot leaders, symbol bullets, bold lines as
//! headings.

use std::borrow::Cow;

/// Definition lists (Pandoc, PHP Markdown Extra: a term line, then `: definition` lines under
/// it) with the `: ` markers taken off, line for line, so that a term and its definitions read as
/// one block (`Single-cell atlases` / `: Margarethe Oyelaran-Schmidt` is a title over its
/// speaker). Only a text with two terms or more is touched.
///
/// ```
/// use confgraph::ingest::dialects::definition_lists;
///
/// let dl = "Opening remarks\n: Sunniva Åkesson\n\nFast BLAST\n: Kenji Mori\n: \"great\"\n";
/// assert_eq!(definition_lists(dl), "Opening remarks\nSunniva Åkesson\n\nFast BLAST\nKenji Mori\n\"great\"\n");
/// assert_eq!(definition_lists("Time\n: now\n"), "Time\n: now\n");
/// ```
#[must_use]
pub fn definition_lists(text: &str) -> Cow<'_, str> {
    let is_definition = |line: &str| line.starts_with(": ") || line.starts_with(":\t");
    if !text.contains("\n: ") && !text.contains("\n:\t") {
        return Cow::Borrowed(text);
    }
    // A definition counts when it follows its term (or another definition of it).
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut marked = vec![false; lines.len()];
    let mut terms = 0;
    for i in 1..lines.len() {
        if !is_definition(lines[i]) {
            continue;
        }
        let prev = lines[i - 1].trim_end();
        if marked[i - 1] {
            marked[i] = true;
        } else if !prev.is_empty() && !prev.starts_with(['#', '-', '*', '>', '|']) && !is_definition(prev) {
            marked[i] = true;
            terms += 1;
        }
    }
    if terms < 2 {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (line, definition) in lines.iter().zip(marked) {
        out.push_str(if definition { line[1..].trim_start_matches([' ', '\t']) } else { line });
    }
    Cow::Owned(out)
}

/// A reply's attribution line: `On Mon, 10 Feb 2025 at 09:15, Renata <r@x> wrote:`, `Am … schrieb
/// …:`, `Le … a écrit :`, `El … escribió:`.
pub(super) fn is_attribution(line: &str) -> bool {
    let t = line.trim();
    let opens = ["On ", "Am ", "Le ", "El ", "Em ", "Op "].iter().any(|o| t.starts_with(o));
    let ends = ["wrote:", "schrieb:", "a écrit :", "a écrit:", "escribió:", "escreveu:", "schreef:"]
        .iter()
        .any(|e| t.ends_with(e));
    opens && ends && t.len() < 200
}

/// A forwarded or replied-to e-mail whose programme is quoted (`> 2. 09:30  Keynote: "T"`), with
/// the note-taker's comments between: the quote marks are taken off, line for line, when the
/// quoted lines hold a programme (three or more time-led or numbered lines) and not just a few
/// quotations from talks.
///
/// ```
/// use confgraph::ingest::dialects::unquote_mail;
///
/// let mail = "> 1. 09:00 Welcome\n> 2. 09:30 Keynote — Ana Ortiz\n\ngood one\n\n> 3. 10:30 Coffee\n";
/// assert_eq!(unquote_mail(mail), "1. 09:00 Welcome\n2. 09:30 Keynote — Ana Ortiz\n\ngood one\n\n3. 10:30 Coffee\n");
/// assert_eq!(unquote_mail("> \"a README is a letter to a stranger\"\n"), "> \"a README is a letter to a stranger\"\n");
/// ```
#[must_use]
pub fn unquote_mail(text: &str) -> Cow<'_, str> {
    let quoted = |l: &str| l.starts_with('>');
    let inner = |l: &str| l.trim_start_matches('>').trim_start().to_owned();
    let timed = |t: &str| {
        let b = t.as_bytes();
        b.len() > 4 && b[0].is_ascii_digit() && (b[1] == b':' || b[2] == b':' || b[1] == b'.' || b[2] == b'.')
    };
    let led = |l: &str| {
        let t = inner(l);
        let numbered = t.split_once(". ").is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()));
        let after_number =
            t.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start_matches(['.', ')']).trim_start();
        timed(&t) || numbered || timed(after_number)
    };
    if text.lines().filter(|l| quoted(l) && led(l)).count() < 3 {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if quoted(line) {
            let body = line.trim_start_matches('>');
            out.push_str(body.strip_prefix(' ').unwrap_or(body));
        } else if is_attribution(line) {
            // `On Mon, 10 Feb 2025 at 09:15, Renata <r@x> wrote:`: who is quoted, not a talk.
            out.push_str(&line[line.trim_end().len()..]);
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

/// `==== Title ====` banners (two or more in a file), as plain-text notes set off each talk,
/// rewritten as `##` headings, line for line.
///
/// ```
/// use confgraph::ingest::dialects::banner_headings;
///
/// assert_eq!(banner_headings("==== Welcome ====\nby Ana\n\n== Fonts ==\nby Bo\n"), "## Welcome\nby Ana\n\n## Fonts\nby Bo\n");
/// assert_eq!(banner_headings("a == b == c\n"), "a == b == c\n");
/// ```
#[must_use]
pub fn banner_headings(text: &str) -> Cow<'_, str> {
    let banner = |line: &str| -> Option<(usize, usize)> {
        let t = line.trim_end();
        let lead = t.len() - t.trim_start_matches('=').len();
        let tail = t.len() - t.trim_end_matches('=').len();
        let inner = t.get(lead..t.len() - tail)?;
        (lead >= 2 && tail >= 2 && inner.starts_with(' ') && inner.ends_with(' ') && inner.trim().len() >= 2)
            .then_some((lead, t.len() - tail))
    };
    if !text.contains("== ") || !text.lines().any(|l| banner(l).is_some()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        match banner(line) {
            Some((from, to)) => {
                out.push_str("## ");
                out.push_str(line[from..to].trim());
                out.push_str(&line[line.trim_end().len()..]);
            }
            None => out.push_str(line),
        }
    }
    Cow::Owned(out)
}

/// Sub-numbered agenda items (`1a. Title`, `2b) Title`, `(c) Title`, an indented `a) Title`), which Markdown reads as
/// text, rewritten as nested list items, line for line.
///
/// ```
/// use confgraph::ingest::dialects::lettered_items;
///
/// assert_eq!(lettered_items("1. Opening\n   1a. Welcome — Ana Ortiz\n   1b) Keynote\n"), "1. Opening\n   - Welcome — Ana Ortiz\n   - Keynote\n");
/// assert_eq!(lettered_items("7) Lightning talks\n   a) Tape - Bex\n   b) Mics - Kofi\n"), "7) Lightning talks\n   - Tape - Bex\n   - Mics - Kofi\n");
/// assert_eq!(lettered_items("See 1a. above\n"), "See 1a. above\n");
/// ```
#[must_use]
pub fn lettered_items(text: &str) -> Cow<'_, str> {
    let marker_len = |line: &str| -> Option<usize> {
        let t = line.trim_start();
        let b = t.as_bytes();
        let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
        let len = if digits > 0 && digits <= 2 && b.get(digits).is_some_and(u8::is_ascii_lowercase) {
            matches!(b.get(digits + 1), Some(b'.' | b')')).then_some(digits + 2)
        } else if b.first() == Some(&b'(') && b.get(1).is_some_and(u8::is_ascii_lowercase) && b.get(2) == Some(&b')') {
            Some(3)
        } else if t.len() < line.len() && b.first().is_some_and(u8::is_ascii_lowercase) && b.get(1) == Some(&b')') {
            // `   a) Title - Name` indented under a numbered item.
            Some(2)
        } else {
            None
        }?;
        (b.get(len) == Some(&b' ')).then_some(line.len() - t.len() + len)
    };
    if text.lines().filter(|l| marker_len(l).is_some()).count() < 2 {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        match marker_len(line) {
            Some(end) => {
                let indent = line.len() - line.trim_start().len();
                out.push_str(&line[..indent]);
                out.push('-');
                out.push_str(&line[end..]);
            }
            None => out.push_str(line),
        }
    }
    Cow::Owned(out)
}

/// Dot leaders between a title and its speaker (`Varroa: The Next Ten Years ...... Prof. Dr.
/// Marta Horvat`), as printed programmes and tables of contents set them.
pub(super) static DOT_LEADER: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"(\S)(?: \.{4,}|\.{6,}) (\S)").expect("valid regex"));

/// Dot leaders rewritten as a spaced dash, line for line: `Title ........ Speaker` reads as
/// `Title — Speaker`.
///
/// ```
/// use confgraph::ingest::dialects::dot_leaders;
///
/// assert_eq!(dot_leaders("[talk] Queen Rearing ....... Hamza Yılmaz   ***\n"), "[talk] Queen Rearing — Hamza Yılmaz   ***\n");
/// assert_eq!(dot_leaders("and then... she left\n"), "and then... she left\n");
/// // An ellipsis in prose is no leader.
/// assert_eq!(dot_leaders("databases are involved.... but if\n"), "databases are involved.... but if\n");
/// ```
#[must_use]
pub fn dot_leaders(text: &str) -> Cow<'_, str> {
    if !text.contains("....") {
        return Cow::Borrowed(text);
    }
    DOT_LEADER.replace_all(text, "$1 — $2")
}

/// Bullets typed as symbols (`• item`, `◦ nested`, `▪ item`), as chat clients, word processors
/// and web pages give them, rewritten as Markdown list markers, line for line.
///
/// ```
/// use confgraph::ingest::dialects::symbol_bullets;
///
/// assert_eq!(symbol_bullets("lightning talks:\n• TinyGo – Cheikh Mbaye\n  ◦ fun\n"), "lightning talks:\n- TinyGo – Cheikh Mbaye\n  - fun\n");
/// assert_eq!(symbol_bullets("no bullets • here\n"), "no bullets • here\n");
/// ```
#[must_use]
pub fn symbol_bullets(text: &str) -> Cow<'_, str> {
    // (`–`: the en dash a bullet journal or a word processor gives as a note's bullet.)
    const SYMBOLS: &[char] = &['•', '◦', '‣', '▪', '▫', '●', '○', '■', '□', '➤', '►', '·', '–'];
    let is_bulleted = |line: &str| {
        let t = line.trim_start();
        t.starts_with(SYMBOLS) && t.chars().nth(1).is_some_and(|c| c == ' ' || c == '\t')
    };
    // Every symbol but the middle dot is three bytes of UTF-8 led by 0xE2 (U+2000–U+2FFF): a
    // byte scan rules most files out before any line is looked at.
    if !(text.as_bytes().contains(&0xE2) || text.contains("· ")) || !text.lines().any(is_bulleted) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if is_bulleted(line) {
            let indent = line.len() - line.trim_start().len();
            let symbol = line[indent..].chars().next().map_or(0, char::len_utf8);
            out.push_str(&line[..indent]);
            out.push('-');
            out.push_str(&line[indent + symbol..]);
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

/// A paper's number in an academic programme (`1.1 `, `12.3a `).
pub(super) static DECIMAL_ITEM: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"^\s*([1-9]\d?)\.([1-9]\d?)[a-z]?\s+\S").expect("valid regex"));

/// Lines numbered as papers in a session (`1.1 Title. Authors (Affiliation)`, two or more in the
/// file) rewritten as list items, line for line: the talks of a session, as a list.
///
/// ```
/// use confgraph::ingest::dialects::decimal_items;
///
/// let minutes = "Session 1 (chair: Ana)\n1.1 Fast AUVs. M. Petrov (KTH)\n1.2 Sea Ice. Ji-ho Park\n";
/// assert_eq!(decimal_items(minutes).lines().nth(2), Some("- Sea Ice. Ji-ho Park"));
/// // Dotted times are no papers' numbers.
/// let programme = "09.30 Welcome\n10.15 Keynote – Ana Ortiz\n11.20 Lunch\n";
/// assert_eq!(decimal_items(programme), programme);
/// ```
#[must_use]
pub fn decimal_items(text: &str) -> Cow<'_, str> {
    // Papers numbered in sequence (`3.1`, `3.2`): dotted times (`09.30`, `10.15 Keynote`) never
    // start one at 1 and go on by one.
    let numbers: Vec<(u32, u32)> = text
        .lines()
        .filter_map(|l| DECIMAL_ITEM.captures(l))
        .filter_map(|c| Some((c[1].parse().ok()?, c[2].parse().ok()?)))
        .collect();
    let in_sequence = numbers.iter().any(|&(n, k)| k == 1 && numbers.contains(&(n, 2)));
    if !in_sequence {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if DECIMAL_ITEM.is_match(line) {
            let rest = line.trim_start();
            let number = rest.find(char::is_whitespace).unwrap_or(rest.len());
            out.push_str("- ");
            out.push_str(rest[number..].trim_start());
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

/// A line that is only bold text (`**Relevance Is a Moving Target** (opening keynote)`).
pub(super) static BOLD_LINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^\*\*([^*]{3,120})\*\*(\s*\([^)]{1,60}\))?\s*$").expect("valid regex")
});

/// Bold lines standing alone as headings (a paragraph of their own, three or more in the file)
/// rewritten as `####` headings, line for line: notes that set each talk's title in bold and
/// tell of it in the paragraphs below.
///
/// ```
/// use confgraph::ingest::dialects::bold_lines_as_headings;
///
/// let notes = "**A Talk**\n\nAna said x.\n\n**B Talk** (keynote)\n\nBo said y.\n\n**C Talk**\n\nz\n";
/// assert_eq!(bold_lines_as_headings(notes).lines().nth(4), Some("#### B Talk (keynote)"));
/// assert_eq!(bold_lines_as_headings("**Only one**\n\ntext\n"), "**Only one**\n\ntext\n");
/// ```
#[must_use]
pub fn bold_lines_as_headings(text: &str) -> Cow<'_, str> {
    if !text.contains("**") {
        return Cow::Borrowed(text);
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let alone = |i: usize| {
        let blank = |j: Option<usize>| j.and_then(|j| lines.get(j)).is_none_or(|l| l.trim().is_empty());
        BOLD_LINE.is_match(lines[i].trim_end()) && blank(i.checked_sub(1)) && blank(Some(i + 1))
    };
    let bold: Vec<usize> = (0..lines.len()).filter(|&i| alone(i)).collect();
    if bold.len() < 3 {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + bold.len() * 4);
    for (i, line) in lines.iter().enumerate() {
        if bold.binary_search(&i).is_ok() {
            let ending = &line[line.trim_end().len()..];
            out.push_str("#### ");
            out.push_str(&line.trim_end().replacen("**", "", 2));
            out.push_str(ending);
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}
