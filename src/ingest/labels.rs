//! Label lines: `Speaker: Name`, `**Presenters:** A & B`, `*Room*: Hall 2`, `speaker:: [[Name]]`,
//! `Track: Blue | Room: Hall 2 | Time: 10:30`.
//!
//! Owns the registry of labels ([`LABELS`]) and reading a line into the fields it labels. Bold or
//! italic labels arrive here as plain text (the document took the emphasis off); Logseq's `::` and
//! a space before the colon are accepted.

/// What a label line gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Who gave the session (speakers, presenters, moderators, panelists).
    Speakers,
    /// The session's title.
    Title,
    /// Room, track or stage.
    Room,
    /// When it took place.
    Time,
    /// Slides, video, repository.
    Links,
    /// The abstract.
    Abstract,
    /// The kind (`Type: keynote`).
    Kind,
    /// Known labels that carry nothing confgraph keeps (`Level:`, `Rating:`).
    Other,
}

/// Every label, lower-case, and the field it gives.
pub const LABELS: &[(&str, Field)] = &[
    ("speaker", Field::Speakers),
    ("speakers", Field::Speakers),
    ("speaker(s)", Field::Speakers),
    ("presenter", Field::Speakers),
    ("presenters", Field::Speakers),
    ("presented by", Field::Speakers),
    ("by", Field::Speakers),
    ("who", Field::Speakers),
    ("host", Field::Speakers),
    ("hosts", Field::Speakers),
    ("hosted by", Field::Speakers),
    ("moderator", Field::Speakers),
    ("moderators", Field::Speakers),
    ("moderated by", Field::Speakers),
    ("mod", Field::Speakers),
    ("panelist", Field::Speakers),
    ("panelists", Field::Speakers),
    ("panellists", Field::Speakers),
    ("panel", Field::Speakers),
    ("facilitator", Field::Speakers),
    ("on stage", Field::Speakers),
    ("facilitators", Field::Speakers),
    ("instructor", Field::Speakers),
    ("instructors", Field::Speakers),
    ("trainer", Field::Speakers),
    ("trainers", Field::Speakers),
    ("keynote speaker", Field::Speakers),
    ("talk by", Field::Speakers),
    ("given by", Field::Speakers),
    ("led by", Field::Speakers),
    ("author", Field::Speakers),
    ("authors", Field::Speakers),
    ("title", Field::Title),
    ("talk", Field::Title),
    ("talk title", Field::Title),
    ("session", Field::Title),
    ("session title", Field::Title),
    ("room", Field::Room),
    ("rooms", Field::Room),
    ("location", Field::Room),
    ("where", Field::Room),
    ("venue", Field::Room),
    ("hall", Field::Room),
    ("stage", Field::Room),
    ("track", Field::Room),
    ("when", Field::Time),
    ("time", Field::Time),
    ("date", Field::Time),
    ("slot", Field::Time),
    ("day", Field::Time),
    ("start", Field::Time),
    ("slides", Field::Links),
    ("slide", Field::Links),
    ("deck", Field::Links),
    ("video", Field::Links),
    ("recording", Field::Links),
    ("link", Field::Links),
    ("links", Field::Links),
    ("url", Field::Links),
    ("repo", Field::Links),
    ("code", Field::Links),
    ("abstract", Field::Abstract),
    ("description", Field::Abstract),
    ("summary", Field::Abstract),
    ("tl;dr", Field::Abstract),
    ("tldr", Field::Abstract),
    ("type", Field::Kind),
    ("kind", Field::Kind),
    ("format", Field::Kind),
    ("category", Field::Kind),
    ("level", Field::Other),
    ("chair", Field::Other),
    ("chairs", Field::Other),
    ("session chair", Field::Other),
    ("tags", Field::Other),
    ("rating", Field::Other),
    ("difficulty", Field::Other),
    ("audience", Field::Other),
    ("duration", Field::Other),
    ("length", Field::Other),
    ("language", Field::Other),
    // Spanish, Portuguese, Italian, French and German notes.
    ("ponente", Field::Speakers),
    ("ponentes", Field::Speakers),
    ("ponente(s)", Field::Speakers),
    ("conferenciante", Field::Speakers),
    ("imparte", Field::Speakers),
    ("imparten", Field::Speakers),
    ("modera", Field::Speakers),
    ("moderador", Field::Speakers),
    ("moderadora", Field::Speakers),
    ("participan", Field::Speakers),
    ("participantes", Field::Speakers),
    ("panelistas", Field::Speakers),
    ("a cargo de", Field::Speakers),
    ("presenta", Field::Speakers),
    ("presentan", Field::Speakers),
    ("palestrante", Field::Speakers),
    ("palestrantes", Field::Speakers),
    ("relatore", Field::Speakers),
    ("moderatore", Field::Speakers),
    ("moderatrice", Field::Speakers),
    ("intervengono", Field::Speakers),
    ("partecipano", Field::Speakers),
    ("relatrice", Field::Speakers),
    ("relatori", Field::Speakers),
    ("intervenant", Field::Speakers),
    ("intervenante", Field::Speakers),
    ("intervenants", Field::Speakers),
    ("intervenantes", Field::Speakers),
    ("orateur", Field::Speakers),
    ("oratrice", Field::Speakers),
    ("conférencier", Field::Speakers),
    ("conférencière", Field::Speakers),
    ("animé par", Field::Speakers),
    ("avec", Field::Speakers),
    ("animée par", Field::Speakers),
    ("animation", Field::Speakers),
    ("présenté par", Field::Speakers),
    ("sprecher", Field::Speakers),
    ("sprecherin", Field::Speakers),
    ("sprecher:innen", Field::Speakers),
    ("sprecher*innen", Field::Speakers),
    ("referent", Field::Speakers),
    ("referentin", Field::Speakers),
    ("co-referent", Field::Speakers),
    ("co-referentin", Field::Speakers),
    ("co-speaker", Field::Speakers),
    ("co-speakers", Field::Speakers),
    ("co-presenter", Field::Speakers),
    ("referenten", Field::Speakers),
    ("referent:innen", Field::Speakers),
    ("vortragende", Field::Speakers),
    ("vortrag von", Field::Speakers),
    ("referent*in", Field::Speakers),
    ("referierende", Field::Speakers),
    ("vortragender", Field::Speakers),
    ("moderation", Field::Speakers),
    ("auf dem podium", Field::Speakers),
    ("leitung", Field::Speakers),
    ("podium", Field::Speakers),
    // Japanese, Korean and Chinese programmes and notes.
    ("登壇", Field::Speakers),
    ("登壇者", Field::Speakers),
    ("講師", Field::Speakers),
    ("発表者", Field::Speakers),
    ("発表", Field::Speakers),
    ("司会", Field::Speakers),
    ("モデレーター", Field::Speakers),
    ("パネリスト", Field::Speakers),
    ("スピーカー", Field::Speakers),
    ("연사", Field::Speakers),
    ("발표자", Field::Speakers),
    ("사회", Field::Speakers),
    ("패널", Field::Speakers),
    ("讲者", Field::Speakers),
    ("演讲者", Field::Speakers),
    ("主持人", Field::Speakers),
    ("タイトル", Field::Title),
    ("演題", Field::Title),
    ("제목", Field::Title),
    ("题目", Field::Title),
    ("会場", Field::Room),
    ("장소", Field::Room),
    ("título", Field::Title),
    ("titulo", Field::Title),
    ("titre", Field::Title),
    ("titel", Field::Title),
    ("titolo", Field::Title),
    ("thema", Field::Title),
    ("sala", Field::Room),
    ("salle", Field::Room),
    ("raum", Field::Room),
    ("saal", Field::Room),
    ("lugar", Field::Room),
    ("aula", Field::Room),
    ("hora", Field::Time),
    ("horario", Field::Time),
    ("horaire", Field::Time),
    ("heure", Field::Time),
    ("zeit", Field::Time),
    ("uhrzeit", Field::Time),
    ("diapositivas", Field::Links),
    ("folien", Field::Links),
    ("resumen", Field::Abstract),
    ("résumé", Field::Abstract),
    ("zusammenfassung", Field::Abstract),
];

/// One label read from a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labelled {
    /// What the label gives.
    pub field: Field,
    /// The label as written (lower-case).
    pub label: String,
    /// The value, trimmed.
    pub value: String,
}

fn field_of(label: &str) -> Option<Field> {
    let l = label.trim().trim_matches(|c: char| matches!(c, '*' | '_' | '`')).trim();
    // `Intervenant·e·s`, `Intervenant(e)s`: inclusive endings read as the plain label.
    let plain;
    let l = if l.contains(['·', '(']) {
        plain = l.replace("·e·s", "s").replace("·es", "s").replace("·e", "").replace("(e)", "");
        plain.as_str()
    } else {
        l
    };
    // (`modération`, `moderation`, `Modération`: accents folded on both sides.)
    let l = crate::ids::fold_to_ascii(l);
    FOLDED_LABELS.iter().find(|(name, _)| name.eq_ignore_ascii_case(&l)).map(|(_, f)| *f)
}

/// [`LABELS`] with accents folded, so a label matches however the note-taker typed its accents.
static FOLDED_LABELS: std::sync::LazyLock<Vec<(String, Field)>> = std::sync::LazyLock::new(|| {
    LABELS.iter().map(|(name, field)| (crate::ids::fold_to_ascii(name).into_owned(), *field)).collect()
});

/// How far into a line a label's separator may stand: a label is at most three words, with
/// markup (`**Session title:**`), so a long line is not searched to its end.
const LABEL_REACH: usize = 48;

/// Whether a label is a by-phrase (`talk by`, `Vortrag von`), not a `Key:` label.
#[must_use]
pub fn is_by_phrase(label: &str) -> bool {
    BY_PHRASES.iter().any(|p| p.trim().eq_ignore_ascii_case(label.trim()))
}

/// Phrases that name who gave a talk without a colon, each ending in its space.
const BY_PHRASES: &[&str] = &[
    "presented by ",
    "talk by ",
    "given by ",
    "vortrag von ",
    "moderiert von ",
    "geleitet von ",
    "presentado por ",
    "presentada por ",
    "présenté par ",
    "présentée par ",
    "animé par ",
    "animée par ",
    "presentato da ",
];

/// Reads one `Label: value` part.
fn one_label(part: &str) -> Option<Labelled> {
    let t = part.trim().trim_start_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '*' | '_'));
    let reach = crate::text::char_boundary_from(t, t.len().min(LABEL_REACH));
    let head = &t[..reach];
    // `Vortrag von Dr. Nomvula Dlamini-Hart`, `Presented by Ana Ortiz`: a by-phrase needs no colon.
    for phrase in BY_PHRASES {
        let value = t.get(..phrase.len()).filter(|p| p.eq_ignore_ascii_case(phrase)).map(|_| t[phrase.len()..].trim());
        if let Some(value) = value.filter(|v| v.starts_with(char::is_uppercase)) {
            return Some(Labelled { field: Field::Speakers, label: phrase.trim().to_owned(), value: value.to_owned() });
        }
    }
    for sep in ["::", ":", "：", " — ", " – ", " - "] {
        let Some(at) = crate::ingest::text::find_in(head, sep) else { continue };
        let label = &t[..at];
        if label.split_whitespace().count() > 3 || label.trim().is_empty() {
            continue;
        }
        let Some(field) = field_of(label) else { continue };
        // A dash after a label is a separator only for who gave the talk (`Speaker — Name`).
        if !matches!(sep, ":" | "::" | "：") && field != Field::Speakers {
            continue;
        }
        let value = t[at + sep.len()..].trim().trim_start_matches([':', '：', '*', '_']).trim();
        // `Panel: Paying Maintainers — A, B`: a kind before a title, not a list of panellists.
        let first_part = value.split([',', '(', '&']).next().unwrap_or_default();
        let titled = [" — ", " – ", " - ", ": ", "\"", "“"].iter().any(|m| value.contains(m))
            || first_part.split_whitespace().count() >= 4;
        if label.trim().eq_ignore_ascii_case("panel") && titled {
            return None;
        }
        return Some(Labelled { field, label: label.trim().to_lowercase(), value: value.to_owned() });
    }
    None
}

/// Reads a label line; several labels may share it when split by ` | ` or ` · `.
///
/// # Examples
///
/// ```
/// use confgraph::ingest::labels::{labels_of, Field};
///
/// let l = labels_of("Speakers: Ana Ortiz & Bo Chen");
/// assert_eq!((l[0].field, l[0].value.as_str()), (Field::Speakers, "Ana Ortiz & Bo Chen"));
/// let l = labels_of("Track: Blue | Room: Hall 2 | Time: 10:30");
/// assert_eq!(l.iter().map(|l| l.field).collect::<Vec<_>>(), [Field::Room, Field::Room, Field::Time]);
/// assert!(labels_of("Note: the mic was off").is_empty());
/// assert_eq!(labels_of("speaker:: [[Ana Ortiz]]")[0].value, "[[Ana Ortiz]]");
/// ```
#[must_use]
pub fn labels_of(line: &str) -> Vec<Labelled> {
    // Sentences split by `. ` or `; ` are labels only when the line opens with one (most lines of
    // notes do not): one look spares splitting every sentence of prose.
    let whole = one_label(line);
    // (`moderatrice: Anna Pellegrini — con: Kamil Szymański`: a dash parts labels too.)
    for sep in [" | ", " · ", " • ", ". ", "; ", " — ", " – "] {
        if (whole.is_some() || !matches!(sep, ". " | "; " | " — " | " – ")) && line.contains(sep) {
            let parts: Vec<Option<Labelled>> = line.split(sep).map(one_label).collect();
            if parts.iter().all(Option::is_some) {
                return parts.into_iter().flatten().collect();
            }
        }
    }
    whole.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_spellings() {
        for (line, field, value) in [
            ("Speaker: Ana Ortiz", Field::Speakers, "Ana Ortiz"),
            ("Speaker(s): Ana Ortiz, Bo Chen", Field::Speakers, "Ana Ortiz, Bo Chen"),
            ("Presenter: @nullbyte_nina", Field::Speakers, "@nullbyte_nina"),
            ("speaker : Tiina", Field::Speakers, "Tiina"),
            ("Speaker — Dmitri K.", Field::Speakers, "Dmitri K."),
            ("Moderator: Ama Owusu", Field::Speakers, "Ama Owusu"),
            ("Title: Fearless FFI", Field::Title, "Fearless FFI"),
            ("Room: Hall 2", Field::Room, "Hall 2"),
            ("When: Friday 10:30", Field::Time, "Friday 10:30"),
            ("Slides: https://x.example/s", Field::Links, "https://x.example/s"),
            ("Format: panel", Field::Kind, "panel"),
            ("- **Video:** https://v.example", Field::Links, "https://v.example"),
            ("Ponentes: Nuno Carvalho y Ana Souza", Field::Speakers, "Nuno Carvalho y Ana Souza"),
            ("Sprecherin: Jana Novak", Field::Speakers, "Jana Novak"),
            ("Intervenante : Léa Martin", Field::Speakers, "Léa Martin"),
            ("modération : Hugo Marchetti", Field::Speakers, "Hugo Marchetti"),
            ("Conferencier: Hugo Marchetti", Field::Speakers, "Hugo Marchetti"),
        ] {
            let l = labels_of(line);
            assert_eq!(l.len(), 1, "{line}");
            assert_eq!((l[0].field, l[0].value.as_str()), (field, value), "{line}");
        }
        assert!(labels_of("Kubernetes: the hard parts").is_empty());
        assert!(labels_of("- Panel: Paying Maintainers — Ana Ortiz, Bo Chen").is_empty());
        assert_eq!(labels_of("Panel: Ana Ortiz, Bo Chen")[0].field, Field::Speakers);
        assert!(labels_of("- Panel: Hiring and Growing SREs in Africa (Tendai Moyo, Kelechi Uzor)").is_empty());
        assert!(labels_of("Room for improvement - lots").is_empty());
        let two = labels_of("Mod: Siobhan Gallagher. On stage: Reza Tehrani, Ama Owusu");
        assert_eq!(
            two.iter().map(|l| l.value.as_str()).collect::<Vec<_>>(),
            ["Siobhan Gallagher", "Reza Tehrani, Ama Owusu"]
        );
    }
}
