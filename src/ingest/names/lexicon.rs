//! The word lists behind the name-likeness judgement: given names and family names of many
//! cultures, common English words, and the words of conference notes that are never names.
//!
//! Owns loading the lists (`data/names/`, built into the binary) and looking words up. The first
//! three lists come from public, permissively licensed name and word lists (`data/names/LICENSE.md`),
//! never from any conference's speakers; the last is this project's own. Each list is one sorted
//! word per line, searched in place: no hash table is built, so a run pays a few hundred
//! kilobytes of line offsets, not megabytes.

use std::sync::LazyLock;

use crate::ids::fold_to_ascii;

/// A sorted word list searched in place.
pub struct WordList {
    text: &'static str,
    /// Byte range of each word, in sorted order.
    starts: Vec<(u32, u32)>,
}

impl WordList {
    /// Indexes a list of one word per line (`#` lines are comments).
    fn new(text: &'static str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 8);
        let mut offset = 0usize;
        for line in text.split_inclusive('\n') {
            let word = line.trim_end();
            if !word.is_empty() && !word.starts_with('#') {
                starts.push((offset as u32, (offset + word.len()) as u32));
            }
            offset += line.len();
        }
        let mut list = Self { text, starts };
        if !list.starts.windows(2).all(|w| list.word(w[0]) < list.word(w[1])) {
            let mut starts = std::mem::take(&mut list.starts);
            starts.sort_by(|&a, &b| list.word(a).cmp(list.word(b)));
            starts.dedup_by(|a, b| list.word(*a) == list.word(*b));
            list.starts = starts;
        }
        list
    }

    fn word(&self, (start, end): (u32, u32)) -> &'static str {
        &self.text[start as usize..end as usize]
    }

    /// True when `word` (already lower-case) is in the list.
    #[must_use]
    pub fn contains(&self, word: &str) -> bool {
        self.starts.binary_search_by(|&s| self.word(s).cmp(word)).is_ok()
    }

    /// How many words the list holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// True when the list is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }
}

/// Given names of many cultures, lower-case, with their ASCII folds.
pub static GIVEN_NAMES: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(include_str!("../../../data/names/given-names.txt")));

/// Family names of many cultures, lower-case, with their ASCII folds.
pub static SURNAMES: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(include_str!("../../../data/names/surnames.txt")));

/// Common English words, lower-case.
pub static COMMON_WORDS: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(include_str!("../../../data/names/common-words.txt")));

/// Words of conference notes that are never part of a person's name: technologies, products,
/// programme structure, weekdays, roles (this project's own list).
pub static NOT_NAME_WORDS: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(include_str!("../../../data/names/not-name-words.txt")));

/// What the lists say of one word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[expect(clippy::struct_excessive_bools, reason = "four independent list memberships, not a state")]
pub struct WordFacts {
    /// A given name.
    pub given: bool,
    /// A family name.
    pub surname: bool,
    /// A common English word.
    pub common: bool,
    /// A word that is never part of a name.
    pub never: bool,
}

/// English function words: never a given name, whatever a folded spelling says (`My` is not
/// Vietnamese `Mỹ` in `PyCon US. My first one…`).
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "all", "an", "and", "are", "as", "at", "be", "before", "but", "by", "do", "for", "from",
    "had", "has", "have", "he", "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "no",
    "not", "of", "on", "or", "our", "she", "so", "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "those", "to", "too", "up", "us", "was", "we", "were", "what", "when", "where", "which", "who",
    "why", "with", "you", "your",
];

/// Endings that family names of many languages share (`Stathopoulos`, `Kowalczyk`, `Sydorenko`,
/// `Abashidze`, `Lindqvist`, `Popescu`): a word the lists do not know, not an ordinary word, and
/// ending so, is taken for a family name.
const SURNAME_ENDINGS: &[&str] = &[
    "opoulos", "opoulou", "akis", "idis", "ides", "ov", "ova", "ev", "eva", "ski", "ska", "sky", "skaya", "wicz",
    "vich", "vic", "enko", "chuk", "czuk", "czyk", "iak", "shvili", "dze", "adze", "yan", "ian", "oglu", "sson", "sen",
    "dottir", "berg", "strom", "qvist", "quist", "lund", "dahl", "mann", "stein", "escu", "eanu", "moto", "mura",
    "yama", "kawa", "zaki", "saki", "hara", "uddin", "ullah", "wala", "appa", "akar", "ekar", "kar", "wati", "yanto",
];

fn surname_by_ending(folded: &str) -> bool {
    folded.len() >= 5 && SURNAME_ENDINGS.iter().any(|e| folded.len() > e.len() + 1 && folded.ends_with(e))
}

/// How many looked-up words each thread remembers before it starts afresh.
const REMEMBERED: usize = 1 << 16;

thread_local! {
    /// Words looked up already: notes name the same people and repeat the same words.
    static SEEN: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, WordFacts>> = std::cell::RefCell::default();
}

/// Looks a capitalised word up in every list, as written and folded to ASCII.
#[must_use]
pub fn facts(word: &str) -> WordFacts {
    if let Some(f) = SEEN.with(|seen| seen.borrow().get(word).copied()) {
        return f;
    }
    let f = look_up(word);
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if seen.len() >= REMEMBERED {
            seen.clear();
        }
        seen.insert(word.into(), f);
    });
    f
}

fn look_up(word: &str) -> WordFacts {
    let lower = word.to_lowercase();
    let lower = lower.trim_matches(|c: char| c == '.' || c == '\'' || c == '’');
    let folded = fold_to_ascii(lower);
    let either = |list: &WordList| list.contains(lower) || (folded != lower && list.contains(&folded));
    let function = FUNCTION_WORDS.contains(&lower);
    // `Benchmarks`, `Takeaways`, `Tuning`: an inflection of a common word is common too.
    let inflected = || {
        [("ies", "y"), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e")].iter().any(
            |(suffix, stem_end)| {
                lower
                    .strip_suffix(suffix)
                    .is_some_and(|stem| stem.len() >= 3 && COMMON_WORDS.contains(&format!("{stem}{stem_end}")))
            },
        )
    };
    let common = COMMON_WORDS.contains(lower) || function || inflected();
    WordFacts {
        given: either(&GIVEN_NAMES) && !function,
        surname: either(&SURNAMES) || !common && surname_by_ending(&folded),
        common,
        never: NOT_NAME_WORDS.contains(lower) || SHOUTED_NEVER.contains(&word),
    }
}

/// Words that are names in one case and programme words in capitals: `Ama Serwaa Owusu` is a
/// person, `AMA with the W3C folks` an ask-me-anything.
const SHOUTED_NEVER: &[&str] = &["AMA"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_sorted_and_large() {
        assert!(GIVEN_NAMES.len() > 20_000, "{}", GIVEN_NAMES.len());
        assert!(SURNAMES.len() > 20_000, "{}", SURNAMES.len());
        assert!(COMMON_WORDS.len() > 10_000, "{}", COMMON_WORDS.len());
        assert!(NOT_NAME_WORDS.len() > 100, "{}", NOT_NAME_WORDS.len());
    }

    #[test]
    fn given_names_of_many_cultures() {
        for name in [
            "ravi",
            "priya",
            "arjun",
            "wei",
            "jing",
            "minh",
            "huong",
            "oluwaseun",
            "chinedu",
            "kwame",
            "fatima",
            "youssef",
            "mehmet",
            "ingrid",
            "bjørn",
            "bjorn",
            "łukasz",
            "lukasz",
            "joão",
            "siobhán",
            "haruki",
            "andile",
            "nasim",
            "hynek",
        ] {
            assert!(facts(name).given, "{name}");
        }
        for word in ["query", "tuning", "alarms", "domain", "design"] {
            let f = facts(word);
            assert!(f.common && !f.given, "{word}: {f:?}");
        }
        assert!(facts("Kubernetes").never);
    }

    #[test]
    fn an_unsorted_list_is_sorted_on_load() {
        let list = WordList::new("# comment\nzed\nann\nbo\nann\n");
        assert_eq!(list.len(), 3);
        assert!(list.contains("ann") && list.contains("zed") && !list.contains("comment"));
    }
}
