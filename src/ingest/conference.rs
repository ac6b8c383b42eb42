//! Naming conferences: the series and year in a file's header, and conference names in prose.
//!
//! Owns the table of known series spellings (`Pycascades` → `PyCascades`, an unqualified `PyCon` →
//! `PyCon US`) and the rules that read `PyCon 2019 in Cleveland, Ohio` as series, year and location.
//! Series it does not know keep the spelling the notes give.

use std::sync::LazyLock;

use regex::Regex;

/// Canonical series names and the spellings that mean them (matched case-insensitively,
/// longest first). `PyCon` alone is `PyCon US`: the US conference was plain `PyCon` for years.
const KNOWN_SERIES: &[(&str, &[&str])] = &[
    ("PyCon US", &["pycon us", "pycon usa", "pycon"]),
    ("PyCascades", &["pycascades", "py cascades"]),
    ("PyTexas", &["pytexas", "py texas"]),
    ("PyGotham", &["pygotham"]),
    ("PyOhio", &["pyohio"]),
    ("PyBay", &["pybay"]),
    ("PyCon UK", &["pycon uk"]),
    ("PyCon AU", &["pycon au", "pycon australia"]),
    ("PyCon JP", &["pycon jp"]),
    ("PyCon APAC", &["pycon apac"]),
    ("PyCon Africa", &["pycon africa"]),
    ("PyCon Italia", &["pycon italia"]),
    ("PyCon DE", &["pycon de", "pycon.de"]),
    ("PyCon Canada", &["pycon canada", "pycon ca"]),
    ("PyCon Colombia", &["pycon colombia"]),
    ("EuroPython", &["europython"]),
    ("EuroSciPy", &["euroscipy"]),
    ("SciPy", &["scipy conference", "scipy"]),
    ("PyData Global", &["pydata global"]),
    ("DjangoCon US", &["djangocon us", "djangocon"]),
    ("DjangoCon Europe", &["djangocon europe", "djangocon eu"]),
    ("DjangoCon Africa", &["djangocon africa"]),
    ("North Bay Python", &["north bay python", "northbay python"]),
    ("PyLondinium", &["pylondinium"]),
    ("PyCaribbean", &["pycaribbean"]),
    ("Kiwi PyCon", &["kiwi pycon"]),
];

/// Words that may stand before the series in a header and are not part of it.
const HEADER_FILLER: &[&str] = &[
    "my",
    "notes",
    "from",
    "on",
    "at",
    "the",
    "recap",
    "of",
    "trip",
    "report",
    "a",
    "review",
    "talk",
    "talks",
    "schedule",
    "program",
    "programme",
    "day",
    "to",
    "for",
    "and",
];

/// A conference edition named somewhere in the notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConferenceName {
    /// Canonical series.
    pub series: String,
    /// Year, if written beside it.
    pub year: Option<u16>,
    /// Location, when the header says `in City, Region`.
    pub location: Option<String>,
}

static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(19[89]\d|20\d\d)\b").expect("valid regex"));

/// The canonical spelling of a known series, matching all of `name`.
#[must_use]
pub fn canonical_series(name: &str) -> Option<&'static str> {
    let lower = name.trim().to_lowercase();
    KNOWN_SERIES.iter().find(|(_, spellings)| spellings.contains(&lower.as_str())).map(|(canon, _)| *canon)
}

/// Reads a header such as `Pycascades 2025`, `PyCon 2019 in Cleveland, Ohio` or
/// `PyCon US 2024 Recap`. `None` when there is no year or nothing before it reads as a series.
#[must_use]
pub fn parse_header(header: &str) -> Option<ConferenceName> {
    let m = YEAR.find(header)?;
    let year: u16 = m.as_str().parse().ok()?;
    let before = header[..m.start()].trim().trim_end_matches([':', '-', '–', '—', ',']).trim();
    let series = series_in_header(before)?;
    let after = header[m.end()..].trim();
    let location = after
        .strip_prefix("in ")
        .map(|loc| loc.trim().trim_end_matches(['.', '!']).trim().to_owned())
        .filter(|loc| !loc.is_empty() && loc.chars().next().is_some_and(char::is_uppercase));
    Some(ConferenceName { series, year: Some(year), location })
}

fn series_in_header(before: &str) -> Option<String> {
    let words: Vec<&str> = before.split_whitespace().collect();
    // The longest known series ending the text before the year wins.
    for start in 0..words.len() {
        if let Some(canon) = canonical_series(&words[start..].join(" ")) {
            return Some(canon.to_owned());
        }
    }
    let first_kept = words.iter().position(|w| !HEADER_FILLER.contains(&w.to_lowercase().as_str()))?;
    let kept = &words[first_kept..];
    let ok = (1..=5).contains(&kept.len())
        && kept[0].chars().next().is_some_and(char::is_uppercase)
        && kept.iter().all(|w| w.chars().all(|c| c.is_alphanumeric() || "-.'&".contains(c)));
    ok.then(|| kept.join(" "))
}

static PROSE_CONFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    let mut spellings: Vec<&str> = KNOWN_SERIES.iter().flat_map(|(_, s)| s.iter().copied()).collect();
    spellings.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let known = spellings.iter().map(|s| regex::escape(s).replace(' ', r"\s+")).collect::<Vec<_>>().join("|");
    // Known series, with or without a year; unknown `…Con`/`Py…` names only with a year.
    Regex::new(&format!(
        r"(?i:\b(?P<known>{known})\b)(?:\s+(?:US|EU|UK))?(?:\s+(?P<kyear>(?:19|20)\d\d)\b)?|\b(?P<other>(?:[A-Z][A-Za-z]*Con|Py[A-Z][a-z]+)(?:\s+(?:US|EU|UK|Europe|Africa|Asia))?)\s+(?P<oyear>(?:19|20)\d\d)\b"
    ))
    .expect("valid regex")
});

/// A conference named in running text, with its byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProseConference {
    /// Canonical series and year, if given.
    pub name: ConferenceName,
    /// Byte offset where the name starts.
    pub start: usize,
    /// Byte offset just past the name (and year).
    pub end: usize,
}

/// Every conference named in `text` (`at PyTexas 2024`, `At DjangoCon US 2023`, `PyCon US talk`).
#[must_use]
pub fn conferences_in(text: &str) -> Vec<ProseConference> {
    PROSE_CONFERENCE
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let (series, year) = if let Some(k) = c.name("known") {
                let spelled = k.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
                (canonical_series(&spelled)?.to_owned(), c.name("kyear"))
            } else {
                (c.name("other")?.as_str().to_owned(), c.name("oyear"))
            };
            let year = year.and_then(|y| y.as_str().parse().ok());
            Some(ProseConference {
                name: ConferenceName { series, year, location: None },
                start: whole.start(),
                end: whole.end(),
            })
        })
        .collect()
}

/// A year written in a URL (`2022.djangocon.us`, `us.pycon.org/2024/…`).
#[must_use]
pub fn year_in_url(url: &str) -> Option<u16> {
    static URL_YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:^|[/.:])((?:19|20)\d\d)(?:[/.]|$)").expect("valid regex"));
    URL_YEAR.captures(url)?.get(1)?.as_str().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(s: &str) -> Option<(String, Option<u16>, Option<String>)> {
        parse_header(s).map(|c| (c.series, c.year, c.location))
    }

    #[test]
    fn headers() {
        assert_eq!(header("Pycascades 2025"), Some(("PyCascades".into(), Some(2025), None)));
        assert_eq!(
            header("PyCon 2019 in Cleveland, Ohio"),
            Some(("PyCon US".into(), Some(2019), Some("Cleveland, Ohio".into())))
        );
        assert_eq!(header("PyCon US 2024 Recap"), Some(("PyCon US".into(), Some(2024), None)));
        assert_eq!(header("My PyGotham 2023 Recap"), Some(("PyGotham".into(), Some(2023), None)));
        assert_eq!(header("Notes from Write the Docs 2021"), Some(("Write the Docs".into(), Some(2021), None)));
        assert_eq!(header("Lightning Talks"), None);
        assert_eq!(header("2024"), None);
    }

    #[test]
    fn prose_conferences() {
        let found: Vec<_> = conferences_in(
            "I met Heather at PyTexas 2024 where she did a talk, which she also gave at PyCon US. Amber gave a keynote at DjangoCon US US 2019 and at FooCon 2020. PyPI and PyLadies are not.",
        )
        .into_iter()
        .map(|p| (p.name.series, p.name.year))
        .collect();
        assert_eq!(
            found,
            vec![
                ("PyTexas".into(), Some(2024)),
                ("PyCon US".into(), None),
                ("DjangoCon US".into(), Some(2019)),
                ("FooCon".into(), Some(2020)),
            ]
        );
    }

    #[test]
    fn url_years() {
        assert_eq!(year_in_url("https://2022.djangocon.us/talks/x/"), Some(2022));
        assert_eq!(year_in_url("https://us.pycon.org/2024/schedule/presentation/84/"), Some(2024));
        assert_eq!(year_in_url("https://youtu.be/HWIPkipolUk?si=ozxHi5N7RwY19hVh"), None);
    }
}
