//! Forms that set the title or the names off: a quoted or marked (bold, italic, linked) title,
//! names in brackets (`Title (Speaker)`, `[Speaker] Title`).

use super::{Form, Head, REMARK_SEPARATORS, Reading, around, is_bio, leading_speakers, quoted_span, reading, title_of};
use crate::ingest::document::MarkKind;
use crate::ingest::kind::strip_kind_label;
use crate::ingest::names::judge::{Likeness, judge};
use crate::ingest::names::speakers::{Slot, speaker_list};
use crate::model::NameRef;
use crate::text::collapse_ws;

/// `"Title" – Speaker`, `Speaker: “Title”`, `Speaker, Company — «Title»`.
///
/// ```
/// use confgraph::ingest::forms::{QuotedTitle, Form, Head};
/// use confgraph::ingest::names::speakers::Slot;
///
/// let r = &QuotedTitle.read(&Head::plain("Kwesi Appiah, Hubtel — “Laravel at Scale”"), Slot::Guessed)[0];
/// assert_eq!((r.title.as_str(), r.speakers[0].name.as_str()), ("Laravel at Scale", "Kwesi Appiah"));
/// ```
pub struct QuotedTitle;

impl Form for QuotedTitle {
    fn name(&self) -> &'static str {
        "\"Title\" Speaker"
    }

    fn read(&self, head: &Head, slot: Slot) -> Vec<Reading> {
        let text = head.text.as_str();
        let Some((start, end, inner)) = quoted_span(text) else {
            return Vec::new();
        };
        let Some(title) = title_of(inner) else {
            return Vec::new();
        };
        // `— "Kalle" Karl-Heinz Obermaier`: a quoted word or two opening a name is a nickname.
        // So does one opening a line before the name's slot ends (`"Kit" Katarzyna Wilk – Title`).
        let next = text[end..].split_whitespace().next().unwrap_or_default();
        let slot_end = [" – ", " — ", " - ", ": ", ", "].iter().filter_map(|d| text[end..].find(d)).min();
        // (At the start, only a given name: `"Observability" Charity Majors, great energy` is a
        // title, its speaker and a remark.)
        let given = || {
            let words: Vec<&str> = inner.split_whitespace().collect();
            words.len() == 1 && crate::ingest::names::lexicon::facts(&words[0].to_lowercase()).given
        };
        let name_end = if start == 0 { slot_end.filter(|_| given()).map(|i| end + i) } else { Some(text.len()) };
        if let Some(name_end) = name_end
            && inner.split_whitespace().count() <= 2
            && judge(&text[start..name_end]).likeness >= Likeness::Plausible
            && next.starts_with(char::is_uppercase)
        {
            return Vec::new();
        }
        let rest = around(text, start, end);
        if rest.is_empty() {
            return vec![reading("\"Title\"", title, Vec::new(), 1, None)];
        }
        let key = if start == 0 { "\"Title\" Speaker" } else { "Speaker \"Title\"" };
        leading_speakers(&rest, slot)
            .map(|(speakers, remark)| reading(key, title, speakers, 3, remark))
            .into_iter()
            .collect()
    }
}

/// `**Title** — Speaker`, `*Title*, Speaker`, `Speaker: **Title**`: the bold or italic stretch at
/// one end of the head is the title, the rest the speakers.
///
/// ```
/// use confgraph::ingest::document::MarkKind;
/// use confgraph::ingest::forms::{MarkedTitle, Form, Head};
/// use confgraph::ingest::names::speakers::Slot;
///
/// let head = Head { text: "Generics in Anger — Tomás Villanueva".into(), marks: vec![(MarkKind::Strong, 0, 17)] };
/// let r = &MarkedTitle.read(&head, Slot::Guessed)[0];
/// assert_eq!((r.title.as_str(), r.speakers[0].name.as_str()), ("Generics in Anger", "Tomás Villanueva"));
/// ```
pub struct MarkedTitle;

impl Form for MarkedTitle {
    fn name(&self) -> &'static str {
        "**Title** Speaker"
    }

    fn read(&self, head: &Head, slot: Slot) -> Vec<Reading> {
        let text = head.text.as_str();
        let mut out = Vec::new();
        for &(kind, start, end) in &head.marks {
            if !matches!(kind, MarkKind::Strong | MarkKind::Emphasis | MarkKind::Link) || end > text.len() {
                continue;
            }
            let at_start = text[..start].trim().is_empty();
            let at_end = text[end..].trim().trim_end_matches(['.', '!']).is_empty();
            if !(at_start || at_end) || (at_start && at_end) {
                continue;
            }
            let (inner, label_kind) = strip_kind_label(&text[start..end]);
            let Some(title) = title_of(&inner) else { continue };
            let rest = around(text, start, end);
            let Some((speakers, remark)) = leading_speakers(&rest, slot) else { continue };
            // `**Joaquim Pestana** — editor at the data desk of *Jornal do Norte*`: a bio.
            if !at_start && remark.as_deref().is_some_and(is_bio) {
                continue;
            }
            let key = if at_start { "**Title** Speaker" } else { "Speaker **Title**" };
            let mut r = reading(key, title, speakers, 2, remark);
            r.kind = label_kind;
            out.push(r);
        }
        out
    }
}

/// `Title (Speaker)`, `Title (A & B)`, `Title (Speaker, Company) — great`.
///
/// ```
/// use confgraph::ingest::forms::{ParenNames, Form, Head};
/// use confgraph::ingest::names::speakers::Slot;
///
/// let r = &ParenNames.read(&Head::plain("Fearless Refactoring (Kateryna Bondarenko, Ferrous)"), Slot::Guessed)[0];
/// assert_eq!((r.title.as_str(), r.speakers[0].name.as_str()), ("Fearless Refactoring", "Kateryna Bondarenko"));
/// assert!(ParenNames.read(&Head::plain("Rust to Go (and Back)"), Slot::Guessed).is_empty());
/// ```
pub struct ParenNames;

impl Form for ParenNames {
    fn name(&self) -> &'static str {
        "Title (Speaker)"
    }

    fn read(&self, head: &Head, slot: Slot) -> Vec<Reading> {
        enclosed_names(&head.text, '(', ')', slot, "Title (Speaker)")
    }
}

/// `[Speaker] Title` or `Title [Speaker]`.
///
/// ```
/// use confgraph::ingest::forms::{BracketNames, Form, Head};
/// use confgraph::ingest::names::speakers::Slot;
///
/// let r = &BracketNames.read(&Head::plain("[Lerato Mokoena] Channels All the Way Down"), Slot::Guessed)[0];
/// assert_eq!((r.title.as_str(), r.speakers[0].name.as_str()), ("Channels All the Way Down", "Lerato Mokoena"));
/// ```
pub struct BracketNames;

impl Form for BracketNames {
    fn name(&self) -> &'static str {
        "[Speaker] Title"
    }

    fn read(&self, head: &Head, slot: Slot) -> Vec<Reading> {
        enclosed_names(&head.text, '[', ']', slot, "[Speaker] Title")
    }
}

/// A bracketed speaker list at the start or end of the head; the rest is the title.
pub(super) fn enclosed_names(text: &str, open: char, close: char, slot: Slot, key: &str) -> Vec<Reading> {
    let mut out = Vec::new();
    // `Session 1 — Marine (chair: Henrik Aas)`, `Keynote 1 (chair: Ewa)`: who chairs a session
    // introduces its speakers and is not one.
    let chair = |inner: &str| {
        let l = inner.trim_start().to_lowercase();
        ["chair", "session chair", "chaired by", "co-chair"].iter().any(|c| l.starts_with(c))
    };
    // At the start: `[Speaker] Title`.
    if let Some(rest) = text.trim_start().strip_prefix(open)
        && let Some(end) = rest.find(close)
    {
        let inner = &rest[..end];
        if chair(inner) {
            return out;
        }
        if let (Some(names), Some(title)) = (speaker_list(inner, slot), title_of(&rest[end + 1..])) {
            out.push(reading(key, title, names, 2, None));
        }
    }
    // At the end, maybe before a remark: `Title (Speaker) — great`.
    let mut search = text.len();
    while let Some(start) = text[..search].rfind(open) {
        let Some(len) = text[start..].find(close) else {
            search = start;
            continue;
        };
        let end = start + len;
        let after = text[end + close.len_utf8()..].trim();
        let remark_ok = after.is_empty()
            || REMARK_SEPARATORS.iter().any(|s| after.starts_with(s.trim_start()))
            || after.starts_with(['.', ',', '!', ':', ';'])
            || after.chars().next().is_some_and(char::is_lowercase);
        let inner = &text[start + open.len_utf8()..end];
        if chair(inner) {
            search = start;
            continue;
        }
        // `Farah Al-Sayed (@farahcodes)`: a handle after a name is that person's, not a speaker.
        let handle_of_name = inner.trim().starts_with('@') && {
            let words: Vec<&str> = text[..start].split_whitespace().collect();
            (2..=3)
                .any(|n| words.len() >= n && judge(&words[words.len() - n..].join(" ")).likeness >= Likeness::Plausible)
        };
        // `(Rhys Caradog — me!)`, `(Ana Lima - remote)`: the note-taker's aside after the name.
        let names = speaker_list(inner, slot)
            .or_else(|| without_aside_dash(inner).and_then(|n| speaker_list(n, slot)))
            .or_else(|| name_dash_org(inner, slot));
        if remark_ok
            && !handle_of_name
            && let (Some(names), Some(title)) = (names, title_of(&text[..start]))
        {
            let remark = (!after.is_empty()).then(|| collapse_ws(after));
            out.push(reading(key, title, names, 1, remark));
            break;
        }
        search = start;
    }
    out
}

/// `(Diego Armando Ruiz — Polvo Studio)`: a likely name, a dash, and where that person works (a
/// few capitalised words), which becomes the person's affiliation.
fn name_dash_org(inner: &str, slot: Slot) -> Option<Vec<NameRef>> {
    let (name, org) = [" — ", " – "].iter().find_map(|d| inner.split_once(d))?;
    let org = org.trim();
    let words = org.split_whitespace().count();
    if !(1..=4).contains(&words) || !org.starts_with(char::is_uppercase) || judge(name).likeness < Likeness::Plausible {
        return None;
    }
    let mut names = speaker_list(name, slot).filter(|n| n.len() == 1)?;
    names[0].affiliations.push(org.to_owned());
    Some(names)
}

/// The names before a short aside set off by a dash (`Rhys Caradog — me!`, `Ana Lima - remote`):
/// the aside is a few words in lower case or an exclamation.
pub(super) fn without_aside_dash(inner: &str) -> Option<&str> {
    let (names, aside) = [" — ", " – ", " - "].iter().find_map(|d| inner.rsplit_once(d))?;
    let aside = aside.trim();
    let words = aside.split_whitespace().count();
    let remark = aside.starts_with(char::is_lowercase) || aside.ends_with(['!', '?']);
    // (`(Dayo — didn't catch the surname)`: a longer remark names no one else and is not about
    // the note-taker's company: `(Ana — she dragged me to this one)`, `(Ravi — with Kiri Te Awa)`.)
    let first = aside.split_whitespace().next().unwrap_or_default().to_lowercase();
    let longer_ok = !aside.split_whitespace().skip(1).any(|w| w.starts_with(char::is_uppercase))
        && !["she", "he", "his", "her", "they", "their", "my", "and", "with", "plus", "moderated"]
            .contains(&first.as_str());
    ((1..=3).contains(&words) && remark || (4..=6).contains(&words) && remark && longer_ok).then_some(names.trim())
}

#[cfg(test)]
mod tests {
    use super::without_aside_dash;
    use crate::ingest::forms::{Form, Head, QuotedTitle};
    use crate::ingest::names::speakers::Slot;

    #[test]
    fn a_quoted_nickname_opening_a_name_is_no_title() {
        assert!(QuotedTitle.read(&Head::plain("\"Kit\" Katarzyna Wilk – Red Team Reports"), Slot::Guessed).is_empty());
        let r = &QuotedTitle.read(&Head::plain("\"Observability\" Charity Majors, great energy"), Slot::Guessed)[0];
        assert_eq!((r.title.as_str(), r.speakers[0].name.as_str()), ("Observability", "Charity Majors"));
        let r = &QuotedTitle.read(&Head::plain("\"Red Team Reports\" – Katarzyna Wilk"), Slot::Guessed)[0];
        assert_eq!(r.title, "Red Team Reports");
    }

    #[test]
    fn a_remark_after_a_dash_in_brackets_leaves_the_name() {
        assert_eq!(without_aside_dash("Rhys Caradog — me!"), Some("Rhys Caradog"));
        assert_eq!(without_aside_dash("Dayo — didn't catch the surname"), Some("Dayo"));
        // A longer remark that names someone else, or tells of the note-taker's company, is not
        // cut off as a remark.
        for kept in [
            "Ravi Shah — moderated by Kiri Te Awa",
            "Ana — she dragged me to this one",
            "Marta — and João Silva from Lisbon",
        ] {
            assert_eq!(without_aside_dash(kept), None, "{kept}");
        }
    }
}
