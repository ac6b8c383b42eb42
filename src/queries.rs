//! The named SPARQL queries of `queries/`, built into the binary (see `build.rs`).

include!(concat!(env!("OUT_DIR"), "/named_queries.rs"));

/// The text of a named query.
#[must_use]
pub fn named(name: &str) -> Option<&'static str> {
    NAMED_QUERIES.iter().find(|(n, _)| *n == name).map(|(_, q)| *q)
}

/// What a named query answers, without its name: its description after `NAME: `.
#[must_use]
pub fn summary(name: &str, text: &str) -> String {
    let described = description(text);
    described.strip_prefix(&format!("{name}: ")).map_or_else(|| described.clone(), str::to_owned)
}

/// What a query answers: its leading `#` comment lines, joined.
#[must_use]
pub fn description(text: &str) -> String {
    text.lines()
        .take_while(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
