//! Programme columns: the header words that name a column (`Time`, `Room`, `Session`,
//! `Speaker(s)`, …) and plain-text programmes laid out in aligned columns.
//!
//! A programme typed or pasted as text lines its columns up with runs of spaces:
//!
//! ```text
//! TIME         ROOM     SESSION                              SPEAKER(S)
//! ---------------------------------------------------------------------
//! 09:30        MAIN     KEYNOTE · Reliability Is a Team Sport María López
//! 16:45        MAIN     PANEL · Who Watches the Pagers?      Moderator: Diego Suárez
//!                                                            Ana Ortiz, Bo Chen
//! ```
//!
//! [`align_to_tabs`] rewrites such a table, line for line, as tab-separated rows (the form a
//! spreadsheet pastes), which the table shape reads by its header: a line whose only text stands
//! under one column continues the row above, and the rule under the header is dropped. Line
//! numbers never move.

use std::borrow::Cow;

use super::kind::container_kind;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// Start time or time range.
    Time,
    /// Room, track or stage.
    Room,
    /// The session's title.
    Title,
    /// Who gives it.
    Speakers,
    /// Its kind (`keynote`, `workshop`).
    Kind,
    /// Anything else (ignored).
    Other,
}

/// Header words and the column each names.
const HEADERS: &[(&str, Column)] = &[
    ("time", Column::Time),
    ("when", Column::Time),
    ("start", Column::Time),
    ("slot", Column::Time),
    ("hour", Column::Time),
    ("hora", Column::Time),
    ("heure", Column::Time),
    ("zeit", Column::Time),
    ("room", Column::Room),
    ("track", Column::Room),
    ("stage", Column::Room),
    ("hall", Column::Room),
    ("location", Column::Room),
    ("where", Column::Room),
    ("venue", Column::Room),
    ("sala", Column::Room),
    ("salle", Column::Room),
    ("title", Column::Title),
    ("talk", Column::Title),
    ("talks", Column::Title),
    ("session", Column::Title),
    ("what", Column::Title),
    ("topic", Column::Title),
    ("presentation", Column::Title),
    ("talk title", Column::Title),
    ("session title", Column::Title),
    ("item", Column::Title),
    ("event", Column::Title),
    ("activity", Column::Title),
    ("titel", Column::Title),
    ("titre", Column::Title),
    ("speaker", Column::Speakers),
    ("speakers", Column::Speakers),
    ("speaker(s)", Column::Speakers),
    ("presenter", Column::Speakers),
    ("presenters", Column::Speakers),
    ("presenter(s)", Column::Speakers),
    ("who", Column::Speakers),
    ("by", Column::Speakers),
    ("host", Column::Speakers),
    ("hosts", Column::Speakers),
    ("people", Column::Speakers),
    ("name", Column::Speakers),
    ("author", Column::Speakers),
    ("authors", Column::Speakers),
    ("panelists", Column::Speakers),
    ("type", Column::Kind),
    ("kind", Column::Kind),
    ("format", Column::Kind),
    ("category", Column::Kind),
];

/// The column a header cell names (`Speaker(s)` → speakers; unknown words → other).
///
/// # Examples
///
/// ```
/// use confgraph::ingest::columns::{column_of, Column};
///
/// assert_eq!(column_of("**Speaker(s)**"), Column::Speakers);
/// assert_eq!(column_of("Notes"), Column::Other);
/// assert_eq!(column_of("Time (CEST)"), Column::Time);
/// ```
#[must_use]
pub fn column_of(header: &str) -> Column {
    let h = header.trim().trim_matches(|c: char| !c.is_alphanumeric() && c != '(' && c != ')');
    let exact = |h: &str| HEADERS.iter().find(|(name, _)| name.eq_ignore_ascii_case(h)).map(|(_, c)| *c);
    if let Some(c) = exact(h) {
        return c;
    }
    // `Time (CEST)`, `TRACK A (Main hall)`, `Main Hall`, `Room 2`: an aside in brackets, and a
    // room's own name, still name the column.
    let base = h.split('(').next().unwrap_or(h).trim();
    if let Some(c) = exact(base) {
        return c;
    }
    Column::Other
}

/// [`column_of`] for a cell known to be in a header row: a room's own name (`TRACK A (Main
/// hall)`, `Main Hall`, `Room 2`) names a track column of a grid. (A data row holds such names
/// too, so only a header is read this way.)
///
/// ```
/// use confgraph::ingest::columns::{header_column, Column};
///
/// assert_eq!(header_column("TRACK B (Workshop room 2)"), Column::Room);
/// assert_eq!(header_column("Main Hall"), Column::Room);
/// ```
#[must_use]
pub fn header_column(header: &str) -> Column {
    match column_of(header) {
        Column::Other => {
            let base = header.split('(').next().unwrap_or(header);
            let words: Vec<String> = base.split_whitespace().map(str::to_lowercase).collect();
            let room = (2..=4).contains(&words.len()) && words.iter().any(|w| ROOM_HEADER_WORDS.contains(&w.as_str()));
            if room { Column::Room } else { Column::Other }
        }
        c => c,
    }
}

/// Words that make a header a room or a track (`Track A`, `Main Hall`, `Sala 2`).
const ROOM_HEADER_WORDS: &[&str] = &[
    "track",
    "room",
    "hall",
    "stage",
    "auditorium",
    "theatre",
    "theater",
    "aula",
    "sala",
    "salle",
    "raum",
    "saal",
    "zaal",
];

/// The fields of one line of comma-separated values (quotes and `""` escapes read), or `None`
/// when the line is not one.
fn csv_fields(line: &str) -> Option<Vec<String>> {
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(line.trim_end().as_bytes());
    let record = reader.records().next()?.ok()?;
    Some(record.iter().map(|f| f.replace('\t', " ").trim().to_owned()).collect())
}

/// A programme exported as comma-separated values and pasted into notes (`day,start,end,track,
/// title,speakers`), rewritten, line for line, as tab-separated rows the table shape reads by
/// their header. Rows run while lines have as many fields as the header.
///
/// ```
/// use confgraph::ingest::columns::csv_to_tabs;
///
/// let text = "start,title,speakers\n09:00,\"Keynote: Soft Hands, Hard Problems\",Amara Osei\n\nBye, all\n";
/// assert_eq!(csv_to_tabs(text), "start\ttitle\tspeakers\n09:00\tKeynote: Soft Hands, Hard Problems\tAmara Osei\n\nBye, all\n");
/// ```
#[must_use]
pub fn csv_to_tabs(text: &str) -> Cow<'_, str> {
    // A header's names hold no commas: split plainly (no CSV reader for every line of prose).
    let is_header = |line: &str| {
        line.matches(',').count() >= 2 && !line.contains('\t') && {
            let roles: Vec<Column> = line.trim_end().split(',').map(column_of).collect();
            roles.contains(&Column::Title) && roles.iter().filter(|r| **r != Column::Other).count() >= 2
        }
    };
    if !text.lines().any(is_header) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut width = 0;
    for line in text.split_inclusive('\n') {
        let fields = if width > 0 || is_header(line) { csv_fields(line) } else { None };
        match fields {
            Some(f) if (width == 0 || f.len() == width) && f.len() >= 3 && !line.trim().is_empty() => {
                width = f.len();
                out.push_str(&with_end(&f.join("\t"), line));
            }
            _ => {
                width = 0;
                out.push_str(line);
            }
        }
    }
    Cow::Owned(out)
}

/// A stretch of a line between runs of two or more spaces (or tabs): its text and the column
/// (in characters) where it starts.
fn pieces(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None; // (char column, byte offset)
    let mut gap = 0usize;
    let mut last_end = 0usize;
    for (col, (at, c)) in line.char_indices().enumerate() {
        if c == ' ' || c == '\t' {
            gap += if c == '\t' { 2 } else { 1 };
            if gap >= 2
                && let Some((s_col, s_at)) = start.take()
            {
                out.push((s_col, line[s_at..last_end].trim_end()));
            }
            continue;
        }
        if start.is_none() {
            start = Some((col, at));
        }
        gap = 0;
        last_end = at + c.len_utf8();
    }
    if let Some((s_col, s_at)) = start {
        out.push((s_col, line[s_at..last_end].trim_end()));
    }
    out
}

/// The header of an aligned table: two or more cells naming known columns, one of them the
/// title or the speakers, set apart by runs of spaces (not a Markdown table).
fn header_columns(line: &str) -> Option<Vec<(usize, Column)>> {
    if line.contains('|') || !line.contains("  ") && !line.contains('\t') {
        return None;
    }
    let exact: Vec<Column> = pieces(line).into_iter().map(|(_, text)| column_of(text)).collect();
    // (Room names count as track columns only on a line that is a header by its other words.)
    if exact.iter().filter(|c| **c != Column::Other).count() == 0 {
        return None;
    }
    let cells: Vec<(usize, Column)> = pieces(line).into_iter().map(|(col, text)| (col, header_column(text))).collect();
    let known = cells.iter().filter(|(_, c)| *c != Column::Other).count();
    // (A grid, `TIME  TRACK A  TRACK B`, holds its sessions under the tracks.)
    let tracks = cells.iter().filter(|(_, c)| *c == Column::Room).count();
    let main = tracks >= 2 || cells.iter().any(|(_, c)| matches!(c, Column::Title | Column::Speakers));
    (cells.len() >= 2 && known >= 2 && main).then_some(cells)
}

/// A rule under a header: `-----`, `=====`, `—————`, with spaces or `+` between runs.
fn is_rule(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() >= 3 && t.chars().all(|c| matches!(c, '-' | '=' | '_' | '—' | '─' | '+' | ' '))
}

/// The cells of a row under `header`: each piece goes to the column it stands under (the last
/// column starting at most two characters right of it).
fn cells_of(line: &str, header: &[(usize, Column)]) -> Vec<String> {
    let mut cells = vec![String::new(); header.len()];
    for (col, text) in pieces(line) {
        let k = header.iter().rposition(|(start, _)| *start <= col + 2).unwrap_or(0);
        if !cells[k].is_empty() {
            cells[k].push(' ');
        }
        cells[k].push_str(text);
    }
    cells
}

/// Plain-text programmes in aligned columns rewritten as tab-separated rows, line for line
/// (see the module's documentation). Text without such a table is returned as it is.
///
/// # Examples
///
/// ```
/// use confgraph::ingest::columns::align_to_tabs;
///
/// let text = "TIME   SESSION                SPEAKER(S)\n-----\n10:30  Fearless FFI           Ana Ortiz,\n                              Bo Chen\n";
/// assert_eq!(align_to_tabs(text), "TIME\tSESSION\tSPEAKER(S)\n\n10:30\tFearless FFI\tAna Ortiz, Bo Chen\n\u{a0}\n");
/// ```
#[must_use]
pub fn align_to_tabs(text: &str) -> Cow<'_, str> {
    if !text.contains("   ") {
        return Cow::Borrowed(text);
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut out: Vec<Cow<'_, str>> = lines.iter().map(|l| Cow::Borrowed(*l)).collect();
    let mut changed = false;
    let mut i = 0;
    while i < lines.len() {
        let Some(header) = header_columns(lines[i].trim_end()) else {
            i += 1;
            continue;
        };
        out[i] = Cow::Owned(with_end(&header_cells(lines[i]).join("\t"), lines[i]));
        changed = true;
        i = rewrite_rows(&lines, &mut out, i + 1, &header);
    }
    if changed { Cow::Owned(out.concat()) } else { Cow::Borrowed(text) }
}

/// The header line's cells.
fn header_cells(line: &str) -> Vec<&str> {
    pieces(line.trim_end()).into_iter().map(|(_, t)| t).collect()
}

/// `text` with the line end `like` has.
fn with_end(text: &str, like: &str) -> String {
    let end = if like.ends_with("\r\n") {
        "\r\n"
    } else if like.ends_with('\n') {
        "\n"
    } else {
        ""
    };
    format!("{text}{end}")
}

/// Rewrites the rows of the table whose header is above line `from`; returns the first line
/// after the table. A row is a line with text under two columns or more, or under a later column
/// than the first (a continuation); a blank line ends the table unless a row follows it.
fn rewrite_rows<'t>(lines: &[&'t str], out: &mut [Cow<'t, str>], from: usize, header: &[(usize, Column)]) -> usize {
    let mut last_row: Option<(usize, Vec<String>)> = None;
    // Under a slot of talks (`15:00  Lightning Talks`), its untimed talks are rows of their own.
    let mut slot_open = false;
    let mut i = from;
    let flush = |out: &mut [Cow<'t, str>], row: Option<(usize, Vec<String>)>| {
        if let Some((at, cells)) = row {
            // An empty cell is a no-break space: a tab-separated line may not start with white
            // space that Markdown would strip.
            let cells: Vec<&str> = cells.iter().map(|c| if c.is_empty() { "\u{a0}" } else { c.as_str() }).collect();
            out[at] = Cow::Owned(with_end(&cells.join("\t"), lines[at]));
        }
    };
    while i < lines.len() {
        let line = lines[i].trim_end();
        if line.trim().is_empty() {
            // Past a blank line, only a line set out in the header's columns goes on the table.
            let next_is_row = lines.get(i + 1).is_some_and(|l| {
                let found = pieces(l.trim_end());
                found.len() >= 2 && found.iter().all(|(col, _)| header.iter().any(|(s, _)| s.abs_diff(*col) <= 2))
            });
            if !next_is_row {
                break;
            }
            i += 1;
            continue;
        }
        if is_rule(line) {
            out[i] = Cow::Owned(with_end("", lines[i]));
            i += 1;
            continue;
        }
        let found = pieces(line);
        // `* ask about the vendor`: the note-taker's pencil note in a column is no cell of it.
        let cells: Vec<String> =
            cells_of(line, header).into_iter().map(|c| if is_pencil_note(&c) { String::new() } else { c }).collect();
        let filled = cells.iter().filter(|c| !c.is_empty()).count();
        if filled == 0 {
            out[i] = Cow::Owned(with_end(CONTINUED, lines[i]));
            i += 1;
            continue;
        }
        // A line with nothing under the first column (the time) goes on the row above, cell by
        // cell; an item of its own (`  - A KiCad Plugin   Tamar Ben-David`) does not.
        let timed = header.first().is_some_and(|(_, c)| *c == Column::Time);
        let bullet = found.first().is_some_and(|(_, t)| t.starts_with(['-', '*', '•']));
        let continues = cells[0].is_empty() && (found.len() == 1 && filled == 1 || timed && !bullet);
        // `15:00  Lightning Talks` over `  AML Rules in Plain SQL   Sunny Dela Paz`: a talk of the
        // slot above, a row of its own.
        let in_slot = slot_open && cells[0].is_empty();
        let continues = continues && !(in_slot && filled >= 2);
        match &mut last_row {
            Some((_, row)) if continues => {
                for (k, piece) in cells.iter().enumerate().filter(|(_, c)| !c.is_empty()) {
                    join_cell(&mut row[k], piece, header[k].1);
                }
                out[i] = Cow::Owned(with_end(CONTINUED, lines[i]));
            }
            _ if filled >= 2 || in_slot => {
                flush(out, last_row.take());
                let container = header
                    .iter()
                    .zip(&cells)
                    .any(|((_, c), cell)| *c == Column::Title && container_kind(cell).is_some());
                slot_open = container || in_slot;
                last_row = Some((i, cells));
            }
            _ => break,
        }
        i += 1;
    }
    flush(out, last_row);
    i
}

/// What a line that went on the row above is left as: a no-break space, so the table's rows stay
/// one block (a blank line would part them) and line numbers stay where they were.
const CONTINUED: &str = "\u{a0}";

/// `* met Dieter Kranz at table 6`, `* best of day 1`: a note the note-taker set in a column.
fn is_pencil_note(cell: &str) -> bool {
    cell.strip_prefix("* ").is_some_and(|rest| rest.starts_with(|c: char| c.is_lowercase()))
}

/// Joins a continuation line's `piece` to a cell: names after names with a comma; a wrapped title
/// with a space; names under a title (a track column holding both) after a dash, the way a
/// `Title — Speaker` cell is written.
fn join_cell(cell: &mut String, piece: &str, column: Column) {
    if cell.is_empty() {
        cell.push_str(piece);
        return;
    }
    let names = || super::names::speakers::speaker_list(piece, super::names::speakers::Slot::Guessed).is_some();
    let joiner = match column {
        Column::Speakers if cell.ends_with(',') => " ",
        Column::Speakers => ", ",
        _ if !cell.contains(" — ") && names() => " — ",
        _ => " ",
    };
    cell.push_str(joiner);
    cell.push_str(piece);
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROGRAMME: &str = "\
TIME         ROOM     SESSION                                   SPEAKER(S)
------------------------------------------------------------------------------
08:30        —        Registration                              —
09:30        MAIN     KEYNOTE · Reliability Is a Team Sport     María José López García (Nubelia)
14:00-15:30  SALA B   WORKSHOP · Hands-on OpenTelemetry         Ifeoma Chukwu
16:45        MAIN     PANEL · Who Watches the Pagers?           Moderator: Diego Suárez
                                                                María López, Aleksandr Volkov,
                                                                Rukhsana Chowdhury

Code of Conduct: https://example.org/coc
";

    #[test]
    fn aligned_rows_become_tab_separated_line_for_line() {
        let out = align_to_tabs(PROGRAMME);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), PROGRAMME.lines().count());
        assert_eq!(lines[0], "TIME\tROOM\tSESSION\tSPEAKER(S)");
        assert_eq!(lines[1], "");
        assert_eq!(lines[3], "09:30\tMAIN\tKEYNOTE · Reliability Is a Team Sport\tMaría José López García (Nubelia)");
        assert_eq!(lines[4], "14:00-15:30\tSALA B\tWORKSHOP · Hands-on OpenTelemetry\tIfeoma Chukwu");
        assert_eq!(
            lines[5],
            "16:45\tMAIN\tPANEL · Who Watches the Pagers?\tModerator: Diego Suárez, María López, Aleksandr Volkov, Rukhsana Chowdhury"
        );
        // (A line gone on the row above stays, as a no-break space, so the rows stay one block.)
        assert_eq!((lines[6], lines[7]), (CONTINUED, CONTINUED));
        assert_eq!(lines[9], "Code of Conduct: https://example.org/coc");
    }

    #[test]
    fn prose_and_markdown_tables_are_left_alone() {
        for text in [
            "# Notes\n\nTime  is short, and the session  was long.\n",
            "| Time | Talk | Speaker |\n|---|---|---|\n| 10:00 | A | B |\n",
            "Just a line.\n",
        ] {
            assert_eq!(align_to_tabs(text), text);
        }
    }

    #[test]
    fn headers_name_columns() {
        assert_eq!(column_of("Speaker(s)"), Column::Speakers);
        assert_eq!(column_of("TALK TITLE"), Column::Title);
        assert_eq!(header_columns("Time   Notes"), None);
        assert!(header_columns("Time   Talk   Who").is_some());
    }
}
