//! Programme tables: Markdown pipe tables and tab-separated lines, columns found by their header
//! (`Time`, `Room`/`Track`, `Title`/`Talk`/`Session`, `Speaker(s)`/`Presenter`/`Who`) in any
//! order, extra columns ignored; without a header word, the column whose cells read as names
//! holds the speakers. Break and lunch rows are not sessions.

use crate::model::{NameRef, SessionKind};

use super::super::columns::{Column, column_of, header_column};
use super::super::document::{Block, BlockKind};
use super::super::forms::{Head, readings, title_only};
use super::super::kind::{container_kind, kind_word, strip_kind_label};
use super::super::labels::labels_of;
use super::super::names::speakers::{Slot, speaker_list};
use super::super::notes::Notes;
use super::super::structure::is_structure;
use super::{Candidate, Evidence, Shape, in_own_section, is_break, is_title_case};

/// Sessions of programme tables.
///
/// ```
/// use confgraph::ingest::read_notes;
///
/// let notes = "# DataDelta 2023\n\n| Speaker | Time | Talk |\n|---|---|---|\n| Ana Ortiz | 10:00 | Lakehouse Hangover |\n| | 12:00 | Lunch |\n";
/// let sessions = read_notes("t.md", notes.as_bytes()).0.unwrap().sessions;
/// assert_eq!(sessions.len(), 1);
/// assert_eq!((sessions[0].title.as_str(), sessions[0].speakers[0].name.as_str()), ("Lakehouse Hangover", "Ana Ortiz"));
/// ```
pub struct TableRows;

/// One table: its rows as (block, cells) and the role of each column.
struct Table<'b> {
    rows: Vec<(usize, u32, Vec<String>, &'b Block, usize)>,
    columns: Vec<Column>,
    /// Rows are tab-separated lines of a paragraph, not a Markdown table.
    tsv: bool,
}

impl Shape for TableRows {
    fn name(&self) -> &'static str {
        "table row"
    }

    fn find(&self, notes: &Notes<'_>) -> Vec<Candidate> {
        let mut out = Vec::new();
        for table in markdown_tables(notes.blocks).into_iter().chain(tab_tables(notes.blocks)) {
            // (A table under `## Costs` or `## Budget` is the note-taker's own.)
            if table.rows.first().is_some_and(|r| in_own_section(notes, r.0)) {
                continue;
            }
            out.extend(read_table(notes, &table));
        }
        out.sort_by_key(|c| (c.anchor, c.offset));
        out
    }
}

fn markdown_tables(blocks: &[Block]) -> Vec<Table<'_>> {
    let mut tables: Vec<Table<'_>> = Vec::new();
    let mut current_group = None;
    for (i, b) in blocks.iter().enumerate() {
        let BlockKind::Row { header } = b.kind else { continue };
        if header || current_group != Some(b.group) {
            let columns = if header { b.cells().map(header_column).collect() } else { Vec::new() };
            tables.push(Table { rows: Vec::new(), columns, tsv: false });
            current_group = Some(b.group);
            if header {
                continue;
            }
        }
        if let Some(t) = tables.last_mut() {
            t.rows.push((i, b.line, b.cells().map(str::to_owned).collect(), b, 0));
        }
    }
    tables
}

/// Paragraphs whose lines are tab-separated columns: a programme pasted from a spreadsheet.
fn tab_tables(blocks: &[Block]) -> Vec<Table<'_>> {
    let mut tables: Vec<Table<'_>> = Vec::new();
    let mut columns: Vec<Column> = Vec::new();
    let mut rows = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if b.kind != BlockKind::Paragraph || b.in_quote {
            continue;
        }
        for ((line, number), &(offset, _)) in b.line_texts().zip(&b.lines) {
            // Once a header has named the columns, one tab makes a row of two.
            let least = if columns.is_empty() { 2 } else { 1 };
            if line.matches('\t').count() < least {
                continue;
            }
            let cells: Vec<String> = line.split('\t').map(|c| c.trim().to_owned()).collect();
            // A header names columns with header words; a room's own name (`TRACK A`) counts
            // beside them, never alone (a data row holds room names too).
            let exact: Vec<Column> = cells.iter().map(|c| column_of(c)).filter(|c| *c != Column::Other).collect();
            // (Room names are looked at only on a line a header word already marks.)
            if exact.len() >= 2 || exact == [Column::Time] {
                let roles: Vec<Column> = cells.iter().map(|c| header_column(c)).collect();
                if exact.len() >= 2 || roles.iter().filter(|r| **r == Column::Room).count() >= 2 {
                    columns = roles;
                    continue;
                }
            }
            rows.push((i, number, cells, b, offset));
        }
    }
    if rows.len() >= 2 {
        tables.push(Table { rows, columns, tsv: true });
    }
    tables
}

/// Without a header: the column whose cells read as names most often holds the speakers, and
/// the one with the most words the titles.
fn infer_columns(table: &Table<'_>) -> Vec<Column> {
    let width = table.rows.iter().map(|r| r.2.len()).max().unwrap_or(0);
    let mut columns = table.columns.clone();
    columns.resize(width, Column::Other);
    if !columns.contains(&Column::Speakers) {
        let named = |c: usize| {
            table.rows.iter().filter(|r| r.2.get(c).is_some_and(|t| speaker_list(t, Slot::Guessed).is_some())).count()
        };
        if let Some(best) = (0..width).filter(|&c| columns[c] == Column::Other).max_by_key(|&c| named(c))
            && named(best) * 3 >= table.rows.len()
            && named(best) >= 2
        {
            columns[best] = Column::Speakers;
        }
    }
    if !columns.contains(&Column::Title) {
        let words =
            |c: usize| table.rows.iter().map(|r| r.2.get(c).map_or(0, |t| t.split_whitespace().count())).sum::<usize>();
        if let Some(best) = (0..width).filter(|&c| columns[c] == Column::Other).max_by_key(|&c| words(c)) {
            columns[best] = Column::Title;
        }
    }
    columns
}

/// A grid programme (`| Time | Room A | Room B |`, `TIME  TRACK A  TRACK B`): tracks as columns,
/// a session in each cell. Read as one row per filled cell, the cell as a title column (with its
/// speaker, `Title — Speaker` or `Title<br>Speaker`). A cell in brackets (`(workshop cont.)`)
/// goes on from the row above; a cell that is only names, beside one other, is its speakers
/// (`Closing & raffle` … `Marieke Verhoeven` set under the second track).
fn tracks_as_rows<'b>(table: &Table<'b>) -> Option<Table<'b>> {
    let tracks: Vec<usize> = (0..table.columns.len()).filter(|&c| table.columns[c] == Column::Room).collect();
    if tracks.len() < 2 || table.columns.iter().any(|c| matches!(c, Column::Title | Column::Speakers)) {
        return None;
    }
    let time = table.columns.iter().position(|c| *c == Column::Time);
    let mut rows = Vec::new();
    for (block, line, cells, b, offset) in &table.rows {
        let at = |c: usize| {
            cells.get(c).map(|t| t.trim()).filter(|t| !t.is_empty() && !matches!(*t, "—" | "-" | "–" | "\u{a0}"))
        };
        let filled: Vec<(usize, &str)> =
            tracks.iter().filter_map(|&c| at(c).map(|t| (c, t))).filter(|(_, t)| !t.starts_with('(')).collect();
        let time_cell = time.and_then(|t| cells.get(t).cloned()).unwrap_or_default();
        let merged: Vec<String> = match filled.as_slice() {
            [(_, title), (_, names)]
                if speaker_list(names, Slot::Guessed).is_some() && speaker_list(title, Slot::Guessed).is_none() =>
            {
                vec![format!("{title} — {names}")]
            }
            _ => filled.iter().map(|(_, t)| (*t).to_owned()).collect(),
        };
        for (k, cell) in merged.into_iter().enumerate() {
            rows.push((*block, *line, vec![time_cell.clone(), cell], *b, offset + k));
        }
    }
    Some(Table { rows, columns: vec![Column::Time, Column::Title], tsv: true })
}

fn read_table(notes: &Notes<'_>, table: &Table<'_>) -> Vec<Candidate> {
    if let Some(grid) = tracks_as_rows(table) {
        return read_table(notes, &grid);
    }
    let columns = infer_columns(table);
    // `| Name | From | Why |` under `People I want to follow up with:`: a column found only by
    // its words holds titles when most of its cells read as titles.
    if !table.columns.contains(&Column::Title) && columns.contains(&Column::Title) {
        let cells: Vec<&str> =
            table.rows.iter().filter_map(|r| cell(&r.2, &columns, Column::Title)).filter(|t| !t.is_empty()).collect();
        let titled = cells.iter().filter(|t| is_title_case(t)).count();
        if titled * 2 < cells.len() {
            return Vec::new();
        }
    }
    let mut out = Vec::new();
    for (block, line, cells, b, offset) in &table.rows {
        // `↳ Kind Clusters in CI`: a row set under the one above keeps its title without the arrow.
        let Some(raw_title) = cell(cells, &columns, Column::Title)
            .map(|t| t.trim_start_matches(['↳', '→', '└', '⤷', '»', '•', '-', '–', ' ']))
            .filter(|t| !t.is_empty())
        else {
            continue;
        };
        // `⚡ Lightning talks<br>• Buoy APIs Are Just REST — *Sunny Bautista*<br>• …`: a cell of talks.
        if let Some((kind, talks)) = talks_in_cell(raw_title) {
            let at = |column| cell(cells, &columns, column).filter(|t| !t.is_empty()).map(str::to_owned);
            let (time, room) = (at(Column::Time), at(Column::Room));
            out.extend(talks.into_iter().map(|talk| cell_talk(talk, kind, (*block, *line, *offset), (&time, &room))));
            continue;
        }
        let (mut title, mut kind) = strip_kind_label(raw_title);
        let mut speakers = cell(cells, &columns, Column::Speakers).map(speakers_cell).unwrap_or_default();
        let mut form = "table row (columns)".to_owned();
        if let Some((first, rest)) = raw_title.split_once('\n').filter(|_| !columns.contains(&Column::Speakers)) {
            // `Title<br>Speaker`, `Panel: T<br>Moderator: A<br>B, C`: the lines under the title.
            (title, kind) = strip_kind_label(first);
            speakers = rest
                .lines()
                .filter_map(|l| {
                    let value = labels_of(l).into_iter().next().map_or_else(|| l.to_owned(), |label| label.value);
                    speaker_list(&value, Slot::Stated)
                })
                .flatten()
                .collect();
            "table row (title and speaker lines)".clone_into(&mut form);
        } else if !columns.contains(&Column::Speakers) {
            // A title cell that carries the speaker too: `Title — Speaker`.
            let head = if table.tsv { Head::plain(raw_title) } else { title_cell_head(b, cells, &columns) };
            let r = readings(&head, Slot::Guessed)
                .into_iter()
                .find(|r| !r.speakers.is_empty())
                .unwrap_or_else(|| title_only(&head));
            form = format!("table row {}", r.key);
            title = r.title;
            speakers = r.speakers;
            kind = kind.or(r.kind);
        }
        if title.is_empty() || is_break(&title) || is_structure(&title) {
            continue;
        }
        if speakers.is_empty() && (container_kind(&title).is_some() || kind == Some(SessionKind::Lightning)) {
            // `Lightning talks — sign up at the desk | various`: the block, not a talk.
            continue;
        }
        let kind_cell = cell(cells, &columns, Column::Kind).filter(|k| !k.is_empty());
        if speakers.is_empty() && (outside_rooms(cells, &columns) || kind_cell.is_some_and(is_break)) {
            // `19:00 | — | Asado at the market | —`: no room, nobody speaking, a social event.
            continue;
        }
        kind = kind.or_else(|| kind_cell.and_then(kind_word));
        let mut c = Candidate::new("table row", form, *block, *line, title);
        c.offset = *offset;
        c.evidence = if speakers.is_empty() { Evidence::Place } else { Evidence::Stated };
        c.speakers = speakers;
        c.kind = kind.or_else(|| lightning_above(notes, *block));
        c.time = cell(cells, &columns, Column::Time).filter(|t| !t.is_empty()).map(str::to_owned);
        c.room = cell(cells, &columns, Column::Room)
            .filter(|t| !t.is_empty() && !matches!(*t, "—" | "-" | "–"))
            .map(str::to_owned);
        c.links = b.links.iter().map(|l| l.url.clone()).collect();
        out.push(c);
    }
    out
}

/// A talk listed in a cell: its title and speakers.
type CellTalk = (String, Vec<NameRef>);

/// The session of a talk listed in a cell of the row at `(block, line, offset)`, with the row's
/// time and room.
fn cell_talk(
    (title, speakers): CellTalk,
    kind: SessionKind,
    (block, line, offset): (usize, u32, usize),
    (time, room): (&Option<String>, &Option<String>),
) -> Candidate {
    let mut c = Candidate::new("table row", "table row (a cell of talks)".to_owned(), block, line, title);
    c.offset = offset;
    c.evidence = Evidence::Read;
    c.speakers = speakers;
    c.kind = Some(kind);
    c.time.clone_from(time);
    c.room.clone_from(room);
    c
}

/// A cell that names a group of talks on its first line (`⚡ Lightning talks`) and lists them on
/// bulleted lines below: the kind, and each talk's title and speakers.
fn talks_in_cell(text: &str) -> Option<(SessionKind, Vec<CellTalk>)> {
    let (first, rest) = text.split_once('\n')?;
    let (label, labelled) = strip_kind_label(first);
    let kind = container_kind(first).or(labelled.filter(|_| container_kind(&label).is_some()))?;
    // (Lines that are no bullets are the note-taker's: `(only caught two)`, `ran 20 min late`.)
    let bullets: Vec<&str> = rest
        .lines()
        .map(str::trim)
        .filter_map(|l| l.strip_prefix(['•', '-', '*', '·']))
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    // A bullet that names no one is a note too (`5 min each`, `sign up at the desk`).
    let talks: Vec<CellTalk> = bullets
        .iter()
        .filter_map(|b| {
            let r = readings(&Head::plain(b), Slot::Stated).into_iter().find(|r| !r.speakers.is_empty())?;
            (!r.title.is_empty()).then_some((r.title, r.speakers))
        })
        .collect();
    (!talks.is_empty()).then_some((kind, talks))
}

/// True when the table has a room column and this row's room is a dash: the row happens outside
/// the session rooms (meals, parties, registration).
fn outside_rooms(cells: &[String], columns: &[Column]) -> bool {
    columns.contains(&Column::Room)
        && cell(cells, columns, Column::Room).is_some_and(|r| matches!(r, "—" | "-" | "–" | ""))
}

/// Words that open the panellists after the moderator in one cell (`Moderation: A; mit B, C`).
const WITH_WORDS: &[&str] = &["with ", "mit ", "con ", "avec ", "met ", "com "];

/// The people of a speakers cell: a plain list, or parts split by `;`, each perhaps labelled
/// (`Moderation: Katrin Wegener; mit Ömer Demir, Sophie van der Meulen`).
fn speakers_cell(text: &str) -> Vec<NameRef> {
    if let Some(names) = speaker_list(text, Slot::Stated) {
        return names;
    }
    text.split(';')
        .filter_map(|part| {
            let part = part.trim();
            let value = labels_of(part).into_iter().next().map_or_else(|| part.to_owned(), |l| l.value);
            let value = WITH_WORDS
                .iter()
                .find_map(|w| value.get(..w.len()).filter(|h| h.eq_ignore_ascii_case(w)).map(|_| &value[w.len()..]))
                .unwrap_or(&value);
            speaker_list(value, Slot::Stated)
        })
        .flatten()
        .collect()
}

/// The trimmed cell of column `col`, if the table has one.
fn cell<'c>(cells: &'c [String], columns: &[Column], col: Column) -> Option<&'c str> {
    columns.iter().position(|c| *c == col).and_then(|i| cells.get(i)).map(|s| s.trim())
}

/// The title cell's head, with its bold and links, for rows without a speaker column.
fn title_cell_head(b: &Block, cells: &[String], columns: &[Column]) -> Head {
    let index = columns.iter().position(|c| *c == Column::Title).unwrap_or(0);
    let start: usize = cells.iter().take(index).map(|c| c.len() + 1).sum();
    let end = start + cells.get(index).map_or(0, String::len);
    Head::of(b, start, end)
}

/// `## Lightning talks` above a table gives its rows their kind.
fn lightning_above(notes: &Notes<'_>, block: usize) -> Option<SessionKind> {
    notes.ancestors(block).find_map(|s| container_kind(&notes.blocks[s.heading].text))
}

#[cfg(test)]
mod tests {
    use crate::ingest::read_notes;

    #[test]
    fn a_grid_cell_of_lightning_talks_is_one_session_a_talk() {
        let notes = "# ShipLog Summit 2018\n\n| Time | Main | Kjøl |\n|---|---|---|\n\
                     | 10:15 | **KEYNOTE** Forty Years of AIS Data<br>*Kaimana Akana* | – |\n\
                     | 14:00 | ⚡ Lightning talks<br>• Buoy APIs Are Just REST — *Sunny Bautista*<br>• Rust on a Trawler — *Nurlan Abenov* | ↓ workshop cont. |\n";
        let sessions = read_notes("s.md", notes.as_bytes()).0.unwrap().sessions;
        let read: Vec<(&str, Vec<&str>)> =
            sessions.iter().map(|s| (s.title.as_str(), s.speakers.iter().map(|n| n.name.as_str()).collect())).collect();
        assert_eq!(
            read,
            [
                ("Forty Years of AIS Data", vec!["Kaimana Akana"]),
                ("Buoy APIs Are Just REST", vec!["Sunny Bautista"]),
                ("Rust on a Trawler", vec!["Nurlan Abenov"]),
            ]
        );
        // Bullets that name no one are the note-taker's notes, and the cell a lightning slot.
        let notes_only = "# ShipLog Summit 2018\n\n| Time | Main |\n|---|---|\n\
                          | 14:00 | ⚡ Lightning talks<br>• 5 min each<br>• sign up at the desk |\n";
        assert!(read_notes("s.md", notes_only.as_bytes()).0.unwrap().sessions.is_empty());
    }
}
