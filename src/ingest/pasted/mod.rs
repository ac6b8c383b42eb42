//! Programmes pasted from a PDF: a time, then the title wrapped over several lines, the speakers
//! in capitals on lines of their own (`JÜRI ÕUNAPUU`, `GIULIA ESPOSITO, MARCO DE LUCA (INGV)`),
//! their institutions under them, `Moderator:` / `Panellists:` lines, and page furniture
//! (`Marginalia Forum 2024 · Final programme   Page 2 of 7` and the running header after it)
//! cutting through an entry.
//!
//! Owns rewriting such a programme, line for line, into the time lines the time-line shape reads:
//! each entry becomes `09:40  Keynote: Title — Name, Name` on its time line and its other lines go
//! blank; the untimed talks of a lightning slot become `- Title — Name` items. Entries that name
//! no one in capitals are left as they were.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::forms::ROOM_WORDS;
use super::names::judge::is_particle;
use super::names::speakers::{Slot, speaker_list};

mod print;
use print::{blank, blank_page_furniture, set_for_print};

/// A clock time opening a line, and the text after it.
/// (`08:45–09:00   Welcome`: the end of a range is part of the time.)
pub(super) static TIME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(\d{1,2}[:.]\d{2}(?:\s?[ap]m)?(?:\s*[–-]\s*\d{1,2}[:.]\d{2}(?:\s?[ap]m)?)?)\b\s*(.*)")
        .expect("valid regex")
});

/// A running header or footer with its page number set apart at one end:
/// Kind lines of a printed programme, and the label each gives the title.
const KINDS: &[(&str, &str)] = &[
    ("keynote", "Keynote"),
    ("panel", "Panel"),
    ("workshop", "Workshop"),
    ("tutorial", "Tutorial"),
    ("lightning", "Lightning talks"),
    ("short talks", "Lightning talks"),
];

/// Labels before the people of an entry (`Moderator:`, `Panellists:`); chairs and hosts of a
/// slot are not its speakers.
const PEOPLE_LABELS: &[&str] =
    &["moderator", "moderators", "panellists", "panelists", "panel", "facilitator", "facilitators", "speakers"];
const NOT_SPEAKER_LABELS: &[&str] = &["chair", "session chair", "host", "hosts", "chairs"];

/// Labels of where an entry is (`Room: Sali B`), which is neither its title nor its people.
const PLACE_LABELS: &[&str] = &["room", "rooms", "venue", "location", "place", "where", "track"];

/// First words of programme lines set in capitals that are no one's name.
const PROGRAMME_WORDS: &[&str] = &[
    "lunch",
    "coffee",
    "break",
    "registration",
    "welcome",
    "reception",
    "poster",
    "posters",
    "end",
    "dinner",
    "closing",
    "opening",
    "session",
    "day",
    "track",
    "room",
    "doors",
    "networking",
];

/// What a line of an entry is.
#[derive(Debug, PartialEq, Eq)]
enum Part {
    /// A kind line (`KEYNOTE`, `PANEL DISCUSSION`) and the label it gives.
    Kind(&'static str),
    /// People in capitals, as a list, and whether a label stood before them.
    Names(String, bool),
    /// A label before people, whether they are speakers.
    Label(bool),
    /// A room (`Main Auditorium (Sali A)`, `Room: Sali B`).
    Place,
    /// Any other text.
    Text,
}

/// Rewrites a pasted PDF programme; any other text comes back as it was.
///
/// ```
/// use confgraph::ingest::pasted::pdf_programme;
///
/// let text = "09:40     KEYNOTE\n          The Archive That Forgets: Deletion\n          and Memory\n          PROF. ADA OKORO\n          University of Leeds\n\n11:00     When the Finding Aid Is the Artefact\n          MARIEKE VAN DER BERG\n\n11:25     Fixity Checks Nobody Runs\n          OWEN PRYCE-DAVIES\n";
/// let out = pdf_programme(text);
/// assert!(out.starts_with("09:40  Keynote: The Archive That Forgets: Deletion and Memory — Prof. Ada Okoro\n\n\n"));
/// assert!(out.contains("11:00  When the Finding Aid Is the Artefact — Marieke van der Berg\n"));
/// assert_eq!(out.lines().count(), text.lines().count());
/// ```
#[must_use]
pub fn pdf_programme(text: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    // Names in capitals, or written names set under the entry's text (a hanging indent) in
    // text that shows it was set for print (typed notes under times are not rewritten).
    // (Looked at only when a time line has lines under it: most notes have none.)
    let printed = std::cell::LazyCell::new(|| set_for_print(&lines));
    let indent = |l: &str| l.len() - l.trim_start().len();
    let timed_with_names = (0..lines.len())
        .filter(|&i| {
            let Some(caps) = TIME_LINE.captures(lines[i]) else { return false };
            // (In characters, as the indent is: `10:30–10:55` has a three-byte dash.)
            let column = caps.get(2).map_or(0, |m| lines[i][..m.start()].chars().count());
            // (Text in columns, `09:15   Opening words      Marieke Verhoeven`, is a table.)
            let columns = caps.get(2).is_some_and(|m| m.as_str().trim().contains("   "));
            lines[i + 1..(i + 5).min(lines.len())].iter().any(|l| match part_of(l.trim(), *printed) {
                Part::Names(names, _) => {
                    is_shouted(&names) || *printed && !columns && column >= 6 && indent(l) == column
                }
                _ => false,
            })
        })
        .count();
    if timed_with_names < 3 {
        return Cow::Borrowed(text);
    }
    // Written names are read only where the programme has no names in capitals.
    let shouted = (0..lines.len())
        .filter(|&i| {
            TIME_LINE.is_match(lines[i])
                && lines[i + 1..(i + 5).min(lines.len())]
                    .iter()
                    .any(|l| matches!(part_of(l.trim(), false), Part::Names(..)))
        })
        .count();
    let written = *printed && shouted < 3;
    let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    blank_page_furniture(&lines, &mut out);
    let mut i = 0;
    while i < lines.len() {
        match TIME_LINE.captures(out[i].trim_end_matches(['\n', '\r'])) {
            Some(_) => i = rewrite_entry(&mut out, i, written),
            None => i += 1,
        }
    }
    Cow::Owned(out.concat())
}
/// The line ending of `line` (`\n`, `\r\n` or none).
fn ending(line: &str) -> &str {
    &line[line.trim_end_matches(['\n', '\r']).len()..]
}

/// Rewrites the entry whose time line is `start`; returns the line after it.
fn rewrite_entry(out: &mut [String], start: usize, written: bool) -> usize {
    let first = out[start].trim_end_matches(['\n', '\r']).to_owned();
    let caps = TIME_LINE.captures(&first).expect("a time line");
    let (time, head) = (caps[1].to_owned(), caps[2].trim().to_owned());
    let mut end = start + 1;
    // Each line: its number, its text and its indent.
    let mut texts: Vec<(usize, String, usize)> = Vec::new();
    // (The time line's own text is a title or a kind, never people: `12:30  LUNCH`.)
    let head_at = (!head.is_empty()).then_some(start);
    if !head.is_empty() {
        texts.push((start, head, caps.get(2).map_or(0, |m| m.start())));
    }
    while end < out.len() && !TIME_LINE.is_match(&out[end]) {
        let t = out[end].trim();
        if t.is_empty() {
            // A blank ends the entry unless its lines go on, indented, after it (a page break).
            let more = out[end..].iter().find(|l| !l.trim().is_empty());
            if !more.is_some_and(|l| l.starts_with("  ") && !TIME_LINE.is_match(l)) {
                break;
            }
        } else if t.starts_with(['•', '-', '*', '>']) || t.to_lowercase().starts_with("session") {
            break;
        } else {
            texts.push((end, t.to_owned(), out[end].len() - out[end].trim_start().len()));
        }
        end += 1;
    }
    let entry = read_entry(&texts, head_at, written);
    if entry.talks.iter().all(|t| t.names.is_empty()) {
        return end;
    }
    for (line, _, _) in &texts {
        blank(&mut out[*line]);
    }
    let nl = ending(&out[start]).to_owned();
    let lead = &first[..first.len() - first.trim_start().len()];
    let mut talks = entry.talks.iter();
    if entry.container {
        out[start] = format!("{lead}{time}  {}:{nl}", entry.kind.unwrap_or("Talks"));
    } else if let Some(t) = talks.next() {
        let kind = entry.kind.map_or(String::new(), |k| format!("{k}: "));
        out[start] = format!("{lead}{time}  {kind}{} — {}{nl}", t.title, t.names.join(", "));
    }
    for t in talks {
        let at = t.line;
        let nl = ending(&out[at]).to_owned();
        out[at] = format!("- {} — {}{nl}", t.title, t.names.join(", "));
    }
    end
}

/// One talk of an entry: its title, its people and the line it starts on.
#[derive(Debug, Default)]
struct Talk {
    title: String,
    names: Vec<String>,
    line: usize,
}

/// An entry read: its kind, whether it groups talks below it, and its talks.
#[derive(Debug, Default)]
struct Entry {
    kind: Option<&'static str>,
    container: bool,
    talks: Vec<Talk>,
}

/// Reads an entry's lines: kind, title lines, names, institutions (dropped) and, in a lightning
/// slot, one talk per title-then-names group.
fn read_entry(texts: &[(usize, String, usize)], head_at: Option<usize>, written: bool) -> Entry {
    let mut entry = Entry::default();
    let first_gap = slot_gap(texts, head_at, written);
    let mut names_indent = usize::MAX;
    let mut talk = Talk::default();
    let mut previous_line = usize::MAX;
    let mut open_parens = 0i32;
    let mut people = true;
    let mut after_names = false;
    let mut listed = false;
    for (line, text, indent) in texts {
        let after_a_gap = previous_line.checked_add(1) != Some(*line);
        previous_line = *line;
        let depth = open_parens;
        open_parens += parens(text);
        if depth > 0 {
            // The rest of an aside that runs over lines (`(Room 203 · …` / `bring a laptop)`).
            continue;
        }
        let part = if Some(*line) == head_at && matches!(part_of(text, written), Part::Names(..) | Part::Place) {
            Part::Text
        } else {
            part_of(text, written)
        };
        match part {
            Part::Kind(k) if talk.title.is_empty() && entry.talks.is_empty() => {
                entry.kind = Some(k);
                entry.container = k == "Lightning talks";
            }
            Part::Label(speakers) => people = speakers,
            Part::Names(names, labelled) if people => {
                // A list wrapped mid-name (`ELENA VAN DEN` / `HEUVEL (KNMI), …`) goes on where it broke.
                let wrapped = !labelled && listed && talk.names.last().is_some_and(|n| !n.ends_with([',', ')']));
                push_names(&mut talk.names, &names, wrapped);
                listed = names.contains(',');
                after_names = true;
                names_indent = *indent;
            }
            Part::Names(..) | Part::Place => {}
            Part::Text | Part::Kind(_) if after_names => {
                // An institution under a name, or a slot's own note (`Five minutes each`).
                // In a lightning slot, a line after a blank or set left of the names opens the
                // next talk; one right under a name is its institution.
                let opens = after_a_gap || *indent < names_indent;
                if entry.container && opens && text.starts_with(char::is_uppercase) {
                    entry.talks.push(std::mem::take(&mut talk));
                    after_names = false;
                    people = true;
                    talk.line = *line;
                    talk.title.clone_from(text);
                }
            }
            Part::Text | Part::Kind(_) => {
                let slot_line = entry.kind.is_some() && talk.title.is_empty() && entry.talks.is_empty();
                if slot_line && first_gap.is_some_and(|g| *line < g) && Some(*line) != head_at
                    || entry.container && talk.title.is_empty() && text.ends_with('.')
                {
                    continue;
                }
                if talk.title.is_empty() {
                    talk.line = *line;
                    people = true;
                }
                join_title(&mut talk.title, text);
            }
        }
    }
    if !talk.title.is_empty() || !talk.names.is_empty() {
        entry.talks.push(talk);
    }
    if entry.container {
        // (A slot's host or people named before any title are not a talk of it.)
        entry.talks.retain(|t| !t.names.is_empty() && !t.title.is_empty());
    }
    entry
}

/// In a slot with a kind, the lines before its first blank are the slot's own (room, chair,
/// `Five minutes each`) when its talks come after the blank: the line after that blank. (Only
/// when the slot's people come after the blank: a keynote's abstract after a blank leaves its
/// title and speaker before it.)
fn slot_gap(texts: &[(usize, String, usize)], head_at: Option<usize>, written: bool) -> Option<usize> {
    let first_gap = texts.windows(2).find(|w| w[1].0 != w[0].0 + 1).map(|w| w[1].0)?;
    let mut names_at = texts
        .iter()
        .filter(|(line, text, _)| Some(*line) != head_at && matches!(part_of(text, written), Part::Names(..)))
        .map(|(line, _, _)| *line)
        .peekable();
    (names_at.peek().is_some() && names_at.all(|l| l > first_gap)).then_some(first_gap)
}

/// Net count of opened brackets in a line.
fn parens(text: &str) -> i32 {
    text.chars().map(|c| i32::from(c == '(') - i32::from(c == ')')).sum()
}

/// Joins a wrapped title line: `Hand-` / `written` → `Handwritten`, else with a space.
fn join_title(title: &mut String, line: &str) {
    match (title.is_empty(), title.ends_with('-'), line.starts_with(char::is_lowercase)) {
        // (`Adverse-` / `Weather Perception`: a hyphenated compound keeps its hyphen.)
        (true, _, _) | (false, true, false) => {}
        (false, true, true) => drop(title.pop()),
        (false, false, _) => title.push(' '),
    }
    title.push_str(line);
}

/// Adds the people of one line, the first joined to the last one before when the list wrapped.
fn push_names(names: &mut Vec<String>, line: &str, wrapped: bool) {
    for (k, part) in split_people(line).into_iter().enumerate() {
        match names.last_mut() {
            Some(last) if k == 0 && wrapped => {
                last.push(' ');
                last.push_str(&part);
            }
            _ => names.push(part),
        }
    }
}

/// The people of a capitals line, each unshouted, asides kept (`Giulia Esposito (INGV)`).
fn split_people(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut current = String::new();
    for c in line.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                out.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    out.push(current);
    out.iter().map(|p| unshout_name(p.trim())).filter(|p| !p.is_empty()).collect()
}

/// `MARIEKE VAN DER BERG (Het Utrechts Archief)` → `Marieke van der Berg (Het Utrechts Archief)`.
fn unshout_name(part: &str) -> String {
    if !is_shouted(part) {
        return part.to_owned();
    }
    let (name, aside) = part.find('(').map_or((part, ""), |at| (&part[..at], &part[at..]));
    let words: Vec<String> = name
        .split_whitespace()
        .enumerate()
        .map(|(k, w)| {
            let lower = w.to_lowercase();
            if k > 0 && is_particle(&lower) {
                return lower;
            }
            let mut out = String::with_capacity(w.len());
            let mut up = true;
            for c in lower.chars() {
                if up {
                    out.extend(c.to_uppercase());
                } else {
                    out.push(c);
                }
                up = matches!(c, '-' | '\'' | '’' | '.');
            }
            out
        })
        .collect();
    let name = words.join(" ");
    // (`R. SILVEIRA (Regional Civil` closes on the next line, which is not read.)
    let close = if parens(aside) > 0 { ")" } else { "" };
    if aside.is_empty() { name } else { format!("{name} {}{close}", aside.trim()) }
}

/// Words of a room's name beside a room word (`Main Stage`, `Lecture Theatre`).
const ROOM_ADJECTIVES: &[&str] =
    &["main", "great", "lecture", "small", "big", "grand", "upper", "lower", "east", "west", "north", "south"];

/// What a line of an entry is.
fn part_of(text: &str, written: bool) -> Part {
    let lower = text.to_lowercase();
    if let Some((label, rest)) = text.split_once(':') {
        let l = label.trim().to_lowercase();
        if PLACE_LABELS.contains(&l.as_str()) {
            return Part::Place;
        }
        if PEOPLE_LABELS.contains(&l.as_str()) || NOT_SPEAKER_LABELS.contains(&l.as_str()) {
            let speakers = PEOPLE_LABELS.contains(&l.as_str());
            return match names_of(rest, written) {
                Some(names) if speakers => Part::Names(names, true),
                _ => Part::Label(speakers),
            };
        }
    }
    // `Main Auditorium (Sali A)`: a short line that names a room.
    let bare_words: Vec<&str> = lower.split('(').next().unwrap_or_default().split_whitespace().collect();
    // (`Stage Fright` is a title: a room line has a bracket, a room's code (`Sali A`, `204`) or
    // only room words (`Main Stage`, `Lecture Theatre`); never `of`, `and`, `the`.)
    let code = |w: &&str| w.chars().any(|c| c.is_ascii_digit()) || w.len() == 1 && w.chars().all(char::is_alphabetic);
    let roomy = |w: &&str| ROOM_WORDS.contains(w) || ROOM_ADJECTIVES.contains(w);
    let joined = bare_words.iter().any(|w| matches!(*w, "of" | "and" | "the" | "on" | "&"));
    let coded = text.contains('(') || bare_words.iter().skip(1).any(code) || bare_words.iter().all(roomy);
    if (1..=3).contains(&bare_words.len())
        && bare_words.iter().any(|w| ROOM_WORDS.contains(w))
        && coded
        && !joined
        && !text.ends_with('.')
    {
        return Part::Place;
    }
    if is_shouted(text) {
        let bare = lower.split('(').next().unwrap_or_default().trim().to_owned();
        if let Some((_, label)) = KINDS.iter().find(|(w, _)| bare.starts_with(w)) {
            return Part::Kind(label);
        }
    }
    names_of(text, written).map_or(Part::Text, |n| Part::Names(n, false))
}

/// Whether the letters outside brackets are all capitals.
fn is_shouted(text: &str) -> bool {
    let mut depth = 0;
    let mut letters = 0;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            c if depth == 0 && c.is_alphabetic() => {
                if c.is_lowercase() {
                    return false;
                }
                letters += 1;
            }
            _ => {}
        }
    }
    letters >= 3
}

/// A line of people in capitals (asides in any case), or `None`.
fn names_of(text: &str, written: bool) -> Option<String> {
    let t = text.trim();
    let bare = t.split('(').next().unwrap_or_default().to_lowercase();
    let kind = KINDS.iter().any(|(w, _)| bare.trim_start().starts_with(w));
    let words = t.split('(').next().unwrap_or_default().split_whitespace().count();
    let programme_word = bare.split_whitespace().next().is_some_and(|w| PROGRAMME_WORDS.contains(&w));
    if !is_shouted(t) {
        return (written && !kind && !programme_word).then(|| written_names(t)).flatten();
    }
    (!kind && !programme_word && words <= 12 && !t.contains(['·', '|', '—', '–']) && !t.ends_with(':'))
        .then(|| t.to_owned())
}

/// A line of people written in ordinary case, each a full name, an institution set off by ` · `
/// dropped: `Jonas Bergström · Aalto University, Finland`, `Dr. Sigrún Hallgrímsdóttir`.
fn written_names(text: &str) -> Option<String> {
    let left = text.split(" · ").next().unwrap_or(text).trim();
    if left.contains("   ") {
        return None;
    }
    if left.ends_with(['.', ':', '?']) && !left.ends_with(" Jr.") || left.split_whitespace().count() > 12 {
        return None;
    }
    let names = speaker_list(left, Slot::Guessed)?;
    let full = names.iter().all(|n| n.name.split_whitespace().count() >= 2);
    full.then(|| names.iter().map(|n| n.name.as_str()).collect::<Vec<_>>().join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lightning_slot_gives_one_item_per_talk() {
        let text = "08:00 Welcome\nADA OKORO\n\n16:15     LIGHTNING TALKS\n          Five minutes each.\n          Host: Henrik Lindqvist\n\n          A Barcode for Every Box\n          SIPHO NDLOVU\n\n          Metadata Debt, and How\n          We Stopped Paying Interest\n          ISLA\n\n17:15     End of Day One\n\n09:00 Opening\nKADRI TAMM\n\n09:30 Fixity Checks\nOWEN PRYCE-DAVIES\n";
        let out = pdf_programme(text);
        assert!(out.contains("\n16:15  Lightning talks:\n"), "{out}");
        assert!(out.contains("- A Barcode for Every Box — Sipho Ndlovu\n"), "{out}");
        assert!(out.contains("- Metadata Debt, and How We Stopped Paying Interest — Isla\n"), "{out}");
        assert!(out.contains("17:15     End of Day One\n"));
        assert_eq!(out.lines().count(), text.lines().count());
    }

    #[test]
    fn wrapped_lists_and_panels() {
        let text = "13:30 PANEL DISCUSSION\nCommunicating unrest to the\npublic\nModerator: R. SILVEIRA\nPanellists: ANA LIMA (IMO), ELENA VAN DEN\nHEUVEL (KNMI), MERE TAKARANGI (GNS)\n\n14:00 A talk\nBO CHEN\n\n14:30 Another\nCY DOE\n";
        let out = pdf_programme(text);
        assert!(
            out.starts_with(
                "13:30  Panel: Communicating unrest to the public — R. Silveira, Ana Lima (IMO), Elena van den Heuvel (KNMI), Mere Takarangi (GNS)\n"
            ),
            "{out}"
        );
    }

    #[test]
    fn programme_words_in_capitals_are_no_one_and_line_one_is_never_touched() {
        let text = "# Forum 2024\n\n09:00 Opening\nKADRI TAMM\n\n12:30 LUNCH\n\n16:15 LIGHTNING TALKS\n      Moderator: ANA LIMA\n\n      A Barcode for Every Box\n      SIPHO NDLOVU\n      University of Cape Town\n\n      Our Web Archive\n      EMMA DOE\n\n17:00 Talk\nBO CHEN\n";
        let out = pdf_programme(text);
        assert!(out.starts_with("# Forum 2024\n"), "{out}");
        assert!(out.contains("12:30 LUNCH\n"), "{out}");
        assert!(out.contains("- A Barcode for Every Box — Sipho Ndlovu\n"), "{out}");
        assert!(out.contains("- Our Web Archive — Emma Doe\n"), "{out}");
        assert!(!out.contains("University of Cape Town Our"), "{out}");
        assert_eq!(out.lines().count(), text.lines().count());
    }

    #[test]
    fn prose_is_left_alone() {
        let text = "10:00 Coffee with Ana\nWe talked.\n";
        assert_eq!(pdf_programme(text), text);
    }

    #[test]
    fn printed_pages_give_written_names_under_a_hanging_indent() {
        let entry = |time: &str, title: &str, name: &str| {
            format!(
                "{time}         {title}\n              {name} · Aalto University\n\n              We train an estima-\n              tor on wheel odometry.\n\n"
            )
        };
        let mut text = String::from("14          NFRS 2025 · PROGRAMME\n\n");
        text += &entry("10:30", "Learning Terrain from Proprio-\n              ception Alone", "Jonas Bergström");
        text += &entry("10:55", "Snow-Robust Lidar for Adverse-\n              Weather Forestry", "Mei-Ling Chou");
        text += &entry("11:20", "Thermal Cameras After Dark", "Dr. Olamide Fashola");
        let out = pdf_programme(&text);
        assert!(out.contains("10:30  Learning Terrain from Proprioception Alone — Jonas Bergström\n"), "{out}");
        assert!(out.contains("10:55  Snow-Robust Lidar for Adverse-Weather Forestry — Mei-Ling Chou\n"), "{out}");
        assert!(out.starts_with("14          NFRS 2025"), "line one stays: {out}");
        assert_eq!(out.lines().count(), text.lines().count());
        // Typed notes in the same layout, with no print marks, are left as they are.
        let typed = "10:00  KEYNOTE The Lakehouse\n       Dr. Ramesh Venkatesan, IISc\n10:45  Iceberg at a Bank\n       Neha Kulkarni\n11:45  Polars vs Spark\n       Zhang Yiming\n";
        assert_eq!(pdf_programme(typed), typed);
    }
}
