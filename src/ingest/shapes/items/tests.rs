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
