//! Reading a label in its context: the text a matcher should see (no URLs, identifiers split into
//! words), whether a statement is negated, and which one-word labels are too ambiguous to count
//! alone.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// URLs and bare links: `https://…`, `www.…`, `pycon.org/2024/…`.
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|dev|us|uk|de|edu|gov|info|app|co)\b(?:/\S*)?")
        .expect("valid regex")
});

/// The text with its URLs blanked out (each byte a space).
#[must_use]
pub fn without_urls(text: &str) -> Cow<'_, str> {
    if text.contains('.') || text.contains('/') {
        URL.replace_all(text, |c: &regex::Captures<'_>| " ".repeat(c[0].len()))
    } else {
        Cow::Borrowed(text)
    }
}

/// The text as a matcher reads it: URLs blanked out (a keyword in
/// `…/diversity-inclusion/` is no topic), and identifiers split into words
/// (`test_crash_course_with_pytest` → `test crash course with pytest`, `asyncio.gather` →
/// `asyncio gather`, `parseJsonFast` → `parse Json Fast`). Names written as one capitalised word
/// (`JavaScript`, `PyScript`) stay whole.
///
/// ```
/// use confgraph::topics::plain_text;
/// assert_eq!(plain_text("def test_crash_course_with_pytest():"), "def test crash course with pytest():");
/// assert!(!plain_text("see https://pycon.org/diversity-inclusion/").contains("diversity"));
/// assert_eq!(plain_text("JavaScript and asyncio.gather"), "JavaScript and asyncio gather");
/// ```
#[must_use]
pub fn plain_text(text: &str) -> Cow<'_, str> {
    match without_urls(text) {
        Cow::Borrowed(unlinked) => identifiers_split(unlinked),
        Cow::Owned(unlinked) => Cow::Owned(identifiers_split(&unlinked).into_owned()),
    }
}

/// [`plain_text`] of a text whose URLs are blanked already: its identifiers split into words.
#[must_use]
pub fn identifiers_split(text: &str) -> Cow<'_, str> {
    if text.bytes().any(|b| b == b'_' || b == b'.' || b.is_ascii_uppercase()) {
        Cow::Owned(split_identifiers(text))
    } else {
        Cow::Borrowed(text)
    }
}

/// `snake_case`, `dotted.name` and `lowerCamel` words, each split into words.
fn split_identifiers(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    let mut word_start = 0;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        if !c.is_alphanumeric() && c != '_' {
            word_start = i + 1;
        }
        let joins_letters = |p: Option<char>, n: Option<char>| {
            p.is_some_and(char::is_alphanumeric) && n.is_some_and(char::is_alphabetic)
        };
        match c {
            '_' if joins_letters(prev, next) => out.push(' '),
            '.' if prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_lowercase) => out.push(' '),
            _ if c.is_uppercase()
                && prev.is_some_and(char::is_lowercase)
                && chars.get(word_start).is_some_and(|f| f.is_lowercase()) =>
            {
                out.push(' ');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Words that negate what follows them in a sentence. (`no` and `without` are left out: `no
/// doubt`, `no longer`, `Python without the GIL` are about their subject.)
const NEGATIONS: &[&str] = &[
    "not",
    "never",
    "won't",
    "wont",
    "don't",
    "dont",
    "doesn't",
    "didn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "can't",
    "cannot",
    "nor",
    "won’t",
    "don’t",
    "doesn’t",
    "didn’t",
    "isn’t",
    "aren’t",
    "can’t",
];

/// Words after `not` that make no denial: `not only`, `not just`, `not surprisingly`.
const NOT_IDIOMS: &[&str] = &["only", "just", "least", "surprisingly", "unlike", "unusual", "uncommon"];

/// How many words before a label a negation reaches.
const NEGATION_REACH: usize = 4;

/// Whether the label at `start` is negated: a negation among the few words before it, in the
/// same sentence (`We won't be reimplementing data pipelines`).
///
/// ```
/// use confgraph::topics::negated;
/// let text = "We won't be reimplementing data pipelines.";
/// assert!(negated(text, text.find("data").unwrap()));
/// let text = "Building data pipelines that do not fail";
/// assert!(!negated(text, text.find("data").unwrap()));
/// let text = "why not make miniature art of famous terrains?";
/// assert!(!negated(text, text.find("miniature").unwrap()));
/// ```
#[must_use]
pub fn negated(text: &str, start: usize) -> bool {
    let before = &text[..start];
    let sentence = before.rfind(['.', '!', '?', ';', '\n', ':']).map_or(before, |i| &before[i + 1..]);
    let words: Vec<String> = sentence
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').to_lowercase())
        .collect();
    let reach = words.len().saturating_sub(NEGATION_REACH);
    (reach..words.len()).any(|i| {
        let next = words.get(i + 1).map(String::as_str);
        let previous = i.checked_sub(1).map(|j| words[j].as_str());
        // (`why not make miniature art`, `not only X but Y`, `whether or not`: nothing denied.)
        let idiom = words[i] == "not"
            && (matches!(previous, Some("why" | "if" | "or")) || next.is_some_and(|n| NOT_IDIOMS.contains(&n)));
        NEGATIONS.contains(&words[i].as_str()) && !idiom
    })
}

/// One-word labels that are ordinary words as often as topics (`Escape Hatch`, `Don't be a
/// robot`, `live coding`): they count only beside another label of the same topic.
pub const AMBIGUOUS_LABELS: &[&str] = &[
    "hatch",
    "robot",
    "live",
    "alerting",
    "remote",
    "wheel",
    "spark",
    "embedded",
    "deprecations",
    "archives",
    "payments",
    "ar",
    "vr",
    "xr",
    "helm",
    "satellite",
    "satellites",
    "fonts",
    "glyphs",
    "museum",
    "museums",
];

/// Python minor versions (`Python 3.11`): said in passing by most talks about `CPython`, so a sign
/// of a talk about releases only beside another label of that topic (`Python2` to `Python3` is a
/// migration, and counts).
static VERSION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:python|py|cpython) ?\d+\.\d+$").expect("valid regex"));

/// Whether a label (normalised) counts only beside another label of its topic: an ambiguous
/// word or a version number.
///
/// ```
/// use confgraph::topics::needs_corroboration;
/// assert!(needs_corroboration("hatch") && needs_corroboration("python 3.11"));
/// assert!(!needs_corroboration("python3"));
/// assert!(!needs_corroboration("mutation testing"));
/// ```
#[must_use]
pub fn needs_corroboration(label: &str) -> bool {
    AMBIGUOUS_LABELS.contains(&label) || VERSION.is_match(label)
}
