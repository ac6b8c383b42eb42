//! Topics: a SKOS concept scheme (the bundled `ontology/topics.ttl`, or `--topics FILE`) and the
//! topics each session is about, found from its title, abstract and notes, each with its evidence.
//!
//! A label (`skos:prefLabel` or `skos:altLabel`) matches as a whole word or phrase, ignoring case.
//! A match in the title weighs 3, in the abstract 2, in the notes 1, or 2 when the notes write the
//! label twice or more (each label counted once per field); a topic needs a weight of 2 or more and
//! at least a third of the session's best topic's, and a session keeps at most five. Labels are
//! read in context ([`context`]): not in URLs, identifiers split into words, not negated, and
//! ambiguous words only beside another label of their topic. Sessions no topic fits are counted,
//! with their frequent words, so the taxonomy can grow.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Term;
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

use crate::error::InputError;
use crate::ids::TopicId;
use crate::model::Session;

pub mod context;
mod finder;

pub use context::{AMBIGUOUS_LABELS, needs_corroboration, negated, plain_text};
use finder::LabelFinder;

/// The bundled taxonomy.
pub const BUNDLED_TOPICS: &str = include_str!("../ontology/topics.ttl");

const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

/// One concept of the scheme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    /// Slug id: the concept IRI's last path segment (`free-threading`); shared with the sessions'
    /// [`TopicMatch::topic`].
    pub id: TopicId,
    /// `skos:prefLabel` (English when there are several).
    pub label: String,
    /// `skos:altLabel` keywords.
    pub alt_labels: Vec<String>,
    /// Ids of `skos:broader` concepts.
    pub broader: Vec<TopicId>,
}

/// What a scheme says of one concept IRI: preferred labels with languages, alternative labels,
/// broader concept ids.
type ConceptLabels = (Vec<(String, Option<String>)>, Vec<String>, Vec<String>);

/// A concept scheme ready to match sessions against.
#[derive(Debug, Clone)]
pub struct TopicScheme {
    /// Concepts, sorted by id.
    pub topics: Vec<Topic>,
    /// Every label of every topic, found as whole words, ignoring case, in one pass over a text.
    finder: LabelFinder,
    /// Normalised label (its text is shared by every match written that way) → the indexes of the
    /// topics that carry it.
    label_topics: HashMap<Arc<str>, Vec<usize>>,
}

/// Where a label was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// The session title.
    Title,
    /// Its abstract.
    Abstract,
    /// The note-taker's notes.
    Notes,
}

impl Field {
    /// What a label found here weighs: the title most; in the notes, a label written again and
    /// again (`mutation testing`, `times_in_notes`) says as much as one in the abstract.
    fn weight(self, times_in_notes: u32) -> u32 {
        match self {
            Self::Title => 3,
            Self::Abstract => 2,
            Self::Notes if times_in_notes >= 2 => 2,
            Self::Notes => 1,
        }
    }
}

/// A topic given to a session, with what matched where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicMatch {
    /// Topic id.
    pub topic: TopicId,
    /// Sum of the weights of the matches.
    pub score: u32,
    /// `(label as found, field)` for each distinct label and field.
    pub evidence: Vec<(Arc<str>, Field)>,
}

/// The smallest weight that gives a session a topic.
pub const THRESHOLD: u32 = 2;

/// The most topics a session gets.
pub const MAX_TOPICS: usize = 5;

impl TopicScheme {
    /// Reads a SKOS scheme from Turtle.
    ///
    /// # Errors
    /// [`InputError::Syntax`] with the parser's message and position, or when the file holds no
    /// `skos:Concept`.
    pub fn from_turtle(text: &str, source: &str) -> Result<Self, InputError> {
        let wrong = |message: String| InputError::Syntax { file: source.to_owned(), line: None, message };
        let mut labels: BTreeMap<String, ConceptLabels> = BTreeMap::new();
        let mut concepts: BTreeSet<String> = BTreeSet::new();
        for quad in RdfParser::from_format(RdfFormat::Turtle).for_slice(text.as_bytes()) {
            let quad = quad.map_err(|e| wrong(e.to_string()))?;
            let subject = quad.subject.to_string();
            let subject = subject.trim_matches(['<', '>']).to_owned();
            let p = quad.predicate.as_str();
            match (p, &quad.object) {
                (RDF_TYPE, Term::NamedNode(n)) if n.as_str() == format!("{SKOS}Concept") => {
                    concepts.insert(subject);
                }
                (_, Term::Literal(l)) if p == format!("{SKOS}prefLabel") => {
                    labels.entry(subject).or_default().0.push((l.value().to_owned(), l.language().map(str::to_owned)));
                }
                (_, Term::Literal(l)) if p == format!("{SKOS}altLabel") => {
                    labels.entry(subject).or_default().1.push(l.value().to_owned());
                }
                (_, Term::NamedNode(n)) if p == format!("{SKOS}broader") => {
                    labels.entry(subject).or_default().2.push(last_segment(n.as_str()).to_owned());
                }
                _ => {}
            }
        }
        let mut topics = Vec::new();
        for iri in &concepts {
            let (pref, mut alt, mut broader) = labels.remove(iri).unwrap_or_default();
            let label = pref
                .iter()
                .find(|(_, lang)| lang.as_deref().is_some_and(|l| l.starts_with("en")))
                .or_else(|| pref.first())
                .map_or_else(|| last_segment(iri).to_owned(), |(v, _)| v.clone());
            alt.sort();
            alt.dedup();
            broader.sort();
            let broader = broader.into_iter().map(TopicId::from).collect();
            topics.push(Topic { id: last_segment(iri).into(), label, alt_labels: alt, broader });
        }
        if topics.is_empty() {
            return Err(wrong("no skos:Concept found".into()));
        }
        topics.sort_by(|a, b| a.id.cmp(&b.id));
        let mut label_topics: HashMap<Arc<str>, Vec<usize>> = HashMap::default();
        for (i, t) in topics.iter().enumerate() {
            for label in std::iter::once(&t.label).chain(&t.alt_labels) {
                let key = normalise_label(label).into_owned();
                if !key.is_empty() {
                    let list = label_topics.entry(key.into()).or_default();
                    if !list.contains(&i) {
                        list.push(i);
                    }
                }
            }
        }
        let finder = LabelFinder::new(label_topics.keys().map(|key| &**key))
            .map_err(|e| wrong(format!("cannot index the topic labels: {e}")))?;
        Ok(Self { topics, finder, label_topics })
    }

    /// The bundled taxonomy.
    ///
    /// # Panics
    /// Never: a unit test parses the bundled file.
    #[must_use]
    pub fn bundled() -> Self {
        Self::from_turtle(BUNDLED_TOPICS, "ontology/topics.ttl").expect("the bundled taxonomy parses (tested)")
    }

    /// The topic with this id.
    #[must_use]
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.binary_search_by(|t| (*t.id).cmp(id)).ok().map(|i| &self.topics[i])
    }

    /// The label inside a match of the matcher (which includes a boundary character before and
    /// after, unless at the text's edge) and where it starts. A boundary character is trimmed
    /// only when what remains is a label, so `C++` at the very end of a text keeps its `+`.
    fn label_in<'t>(&self, whole: &'t str, at: usize) -> (usize, &'t str) {
        let known = |s: &str| self.label_topics.contains_key(&*normalise_label(s));
        let mut start = at;
        let mut label = whole;
        if let Some(c) = label.chars().next().filter(|c| !is_word(*c))
            && (known(&label[c.len_utf8()..]) || !known(label))
        {
            label = &label[c.len_utf8()..];
            start += c.len_utf8();
        }
        if let Some(c) = label.chars().next_back().filter(|c| !is_word(*c)) {
            let trimmed = &label[..label.len() - c.len_utf8()];
            if known(trimmed) {
                label = trimmed;
            }
        }
        (start, label)
    }

    /// The labels found in `text`, as written, in order. The boundary characters around a label are
    /// trimmed by hand, and the search resumes right after the label, so the trailing boundary can
    /// start the next match ("GIL GIL" finds both).
    fn labels_at<'t>(&self, text: &'t str) -> Vec<(usize, &'t str)> {
        let mut labels = Vec::new();
        let mut at = 0;
        for m in self.finder.occurrences(text) {
            if m.start < at {
                continue;
            }
            let (start, label) = self.label_in(&text[m.start..m.end], m.start);
            labels.push((start, label));
            at = next_search(text, start, label, m.start);
        }
        labels
    }

    /// The labels found in `text`, as written, in order.
    #[cfg(test)]
    fn labels_in<'t>(&self, text: &'t str) -> Vec<&'t str> {
        self.labels_at(text).into_iter().map(|(_, label)| label).collect()
    }

    /// The topics of a session, best first (score, then id), each with its evidence.
    #[must_use]
    pub fn assign(&self, session: &Session) -> Vec<TopicMatch> {
        let fields = [
            (Field::Title, session.title.as_str()),
            (Field::Abstract, session.abstract_text.as_deref().unwrap_or_default()),
            (Field::Notes, session.notes.as_str()),
        ];
        let mut evidence: BTreeMap<usize, BTreeSet<(Arc<str>, Field)>> = BTreeMap::new();
        // How often each label is written in the notes: said again and again, it is their subject.
        let mut in_notes: HashMap<Arc<str>, u32> = HashMap::default();
        for (field, raw) in fields {
            // Labels are looked for in the text with URLs blanked, and again with its identifiers
            // split (`Alpine.js` and `iOS` are labels; `test_crash_course_with_pytest` holds one).
            let unlinked = context::without_urls(raw);
            let split = context::identifiers_split(&unlinked);
            let first_half = unlinked.len();
            let joined = if *split == *unlinked { unlinked.into_owned() } else { format!("{unlinked}\n{split}") };
            for (start, label) in self.labels_at(&joined) {
                // (A title is about what it names: `Python without the GIL`, `You Don't Need Kubernetes`.)
                if field != Field::Title && negated(&joined, start) {
                    continue;
                }
                let found: Cow<str> = if label.bytes().any(|b| !b.is_ascii() || b.is_ascii_uppercase()) {
                    label.to_lowercase().into()
                } else {
                    label.into()
                };
                if let Some((shared, topics)) = self.label_topics.get_key_value(&*normalise_label(&found)) {
                    // Most labels are found written as the scheme writes them: share that text.
                    let found: Arc<str> = if **shared == *found { Arc::clone(shared) } else { found.into() };
                    if field == Field::Notes && start < first_half {
                        *in_notes.entry(Arc::clone(shared)).or_default() += 1;
                    }
                    for &t in topics {
                        evidence.entry(t).or_default().insert((Arc::clone(&found), field));
                    }
                }
            }
        }
        let mut found: Vec<TopicMatch> = evidence
            .into_iter()
            .map(|(t, mut ev)| {
                // An ambiguous word or a version number counts only beside another label, or
                // beside another such word in the title (`Python 3.13 Deprecations`).
                let weak = ev.iter().all(|(label, _)| needs_corroboration(&normalise_label(label)));
                if weak && ev.iter().filter(|(_, f)| *f == Field::Title).count() < 2 {
                    ev.clear();
                }
                let repeats = |label: &str| in_notes.get(&*normalise_label(label)).copied().unwrap_or(0);
                TopicMatch {
                    topic: self.topics[t].id.clone(),
                    score: ev.iter().map(|(label, f)| f.weight(repeats(label))).sum(),
                    evidence: ev.into_iter().collect(),
                }
            })
            .filter(|m| m.score >= THRESHOLD)
            .collect();
        found.sort_by(|a, b| b.score.cmp(&a.score).then(a.topic.cmp(&b.topic)));
        // Passing mentions do not make a topic: keep those within a third of the best, at most five.
        let best = found.first().map_or(0, |t| t.score);
        found.retain(|t| t.score * 3 >= best);
        found.truncate(MAX_TOPICS);
        found.shrink_to_fit();
        found
    }
}

/// Where the search resumes after `label`, found at `start` in a match starting at `match_start`.
fn next_search(text: &str, start: usize, label: &str, match_start: usize) -> usize {
    crate::text::char_boundary_from(text, (start + label.len()).max(match_start + 1))
}

fn last_segment(iri: &str) -> &str {
    iri.rsplit(['/', '#']).next().unwrap_or(iri)
}

/// A word character for trimming a match: a letter, digit or `_` (the boundaries themselves are
/// checked with the full Unicode `\w`).
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A label as compared: lower case, every run of spaces and hyphens one space.
fn normalise_label(label: &str) -> Cow<'_, str> {
    let label = label.trim_matches(|c: char| c.is_whitespace() || c == '-');
    // Most text looked up is a label already: lower-case ASCII, words apart by single spaces.
    let mut previous = 0;
    let plain = label.bytes().all(|b| {
        let ok =
            if b == b' ' { previous != b' ' } else { b.is_ascii_graphic() && !b.is_ascii_uppercase() && b != b'-' };
        previous = b;
        ok
    });
    if plain { Cow::Borrowed(label) } else { Cow::Owned(normalised(label)) }
}

/// [`normalise_label`] the long way.
fn normalised(label: &str) -> String {
    label
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words too common to tell a topic.
const STOP_WORDS: &[&str] = &[
    "about", "after", "also", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "for", "from", "has",
    "have", "how", "if", "in", "into", "is", "it", "its", "more", "not", "of", "on", "one", "or", "our", "so", "that",
    "the", "their", "them", "there", "these", "they", "this", "to", "up", "use", "using", "was", "we", "what", "when",
    "which", "who", "will", "with", "you", "your", "python", "talk", "https", "http", "com", "www", "org", "pretalx",
    "like", "just", "some", "all", "other", "out", "new", "get", "make", "do", "does", "than", "then", "was", "were",
    "would", "could", "should", "very", "much", "many", "most", "each",
];

/// The words of a session's title, abstract and notes that could name a subject: four letters or
/// more, no digits, not a stop word, not a word of its edition's id (`pycascades`), not in a URL.
fn subject_words(s: &Session) -> impl Iterator<Item = String> + '_ {
    let text = format!("{} {} {}", s.title, s.abstract_text.as_deref().unwrap_or_default(), s.notes);
    let text = plain_text(&text).into_owned();
    let edition: Vec<&str> = s.conference.split('-').collect();
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| {
            w.chars().count() >= 4
                && !w.chars().any(|c| c.is_ascii_digit())
                && !STOP_WORDS.contains(&w.as_str())
                && !edition.contains(&w.as_str())
        })
        .collect();
    words.into_iter()
}

/// A session's own most frequent subject words, most frequent first, ties alphabetical.
#[must_use]
pub fn session_words(s: &Session, limit: usize) -> Vec<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for w in subject_words(s) {
        *counts.entry(w).or_default() += 1;
    }
    let mut list: Vec<(String, usize)> = counts.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    list.into_iter().take(limit).map(|(w, _)| w).collect()
}

/// The most frequent words of sessions no topic fits (document frequency), for growing the
/// taxonomy: `(word, sessions)`, most frequent first, ties alphabetical.
#[must_use]
pub fn frequent_terms<'a>(sessions: impl IntoIterator<Item = &'a Session>, limit: usize) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for s in sessions {
        let words: BTreeSet<String> = subject_words(s).collect();
        for w in words {
            *counts.entry(w).or_default() += 1;
        }
    }
    let mut list: Vec<(String, usize)> = counts.into_iter().filter(|(_, n)| *n >= 2).collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    list.truncate(limit);
    list
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::model::{SessionKind, SourceLine};

    fn session(title: &str, abstract_text: Option<&str>, notes: &str) -> Session {
        Session {
            conference: "c-2024".into(),
            title: title.into(),
            kind: SessionKind::Talk,
            speakers: vec![],
            links: vec![],
            abstract_text: abstract_text.map(str::to_owned),
            notes: notes.into(),
            time: None,
            room: None,
            source: SourceLine { file: "f.md".into(), line: 1 },
        }
    }

    const SCHEME: &str = r#"@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix topic: <https://example.org/confgraph/topic/> .
topic:free-threading a skos:Concept ; skos:prefLabel "Free-threading and the GIL"@en ; skos:altLabel "GIL"@en, "free-threaded"@en, "PEP 703"@en ; skos:broader topic:concurrency .
topic:concurrency a skos:Concept ; skos:prefLabel "Concurrency"@en ; skos:altLabel "asyncio"@en, "threads"@en .
topic:cpp a skos:Concept ; skos:prefLabel "C++ extensions"@en ; skos:altLabel "C++"@en .
"#;

    #[test]
    fn scheme_reads_labels_and_broader() {
        let s = TopicScheme::from_turtle(SCHEME, "t.ttl").unwrap();
        let ids: Vec<&str> = s.topics.iter().map(|t| &*t.id).collect();
        assert_eq!(ids, vec!["concurrency", "cpp", "free-threading"]);
        assert_eq!(s.topic("free-threading").unwrap().broader, vec![TopicId::from("concurrency")]);
        assert!(TopicScheme::from_turtle("@prefix x: <a:> .", "empty.ttl").is_err());
    }

    #[test]
    fn title_abstract_and_notes_weigh_differently() {
        let s = TopicScheme::from_turtle(SCHEME, "t.ttl").unwrap();
        let goodbye = s.assign(&session("Goodbye GIL: Exploring the Free-threaded mode", None, ""));
        assert_eq!(&*goodbye[0].topic, "free-threading");
        assert_eq!(goodbye[0].evidence, vec![("free-threaded".into(), Field::Title), ("gil".into(), Field::Title)]);
        // One passing mention in the notes is not enough; two different labels are.
        assert!(s.assign(&session("Something else", None, "we used threads")).is_empty());
        assert_eq!(&*s.assign(&session("Something else", None, "threads and asyncio"))[0].topic, "concurrency");
        // Whole words only: `GILded` is not the GIL; `C++` matches despite its punctuation.
        assert!(s.assign(&session("The GILded age", None, "")).is_empty());
        assert_eq!(&*s.assign(&session("Writing C++ for Python", None, ""))[0].topic, "cpp");
    }

    /// The search the label finder replaced: one case-insensitive regex of every label.
    fn labels_by_regex<'t>(scheme: &TopicScheme, regex: &regex::Regex, text: &'t str) -> Vec<&'t str> {
        let mut labels = Vec::new();
        let mut at = 0;
        while let Some(m) = regex.find_at(text, at) {
            let (start, label) = scheme.label_in(m.as_str(), m.start());
            labels.push(label);
            at = next_search(text, start, label, m.start());
        }
        labels
    }

    fn label_regex(scheme: &TopicScheme) -> regex::Regex {
        let mut labels: Vec<&str> = scheme.label_topics.keys().map(|key| &**key).collect();
        labels.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let alternation = labels.iter().map(|l| regex::escape(l).replace(' ', r"[\s-]+")).collect::<Vec<_>>().join("|");
        regex::Regex::new(&format!(r"(?i)(?:^|[^\w])({alternation})(?:[^\w]|$)")).unwrap()
    }

    static BUNDLED: std::sync::LazyLock<(TopicScheme, regex::Regex)> = std::sync::LazyLock::new(|| {
        let scheme = TopicScheme::bundled();
        let regex = label_regex(&scheme);
        (scheme, regex)
    });

    /// Labels that end in punctuation, share a prefix, or hold letters whose case-folding class
    /// has members of other UTF-8 lengths (`ſ` folds with `s`, `K` with the Kelvin sign).
    static TRICKY: std::sync::LazyLock<(TopicScheme, regex::Regex)> = std::sync::LazyLock::new(|| {
        let labels = [
            "ſſ+",
            "ss++",
            "c++",
            "c",
            "c#",
            ".net",
            "net",
            "k8s",
            "\u{212a}8s",
            "ǆa",
            "straße",
            "strasse",
            "go",
            "go lang",
            "a-b c",
            "é",
            "ı",
        ];
        let concepts = labels
            .iter()
            .enumerate()
            .map(|(i, label)| format!("<https://example.org/t/{i}> a skos:Concept ; skos:prefLabel \"{label}\" .\n"));
        let turtle =
            format!("@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n{}", concepts.collect::<String>());
        let scheme = TopicScheme::from_turtle(&turtle, "tricky.ttl").unwrap();
        let regex = label_regex(&scheme);
        (scheme, regex)
    });

    static TRICKY_WITHOUT_DFA: std::sync::LazyLock<TopicScheme> = std::sync::LazyLock::new(|| {
        let mut scheme = TRICKY.0.clone();
        scheme.finder = LabelFinder::with_dfa_budget(scheme.label_topics.keys().map(|key| &**key), 0).unwrap();
        scheme
    });

    /// Texts of a scheme's labels in any case, joined by spaces, hyphens, punctuation, word
    /// characters and letters whose case classes are not plain ASCII.
    fn texts(scheme: &TopicScheme) -> impl Strategy<Value = String> {
        let mut labels: Vec<String> = scheme.label_topics.keys().map(ToString::to_string).collect();
        labels.sort_unstable();
        let piece = prop_oneof![
            4 => (proptest::sample::select(labels), any::<u64>()).prop_map(|(l, bits)| {
                l.chars()
                    .enumerate()
                    .map(|(i, c)| if bits >> (i % 64) & 1 == 1 { c.to_uppercase().collect::<String>() } else { c.to_string() })
                    .collect::<String>()
            }),
            3 => proptest::sample::select(vec![
                " ", "-", " - ", "--", "\t", "\n ", ".", ",", "+", "#", "(", ")", "_", "'", "’", ":", "/",
            ]).prop_map(str::to_owned),
            1 => proptest::sample::select(vec![
                "x", "1", "ſ", "\u{212a}", "İ", "ß", "é", "É", "ǅ", "ﬁ", "ı", "\u{301}",
            ]).prop_map(str::to_owned),
        ];
        proptest::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
    }

    proptest::proptest! {
        #[test]
        fn labels_already_normal_are_kept_as_they_are(label in "[a-zA-Z \\t\\n\\x0b\\x0c+.-]{0,12}") {
            proptest::prop_assert_eq!(normalise_label(&label), normalised(&label));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(2000))]
        #[test]
        fn finds_the_labels_the_regex_found(text in texts(&BUNDLED.0)) {
            let (scheme, regex) = &*BUNDLED;
            proptest::prop_assert_eq!(scheme.labels_in(&text), labels_by_regex(scheme, regex, &text));
        }

        #[test]
        fn finds_tricky_labels_as_the_regex_did(text in texts(&TRICKY.0)) {
            let (scheme, regex) = &*TRICKY;
            let expected = labels_by_regex(scheme, regex, &text);
            proptest::prop_assert_eq!(scheme.labels_in(&text), expected.clone());
            // The same with the contiguous NFA a taxonomy too large for a DFA gets.
            proptest::prop_assert_eq!(TRICKY_WITHOUT_DFA.labels_in(&text), expected);
        }
    }

    #[test]
    fn the_label_tried_first_wins_where_two_start() {
        // `ſſ+` and `ss++` both start `ſſ++`; the regex tried the longer label, `ſſ+`, first.
        let (scheme, regex) = &*TRICKY;
        for text in ["ſſ++ ", "x ſſ++", "SS++"] {
            assert_eq!(scheme.labels_in(text), labels_by_regex(scheme, regex, text), "{text}");
        }
        assert_eq!(scheme.labels_in("ſſ++ "), ["ſſ+"]);
    }

    #[test]
    fn frequent_terms_count_sessions_not_words() {
        let sessions = [session("Quantum widgets", None, "quantum quantum"), session("More quantum", None, "")];
        assert_eq!(frequent_terms(&sessions, 5), vec![("quantum".to_owned(), 2)]);
    }
}
