//! Text that organises notes and is never a session: day headings (`Day 2`, `Saturday 14 October`,
//! `2023-09-12`), parts of the day (`Morning`, `After the break`), the note-taker's own sections
//! (`Key takeaways`, `Links`, `Table of contents`), and narrative sections about the trip rather
//! than the programme (`Tacos on South Congress`, `Andy Warhol Museum`).
//!
//! Owns these judgements as two rule tables: [`is_structure`] for any notes and [`is_off_program`]
//! for the sections of a narrative recap.

use std::sync::LazyLock;

use regex::Regex;

/// Headings and lines that organise notes.
static STRUCTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            (?:day|dag|día|dia|jour|tag) \s* (?:\d+|one|two|three|four|five)\b.*
          | (?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*
          | (?:lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|lundi|mardi|mercredi|jeudi|vendredi
            |samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|segunda|terça|terca|quarta|quinta
            |sexta|lunedì|martedì|mercoledì|giovedì|venerdì|sabato)\b (?:[\s,-]+ (?:\d.*|[\p{L}\s.]{0,12}\d.*))?
          | (?:primer|segundo|tercer|premier|deuxième|erster|zweiter|dritter) \s+ (?:día|dia|jour|tag)\b.*
          | (?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,? \s+ \d.*
          | (?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|lun|mer|jeu|ven|dim)\.?
          | \d{4}-\d{2}-\d{2}\b.*
          | \d{1,2}(?:st|nd|rd|th)? (?:\s*[/\-–&]\s*\d{1,2}(?:st|nd|rd|th)?)? \s+ (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b.*
          | (?:january|february|march|april|may|june|july|august|september|october|november|december) \s+ \d{1,2}\b.*
          | end \s+ of \s+ (?:day|conference).*
          | (?:session|sesión|sessão|séance|sitzung) \s+ (?:\d{1,2}|[ivx]{1,4}|[a-h]) \s* (?:\([^)]{0,60}\))? \s* (?:[—–:\-] .*)?
          | (?:the \s+)? (?:morning|afternoon|evening|night|after \s+ (?:the \s+)? (?:break|lunch|coffee)|before \s+ lunch|late \s+ afternoon|early \s+ morning)
            (?: \s+ (?:sessions?|talks?|block|track))?
          | (?:my \s+)? (?:schedule|agenda|programme|program|timetable|notes|my \s+ notes|table \s+ of \s+ contents|contents|toc
            |links|resources|misc.*|summary|wrap[-\s]?up|key \s+ takeaways|takeaways|highlights|overview|conclusion
            |final \s+ thoughts|closing \s+ thoughts|until \s+ next \s+ time|intro|introduction|background|motivation
            |questions|q\s*&\s*a|follow[-\s]?ups?|to[-\s]?do|todo|pendientes|por \s+ hacer|à \s+ faire|notes \s+ to \s+ self|action \s+ items|next \s+ steps|references|further \s+ reading
            |reading \s+ list|people \s+ i \s+ met|people|travel|logistics|venue|sponsors?|expo \s+ hall|posters?|sprints
            |thoughts|reflections|impressions|random \s+ notes|other \s+ notes|tl;?dr|attendees|organisers|organizers)
        )[\s.!:]*$",
    )
    .expect("valid regex")
});

/// The note-taker's own sections: what is under them is notes, not the programme.
static OWN_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:my \s+)? (?:links|resources|misc.*|key \s+ takeaways|takeaways|follow[-\s]?ups?|to[-\s]?do|todo
            |action \s+ items|next \s+ steps|references|further \s+ reading|reading \s+ list|people \s+ i \s+ met
            |(?:people|things|stuff|items|papers|talks|videos|books|links|tools)? \s* (?:(?:i|we) \s+ (?:want|need|have|plan|mean|ought) \s+)?
              to \s+ (?:follow \s+ up (?:\s+ (?:with|on))?|meet|check (?:\s+ out)?|read|re-?watch|watch|try|do|buy|price|book|look \s+ (?:at|into)|learn)
            |people
            |thoughts|reflections|random \s+ (?:notes|thoughts)|other \s+ notes|tl;?dr|attendees|travel|logistics
            |who \s+ (?:went|attended|came)|our \s+ team|the \s+ team|team
            |people \s+ (?:i|we) \s+ (?:met|talked \s+ to|spoke \s+ to|chatted \s+ with)(?:\s+ (?:at|in) \s+ \S.*)?
            |(?:notes|notizen|mitschrift|aantekeningen|apuntes|notas)(?:\s+ (?:for|from|of|zu|von|vom|van|de|del)?\s* (?:day|tag|dag|día|dia|jour) \s+ \d{1,2})?
            |ideas|questions|for \s+ the \s+ team|homework|pendientes|por \s+ hacer|à \s+ faire|offene \s+ punkte|notes \s+ (?:to|for) \s+ (?:self|myself|me)
            |to \s+ self|note \s+ to \s+ self|personal \s+ notes|memo
            |(?:episode \s+)? chapters|timestamps|show \s+ notes|credits|sponsors?|budget|costs|expenses
            |(?:cose \s+)? da \s+ fare|att \s+ göra|te \s+ doen|zu \s+ erledigen
            |short \s* list|candidates|hiring|recruiting|leads|contacts
            |(?:best \s+ |favou?rite \s+ )?quotes|quotables|vendors|exhibitors|hallway(?:\s+ track)?|food|swag|merch
            |posters?|poster \s+ (?:hall|session|sessions|highlights|walk))
            # (`Takeaways so far`, `Things to read later`: the same, with when.)
            (?:\s+ (?:so \s+ far|for \s+ later|later|afterwards|after \s+ the \s+ (?:conference|event|trip)))?[\s.!:]*$",
    )
    .expect("valid regex")
});

/// True for a heading of the note-taker's own (`People`, `Follow-ups`, `Links`): the items under it
/// are notes, not talks.
///
/// ```
/// use confgraph::ingest::structure::is_own_section;
///
/// assert!(is_own_section("People") && is_own_section("## Follow-ups:"));
/// assert!(!is_own_section("Day 2") && !is_own_section("Afternoon"));
/// assert!(is_own_section("Shortlist (send to Hope + Bill on Monday)"));
/// assert!(!is_own_section("People (Ana Lima)"));
/// assert!(is_own_section("Logistics: getting there") && is_own_section("Quotes: best lines"));
/// assert!(!is_own_section("Logistics: A Talk About Trucks"));
/// ```
#[must_use]
pub fn is_own_section(text: &str) -> bool {
    let t = text.trim().trim_start_matches(|c: char| !c.is_alphanumeric()).trim();
    // `Shortlist (send to Hope + Bill on Monday)`: an aside in brackets after the heading's words
    // (in lower case: `People (Ana Lima)` names a speaker).
    let t = match t.strip_suffix(')').and_then(|r| r.split_once(" (")) {
        Some((words, aside)) if !words.trim().is_empty() && aside.starts_with(char::is_lowercase) => words.trim(),
        _ => t,
    };
    // `Logistics: getting there`, `To do: after the summit`: the words before a colon, when a
    // lower-case aside follows it.
    let t = match t.split_once(": ") {
        Some((words, aside)) if aside.starts_with(char::is_lowercase) && OWN_SECTION.is_match(words.trim()) => {
            words.trim()
        }
        _ => t,
    };
    let t = t.trim_end_matches(|c: char| !c.is_alphanumeric());
    // `HALLWAY / ACTION ITEMS`, `Links & follow-ups`: any part of a joined heading.
    t.len() < 60
        && (OWN_SECTION.is_match(t)
            || t.contains([' ', '/', '&'])
                && t.split(['/', '&', '+']).filter(|p| !p.trim().is_empty()).any(|p| OWN_SECTION.is_match(p.trim())))
}

/// Headings over posters or things to read.
static POSTERS_OR_READING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:my \s+)? (?:posters?|poster \s+ (?:hall|session|sessions|highlights|walk)
            |(?:(?:papers|books|articles|preprints|things|stuff) \s+)? (?:(?:i|we) \s+ (?:want|need|have) \s+)? to \s+ (?:read|check)(?:\s+ later)?
            |read \s+ later|bibliography|reading(?:\s+ list)?|further \s+ reading|references
            |(?:papers|books|articles|links|reading) \s+ (?:mentioned|recommended|cited|referenced)
            |(?:recommended|suggested) \s+ (?:reading|books|papers|links))[\s.!:]*$",
    )
    .expect("valid regex")
});

/// `## Posters`, `## Papers to read`: a heading over things that were not given on a stage.
///
/// ```
/// use confgraph::ingest::structure::is_posters_or_reading;
///
/// assert!(is_posters_or_reading("## Posters") && is_posters_or_reading("Papers to read"));
/// assert!(!is_posters_or_reading("Poster Child: Designing Dashboards"));
/// ```
#[must_use]
pub fn is_posters_or_reading(text: &str) -> bool {
    POSTERS_OR_READING.is_match(text.trim().trim_start_matches('#').trim())
}

/// Words of section headings about the trip rather than the programme.
static OFF_PROGRAM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:breakfast|brunch|lunch|luncheon|dinner|supper|tacos?|ice cream|coffee|tea|drinks|food|restaurant|bar|pub|museum|gallery|center|centre|incline|riverfront|river|sightseeing|sightings|downtown|walk|travel|flight|arrival|departure|hotel|airport|reception|hallway|expo|booths|posters|auction|party|social|photos?|pic|juggling|sprints|open space|tour|shopping|games|karaoke|hike|park|beach|boat|train|bus|road trip|swim|market|castle|church|cathedral|bridge|hostel|airbnb)\b",
    )
    .expect("valid regex")
});

/// True for a heading or line that organises notes rather than naming a session.
///
/// # Examples
///
/// ```
/// use confgraph::ingest::structure::is_structure;
///
/// for t in ["Day 2 — Friday", "Saturday 14 October", "After the break", "Key takeaways", "2023-09-12", "END OF DAY 1"] {
///     assert!(is_structure(t), "{t}");
/// }
/// assert!(is_structure("Jueves 7") && is_structure("Freitag, 14. Juni") && is_structure("Viernes"));
/// assert!(!is_structure("Daylight Saving Time Bugs"));
/// ```
#[must_use]
pub fn is_structure(text: &str) -> bool {
    let t = text.trim().trim_start_matches(|c: char| !c.is_alphanumeric()).trim();
    let t = t.trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')');
    t.is_empty() || t.len() < 120 && STRUCTURE.is_match(t)
}

/// True for a recap section about the trip, not the programme (`Condado Tacos`, `Andy Warhol Museum`).
#[must_use]
pub fn is_off_program(title: &str) -> bool {
    OFF_PROGRAM.is_match(title)
}

/// `## Venue — great`, `## Alerting: less is more`, `## Mentorship: do it`: an ordinary word,
/// then the note-taker's remark in lower case; a heading of their own thoughts, not a session.
#[must_use]
pub fn is_own_remark(title: &str) -> bool {
    let Some((topic, rest)) = [": ", " — ", " – ", " - "].iter().find_map(|sep| title.split_once(sep)) else {
        return false;
    };
    let topic = topic.trim();
    let ordinary = !topic.contains(' ') && crate::ingest::names::lexicon::facts(&topic.to_lowercase()).common;
    let lower = rest.trim_start().starts_with(char::is_lowercase) && !super::text::is_title_case(rest);
    ordinary && lower && rest.split_whitespace().count() <= 5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structure_headings() {
        for t in [
            "Day 1",
            "DAY 2",
            "Day 2 (Friday)",
            "Sunday, March 3",
            "Thursday 14 September",
            "16/17 November 2023 — White Palace convention center",
            "**Morning**",
            "Afternoon",
            "Lightning Talks",
            "Table of Contents",
            "Links",
            "Until Next Time",
            "END OF DAY 1",
            "2024-03-05",
            "12 September",
            "September 12",
            "wed",
            "Thu.",
        ] {
            if t == "Lightning Talks" {
                assert!(!is_structure(t), "{t}");
            } else {
                assert!(is_structure(t), "{t}");
            }
        }
        for t in ["Dayton's Data Lake", "Morning Routines for Remote Teams", "Async Rust", "Mayday! Incident Drills"] {
            assert!(!is_structure(t), "{t}");
        }
        assert!(is_off_program("Condado Tacos"));
        assert!(!is_off_program("Overcoming GIL with subinterpreters"));
    }
}
