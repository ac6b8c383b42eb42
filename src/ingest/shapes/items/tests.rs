//! Tests of the items module.

use crate::ingest::read_notes;

fn read(notes: &str) -> Vec<(String, Vec<String>)> {
    let sessions = read_notes("l.md", notes.as_bytes()).0.unwrap().sessions;
    sessions.iter().map(|s| (s.title.clone(), s.speakers.iter().map(|n| n.name.clone()).collect())).collect()
}

#[test]
fn under_lightning_talks_one_given_name_before_a_colon_is_the_speaker() {
    let notes = "# Codegen Days 2024\n\n### Lightning talks (Thu, late afternoon)\n\n\
                 - Tomasz: a peephole optimizer in 200 lines of Lua\n\
                 - Fatou Ndiaye: why my Forth has no parser\n";
    let got = read(notes);
    assert_eq!(got[0], ("a peephole optimizer in 200 lines of Lua".into(), vec!["Tomasz".to_owned()]));
    assert_eq!(got.len(), 2, "the heading over the talks is no session: {got:?}");
    // Nested under an item that says so, too.
    let nested = "# Data Days 2019\n\n- Yuki Matsumoto: Charts for Screen Readers\n\
                  - lightning talks at the end:\n    - Grace: FOIA tracker in Airtable\n";
    assert!(read(nested).contains(&("FOIA tracker in Airtable".into(), vec!["Grace".to_owned()])));
    // A later list under another lead-in is a list of its own: action items, not talks.
    let later = "# Loop Conf 2024\n\nlightning talks!\n\n- Hana Te Whata — Kia Ora, APIs\n\n\
                 action items for us:\n\n- Kemal: write up the docs keynote\n";
    assert!(read(later).iter().all(|(_, who)| who != &vec!["Kemal".to_owned()]));
    // Talks planned, and the note-taker's labels among talks, are no sessions.
    let planned = "# Data Days 2019\n\n- Yuki Matsumoto: Charts for Screen Readers\n\
                   - lightning talk ideas for next year:\n    - Kemal: our dbt migration in 5 minutes\n\
                   - lightning talks at the end:\n    - Note: only 4 of 6 speakers showed up\n\
                   \x20   - Max: 5 min each, strictly timed\n    - Priya: sparkline fonts\n";
    let got = read(planned);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1], ("sparkline fonts".into(), vec!["Priya".to_owned()]));
}

#[test]
fn a_journals_mixed_list_reads_each_talk_its_own_way() {
    let notes = "# LambdaFjord 2016\n\n\
                 - kn: Eoin Ó Faoláin — \"Types Are Cheaper Than Tests\". 8/10. types = tests\n\
                 - Free Monads in Anger / Tiago Nakamura. 6/10 too much boilerplate\n\
                 - lunch: fish soup\n\
                 - Natalia Kuznetsova, Elm for Backend People — best of the day? 9/10\n\
                 - Ngozi Obi + Arvid Lindahl: PBT'ing the billing system. shrinking demo\n\
                 - Lenses for the Rest of Us, Willemijn van Rooij — finally get optics\n";
    let got = read(notes);
    let titles: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Types Are Cheaper Than Tests",
            "Free Monads in Anger",
            "Elm for Backend People",
            "PBT'ing the billing system",
            "Lenses for the Rest of Us"
        ]
    );
    assert_eq!(got[4].1, ["Willemijn van Rooij"]);
}

#[test]
fn a_lightning_list_of_name_colon_title_keeps_each_title_however_cased() {
    let notes = "# Inclusive Interfaces Summit 2024\n\n## Lightning talks\n\n\
                 - Wiremu Ngata-Parata: Macrons, screen readers and te reo Māori\n\
                 - Hendrik ten Brink: Accessible CAPTCHAs do not exist\n";
    let sessions = read_notes("l.md", notes.as_bytes()).0.unwrap().sessions;
    let read: Vec<(&str, &str)> = sessions.iter().map(|s| (s.title.as_str(), s.speakers[0].name.as_str())).collect();
    assert_eq!(
        read,
        [
            ("Macrons, screen readers and te reo Māori", "Wiremu Ngata-Parata"),
            ("Accessible CAPTCHAs do not exist", "Hendrik ten Brink")
        ]
    );
}

#[test]
fn a_talk_by_someone_on_a_title_is_a_talk_not_a_label() {
    let got = read(
        "# Data Council 2023\n\n- talk by Ana Ortiz on Sandcastles — nice\n\
         - Talk by Bo Lindqvist about Streaming Joins - dense\n- keynote by Dev Patel about Building on Sand\n",
    );
    assert_eq!(got[0], ("Sandcastles".into(), vec!["Ana Ortiz".into()]));
    assert_eq!(got[1], ("Streaming Joins".into(), vec!["Bo Lindqvist".into()]));
    assert_eq!(got[2], ("Building on Sand".into(), vec!["Dev Patel".into()]));
}

#[test]
fn a_kind_over_only_who_gives_it_is_untitled_and_w_slash_after_a_kind_brings_people() {
    let got = read(
        "# PyCon US 2024\n\n- Fast Tests — Kim Lee\n- Keynote - Ana Ortiz\n- AMA w/ Brett Cannon\n\
         - Panel: Maintainers w/ Brett Cannon, Mariatta Wijaya\n- Slow Tests — Ola Berg\n",
    );
    assert_eq!(got[1], (String::new(), vec!["Ana Ortiz".into()]));
    assert_eq!(got[2], ("AMA w/ Brett Cannon".into(), vec!["Brett Cannon".into()]));
    assert_eq!(got[3], ("Maintainers".into(), vec!["Brett Cannon".into(), "Mariatta Wijaya".into()]));
}

#[test]
fn a_lightning_lead_in_over_the_second_list_of_a_section_counts() {
    let got = read(
        "# ArrayFest 2026\n\n## Day 1\n\n- **Dask on HPC** — [[Pedro Condori]] #talk\n\
         - **Sparse Matrices** — [[Rupa Chakraborty]] #talk\n\n\
         > [!abstract]- Lightning talks\n> - [[Sky Lemalu]]: einsum is fine actually\n> - [[Ilkin]]: Plotting in the Terminal\n",
    );
    let titles: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(titles, ["Dask on HPC", "Sparse Matrices", "einsum is fine actually", "Plotting in the Terminal"]);
    assert_eq!(got[3].1, ["Ilkin"]);
}

#[test]
fn items_stating_their_titles_under_a_heading_are_sessions_of_their_own() {
    let got = read(
        "# Graticule 2026\n\n## Sessions\n\n- talk:: Projections for Pacific-Centred Maps\n  speaker:: [[Manaia Te Huia]]\n\
         - talk:: Hand-Drawn Contours\n  speaker:: [[Beatriz Saavedra]]\n",
    );
    assert_eq!(
        got,
        [
            ("Projections for Pacific-Centred Maps".into(), vec!["Manaia Te Huia".into()]),
            ("Hand-Drawn Contours".into(), vec!["Beatriz Saavedra".into()])
        ]
    );
}

#[test]
fn a_programme_committees_rejected_and_waitlisted_talks_were_not_given() {
    let got = read(
        "# ClassLoop 2009\n\n## Decisions\n\n- #104 — Gamifying Homework — Bence Farkas (ELTE) — accept\n\
         - #117 — Why MOOCs Will Replace Universities — Gary Hobbs (EduCloud Inc.) — reject (vendor pitch)\n\
         - #166 — Wikis in the Primary Classroom — Emma Lindgren (Uppsala) — waitlist\n\
         - #121 — Automatic Essay Scoring — Szabó Katalin (BME) — strong accept\n",
    );
    let titles: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(titles, ["Gamifying Homework", "Automatic Essay Scoring"]);
}

#[test]
fn a_ceremony_among_talks_needs_no_speaker() {
    let notes = "# Saltmarsh Data Days 2023\n\n## Friday\n\n\
                 - **Closing keynote: The Estuary as Commons** — Guadalupe Ibarra\n  - best talk\n\
                 - Closing remarks + raffle\n  - didn't win the waders :(\n";
    let got = read(notes);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1], ("Closing remarks + raffle".into(), vec![]));
    // A remark that opens like a ceremony is still a remark.
    let remark = "# Saltmarsh Data Days 2023\n\n## Friday\n\n\
                  - **The Estuary as Commons** — Guadalupe Ibarra\n- Closing remarks, Hendrik again. Next year: Grenoble\n";
    assert_eq!(read(remark).len(), 1);
}

#[test]
fn a_bracket_wrapped_onto_the_next_line_is_read_whole() {
    let notes = "Mapwright 2012\n\nHighlights:\n\n\
                 1) Generalisation Is a Design Problem (Ingrid Solberg, Kartverket)\n   Lovely talk.\n\n\
                 2) Vector Tiles Before They Were Cool (Arjun Mehta, a small startup in\n   Bangalore - forgot the name)\n   Early.\n\n\
                 3) OpenStreetMap in Post-Earthquake Haiti: What Worked (Jean-Baptiste\n   Pierre-Louis, HOT)\n   Sobering.\n";
    let got = read(notes);
    assert!(got.contains(&("Vector Tiles Before They Were Cool".into(), vec!["Arjun Mehta".to_owned()])), "{got:?}");
    assert!(
        got.contains(&(
            "OpenStreetMap in Post-Earthquake Haiti: What Worked".into(),
            vec!["Jean-Baptiste Pierre-Louis".to_owned()]
        )),
        "{got:?}"
    );
}

#[test]
fn posters_and_papers_to_read_are_no_talks() {
    let notes = "# OrreryConf 2019\n\n## Keynote: Thirty Years of FITS\n*Mariángeles Fuentes-Rojo (ESO)*\n\n\
                 - FITS is old\n\n## Posters\n\n- Gaia DR3 Cross-Match Caching — Eun-ji Seo\n\
                 - Dust Maps as a Service — Matteo Rinaldi\n- A Catalogue of Broken Pipelines — Ana Beatriz Lopes\n\n\
                 ## Papers to read\n\n- Fuentes-Rojo 2017, \"FITS at 25\" (she cited it in the keynote)\n";
    let got = read(notes);
    assert_eq!(got, vec![("Thirty Years of FITS".into(), vec!["Mariángeles Fuentes-Rojo".to_owned()])]);
}
