//! A deterministic synthetic corpus for benchmarks and scale tests: talk notes, schedule listings
//! and recaps of many conference editions, written in the same styles as real notes, with
//! speakers who recur across editions and series.
//!
//! The same `(target bytes, seed)` always gives byte-identical files. Not used by the pipeline.

use std::fmt::Write as _;

/// `SplitMix64`: tiny, fast, and stable across platforms and versions.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// Skewed towards small indexes, so some speakers come back often.
    fn skewed(&mut self, n: usize) -> usize {
        let a = self.below(n);
        let b = self.below(n);
        a.min(b)
    }
}

const SERIES: &[(&str, &str)] = &[
    ("PyCascades", "Portland, Oregon"),
    ("PyTexas", "Austin, Texas"),
    ("PyOhio", "Columbus, Ohio"),
    ("EuroPython", "Prague, Czechia"),
    ("PyCon US", "Pittsburgh, Pennsylvania"),
    ("DjangoCon US", "Durham, North Carolina"),
    ("PyGotham", "New York, New York"),
    ("PyBay", "San Francisco, California"),
    ("North Bay Python", "Petaluma, California"),
    ("PyCon UK", "Cardiff, Wales"),
];

const FIRST: &[&str] = &[
    "Ada", "Bram", "Chidi", "Dana", "Elif", "Farah", "Goran", "Hana", "Ines", "Jonas", "Kaito", "Lena", "Mateo",
    "Nadia", "Oskar", "Priya", "Quinn", "Rosa", "Sven", "Tomasz", "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zofia",
    "Amara", "Bruno", "Celine", "Dmitri",
];
const LAST: &[&str] = &[
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Kowalski",
    "Haddad",
    "Novak",
    "Fernández",
    "Schmidt",
    "Castillo",
    "Nakamura",
    "O'Brien",
    "Petrov",
    "Silva",
    "Van Dijk",
    "Yilmaz",
    "Zhang",
    "Adeyemi",
    "Brennan",
    "Dubois",
    "Eriksen",
    "Gallo",
    "Horvat",
    "Ivanova",
    "Jensen",
    "Kim",
    "Lopez",
    "Mensah",
    "Nguyen",
    "Park",
];
const ADJ: &[&str] = &[
    "Practical",
    "Fearless",
    "Gentle",
    "Modern",
    "Fast",
    "Reproducible",
    "Accessible",
    "Typed",
    "Observable",
    "Resilient",
    "Joyful",
    "Tiny",
];
const TOPIC: &[&str] = &[
    "Packaging",
    "Free-threading",
    "Type Hints",
    "Async IO",
    "Data Pipelines",
    "Testing",
    "Web APIs",
    "Machine Learning",
    "Security",
    "Accessibility",
    "Community Building",
    "Teaching Python",
    "Microcontrollers",
    "Geospatial Data",
    "Notebooks",
    "Observability",
];
const TOOL: &[&str] = &[
    "pytest",
    "FastAPI",
    "Django",
    "Polars",
    "PyO3",
    "asyncio",
    "Hypothesis",
    "MicroPython",
    "Jupyter",
    "uv",
    "OpenTelemetry",
    "Pydantic",
];
const ORG: &[&str] = &[
    "Acme Analytics",
    "Northwind",
    "Globex",
    "Initech",
    "Umbrella Labs",
    "Hooli",
    "Vandelay Industries",
    "Soylent",
    "Tyrell",
    "Wonka Data",
];
const WORDS: &[&str] = &[
    "python",
    "code",
    "users",
    "tests",
    "data",
    "speed",
    "memory",
    "release",
    "community",
    "library",
    "pipeline",
    "deploy",
    "types",
    "threads",
    "latency",
    "schema",
    "notebook",
    "sprint",
    "docs",
    "bugs",
];
const DAYS: &[&str] = &["Friday", "Saturday", "Sunday"];

/// Files of a synthetic corpus, as `(file name, content)`.
pub type SyntheticFile = (String, String);

fn person(rng: &mut Rng, pool: usize) -> String {
    let i = rng.skewed(pool);
    format!("{} {}", FIRST[i % FIRST.len()], LAST[(i / FIRST.len() + i) % LAST.len()])
}

fn title(rng: &mut Rng) -> String {
    match rng.below(3) {
        0 => format!("{} {} with {}", rng.pick(ADJ), rng.pick(TOPIC), rng.pick(TOOL)),
        1 => format!("{}: What {} Taught Us About {}", rng.pick(TOOL), rng.pick(TOPIC), rng.pick(TOPIC)),
        _ => format!("The {} Guide to {}", rng.pick(ADJ), rng.pick(TOPIC)),
    }
}

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(rng.pick(WORDS));
    }
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect::<String>() + ".")
}

fn speakers(rng: &mut Rng, pool: usize) -> Vec<String> {
    let n = match rng.below(10) {
        0 => 2,
        1 => 3,
        _ => 1,
    };
    let mut v: Vec<String> = Vec::new();
    while v.len() < n {
        let p = person(rng, pool);
        if !v.contains(&p) {
            v.push(p);
        }
    }
    v
}

fn join_names(names: &[String]) -> String {
    match names {
        [a] => a.clone(),
        [a, b] => format!("{a} and {b}"),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
        [] => String::new(),
    }
}

fn talk_notes(rng: &mut Rng, series: &str, year: u16, pool: usize, sessions: usize) -> String {
    let mut out = format!(
        "# {series} {year}\n\n<https://{year}.example.org>\n\n---\n\n## Opening Remarks\n\nWelcome, code of conduct, wifi.\n\n---\n\n"
    );
    for i in 0..sessions {
        if i == sessions / 2 {
            out.push_str("## Day 2\n\n## Lightning Talks\n\n");
            for _ in 0..3 {
                let _ = write!(out, "### {}\n\n{}\n\n{}\n\n", title(rng), person(rng, pool), sentence(rng, 12));
            }
        }
        let names = speakers(rng, pool);
        let _ = write!(
            out,
            "## {}\n\n{}\n\n<https://pretalx.com/{}-{year}/talk/{:06X}/>\n\n> {}\n> {}\n\n{}\n\n### Takeaways\n\n* {}\n* {}\n\n```python\nimport {}\n```\n\n---\n\n",
            title(rng),
            names.join(", "),
            crate::ids::slug(series),
            rng.next() & 0xFF_FFFF,
            sentence(rng, 18),
            sentence(rng, 14),
            sentence(rng, 30),
            sentence(rng, 8),
            sentence(rng, 9),
            rng.pick(TOOL).to_lowercase(),
        );
    }
    out.push_str("## END OF DAY 1\n");
    out
}

fn schedule(rng: &mut Rng, series: &str, year: u16, city: &str, pool: usize, sessions: usize) -> String {
    let mut out =
        format!("{series} {year} in {city}\n\n\n<center> <h2>{series} {year} Talks Schedule</h2> </center>\n\n");
    for _ in 0..sessions {
        let names = speakers(rng, pool);
        let start = 9 + rng.below(8);
        let _ = write!(
            out,
            "{}\n\n{}\n{} {}:{:02} p.m.–{}:{:02} p.m. in Room {}\n\n{} {} {}\n\n",
            title(rng),
            names.join(", "),
            rng.pick(DAYS),
            start % 12 + 1,
            rng.below(4) * 15,
            (start + 1) % 12 + 1,
            rng.below(4) * 15,
            rng.below(20) + 1,
            sentence(rng, 40),
            sentence(rng, 35),
            sentence(rng, 25),
        );
    }
    out
}

fn recap(rng: &mut Rng, series: &str, year: u16, pool: usize, sessions: usize) -> String {
    let mut body = String::new();
    let mut toc = String::from("Table of Contents\n-----------------\n\n");
    let per_day = sessions.div_ceil(DAYS.len()).max(1);
    let mut left = sessions;
    for day in DAYS {
        let _ = writeln!(toc, "- [{day}](#{})", day.to_lowercase());
        let _ = write!(
            body,
            "## {day}\n\n### Breakfast\n\nI met {} ({}, formerly {}) and {} ({}) over coffee. {}\n\n",
            person(rng, pool),
            rng.pick(ORG),
            rng.pick(ORG),
            person(rng, pool),
            rng.pick(ORG),
            sentence(rng, 20)
        );
        let _ = writeln!(toc, "    - [Breakfast](#breakfast)");
        let keynoter = person(rng, pool);
        let _ = write!(body, "### {keynoter} Keynote\n\n{}\n\n", sentence(rng, 40));
        for _ in 0..per_day.min(left) {
            let t = title(rng);
            let names = speakers(rng, pool);
            let _ = writeln!(toc, "    - [{t}](#{})", crate::ids::slug(&t));
            if rng.below(2) == 0 {
                let _ = write!(
                    body,
                    "### {t}\n\n\"{t}\" by {} ({})\n\n{}\n\n",
                    join_names(&names),
                    rng.pick(ORG),
                    sentence(rng, 45)
                );
            } else {
                let _ = write!(
                    body,
                    "### {t}\n\nThis talk by {} was packed. {}\n\n",
                    join_names(&names),
                    sentence(rng, 45)
                );
            }
            left -= 1;
        }
        let _ = write!(
            body,
            "### Hallway Track\n\nIt was great to see {} ({}). {} gave her talk \"{}\" at PyGotham {}, and {}\n\n",
            person(rng, pool),
            rng.pick(ORG),
            person(rng, pool),
            title(rng),
            year - 1,
            sentence(rng, 25)
        );
    }
    format!(
        "# {series} {year} Recap\n\n{toc}\n## Intro\n\n{}\n\n{body}## Until Next Time\n\nSee you next year!\n",
        sentence(rng, 30)
    )
}

/// Generates about `target_bytes` of notes (never less), mixing the three styles, from `seed`.
#[must_use]
pub fn generate(target_bytes: usize, seed: u64) -> Vec<SyntheticFile> {
    let mut rng = Rng(seed);
    let pool = (target_bytes / 2_000).clamp(200, FIRST.len() * LAST.len());
    let mut files = Vec::new();
    let mut total = 0;
    let mut edition = 0usize;
    while total < target_bytes {
        let (series, city) = SERIES[edition % SERIES.len()];
        let year = 2000 + (edition / SERIES.len() % 26) as u16;
        let cycle = edition / (SERIES.len() * 26);
        let sessions = 20 + rng.below(40);
        let (name, text) = match edition % 3 {
            0 => (
                format!("{}-{year}-{cycle}-notes.md", crate::ids::slug(series)),
                talk_notes(&mut rng, series, year, pool, sessions),
            ),
            1 => (
                format!("{}-{year}-{cycle}-schedule.txt", crate::ids::slug(series)),
                schedule(&mut rng, series, year, city, pool, sessions),
            ),
            _ => (
                format!("{}-{year}-{cycle}-recap.md", crate::ids::slug(series)),
                recap(&mut rng, series, year, pool, sessions),
            ),
        };
        total += text.len();
        files.push((name, text));
        edition += 1;
    }
    files
}

/// Writes a generated corpus into `dir`, returning the bytes written.
///
/// # Errors
/// When the folder or a file cannot be written.
pub fn write_corpus(dir: &std::path::Path, target_bytes: usize, seed: u64) -> std::io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    let mut total = 0;
    for (name, text) in generate(target_bytes, seed) {
        std::fs::write(dir.join(name), &text)?;
        total += text.len();
    }
    Ok(total)
}

/// A generated corpus as in-memory notes sources (leaked: for benchmarks and fuzzing, which keep
/// them for the whole run).
#[must_use]
pub fn leaked_sources(files: Vec<SyntheticFile>) -> Vec<crate::ingest::source::NotesSource> {
    files
        .into_iter()
        .map(|(name, text)| crate::ingest::source::NotesSource::Embedded {
            display: name,
            bytes: Box::leak(text.into_bytes().into_boxed_slice()),
        })
        .collect()
}

/// The corpus size a benchmark runs at: `CONFGRAPH_BENCH_MB` if set, else `bench_mb` under
/// `cargo bench` and `test_mb` under `cargo test` (one quick pass to show it works).
#[must_use]
#[expect(clippy::cast_sign_loss, clippy::cast_possible_truncation, reason = "a positive size in megabytes")]
pub fn bench_corpus_bytes(bench_mb: f64, test_mb: f64) -> usize {
    let benching = std::env::args().any(|a| a == "--bench");
    let mb = std::env::var("CONFGRAPH_BENCH_MB").ok().and_then(|v| v.parse::<f64>().ok()).unwrap_or(if benching {
        bench_mb
    } else {
        test_mb
    });
    (mb.max(0.01) * 1e6) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::read_notes;

    #[test]
    fn generation_is_deterministic_and_reaches_the_size() {
        let a = generate(200_000, 7);
        assert_eq!(a, generate(200_000, 7));
        assert!(a.iter().map(|f| f.1.len()).sum::<usize>() >= 200_000);
        assert_ne!(a, generate(200_000, 8));
    }

    #[test]
    fn every_style_is_read_back_with_its_sessions() {
        for (name, text) in generate(120_000, 1).into_iter().take(6) {
            let (record, diagnostics) = read_notes(&name, text.as_bytes());
            assert!(diagnostics.is_empty(), "{name}: {diagnostics:?}");
            let record = record.expect("readable");
            assert!(record.sessions.len() >= 20, "{name}: {} sessions", record.sessions.len());
            assert!(
                record.sessions.iter().filter(|s| !s.speakers.is_empty()).count() * 10 >= record.sessions.len() * 9,
                "{name}"
            );
        }
    }
}
