//! The groups forms are merged into: a union-find that records each merge's evidence, keeps the
//! near-misses, and honours `confgraph.toml` `different` groups.

use std::collections::{BTreeMap, BTreeSet};

use super::Overrides;
use super::evidence::{Apart, Evidence, NearMiss};
use super::forms::FormIndex;

/// A small union-find over form indexes; the root is the smallest index, so merges are stable.
#[derive(Debug)]
pub struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    /// Every form in a group of its own.
    #[must_use]
    pub fn new(len: usize) -> Self {
        Self { parent: (0..len).collect() }
    }

    /// The group's representative.
    pub fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Joins two groups; false when they were one already.
    pub fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb {
            return false;
        }
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[hi] = lo;
        true
    }
}

/// What the rules write to: the groups, each merge's evidence and the pairs kept apart.
pub struct Merger<'i, 'm> {
    /// The forms merged.
    pub forms: &'i FormIndex<'m>,
    /// The groups so far.
    pub groups: Groups,
    /// Evidence by the form that took part in the merge.
    pub evidence: BTreeMap<usize, BTreeSet<Evidence>>,
    /// Pairs kept apart.
    pub near_misses: BTreeSet<NearMiss>,
    different: Vec<BTreeSet<usize>>,
}

impl<'i, 'm> Merger<'i, 'm> {
    /// No merges yet; `different` groups from the overrides block merges between their names.
    #[must_use]
    pub fn new(forms: &'i FormIndex<'m>, overrides: &Overrides) -> Self {
        let different = overrides.different.iter().map(|g| g.iter().filter_map(|n| forms.find(n)).collect()).collect();
        Self {
            forms,
            groups: Groups::new(forms.forms.len()),
            evidence: BTreeMap::new(),
            near_misses: BTreeSet::new(),
            different,
        }
    }

    /// Merges two forms' groups for this reason, unless the user said they are different people.
    pub fn merge(&mut self, a: usize, b: usize, why: Evidence) {
        if self.blocked(a, b) {
            self.keep_apart(a, b, Apart::UserDifferent(Box::new(why)));
        } else if self.groups.union(a, b) {
            self.evidence.entry(a).or_default().insert(why);
        }
    }

    /// Records that a rule looked at two forms and left them apart.
    pub fn keep_apart(&mut self, a: usize, b: usize, reason: Apart) {
        let shown = |i: usize| self.forms.forms[i].shown().to_owned();
        self.near_misses.insert(NearMiss { a: shown(a), b: shown(b), reason });
    }

    /// The current group of a form.
    pub fn root(&mut self, i: usize) -> usize {
        self.groups.root(i)
    }

    fn blocked(&mut self, a: usize, b: usize) -> bool {
        if self.different.is_empty() {
            return false;
        }
        let (ra, rb) = (self.groups.root(a), self.groups.root(b));
        let (ma, mb) = (self.members(ra), self.members(rb));
        self.different.iter().any(|d| !d.is_disjoint(&ma) && !d.is_disjoint(&mb))
    }

    fn members(&mut self, root: usize) -> BTreeSet<usize> {
        (0..self.forms.forms.len()).filter(|&i| self.groups.root(i) == root).collect()
    }
}
