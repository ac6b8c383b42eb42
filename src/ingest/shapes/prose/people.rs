//! Who a sentence names: runs of names, references to people met before (`Aiko`, `she`), and
//! the speakers nearest a title.

use super::{
    FxHashMap, NameRef, Sentence, Slot, char_boundary_from, full_name_runs, is_nickname, speaker_list, strip_possessive,
};

/// The full names a file has given so far, by their first word and by their last: who "Aiko"
/// or "Okafor" is (a surname two people share names neither).
///
/// Texts are learnt when someone is first looked up ([`Known::catch_up`]): most blocks of a file
/// never need to know who "Aiko" is, and finding names is the costly part.
#[derive(Debug, Default)]
pub(super) struct Known<'a> {
    pub(super) by_first: FxHashMap<String, String>,
    pub(super) by_last: FxHashMap<String, Option<String>>,
    /// What is told but not yet learnt, in the order it was told.
    pending: Vec<Told<'a>>,
}

/// Something [`Known`] is told: a text whose names are still to be found, or names found.
#[derive(Debug)]
enum Told<'a> {
    Text(&'a str),
    Runs(Vec<(usize, String)>),
}

impl<'a> Known<'a> {
    /// Will learn the full names of a text; a later one with the same first word wins.
    pub(super) fn learn(&mut self, text: &'a str) {
        self.pending.push(Told::Text(text));
    }

    /// Learns names already found ([`name_runs`]), after whatever was told before them.
    pub(super) fn learn_runs(&mut self, runs: Vec<(usize, String)>) {
        if self.pending.is_empty() {
            for (_, name) in runs {
                self.insert(name);
            }
        } else {
            self.pending.push(Told::Runs(runs));
        }
    }

    /// Learns everything told so far, in order.
    pub(super) fn catch_up(&mut self) {
        for told in std::mem::take(&mut self.pending) {
            let runs = match told {
                Told::Text(text) => name_runs(text),
                Told::Runs(runs) => runs,
            };
            for (_, name) in runs {
                self.insert(name);
            }
        }
    }

    pub(super) fn insert(&mut self, name: String) {
        if let (Some((first, _)), Some((_, last))) = (name.split_once(' '), name.rsplit_once(' ')) {
            if last.chars().count() >= 3 && last.starts_with(char::is_uppercase) {
                let entry = self.by_last.entry(last.to_owned()).or_insert_with(|| Some(name.clone()));
                if entry.as_ref().is_some_and(|known| *known != name) {
                    *entry = None;
                }
            }
            self.by_first.insert(first.to_owned(), name);
        }
    }

    pub(super) fn get(&self, word: &str) -> Option<&String> {
        self.by_first.get(word).or_else(|| self.by_last.get(word).and_then(Option::as_ref))
    }
}

/// Who a stretch of text refers to, by offset: full names, first names of people named before,
/// the author, pronouns.
#[derive(Debug, Clone)]
pub(super) enum Reference {
    Person(String),
    Author,
    Pronoun,
}

/// The full names of a text, by offset, quoted nicknames read through (`Ana "ace" Ortiz`).
pub(super) fn name_runs(text: &str) -> Vec<(usize, String)> {
    full_name_runs(&without_nicknames(text))
}

/// The text with quoted nicknames blanked out (same length), so `Ana "ace" Ortiz` is a name.
pub(super) fn without_nicknames(text: &str) -> std::borrow::Cow<'_, str> {
    let mut blanks: Vec<(usize, usize)> = Vec::new();
    let mut search = 0;
    while let Some(rel) = text[search..].find(['"', '“']) {
        let start = search + rel;
        let open_len = text[start..].chars().next().map_or(1, char::len_utf8);
        let Some(close_rel) = text[start + open_len..].find(['"', '”']) else { break };
        let close = start + open_len + close_rel;
        let close_len = text[close..].chars().next().map_or(1, char::len_utf8);
        let end = close + close_len;
        if is_nickname(text, start, end) {
            blanks.push((start, end));
        }
        search = end;
    }
    if blanks.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    for (start, end) in blanks {
        bytes[start..end].fill(b' ');
    }
    // Whole characters were blanked, so the bytes are still UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned()))
}

/// The top-level `( … )` stretches of a text, in order (an unclosed one runs to the end).
pub(super) fn paren_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut open = 0;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'(' => {
                if depth == 0 {
                    open = i;
                }
                depth += 1;
            }
            b')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push((open, i + 1));
                }
            }
            _ => {}
        }
    }
    if depth > 0 {
        out.push((open, text.len()));
    }
    out
}

/// Everyone a block refers to, by offset: full names, handles, pronouns, the author, and first
/// names of people named before (earlier in the block, else earlier in the file). One pass.
pub(super) fn references(text: &str, runs: &[(usize, String)], known: &mut Known<'_>) -> Vec<(usize, Reference)> {
    known.catch_up();
    // Names inside parentheses are affiliations or credits, not who the sentence is about.
    let parens = paren_ranges(text);
    let in_parens = |o: usize| {
        let k = parens.partition_point(|&(start, _)| start <= o);
        k > 0 && o < parens[k - 1].1
    };
    let handle_of_name = |o: usize| {
        let k = parens.partition_point(|&(start, _)| start <= o);
        k > 0 && o < parens[k - 1].1 && {
            let before = text[..parens[k - 1].0].trim_end();
            runs.iter()
                .any(|(ro, n)| *ro < before.len() && n.split(' ').next_back().is_some_and(|w| before.ends_with(w)))
        }
    };
    let runs: Vec<&(usize, String)> = runs.iter().filter(|(o, _)| !in_parens(*o)).collect();
    let mut refs: Vec<(usize, Reference)> = runs.iter().map(|(o, n)| (*o, Reference::Person(n.clone()))).collect();
    let mut local = Known::default();
    let mut next_run = 0;
    let mut pos = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        while next_run < runs.len() && runs[next_run].0 < pos {
            local.insert(runs[next_run].1.clone());
            next_run += 1;
        }
        let w = word.trim().trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '@');
        let bare = strip_possessive(w);
        match bare {
            "I" | "my" | "My" | "me" | "we" | "We" | "our" | "Our" => refs.push((pos, Reference::Author)),
            "he" | "He" | "she" | "She" | "his" | "His" | "her" | "Her" | "they" | "They" | "their" | "Their"
            | "him" => {
                refs.push((pos, Reference::Pronoun));
            }
            // `Marthe Lindqvist (@marthe_l)`: a handle in brackets after a name is that person's.
            _ if bare.starts_with('@') && bare.len() > 2 && !handle_of_name(pos) => {
                refs.push((pos, Reference::Person(bare.to_owned())));
            }
            _ => {
                let k = runs.partition_point(|(o, _)| *o <= pos);
                let covered = k > 0 && pos < runs[k - 1].0 + runs[k - 1].1.len();
                if !covered && bare.chars().next().is_some_and(char::is_uppercase) && !in_parens(pos) {
                    if let Some(full) = local.get(bare).or_else(|| known.get(bare)) {
                        refs.push((pos, Reference::Person(full.clone())));
                    } else if single_name_before_title(text, pos, word, bare) {
                        refs.push((pos, Reference::Person(bare.to_owned())));
                    }
                }
            }
        }
        pos += word.len();
    }
    refs.sort_by_key(|(o, _)| *o);
    refs
}

/// `Chioma's "YAML Is a Programming Language Now"`: a given name alone, possessive, right before
/// a quoted title, is the one person the notes call by that name.
pub(super) fn single_name_before_title(text: &str, pos: usize, word: &str, bare: &str) -> bool {
    let w = word.trim_end();
    (w.ends_with("'s") || w.ends_with("’s")) && text[pos + word.len()..].starts_with(['"', '“', '‘']) && {
        let f = crate::ingest::names::lexicon::facts(&bare.to_lowercase());
        f.given && !f.common && !f.never
    }
}

/// The person a reference at `idx` stands for: a name, or the name a pronoun refers back to.
pub(super) fn resolve(refs: &[(usize, Reference)], idx: usize) -> Option<String> {
    match &refs[idx].1 {
        Reference::Person(n) => Some(n.clone()),
        Reference::Author => None,
        Reference::Pronoun => refs[..idx].iter().rev().find_map(|(_, r)| match r {
            Reference::Person(n) => Some(n.clone()),
            _ => None,
        }),
    }
}

/// The names right after a title: `"T" by A and B`, `"T" (A)`.
pub(super) fn names_after(rest: &str) -> Option<Vec<NameRef>> {
    let rest = &rest[..char_boundary_from(rest, 300)];
    let after_dash = rest.trim_start().starts_with(['—', '–']);
    let r = rest.trim_start().trim_start_matches([',', '—', '–', '-']).trim_start();
    // `"Reproducible Builds in Anger" — Pieter de Vries, who maintains …`
    if after_dash {
        let cut = r.find([',', '.', ';', '(']).unwrap_or(r.len());
        if let Some(names) = speaker_list(&r[..cut], Slot::Phrase) {
            return Some(names);
        }
    }
    let r = r.strip_prefix("by ").or_else(|| r.strip_prefix("from ")).or_else(|| r.strip_prefix("with "))?;
    let cut = r.find(['.', ';', '—', '–']).unwrap_or(r.len());
    let mut words: Vec<&str> = r[..cut].split_whitespace().collect();
    while !words.is_empty() {
        let candidate = words.join(" ");
        if let Some(names) = speaker_list(candidate.trim_end_matches(','), Slot::Phrase) {
            return Some(names);
        }
        words.pop();
    }
    None
}

/// `…, moderated by Eleni Markou.` right after a title: the panel's moderator, who joins the
/// people the sentence names before the title.
pub(super) fn moderator_after(rest: &str) -> Option<NameRef> {
    let r = rest.trim_start_matches(['"', '”', '’', '\'', '*', '_']).trim_start();
    let r = r.trim_start_matches([',', '—', '–']).trim_start();
    let r = super::MODERATED_BY.iter().find_map(|m| r.strip_prefix(m))?;
    let cut = r.find(['.', ';', ',', '—', '–', '(']).unwrap_or(r.len());
    let mut names = speaker_list(r[..cut].trim(), Slot::Phrase)?;
    (names.len() == 1).then(|| names.remove(0))
}

/// [`names_after`], or names in brackets right after the title (`"Runbooks as Code" (Lindiwe
/// Zulu)`): who gave a talk the sentence already tells of (a book is credited the same way).
pub(super) fn speakers_after(rest: &str) -> Option<Vec<NameRef>> {
    names_after(rest).or_else(|| {
        let r = rest.trim_start();
        let inner = r.strip_prefix('(').and_then(|b| b.split_once(')')).map(|(inner, _)| inner)?;
        speaker_list(inner, Slot::Phrase)
    })
}

/// The full names of a stretch in order, without those inside `skip` ranges.
pub(super) fn names_in(refs: &[(usize, Reference)], from: usize, to: usize) -> Vec<(usize, String)> {
    refs.iter()
        .enumerate()
        .filter(|(_, (o, _))| *o >= from && *o < to)
        .filter_map(|(i, (o, _))| resolve(refs, i).map(|n| (*o, n)))
        .collect()
}

/// `Leilani Kahale & Diego Fernández-Soto (@dfsoto) with "…"`: the people joined by `&` or `and`
/// to the person credited with a title, named just before them in the sentence (or, when the
/// credited one is named after the title, just after them): those before, those after.
pub(super) fn partners(
    here: &Sentence<'_>,
    refs: &[(usize, Reference)],
    name: &str,
    title_start: usize,
) -> (Vec<NameRef>, Vec<NameRef>) {
    let s = here.start;
    let in_sentence: Vec<(usize, &str)> = refs
        .iter()
        .filter(|(o, _)| *o >= s && *o < s + title_start)
        .filter_map(|(o, r)| match r {
            Reference::Person(n) => Some((*o - s, n.as_str())),
            _ => None,
        })
        .collect();
    let Some(mut k) = in_sentence.iter().rposition(|(_, n)| *n == name) else {
        return (Vec::new(), partners_after(here, refs, name, title_start));
    };
    let mut out = Vec::new();
    while k > 0 {
        let (prev_at, prev) = in_sentence[k - 1];
        let between = here.text.get(prev_at + prev.len()..in_sentence[k].0).unwrap_or_default().trim();
        if !matches!(between, "&" | "and" | "," | "+") {
            break;
        }
        out.insert(0, NameRef::named(prev.to_owned()));
        k -= 1;
    }
    (out, Vec::new())
}

/// `In "Credit Scores from Satellite Images", Priya Raghunathan and Kofi Mensah-Bonsu argued…`:
/// the people joined by `and`, `&` or a comma right after the one credited after the title.
fn partners_after(here: &Sentence<'_>, refs: &[(usize, Reference)], name: &str, title_start: usize) -> Vec<NameRef> {
    let s = here.start;
    let after: Vec<(usize, &str)> = refs
        .iter()
        .filter(|(o, _)| *o >= s + title_start && *o < s + here.text.len())
        .filter_map(|(o, r)| match r {
            Reference::Person(n) => Some((*o - s, n.as_str())),
            _ => None,
        })
        .collect();
    let Some(mut k) = after.iter().position(|(_, n)| *n == name) else { return Vec::new() };
    let mut out = Vec::new();
    let mut anded = false;
    while k + 1 < after.len() {
        let (at, who) = after[k];
        let between = here.text.get(at + who.len()..after[k + 1].0).unwrap_or_default().trim();
        let (next_at, next) = after[k + 1];
        // (`Ben Okafor, Tomás Ruiz's old boss, argued`: a possessive is no partner.)
        let possessive =
            here.text.get(next_at + next.len()..).is_some_and(|r| r.starts_with("'s") || r.starts_with("’s"));
        if !matches!(between, "&" | "and" | "," | "+" | ", and") || possessive {
            break;
        }
        anded |= between != ",";
        out.push(NameRef::named(next.to_owned()));
        k += 1;
    }
    // (A list of people ends in `and`; names set off by commas alone are asides.)
    if anded { out } else { Vec::new() }
}

/// The person nearest before `pos` in the sentence (a pronoun resolved), else the first named
/// after the title (`In "T", Ana showed…`); the author is nobody.
pub(super) fn nearest(
    refs: &[(usize, Reference)],
    pos: usize,
    sentence_start: usize,
    title_end: usize,
    sentence_end: usize,
) -> Option<String> {
    if let Some(idx) = refs.iter().rposition(|(o, _)| *o < pos) {
        let in_sentence = refs[idx].0 >= sentence_start;
        if let Some(name) = resolve(refs, idx) {
            if in_sentence
                || matches!(refs[idx].1, Reference::Pronoun)
                || refs[idx + 1..].iter().all(|(o, _)| *o >= pos) && !has_after(refs, title_end, sentence_end)
            {
                return Some(name);
            }
        } else if in_sentence && matches!(refs[idx].1, Reference::Author) {
            return None;
        }
    }
    refs.iter().enumerate().find(|(_, (o, _))| *o >= title_end && *o < sentence_end).and_then(|(i, _)| resolve(refs, i))
}

pub(super) fn has_after(refs: &[(usize, Reference)], from: usize, to: usize) -> bool {
    refs.iter().any(|(o, r)| *o >= from && *o < to && matches!(r, Reference::Person(_)))
}
