//! Finding a taxonomy's labels in a text as whole words, ignoring case, in one pass.
//!
//! The text is read with every character replaced by one representative of its simple
//! case-folding class and every run of white space and hyphens by one space; an Aho–Corasick
//! automaton of the labels, written the same way, finds every occurrence; the whole-word edges are
//! checked on the original text. The matches are the ones, and come in the order, that the regex
//! `(?i)(?:^|[^\w])(label|…)(?:[^\w]|$)` (labels longest first, a space matching `[\s-]+`) finds
//! searching on from each match: a unit test compares the two on random texts.

use std::cell::RefCell;
use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, BuildError, MatchKind};
use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};
use regex_syntax::is_word_character;
use rustc_hash::FxHashMap;

/// The labels of a taxonomy, ready to find.
#[derive(Debug, Clone)]
pub(super) struct LabelFinder {
    automaton: AhoCorasick,
    /// Each pattern's place in the regex's alternation (longest label first, then alphabetical):
    /// which label wins where several start at one place.
    ranks: Vec<usize>,
}

/// Labels of at most this many bytes in all are searched with a DFA, the fastest automaton: it
/// saves about 3% of the CPU time of reading the 10 MB benchmark corpus. A DFA grows with its
/// labels' bytes (the bundled taxonomy's 10 KB of labels make a 1.7 MB DFA, against 127 KB for
/// a contiguous NFA), so a larger taxonomy gets a contiguous NFA.
const DFA_LABEL_BYTES: usize = 32 * 1024;

/// A whole-word occurrence of a label: the span a regex with boundary characters would match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Occurrence {
    /// Where the span starts: the character before the label, or the label at the text's start.
    pub start: usize,
    /// Where it ends: after the character that follows the label, or at the text's end.
    pub end: usize,
    /// Whether the label starts the text (no character before it in the span).
    at_text_start: bool,
    /// The label's place in the order labels are tried at one place.
    rank: usize,
}

impl LabelFinder {
    /// A finder of `labels` (each lower case, with single spaces).
    ///
    /// # Errors
    /// When the automaton cannot be built (too many labels).
    pub(super) fn new<'a>(labels: impl Iterator<Item = &'a str>) -> Result<Self, BuildError> {
        Self::with_dfa_budget(labels, DFA_LABEL_BYTES)
    }

    /// [`LabelFinder::new`], searching with a DFA when the labels hold at most `dfa_label_bytes`.
    pub(super) fn with_dfa_budget<'a>(
        labels: impl Iterator<Item = &'a str>,
        dfa_label_bytes: usize,
    ) -> Result<Self, BuildError> {
        let mut labels: Vec<&str> = labels.filter(|l| !l.is_empty()).collect();
        labels.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        // Labels that fold alike are one pattern, with the place of the first of them.
        let mut rank_of: BTreeMap<String, usize> = BTreeMap::new();
        for (rank, label) in labels.iter().enumerate() {
            rank_of.entry(fold_text(label).text).or_insert(rank);
        }
        let (patterns, ranks): (Vec<String>, Vec<usize>) = rank_of.into_iter().unzip();
        let kind = if patterns.iter().map(String::len).sum::<usize>() <= dfa_label_bytes {
            AhoCorasickKind::DFA
        } else {
            AhoCorasickKind::ContiguousNFA
        };
        let build = |kind| AhoCorasick::builder().match_kind(MatchKind::Standard).kind(kind).build(&patterns);
        // A contiguous NFA has a limit of its own; past it, aho-corasick picks.
        let automaton = build(Some(kind)).or_else(|_| build(None))?;
        Ok(Self { automaton, ranks })
    }

    /// Every whole-word occurrence of a label in `text`, in search order: by start, then a label
    /// at the text's start before one after a boundary character, then in the regex's order of
    /// labels (longest first).
    pub(super) fn occurrences(&self, text: &str) -> Vec<Occurrence> {
        let folded = fold_text(text);
        let mut found = Vec::new();
        for m in self.automaton.find_overlapping_iter(&folded.text) {
            let (label_start, label_end) = (folded.original(m.start()), folded.original(m.end()));
            let after = text[label_end..].chars().next();
            if after.is_some_and(is_word_character) {
                continue;
            }
            let end = label_end + after.map_or(0, char::len_utf8);
            let rank = self.ranks[m.pattern().as_usize()];
            let start = match text[..label_start].chars().next_back() {
                None => 0,
                Some(c) if !is_word_character(c) => label_start - c.len_utf8(),
                Some(_) => continue,
            };
            found.push(Occurrence { start, end, at_text_start: label_start == 0, rank });
        }
        found.sort_unstable_by_key(|o| (o.start, !o.at_text_start, o.rank));
        found
    }
}

/// A text folded for searching, with where its characters come from.
struct Folded {
    /// Each character folded, each run of white space and hyphens one space.
    text: String,
    /// (offset in `text`, offset in the original) where the distance between the two changes:
    /// after a run of more than one byte, or a character whose folded form is longer or shorter.
    shifts: Vec<(usize, usize)>,
}

impl Folded {
    /// The offset in the original of the character at `at` in the folded text (or of its end).
    fn original(&self, at: usize) -> usize {
        let (folded, original) = self.shifts[self.shifts.partition_point(|&(f, _)| f <= at) - 1];
        original + (at - folded)
    }

    /// Notes that the character now appended to the folded text comes from `original`. Offsets
    /// only grow, so the last shift tells the distance at the end of the text.
    fn comes_from(&mut self, original: usize) {
        let at = self.text.len();
        let &(folded, from) = self.shifts.last().expect("a text starts with the shift (0, 0)");
        if from + (at - folded) != original {
            self.shifts.push((at, original));
        }
    }
}

/// `text` folded for searching: one entry of [`Folded::shifts`] per change of distance, not one
/// offset per byte, so a long text costs one copy of itself.
fn fold_text(text: &str) -> Folded {
    let mut folded = Folded { text: String::with_capacity(text.len()), shifts: vec![(0, 0)] };
    let mut in_run = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() || c == '-' {
            if !in_run {
                folded.comes_from(i);
                folded.text.push(' ');
                in_run = true;
            }
            continue;
        }
        in_run = false;
        folded.comes_from(i);
        folded.text.push(fold(c));
    }
    folded.comes_from(text.len());
    folded
}

/// The representative of `c`'s simple case-folding class (the class a case-insensitive regex
/// matches for `c`): its smallest member.
fn fold(c: char) -> char {
    if c.is_ascii() {
        // Every other member of an ASCII letter's class (`K` for Kelvin, `ſ`) is above ASCII.
        return c.to_ascii_uppercase();
    }
    thread_local! {
        /// Classes already looked up: building one allocates, and a text in another script
        /// repeats a few dozen letters.
        static FOLDED: RefCell<FxHashMap<char, char>> = RefCell::new(FxHashMap::default());
    }
    FOLDED.with_borrow_mut(|folded| {
        *folded.entry(c).or_insert_with(|| {
            let mut class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
            class.case_fold_simple();
            class.ranges().first().map_or(c, ClassUnicodeRange::start)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_classes_fold_to_one_character() {
        for (a, b) in [('k', 'K'), ('K', '\u{212a}'), ('s', 'ſ'), ('é', 'É'), ('ǆ', 'ǅ')] {
            assert_eq!(fold(a), fold(b), "{a} {b}");
        }
        assert_ne!(fold('a'), fold('b'));
        let folded = fold_text("Ab -\t Cé-d");
        assert_eq!(folded.text, "AB CÉ D");
        // Where each character of the folded text (and its end) comes from.
        let from: Vec<usize> =
            folded.text.char_indices().map(|(i, _)| i).chain([folded.text.len()]).map(|i| folded.original(i)).collect();
        assert_eq!(from, [0, 1, 2, 6, 7, 9, 10, 11]);
    }

    #[test]
    fn the_bundled_taxonomy_is_searched_with_a_dfa() {
        let scheme = crate::topics::TopicScheme::bundled();
        assert_eq!(scheme.finder.automaton.kind(), AhoCorasickKind::DFA);
    }

    #[test]
    fn whole_words_only_in_search_order() {
        fn spans<'t>(finder: &LabelFinder, text: &'t str) -> Vec<&'t str> {
            finder.occurrences(text).into_iter().map(|o| &text[o.start..o.end]).collect()
        }
        let labels = ["gil", "c++", "free threaded", "free"];
        let dfa = LabelFinder::new(labels.into_iter()).unwrap();
        let nfa = LabelFinder::with_dfa_budget(labels.into_iter(), 0).unwrap();
        assert_eq!(dfa.automaton.kind(), AhoCorasickKind::DFA);
        assert_eq!(nfa.automaton.kind(), AhoCorasickKind::ContiguousNFA);
        for finder in [dfa, nfa] {
            assert_eq!(spans(&finder, "The GILded age"), Vec::<&str>::new());
            assert_eq!(spans(&finder, "GIL: the free--threaded C++"), ["GIL:", " free--threaded ", " free-", " C++"]);
        }
    }
}
