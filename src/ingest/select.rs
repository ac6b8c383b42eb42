//! One reading per place: the shapes propose, this module keeps what a careful reader would.
//!
//! Owns the rules between shapes: where two shapes read the same line, the one with the better
//! evidence (then the one listed first in `SHAPES`) wins; a session with speakers owns the
//! blocks under it (its bullets are notes, not talks), except talks its notes tell of at other
//! editions; a heading without speakers that holds talks of its own is a grouping, not a
//! session; the same talk read twice in one file is one session. Every candidate left out is
//! kept with its reason, for `extract --explain`.

use std::collections::{BTreeMap, BTreeSet};

use crate::ids::slug;
use crate::model::SessionKind;

use super::document::Block;
use super::shapes::{Candidate, Evidence, SHAPES};

/// Why a heading without speakers that holds talks is left out (and what marks it a grouping).
const GROUPING: &str = "a grouping heading: the talks are below it";

/// A candidate that was not kept, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    /// The candidate.
    pub candidate: Candidate,
    /// Why it was left out.
    pub reason: String,
}

/// An edition as candidates name it: `None` for the file's own, else series and year.
type EditionKey = Option<(String, Option<u16>)>;

fn edition_key(c: &Candidate) -> EditionKey {
    c.conference.as_ref().map(|n| (n.series.clone(), n.year))
}

fn shape_rank(shape: &str) -> usize {
    SHAPES.iter().position(|s| s.name() == shape).unwrap_or(SHAPES.len())
}

/// Keeps one reading per place and per talk; returns the kept candidates in document order and
/// the dropped ones with their reasons.
#[must_use]
pub fn select(candidates: Vec<Candidate>) -> (Vec<Candidate>, Vec<Dropped>) {
    let mut dropped = Vec::new();
    let kept = one_shape_per_place(candidates, &mut dropped);
    let kept = owners_take_their_bodies(kept, &mut dropped);
    let kept = one_session_per_talk(kept, &mut dropped);
    let mut kept = untitled_only_when_unknown(kept, &mut dropped);
    kept.sort_by_key(|c| (c.anchor, c.line, c.offset));
    (kept, dropped)
}

/// The part of a title before its subtitle (`BIBFRAME in Practice` of `BIBFRAME in Practice: Five
/// Years of …`), when it has one and the part is a few words long.
fn main_title(title: &str) -> Option<&str> {
    let (main, rest) = title.split_once(": ").or_else(|| title.split_once(" — "))?;
    let words = main.split_whitespace().count();
    ((2..=8).contains(&words) && !rest.trim().is_empty()).then_some(main.trim())
}

fn shares_a_speaker(a: &Candidate, b: &Candidate) -> bool {
    a.speakers.iter().any(|s| b.speakers.iter().any(|t| t.name == s.name))
}

/// Leaves out sessions whose title is struck through where it is read (`~~Fonts for Indic
/// Scripts~~ → cancelled`, a withdrawn table row): the note-taker's mark for a talk that did not
/// take place. They still held their place, so no other reading takes the line.
#[must_use]
pub fn struck_out(blocks: &[Block], kept: Vec<Candidate>, dropped: &mut Vec<Dropped>) -> Vec<Candidate> {
    let (struck, kept): (Vec<Candidate>, Vec<Candidate>) =
        kept.into_iter().partition(|c| blocks.get(c.anchor).is_some_and(|b| b.is_struck(c.line, &c.title)));
    let reason = "struck through: a talk that did not take place";
    dropped.extend(struck.into_iter().map(|candidate| Dropped { candidate, reason: reason.into() }));
    kept
}

/// Where two shapes read the same line of the same block, the better reading wins.
fn one_shape_per_place(candidates: Vec<Candidate>, dropped: &mut Vec<Dropped>) -> Vec<Candidate> {
    let mut places: BTreeMap<(usize, u32), Vec<Candidate>> = BTreeMap::new();
    for c in candidates {
        places.entry((c.anchor, c.line)).or_default().push(c);
    }
    let mut kept = Vec::new();
    for (_, mut group) in places {
        group.sort_by_key(|c| (std::cmp::Reverse(c.evidence), shape_rank(c.shape)));
        let mut here: Vec<Candidate> = Vec::new();
        for c in group {
            // Another shape's reading of the same talk (same title, a speaker in common, or a
            // whole-block reading) loses to the better one; a second talk told there stays.
            let rival = here.iter().find(|k| k.shape != c.shape && same_talk(k, &c));
            match rival {
                Some(k) => dropped
                    .push(Dropped { reason: format!("the same lines read better as a {}", k.shape), candidate: c }),
                None => here.push(c),
            }
        }
        kept.extend(here);
    }
    kept
}

/// Two readings of one talk: the same title, a speaker in common, or readings of a whole block.
fn same_talk(a: &Candidate, b: &Candidate) -> bool {
    let whole = |c: &Candidate| !matches!(c.shape, "prose" | "paragraph head");
    whole(a) && whole(b)
        || slug(&a.title) == slug(&b.title)
        || a.speakers.iter().any(|s| b.speakers.iter().any(|t| t.name == s.name))
        || a.title.is_empty()
        || b.title.is_empty()
}

/// A session with speakers owns its body; a heading without speakers over talks of its own is a
/// grouping heading.
fn owners_take_their_bodies(mut kept: Vec<Candidate>, dropped: &mut Vec<Dropped>) -> Vec<Candidate> {
    kept.sort_by_key(|c| (c.anchor, c.line, c.offset));
    let inside = |outer: &Candidate, inner: &Candidate| {
        outer.anchor != inner.anchor
            && (outer.body.binary_search(&inner.anchor).is_ok() || outer.used.contains(&inner.anchor))
    };
    let mut remove: BTreeMap<usize, String> = BTreeMap::new();
    let mut retitle: Vec<(usize, String)> = Vec::new();
    for (o, outer) in kept.iter().enumerate() {
        // Only candidates anchored between the first and last block the outer one owns.
        let low = outer.body.first().copied().into_iter().chain(outer.used.iter().copied()).min().unwrap_or(usize::MAX);
        let high = outer.body.last().copied().into_iter().chain(outer.used.iter().copied()).max().unwrap_or(0);
        let from = kept.partition_point(|c| c.anchor < low);
        let to = kept.partition_point(|c| c.anchor <= high);
        let inner: Vec<usize> = (from..to.max(from)).filter(|&i| i != o && inside(outer, &kept[i])).collect();
        if inner.is_empty() {
            continue;
        }
        if outer.evidence == Evidence::Place {
            let talks =
                inner.iter().filter(|&&i| kept[i].evidence > Evidence::Place && kept[i].shape != "prose").count();
            if talks >= 1 {
                remove.entry(o).or_insert_with(|| GROUPING.to_owned());
                continue;
            }
        }
        let listed = talks_listed_below(outer, &inner, &kept);
        for i in inner {
            let c = &kept[i];
            // `### Aiko Fujimoto Keynote` / `Aiko's keynote, “Small Objects, Big Ideas”, …`:
            // the title the notes state under a heading that only names the speaker.
            let same_speaker = c.speakers.iter().any(|s| outer.speakers.iter().any(|o| o.name == s.name));
            if outer.form.ends_with("Speaker Keynote") && c.shape == "prose" && same_speaker && !c.title.is_empty() {
                retitle.push((o, c.title.clone()));
            }
            let elsewhere = c.conference.is_some();
            // A talk told in passing by someone else is not the notes of this one.
            let someone_else = c.shape == "prose"
                && !c.speakers.is_empty()
                && !c.speakers.iter().any(|s| outer.speakers.iter().any(|o| o.name == s.name));
            if !(elsewhere || someone_else || listed.contains(&i) || own_talk_below(outer, c)) {
                remove.entry(i).or_insert_with(|| format!("notes of the session at line {}", outer.line));
            }
        }
    }
    for (o, title) in retitle {
        if kept[o].title == crate::text::collapse_ws(&kept[o].title)
            && kept[o].title.to_lowercase().ends_with("keynote")
        {
            kept[o].title = title;
        }
    }
    sections_beside_groupings(&kept, &mut remove);
    let mut out = Vec::new();
    for (i, c) in kept.into_iter().enumerate() {
        match remove.remove(&i) {
            Some(reason) => dropped.push(Dropped { candidate: c, reason }),
            None => out.push(c),
        }
    }
    out
}

/// `Next two were short slots:` / `- [[Tomasz Kowal]] & [[Emily Zhang]] — Chaos Engineering on a
/// Shoestring` / `- [[Lars Holm]] — Postmortems Nobody Reads` under a talk's heading: two list
/// items or more, each opening with other people's names over a title of three words or more,
/// are talks of their own (one such item is a part of the talk citing someone).
fn talks_listed_below(outer: &Candidate, inner: &[usize], kept: &[Candidate]) -> Vec<usize> {
    let own = |c: &Candidate| {
        c.heading_level.is_none()
            && c.shape == "list item"
            && c.evidence > Evidence::Place
            && (c.form.contains("Speaker — Title") || c.form.contains("Speaker: Title"))
            && c.title.split_whitespace().count() >= 3
            && !c.speakers.is_empty()
            && !c.speakers.iter().any(|s| outer.speakers.iter().any(|o| o.name == s.name))
    };
    let listed: Vec<usize> = inner.iter().copied().filter(|&i| own(&kept[i])).collect();
    let apart = outer.heading_level.is_some() && outer.kind != Some(SessionKind::Panel);
    if apart && listed.len() >= 2 { listed } else { Vec::new() }
}

/// `### Hyejin Cho — Designing Forms for People in a Hurry` or `### Lightning: Running a Hackathon
/// With No Budget (Priya Sundaram)` under a talk's heading: a sub-heading that opens with another
/// speaker's name, or says its kind, over a title of three words or more, is a talk of its own.
/// So is one that names two or more other people in full after its title (`### Crowd-Sourced
/// Etymology — Dagny Solberg & Mehmet Yıldırım`): a part of a talk is one speaker's.
/// (A panel's sub-headings that open with a name are its panellists'; `### Live demo (Hyejin)`, `### Quote — Janet
/// Hughes`, `### Case study: Estonia (Ott Velsberg)` are parts of the talk.)
fn own_talk_below(outer: &Candidate, c: &Candidate) -> bool {
    let first = |name: &str| name.split_whitespace().next().unwrap_or_default().to_lowercase();
    let named_first = c.form.contains("Speaker — Title") || c.form.contains("Speaker: Title");
    // (`### Books he recommended — Daniel Kahneman & Amos Tversky`, `### Case study: OED — …`: the
    // people a part of the talk cites; a talk's title is in title case, with no label before a colon.)
    let joint = c.speakers.len() >= 2
        && c.speakers.iter().all(|s| s.name.split_whitespace().count() >= 2)
        && !c.title.contains(':')
        && crate::ingest::text::is_title_case(&c.title);
    let kind_said = c.kind.is_some_and(|k| k != SessionKind::Panel);
    let words = c.title.split_whitespace().count();
    c.heading_level > outer.heading_level
        && outer.heading_level.is_some()
        && c.evidence > Evidence::Place
        && ((named_first || joint) && outer.kind != Some(SessionKind::Panel) || kind_said)
        && (words >= 3 || joint && words >= 2)
        && !c.speakers.is_empty()
        && !c.speakers.iter().any(|s| outer.speakers.iter().any(|o| first(&o.name) == first(&s.name)))
}

/// `## Kerbcut 2022 — Manchester` and `## Kerbcut 2024 — Glasgow` grouping their talks, then
/// `## Side by side`: a heading without speakers beside two or more headings of its level that
/// group talks is a section of the same notes, not a talk. So is such a heading where the file's
/// talks are told elsewhere (list items, table rows, time lines) and no heading names a speaker:
/// `## Scribbles` after a table of the programme.
fn sections_beside_groupings(kept: &[Candidate], remove: &mut BTreeMap<usize, String>) {
    let mut groupings: BTreeMap<u8, usize> = BTreeMap::new();
    for (&i, reason) in remove.iter() {
        if let Some(level) = kept[i].heading_level.filter(|_| reason == GROUPING) {
            *groupings.entry(level).or_default() += 1;
        }
    }
    let heading_talks = kept.iter().any(|c| c.heading_level.is_some() && c.evidence > Evidence::Place);
    let bare = kept.iter().filter(|c| c.heading_level.is_some() && c.evidence == Evidence::Place).count();
    let told_elsewhere = kept.iter().filter(|c| c.heading_level.is_none() && c.evidence > Evidence::Place).count();
    let sections_only = !heading_talks && told_elsewhere >= 2 * bare.max(2);
    for (i, c) in kept.iter().enumerate() {
        let beside = c.heading_level.is_some_and(|l| sections_only || groupings.get(&l).is_some_and(|&n| n >= 2));
        // (`## Closing` over a paragraph telling of the closing keynote, where every talk is
        // told elsewhere: a one-word heading naming no one is a section even when it names a kind.)
        let bare_word = sections_only && c.speakers.is_empty() && !c.title.contains(' ');
        if beside && c.evidence == Evidence::Place && (c.kind.is_none() || bare_word) && !remove.contains_key(&i) {
            remove.insert(i, "a section beside headings that group talks".to_owned());
        }
    }
}

/// A talk told without its title (`while I was in Anthony's talk`) is one already read when its
/// speaker has a titled session at the same edition.
fn untitled_only_when_unknown(kept: Vec<Candidate>, dropped: &mut Vec<Dropped>) -> Vec<Candidate> {
    let titled: BTreeSet<(EditionKey, String)> = kept
        .iter()
        .filter(|c| !c.title.is_empty())
        .flat_map(|c| c.speakers.iter().map(move |s| (edition_key(c), s.name.clone())))
        .collect();
    let mut out = Vec::new();
    for c in kept {
        let conference = edition_key(&c);
        let known = c.speakers.len() == 1
            && c.kind != Some(crate::model::SessionKind::Panel)
            && c.speakers.iter().all(|s| titled.contains(&(conference.clone(), s.name.clone())));
        if c.title.is_empty() && known {
            dropped.push(Dropped {
                candidate: c,
                reason: "a talk told without its title, by someone whose talk is listed".into(),
            });
        } else {
            out.push(c);
        }
    }
    out
}

/// The same talk read twice (a table and the notes under it; a prose mention of a listed talk)
/// is one session: same edition, same title once case and punctuation are folded, a speaker in
/// common or none given. A title cut short before its subtitle (`BIBFRAME in Practice` under a
/// row `BIBFRAME in Practice: Five Years of …`) is the same talk when a speaker is in common;
/// the longer title stays.
fn one_session_per_talk(kept: Vec<Candidate>, dropped: &mut Vec<Dropped>) -> Vec<Candidate> {
    let mut seen: BTreeMap<(EditionKey, String), usize> = BTreeMap::new();
    let mut by_main: BTreeMap<(EditionKey, String), usize> = BTreeMap::new();
    let mut out: Vec<Candidate> = Vec::new();
    for c in kept {
        let title = slug(&c.title);
        if title.is_empty() {
            out.push(c);
            continue;
        }
        let key = (edition_key(&c), title);
        let main = main_title(&c.title).map(|m| (edition_key(&c), slug(m)));
        let shortened = || {
            let longer = by_main.get(&key).copied();
            // (Only a title without a subtitle: `Intro to Nix: Part 1` and `…: Part 2` are two talks.)
            let shorter = main.as_ref().and_then(|m| seen.get(m)).copied();
            longer.or(shorter).filter(|&at| shares_a_speaker(&out[at], &c))
        };
        if let Some(at) = seen.get(&key).copied().or_else(shortened) {
            let first = &out[at];
            let shared = shares_a_speaker(first, &c);
            if shared || c.speakers.is_empty() || first.speakers.is_empty() {
                if first.speakers.is_empty() && !c.speakers.is_empty() {
                    let better = c.clone();
                    let old = std::mem::replace(&mut out[at], better);
                    dropped.push(Dropped { reason: format!("the same talk as line {}", out[at].line), candidate: old });
                } else {
                    if c.title.len() > first.title.len() {
                        out[at].title.clone_from(&c.title);
                    }
                    let line = out[at].line;
                    dropped.push(Dropped { reason: format!("the same talk as line {line}"), candidate: c });
                }
                continue;
            }
        }
        seen.insert(key, out.len());
        if let Some(m) = main {
            by_main.entry(m).or_insert(out.len());
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::ingest::read_notes;

    /// `(title, speakers)` of each session read from `notes`.
    fn read(notes: &str) -> Vec<(String, Vec<String>)> {
        let record = read_notes("t.md", notes.as_bytes()).0.expect("a conference is named");
        record.sessions.into_iter().map(|s| (s.title, s.speakers.into_iter().map(|n| n.name).collect())).collect()
    }

    #[test]
    fn talks_listed_under_a_talks_heading_are_talks_of_their_own() {
        let notes = "---\nconference: Toil Zero\nyear: 2025\n---\n\n### SLOs for Batch Jobs\nspeaker:: [[Anjali Menon]]\n\n- error budget per pipeline run, not per minute\n\nNext two were short slots:\n- [[Tomasz Kowal]] & [[Emily Zhang]] — Chaos Engineering on a Shoestring\n  - game days with three people\n- [[Lars Holm]] — Postmortems Nobody Reads\n";
        let titles: Vec<String> = read(notes).into_iter().map(|(t, _)| t).collect();
        assert_eq!(titles, ["SLOs for Batch Jobs", "Chaos Engineering on a Shoestring", "Postmortems Nobody Reads"]);
        // (One such item is a part of the talk citing someone.)
        let one = "# Toil Zero 2025\n\n### SLOs for Batch Jobs\nspeaker:: Anjali Menon\n\n- Daniel Kahneman — Thinking in Bets and Errors\n- late-but-correct counts as a partial failure\n";
        assert_eq!(read(one).len(), 1, "{:?}", read(one));
    }

    #[test]
    fn a_one_word_kind_heading_over_prose_talks_is_a_section() {
        let got = read(
            "# NewsGraph Forum 2016\n\n## Day one\n\nThe opening keynote came from Folasade Adeyemi: \"Numbers \
             Have Authors\".\n\nIn *The Spreadsheet Is the Story*, Priyanka Chandrasekaran showed a leak.\n\n\
             Tomás Ó Briain's talk on \"Scraping Court Records\" was practical.\n\n## Closing\n\nThe closing keynote came from Ciarán Doherty: \"The Next Ten Years\".\n",
        );
        let titles: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            titles,
            ["Numbers Have Authors", "The Spreadsheet Is the Story", "Scraping Court Records", "The Next Ten Years"]
        );
    }

    #[test]
    fn a_sub_heading_naming_another_speaker_is_a_talk_of_its_own() {
        let got = read(
            "# Civic Signal 2022\n\n## Open Data Portals Nobody Uses (Rafael Gutiérrez)\n\n- audited 120 portals\n\n\
             ### Hyejin Cho — Designing Forms for People in a Hurry\n\nBest talk of the morning.\n",
        );
        let titles: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(titles, ["Open Data Portals Nobody Uses", "Designing Forms for People in a Hurry"]);
    }

    #[test]
    fn parts_of_a_talk_and_a_panels_members_stay_in_it() {
        for notes in [
            "# Civic Signal 2022\n\n## Designing Forms People Can Finish — Hyejin Cho\n\nnotes\n\n\
             ### Live demo (Hyejin)\n\nshe rebuilt a form\n\n### Quote — Janet Hughes\n\nfewer fields\n",
            "# Civic Signal 2022\n\n## Panel: Who Owns City Data? (moderated by Kiri Te Awa)\n\n\
             ### Jon Snow — Open by Default\n\nall data open\n\n### Mei Ling — Privacy First\n\nnot all\n",
            "# Civic Signal 2022\n\n## Seeing Like a City — Amina Yusuf\n\nHer reading list:\n\n\
             - **Seeing Like a State** — James C. Scott\n- **Recoding America** — Jennifer Pahlka\n",
        ] {
            assert_eq!(read(notes).len(), 1, "{notes}");
        }
    }
}
