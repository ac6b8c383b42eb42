//! Talks listed in one sentence, each title followed by its speaker in brackets: `We also sat in
//! on Reconciliation at Scale (Emeka Obi), Agent Networks in Rural Kano (Aisha Sani Yakubu), the
//! Tuesday morning workshop Building on the KoboNet Sandbox (Folake Adeyemi-Johnson), …`.

use super::{
    Candidate, NameRef, Sentence, SessionKind, Slot, conferences_in, is_title_case, judge, make, speaker_list,
    talk_kind,
};
use crate::ingest::names::judge::Likeness;

/// Words a title keeps in lower case.
const SMALL: &[&str] =
    &["a", "an", "the", "of", "for", "and", "or", "in", "on", "to", "with", "is", "not", "at", "by", "without", "vs"];

/// The talks of a sentence that credits two or more title-case titles each to a full name in
/// brackets right after it; none when fewer (`Clodagh Brennan (Trinity)` is one person).
pub(super) fn credited_titles(here: &Sentence<'_>, kind: Option<SessionKind>) -> Vec<Candidate> {
    let text = here.text;
    let mut found: Vec<(usize, usize, String, Vec<NameRef>)> = Vec::new();
    let mut from = 0;
    while let Some(rel) = text[from..].find(" (") {
        let open = from + rel + 1;
        let Some(close) = text[open..].find(')').map(|c| open + c) else { break };
        from = close;
        let Some(names) = speaker_list(&text[open + 1..close], Slot::Guessed)
            .filter(|n| !n.is_empty() && n.iter().all(|p| p.name.contains(' ')))
        else {
            continue;
        };
        let Some(start) = title_start(&text[..open]) else { continue };
        let title = text[start..open].trim();
        let names_a_person = judge(title).likeness >= Likeness::Plausible;
        if title.split_whitespace().count() >= 2 && is_title_case(title) && !names_a_person {
            found.push((start, close + 1, title.to_owned(), names));
        }
    }
    if found.len() < 2 {
        return Vec::new();
    }
    // (`…, and the closing remarks, where they announced KoboConf 2016`: an edition named after
    // the list is not where its talks were given.)
    let first_edition = conferences_in(text).iter().map(|conf| conf.start).min();
    let mut before = 0;
    let mut out = Vec::new();
    for (start, end, title, names) in found {
        // (`the Tuesday morning workshop Building on …`: the words since the last talk say its kind.)
        let k =
            talk_kind(&text[before..start]).or(kind.filter(|k| *k == SessionKind::Talk)).unwrap_or(SessionKind::Talk);
        let mut c = make(here, &title, names, k, start, end);
        if first_edition.is_none_or(|at| at >= start) {
            c.conference = None;
        }
        out.push(c);
        before = end;
    }
    out
}

/// Where the title-case run of words ending `text` starts (its leading small words left out),
/// stopping at a comma, a bracket or a lower-case word.
fn title_start(text: &str) -> Option<usize> {
    let mut start = None;
    for (at, word) in word_starts(text).into_iter().rev() {
        if word.ends_with([',', ')', ';', ':']) || word.starts_with('(') {
            break;
        }
        let capital = word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        if !capital && !SMALL.contains(&word) {
            break;
        }
        if capital {
            start = Some(at);
        }
    }
    start
}

/// The words of `text` with their byte offsets.
fn word_starts(text: &str) -> Vec<(usize, &str)> {
    let base = text.as_ptr() as usize;
    text.split_whitespace().map(|w| (w.as_ptr() as usize - base, w)).collect()
}

#[cfg(test)]
mod tests {
    use crate::ingest::read_notes;

    fn read(notes: &str) -> Vec<(String, String, Vec<String>)> {
        let record = read_notes("t.md", notes.as_bytes()).0.expect("a conference is named");
        record
            .sessions
            .into_iter()
            .map(|s| (s.title, s.conference.as_str().to_owned(), s.speakers.into_iter().map(|n| n.name).collect()))
            .collect()
    }

    #[test]
    fn titles_credited_in_brackets_in_one_sentence_are_talks() {
        let got = read(
            "# KoboConf 2015 trip report\n\nWe also sat in on Reconciliation at Scale (Emeka Obi), Agent Networks in \
             Rural Kano (Aisha Sani Yakubu), the Tuesday morning workshop Building on the KoboNet Sandbox \
             (Folake Adeyemi-Johnson), and the closing remarks, where they announced KoboConf 2016.\n",
        );
        let titles: Vec<&str> = got.iter().map(|(t, _, _)| t.as_str()).collect();
        assert_eq!(
            titles,
            ["Reconciliation at Scale", "Agent Networks in Rural Kano", "Building on the KoboNet Sandbox"]
        );
        assert!(got.iter().all(|(_, c, _)| c == "koboconf-2015"), "{got:?}");
        assert_eq!(got[1].2, ["Aisha Sani Yakubu"]);
    }

    #[test]
    fn one_name_in_brackets_or_organisations_are_no_list_of_talks() {
        let got = read(
            "# KoboConf 2015\n\nHuge thanks to Clodagh Brennan (Trinity) and Open Banking Nigeria (Lagos), who ran \
             the talks.\n\nI caught Reconciliation at Scale (Emeka Obi) after lunch.\n",
        );
        assert!(got.iter().all(|(t, _, _)| t != "Open Banking Nigeria"), "{got:?}");
    }
}
