//! The pattern a file repeats: notes usually write every talk the same way, so the way most of a
//! group of heads reads (a list's items, the time lines of a day, the headings of one level)
//! tells how to read the rest, names nobody has heard of included.
//!
//! Owns inferring a group's pattern from the readings of its heads ([`super::forms`]) and reading
//! each head by it. A head that fits the pattern takes its speakers from the pattern's name slot
//! even when the names are unknown (`Xochitl Quetzalli`, `Emeka`); a head that does not fit is
//! read on its own, with the stricter judgement of names a lone reading needs.

use std::cell::OnceCell;
use std::collections::BTreeMap;

use super::forms::{Head, Reading, readings, title_only};
use super::names::speakers::Slot;

/// The pattern of a group of heads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pattern {
    /// The reading key most heads share (`Title — Speaker`), when one is shared enough.
    pub key: Option<String>,
    /// How many heads read that way on their own.
    pub support: usize,
    /// How many heads the group has.
    pub members: usize,
    /// Held only for names of two words or more with no ordinary word in them, or known given
    /// names (see [`Group::or_plain_names`]): `## Lagos: Hotels Booked Out` names no one.
    pub plain_names: bool,
}

impl Pattern {
    /// True when the group repeats a title-and-speaker pattern.
    #[must_use]
    pub fn holds(&self) -> bool {
        self.key.is_some()
    }
}

/// A group of heads read together: each head's own readings, and the group's pattern.
#[derive(Debug, Clone)]
pub struct Group<'h> {
    heads: &'h [Head],
    /// Each head's readings with likely names only, best first.
    lone: Vec<Vec<Reading>>,
    /// Each head's readings with any name its slot allows, read when first asked for.
    stated: Vec<OnceCell<Vec<Reading>>>,
    /// The pattern the group repeats.
    pub pattern: Pattern,
    /// Many heads read as talks on their own, each its own way perhaps: a journal's list mixing
    /// `Title / Speaker`, `Speaker, Title` and `kn: Speaker — "Title"`.
    mixed: bool,
    /// The forms those heads are written in.
    keys: Vec<String>,
    /// How many heads read as talks on their own.
    talks: usize,
}

impl<'h> Group<'h> {
    /// Reads every head of a group once and infers its pattern.
    ///
    /// # Examples
    ///
    /// ```
    /// use confgraph::ingest::forms::Head;
    /// use confgraph::ingest::pattern::Group;
    ///
    /// let heads: Vec<Head> = ["Fearless FFI - Ana Ortiz", "Zero-Copy Parsing - Kwame Mensah", "Async Drop - Xochitl Quetzalli"]
    ///     .into_iter().map(Head::plain).collect();
    /// let group = Group::new(&heads);
    /// assert_eq!(group.pattern.key.as_deref(), Some("Title — Speaker"));
    /// assert_eq!(group.read(2).speakers[0].name, "Xochitl Quetzalli");
    /// ```
    #[must_use]
    pub fn new(heads: &'h [Head]) -> Self {
        let lone: Vec<Vec<Reading>> = heads.iter().map(|h| readings(h, Slot::Guessed)).collect();
        let pattern = infer_from(&lone);
        let talk_of = |found: &Vec<Reading>| found.iter().find(|r| r.score >= 2 && !r.speakers.is_empty()).cloned();
        let talks: Vec<Reading> = lone.iter().filter_map(talk_of).collect();
        let mixed = talks.len() >= 3 && talks.len() * 100 >= heads.len() * 15;
        let count = talks.len();
        let mut keys: Vec<String> = talks.into_iter().map(|r| r.key).collect();
        keys.sort();
        keys.dedup();
        let stated = heads.iter().map(|_| OnceCell::new()).collect();
        Self { heads, lone, stated, pattern, mixed, keys, talks: count }
    }

    /// The group with the key of its one known-name head when enough others fit it with names
    /// nobody has heard of (see [`plain_names_fit`]); for headings, which name speakers one to a
    /// heading, not for lists, whose items mix more forms.
    #[must_use]
    pub fn or_plain_names(mut self) -> Self {
        if self.pattern.key.is_none()
            && let Some(p) = self.plain_names_fit()
        {
            self.pattern = p;
        }
        self
    }

    /// The group with `pattern` when it found none of its own: a few headings under one parent
    /// (`### Bram de Wit: Zines`, `### Ilse: Backlogs` under `## Lightning Talks`) are written
    /// the way the file's other talk headings are.
    #[must_use]
    pub fn or_pattern(mut self, pattern: Option<&Pattern>) -> Self {
        // (Only when one of the group's own heads already reads that way, however weakly:
        // `## Venue: Lisbon` alone is not made a talk by the file's `Speaker: Title` headings.)
        let own = |key: &String| {
            (0..self.heads.len()).any(|i| self.stated(i).iter().any(|r| &r.key == key && !r.speakers.is_empty()))
        };
        if self.pattern.key.is_none()
            && let Some(p) = pattern.filter(|p| p.key.as_ref().is_some_and(own))
        {
            self.pattern =
                Pattern { key: p.key.clone(), support: 0, members: self.heads.len(), plain_names: p.plain_names };
        }
        self
    }

    /// Reads head `i` by the group's pattern, or on its own when it does not fit.
    #[must_use]
    pub fn read(&self, i: usize) -> Reading {
        let head = &self.heads[i];
        let lone = self.lone[i].iter().find(|r| r.score >= 2 && !r.speakers.is_empty());
        if let Some(r) = lone.filter(|r| r.score >= 4) {
            return r.clone();
        }
        if let Some(key) = &self.pattern.key
            && let Some(r) = self.stated(i).iter().find(|r| {
                &r.key == key
                    && r.score > -3
                    && (!self.pattern.plain_names || r.speakers.iter().all(|n| name_like(&n.name)))
            })
        {
            return r.clone();
        }
        // In a mixed list of talks, a head may name someone nobody has heard of in a weaker form
        // (`Lenses for the Rest of Us, Willemijn van Rooij`): plain full names and a title-cased
        // title only (`Borrowed a charger, Willemijn van Rooij` is a note).
        // So may one in a form the group's talks are written in, with names nobody has heard of
        // (`## Welcome & Land Acknowledgement — Aperahama Kingi` among `## Nomvula Dlamini: …` and
        // `## Panel: … — Rivka Adler (mod), …`).
        // (A head typed without capitals, `kn: aroha ngata - observability is a team sport`, has
        // no title case to show.)
        let lower_case = !head.text.chars().any(char::is_uppercase);
        let plain = |r: &Reading| {
            (lower_case
                || super::text::is_title_case(&r.title)
                    && r.title.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
                && r.title.contains(' ')
                && !r.speakers.is_empty()
                && r.speakers.iter().all(|n| n.name.contains(' ') && plain_full_name(&n.name))
        };
        let weaker = || {
            if !self.mixed {
                return None;
            }
            // (Names nobody has heard of in another head's form only among four talks or
            // more: a diary's `## Cheap Flights Home — Norse Atlantic` names no one.)
            self.lone[i].iter().find(|r| r.score >= 0 && plain(r)).cloned().or_else(|| {
                self.stated(i).iter().find(|r| self.talks >= 4 && self.keys.contains(&r.key) && plain(r)).cloned()
            })
        };
        lone.cloned().or_else(weaker).unwrap_or_else(|| title_only(head))
    }

    /// Headings that name speakers nobody has heard of (`## Enkhjargal Batbayar: Shipping Software
    /// …`) among one whose name is known (`## Adéọlá Ọládìpọ̀: Plurals …`): the known one's key holds
    /// when three heads in ten or more read that way with a name slot of two capitalised words or
    /// more none of which is an ordinary word and a title that opens with a capital (`## Food:
    /// pintxos ranking` and `Ingrid: a factory floor doesn't flood` are not).
    fn plain_names_fit(&self) -> Option<Pattern> {
        let heads = self.heads;
        let (key, support) = best_key(&self.lone)?;
        let fits = |i: usize| {
            self.stated(i).iter().any(|r| {
                r.key == key
                    && r.title.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    && !r.speakers.is_empty()
                    && r.speakers.iter().all(|n| plain_full_name(&n.name))
            })
        };
        let fitting = (0..heads.len()).filter(|&i| fits(i)).count();
        (support >= 1 && fitting >= 3 && fitting * 10 >= heads.len() * 3).then_some(Pattern {
            key: Some(key),
            support: fitting,
            members: heads.len(),
            plain_names: true,
        })
    }

    /// Head `i`'s readings with any name its slot allows ([`Slot::Stated`]), read once.
    fn stated(&self, i: usize) -> &[Reading] {
        self.stated[i].get_or_init(|| readings(&self.heads[i], Slot::Stated))
    }

    /// True when head `i` reads the group's way.
    #[must_use]
    pub fn fits(&self, reading: &Reading) -> bool {
        self.pattern.key.as_ref() == Some(&reading.key)
    }
}

/// What a plain-names pattern reads as a name: a known given name alone, or words the name judge
/// does not rule out (`Sun-hee Park`, whose family name is an ordinary word).
fn name_like(name: &str) -> bool {
    if name.contains(' ') {
        return super::names::judge::judge(name).likeness >= super::names::judge::Likeness::Weak;
    }
    known_given(name)
}

/// A known given name that is no ordinary word (`Ngozi`; not `Lagos`).
fn known_given(word: &str) -> bool {
    let f = super::names::lexicon::facts(word);
    f.given && !f.common && !f.never
}

/// Two words or more, each capitalised and no ordinary word (particles aside, and a given name
/// first), or one known given name: `Killa Mamani Quispe`, `Faith Okonkwo`, `Ngozi`, not
/// `Nairobi Office`, `Baker Street` or `Lagos`.
fn plain_full_name(name: &str) -> bool {
    // (A given name that is also a word may open it: `Faith Okonkwo`, not `Baker Street`.)
    (name.contains(' ') || known_given(name))
        && name.split(' ').enumerate().all(|(k, w)| {
            let f = super::names::lexicon::facts(w);
            let plain = !f.common || k == 0 && f.given && name.contains(' ');
            w.starts_with(char::is_uppercase) && plain && !f.never || super::names::judge::is_particle(w)
        })
}

/// The key most heads read by on their own, and how many.
fn best_key(lone: &[Vec<Reading>]) -> Option<(String, usize)> {
    let mut support: BTreeMap<&str, (usize, i32)> = BTreeMap::new();
    for found in lone {
        let mut seen: Vec<&str> = Vec::new();
        for r in found.iter().filter(|r| r.score >= 2 && !r.speakers.is_empty()) {
            if seen.contains(&r.key.as_str()) {
                continue;
            }
            seen.push(&r.key);
            let entry = support.entry(&r.key).or_default();
            entry.0 += 1;
            entry.1 += r.score;
        }
    }
    let best = support.into_iter().max_by(|a, b| (a.1.0, a.1.1).cmp(&(b.1.0, b.1.1)).then_with(|| b.0.cmp(a.0)));
    best.map(|(key, (n, _))| (key.to_owned(), n))
}

/// The key most heads share, from each head's lone readings.
fn infer_from(lone: &[Vec<Reading>]) -> Pattern {
    let members = lone.len();
    match best_key(lone) {
        Some((key, n)) if n >= 2 && n * 10 >= members * 3 => {
            Pattern { key: Some(key), support: n, members, plain_names: false }
        }
        _ => Pattern { key: None, support: 0, members, plain_names: false },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heads(lines: &[&str]) -> Vec<Head> {
        lines.iter().map(|l| Head::plain(l)).collect()
    }

    #[test]
    fn the_side_of_the_names_is_read_from_the_group() {
        let group = heads(&[
            "Ana Ortiz: Fearless FFI",
            "Kwame Mensah: Zero-Copy Parsing",
            "Emeka: why we moved off Jenkins",
            "Helm: Still Here, Still Fine",
        ]);
        let g = Group::new(&group);
        assert_eq!(g.pattern.key.as_deref(), Some("Speaker: Title"));
        assert_eq!(g.read(2).speakers[0].name, "Emeka");
        // Position alone does not make a product a person.
        assert!(g.read(3).speakers.is_empty());
    }

    #[test]
    fn unknown_names_follow_a_known_one_where_most_heads_fit() {
        let group = heads(&[
            "Logistics: getting there",
            "Adéọlá Ọládìpọ̀: Plurals Are a Human Right",
            "Enkhjargal Batbayar: Shipping Software in Mongolian Script",
            "Killa Mamani Quispe: Quechua Keyboards on Every Phone",
            "Food: pintxos ranking",
            "Day 2",
        ]);
        assert!(!Group::new(&group).pattern.holds(), "one known name is not a pattern on its own");
        let g = Group::new(&group).or_plain_names();
        assert_eq!(g.pattern.key.as_deref(), Some("Speaker: Title"));
        assert_eq!(g.read(3).speakers[0].name, "Killa Mamani Quispe");
        assert!(g.read(4).speakers.is_empty(), "an ordinary word names no one");
        let places = heads(&[
            "Adéọlá Ọládìpọ̀: Plurals Are a Human Right",
            "Enkhjargal Batbayar: Shipping Software in Mongolian Script",
            "Killa Mamani Quispe: Quechua Keyboards on Every Phone",
            "Lagos: Hotels Booked Out",
        ]);
        let g = Group::new(&places).or_plain_names();
        assert!(g.pattern.holds() && g.read(3).speakers.is_empty(), "one word before the colon names no one here");
    }

    #[test]
    fn a_mixed_list_of_talks_takes_plain_full_names_in_weaker_forms() {
        let mixed = heads(&[
            "kn: Eoin Ó Faoláin — \"Types Are Cheaper Than Tests\"",
            "Free Monads in Anger / Tiago Nakamura",
            "lunch",
            "Phạm Quốc Bảo — Haskell at a Bank",
            "Lenses for the Rest of Us, Willemijn van Rooij",
        ]);
        let g = Group::new(&mixed);
        assert_eq!(g.read(4).speakers[0].name, "Willemijn van Rooij");
        // Alone, the weaker form does not make a talk.
        let alone = heads(&["Lenses for the Rest of Us, Willemijn van Rooij", "lunch"]);
        assert!(Group::new(&alone).read(0).speakers.is_empty());
    }

    #[test]
    fn headings_in_two_forms_among_topic_headings_name_unknown_speakers() {
        let group = heads(&[
            "Welcome & Land Acknowledgement — Aperahama Kingi",
            "Venue — great",
            "Nomvula Dlamini: When the Pager Is a Person",
            "Hiring: still hard",
            "Saule Tulegenova: Error Budgets for Bedside Monitors",
            "Tomáš Hrdlička & Ayodele Ogunleye: EHR Failover at 3 A.M.",
            "Baker Street Clinic: a Postmortem — Chanthira Wongsakul",
            "Panel: Who Gets Paged? — Rivka Adler (mod), Joy Mwangi, Manpreet Gill",
            "Coffee: terrible",
            "Hallway: Lior Ben-Ami on on-call pay",
            "Shira Katz-Levy: Incident Reviews Without Blame",
        ]);
        let g = Group::new(&group);
        let who = |i: usize| g.read(i).speakers.iter().map(|n| n.name.clone()).collect::<Vec<_>>();
        assert_eq!(who(0), ["Aperahama Kingi"]);
        assert_eq!(who(4), ["Saule Tulegenova"]);
        assert_eq!(who(6), ["Chanthira Wongsakul"]);
        for topic in [1, 3, 8, 9] {
            assert!(who(topic).is_empty(), "{:?}", group[topic].text);
        }
        // Among three talks only, a place after a dash names no one.
        let diary = heads(&[
            "Nomvula Dlamini: When the Pager Is a Person",
            "Tomáš Hrdlička & Ayodele Ogunleye: EHR Failover at 3 A.M.",
            "Panel: Who Gets Paged? — Rivka Adler (mod), Joy Mwangi, Manpreet Gill",
            "Cheap Flights Home — Norse Atlantic",
            "Packing List",
        ]);
        assert!(Group::new(&diary).read(3).speakers.is_empty());
    }

    #[test]
    fn a_lone_head_needs_likely_names() {
        let group = heads(&["Registration", "Lunch", "Grace Under Pressure - Lobby"]);
        let g = Group::new(&group);
        assert!(!g.pattern.holds());
        assert!(g.read(2).speakers.is_empty());
    }
}
