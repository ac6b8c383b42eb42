//! Tests of the headings module.

use crate::ingest::read_notes;

fn speakers_of_first(notes: &str) -> Vec<String> {
    let record = read_notes("t.md", notes.as_bytes()).0.expect("a conference is named");
    record.sessions[0].speakers.iter().map(|n| n.name.clone()).collect()
}

#[test]
fn a_heading_under_lightning_talks_names_its_speaker_before_a_colon() {
    let notes = "# a11yHEL 2021\n\n## Lightning Talks\n\n### Ilkka: focus rings are not ugly\n\n\
                 ### Dalisay Reyes: a11y in Tagalog apps\n";
    let record = read_notes("t.md", notes.as_bytes()).0.expect("a conference is named");
    let s = &record.sessions[0];
    assert_eq!((s.title.as_str(), s.speakers[0].name.as_str()), ("focus rings are not ugly", "Ilkka"));
}

#[test]
fn a_keynote_heading_takes_the_title_quoted_below_it_in_a_block_quote() {
    let notes = "# Bastion Summit 2023\n\n### Nana Akua Mensah Keynote\n\n\
                 > \"Threat Models Are Love Letters to Your Future Self\"\n\nNana's argument: …\n";
    let record = read_notes("t.md", notes.as_bytes()).0.expect("a conference is named");
    assert_eq!(record.sessions[0].title, "Threat Models Are Love Letters to Your Future Self");
    assert_eq!(speakers_of_first(notes), ["Nana Akua Mensah"]);
    // A sentence she said is no title.
    let said = notes.replace("Threat Models Are Love Letters to Your Future Self", "Nobody reads the threat model.");
    let record = read_notes("t.md", said.as_bytes()).0.expect("a conference is named");
    assert_eq!(record.sessions[0].title, "Nana Akua Mensah Keynote");
}

#[test]
fn a_heading_of_the_note_takers_own_thoughts_is_no_session() {
    assert!(
        crate::ingest::structure::is_own_remark("Venue — great")
            && crate::ingest::structure::is_own_remark("Alerting: less is more")
    );
    assert!(
        !crate::ingest::structure::is_own_remark("Rust: The Good Parts")
            && !crate::ingest::structure::is_own_remark("Opening — Ana Ortiz")
    );
    // Only among headings that name who spoke: else they may be talks in sentence case.
    let plain = "# PyFjord 2024\n\n## Packaging: still a mess\n\nnotes\n\n## Testing: beyond the pyramid\n\nnotes\n";
    assert_eq!(read_notes("t.md", plain.as_bytes()).0.expect("named").sessions.len(), 2);
}

#[test]
fn a_heading_of_many_talks_names_no_speaker_only_over_talks() {
    let over_list = "# Codegen Days 2024\n\n### Lightning talks (Thu)\n\n- Tomasz: a peephole optimizer\n";
    let record = read_notes("t.md", over_list.as_bytes()).0.expect("a conference is named");
    assert!(record.sessions.iter().all(|s| s.title != "Lightning talks"));
    let over_prose = "# Nordic APIs 2023\n\n## Keynotes: Ana Ortiz and Ben Lindqvist\n\nBoth were great.\n";
    assert_eq!(speakers_of_first(over_prose), ["Ana Ortiz", "Ben Lindqvist"]);
}

#[test]
fn a_ceremony_is_given_by_the_names_its_first_line_gives() {
    let talk = "\n\n## Sketching Genomes (Ruth Okello)\n\nnotes\n";
    for (opening, want) in [
        (
            "Ane Irazabal (chair) and Garazi Etxeberria did the welcome, half in Euskara.",
            vec!["Ane Irazabal", "Garazi Etxeberria"],
        ),
        ("Welcome from the general chair, Prof. Ignacio Araya Pizarro. ~280 attendees.", vec!["Ignacio Araya Pizarro"]),
        ("Welcome from the Python Software Foundation.", vec![]),
        ("Short welcome by the organisers.", vec![]),
    ] {
        let notes = format!("# Helix Coast 2024\n\n## Opening remarks\n\n{opening}{talk}");
        assert_eq!(speakers_of_first(&notes), want, "{opening}");
    }
}
