//! Tests of the times module.

use crate::ingest::read_notes;

/// `(title, speakers, room)` of each session read from `notes`.
fn read(notes: &str) -> Vec<(String, Vec<String>, Option<String>)> {
    let record = read_notes("t.txt", notes.as_bytes()).0.expect("a conference is named");
    record.sessions.into_iter().map(|s| (s.title, s.speakers.into_iter().map(|n| n.name).collect(), s.room)).collect()
}

#[test]
fn a_parallel_session_told_under_another_is_read_with_its_room() {
    let got = read(
        "TOIL ZERO SUMMIT 2019\n\nTHURSDAY 14 NOVEMBER\n\n\
         2:15pm SLOs for Data Pipelines (Paulina Lewandowska)   * !! fav of the day\n\
         \x20   also 2:15pm, room B: Toil Budgets in Practice - Felipe Araújo   (missed this one)\n\
         3:00pm Stage Fright: Speaking Without Notes - Ana Ortiz\n",
    );
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[1], ("Toil Budgets in Practice".into(), vec!["Felipe Araújo".into()], Some("room B".into())));
    assert_eq!(got[2].0, "Stage Fright: Speaking Without Notes");
}

#[test]
fn a_room_column_and_an_end_mark_are_no_part_of_the_talk() {
    let got = read(
        "RAILDAYS 2017\n\nSaturday 14 October\n\n\
         11:15  Room 2  Timetable Compression Explained (Nasser Al-Harbi)   ?\n\
         1:45pm Ravindra P. Kulkarni: Predictive Maintenance on Points Machines   ?\n\
         2:30pm Is It Safe?  Ana Ortiz\n",
    );
    assert_eq!(
        got[0],
        ("Timetable Compression Explained".into(), vec!["Nasser Al-Harbi".into()], Some("Room 2".into()))
    );
    assert_eq!(got[1].0, "Predictive Maintenance on Points Machines");
    assert_eq!(super::without_mark("Is It Safe?"), "Is It Safe?");
}

#[test]
fn a_timed_sentence_of_the_note_takers_day_is_no_session() {
    let got = read(
        "# Devoxx Kraków 2024\n\n09:00 Fast Tests - Kim Lee\n09:15 I skipped the other room\n\
         10:30 We grabbed coffee with Bo Lindqvist\n11:00 Slow Tests - Ola Berg\n",
    );
    let titles: Vec<&str> = got.iter().map(|(t, _, _)| t.as_str()).collect();
    assert_eq!(titles, ["Fast Tests", "Slow Tests"]);
}
