//! Fuzzes the reader of note structure: any bytes, alone or after an opening that sends them
//! through one family of shapes (headings, lists, programmes, tables, chat, other markups).
#![no_main]

use libfuzzer_sys::fuzz_target;

/// Openings, chosen by the first byte.
const OPENINGS: &[&[u8]] = &[
    b"",
    b"# GoNorth 2023\n\n## ",
    b"# GoNorth 2023\n\n- **",
    b"GoNorth 2023 programme\n\n10:15  ",
    b"# GoNorth 2023\n\n| Time | Title | Speaker |\n|---|---|---|\n| 10:15 | ",
    b"#conf-gonorth (GoNorth 2023)\n\nAwa Ndiaye  9:06 AM\n",
    b"=============\nGoNorth 2023\n=============\n\n:Event: x\n\nTalks\n-----\n\n",
    b"#+TITLE: GoNorth 2023\n* Talks\n** ",
    b"---\nconference: GoNorth\nyear: 2023\n---\n\n- ",
    b"GoNorth 2023\n\nTime    Title        Speakers\n10:15   ",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let mut notes = OPENINGS[usize::from(pick) % OPENINGS.len()].to_vec();
    notes.extend_from_slice(rest);
    if let (Some(record), _) = confgraph::ingest::read_notes("fuzz.md", &notes) {
        let lines = notes.split(|&b| b == b'\n' || b == b'\r').count().max(1);
        for s in &record.sessions {
            assert!(s.source.line >= 1 && s.source.line as usize <= lines, "a session's line is in the file");
        }
    }
});
