//! Tests of the prose module.

use super::people::without_nicknames;
use super::titles::is_speech;
use super::*;

#[test]
fn speech_is_not_a_title() {
    assert!(is_speech("most of your users are reading, not app-ing", "great start. "));
    assert!(is_speech("If you are here for the first time, you are exactly who this conference is for.", ""));
    assert!(!is_speech("Channels All the Way Down", "talk on "));
    assert!(!is_speech("Is Kubernetes Overkill?", "talk "));
    // German capitalises its nouns: a sentence with a comma and a full stop is still speech.
    assert!(is_speech("Eine Schrift ist Arbeit, kein Naturzustand.", "Ömer: "));
    assert!(!is_speech("Move Fast, Break Nothing.", "Ana Lima gave "));
}

#[test]
fn the_files_series_written_short_is_the_same_series() {
    assert_eq!(short_for("Footnote", "Footnote Data Camp").as_deref(), Some("Footnote Data Camp"));
    assert_eq!(short_for("KRS", "Kelpie Robotics Symposium").as_deref(), Some("Kelpie Robotics Symposium"));
    assert_eq!(short_for("PyCon US", "PyCascades"), None);
    assert_eq!(short_for("Footnote Data Camp", "Footnote Data Camp"), None);
    assert_eq!(short_for("Data", "Footnote Data Camp"), None);
}

#[test]
fn a_moderator_named_after_the_title_joins_the_panel() {
    let people = |p: &str| told(p).into_iter().map(|(_, s)| s).collect::<Vec<_>>();
    assert_eq!(
        people(
            "The conference closed with a panel with Obiageli Nwankwo, Santiago Herrera and Hye-jin Seo, \
             “Who Pays for Pollination Data?”, moderated by Eleni Markou. Nobody pays."
        ),
        [["Eleni Markou", "Obiageli Nwankwo", "Santiago Herrera", "Hye-jin Seo"]]
    );
    assert_eq!(
        people(
            "Then a debate with Ana Ortiz and Ben Lindqvist, “Hives or Boxes?”, moderated by Li Wen, a lively panel."
        ),
        [["Ana Ortiz", "Ben Lindqvist", "Li Wen"]]
    );
    // Those the writer chatted with before it are not on the panel.
    assert_eq!(
        people("I chatted with Priya Nair and Lars Berg before “Open Data Panel”, moderated by Ines Duarte."),
        [["Ines Duarte"]]
    );
}

#[test]
fn people_joined_after_a_title_all_gave_it() {
    assert_eq!(
        told(
            "In \"Credit Scores from Satellite Images\", Priya Raghunathan and Kofi Mensah-Bonsu argued \
             that greenness can stand in for payslips."
        ),
        vec![(
            "Credit Scores from Satellite Images".to_owned(),
            vec!["Priya Raghunathan".to_owned(), "Kofi Mensah-Bonsu".to_owned()]
        )]
    );
    // An aside set off by commas is no partner.
    let got = told("In \"Ports That Think\", Ben Okafor, Tomás Ruiz's old boss, argued for sensors.");
    assert_eq!(got[0].1, vec!["Ben Okafor".to_owned()]);
}

/// The (title, speakers) of every session a recap paragraph tells.
fn told(paragraph: &str) -> Vec<(String, Vec<String>)> {
    let notes = format!("# Harbour Data Days 2024 recap\n\n{paragraph}\n");
    let record = crate::ingest::read_notes("r.md", notes.as_bytes()).0.expect("a conference is named");
    record.sessions.iter().map(|s| (s.title.clone(), s.speakers.iter().map(|n| n.name.clone()).collect())).collect()
}

#[test]
fn a_possessive_talk_is_the_possessors_even_with_a_name_nobody_knows() {
    let untitled = |who: &str| vec![(String::new(), vec![who.to_owned()])];
    // The name before the possessive is the speaker, not the person who told of the talk.
    assert_eq!(
        told("Fenna Bakker told me Oyunchimeg Dashdorj's talk on radio archives was the hit of the day."),
        untitled("Oyunchimeg Dashdorj")
    );
    assert_eq!(told("I skipped Mikael Sundqvist's session on court records."), untitled("Mikael Sundqvist"));
    assert_eq!(told("Kim Ji-hoon's talk was about grippers."), untitled("Kim Ji-hoon"));
    // A possessor that is no person gives no talk, and credits nobody named before.
    assert_eq!(told("Fenna Bakker said the speaker's talk ran long."), vec![]);
    assert_eq!(told("Fenna Bakker liked the Data Team's session on caching."), vec![]);
    assert_eq!(told("I caught Priya Raman's colleague's talk on caching."), vec![]);
}

#[test]
fn nicknames_are_blanked() {
    assert_eq!(without_nicknames("Ana \"ace\" Ortiz's talk"), "Ana       Ortiz's talk");
}
