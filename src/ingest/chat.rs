//! Chat exports (Slack, Discord, IRC, `WhatsApp`) turned into plain lines, line for line.
//!
//! A channel copied out of a chat client interleaves author lines (`Awa Ndiaye  9:06 AM`) or
//! author prefixes (`[09:20] hoang.vu: …`) with the messages. The authors are the note-takers,
//! not speakers, and their names and times read like `Speaker  time` programme lines. This pass
//! blanks author lines and removes author prefixes, so that only the messages are read, each on
//! its own line. It acts only on a conversation: at least [`MIN_MESSAGES`] author marks of one
//! form, with authors repeating (a programme names each speaker about once).
//!
//! Owns the table of author forms ([`FORMS`]).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

/// How many author marks of one form make a conversation.
const MIN_MESSAGES: usize = 3;

/// How an author is marked in one chat client's export.
struct Form {
    /// Matches a line with an author mark; group `who` is the author.
    pattern: &'static LazyLock<Regex>,
    /// Whether the whole line is the mark (blanked) or a prefix of the message (removed).
    whole_line: bool,
    /// Whether each message (a line of its own, no blank line between) becomes a list item.
    item: bool,
}

/// `Awa Ndiaye  9:06 AM`, `Google Calendar  APP  9:00 AM`, `**Kemal Yılmaz**  8:52 AM`,
/// `Kofi Asante (@kofi.a)  09:02`, and in a thread `> **Rohan Mehta**  10:21 AM`.
static SLACK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:>\s*)?(?:\*\*|__)?(?P<who>\p{Lu}[\p{L}\p{M}'’.\-]*(?: [\p{L}\p{M}'’.\-]+){0,3})(?:\*\*|__)?(?:\s+\(@[\w.\-]{1,40}\))?(?:\s+APP)?\s{1,3}\d{1,2}:\d{2}(?::\d{2})?\s?(?:[AaPp]\.?[Mm]\.?)?\s*$")
        .expect("valid regex")
});

/// `Awa Ndiaye — Today at 9:06 AM`, `awa — 03/06/2025 9:06 AM`.
static DISCORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?P<who>[^—]{1,40}?)\s+—\s+(?:Today at|Yesterday at|\d{1,2}/\d{1,2}/\d{2,4})\s+\d{1,2}:\d{2}\s?(?:[AaPp][Mm])?\s*$")
        .expect("valid regex")
});

/// `[09:20] hoang.vu: keynote…`, `[09:20] <hoang> keynote…`, `09:20 <hoang> …`.
static IRC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\[?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?\]?\s+(?:<(?P<nick>[^>\s]{1,30})>|(?P<who>[\p{L}\p{N}_.\-]{1,30}(?: [\p{L}\p{N}_.\-]{1,20}){0,2}):)\s")
        .expect("valid regex")
});

/// `[06/03/2025, 09:31:12] Awa: …`, `06/03/2025, 09:31 - Awa Ndiaye: …`.
static WHATSAPP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\[?\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?\]?\s*(?:-\s*)?(?P<who>[^:]{1,40}):\s")
        .expect("valid regex")
});

/// `4/ Now: …`, `12/20 Lunch…`: the post numbers of a thread (Mastodon, Bluesky, X).
static THREAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:🧵\s*)?\d{1,3}/(?:\d{1,3})?\s+").expect("valid regex"));

/// `👋 4   🔌 2`, `:tada: 3`: the reactions under a message.
static REACTIONS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?:[\p{Extended_Pictographic}\u{FE0F}\u{200D}\p{Emoji_Modifier}]{1,8}|:[a-z0-9_+\-]{1,30}:)\s*\d{1,4}\s*)+$")
        .expect("valid regex")
});

/// Every author form, tried in order on each line: Slack and Discord author lines, IRC or
/// chat-log prefixes, `WhatsApp` prefixes, thread post numbers (no author).
const FORMS: &[Form] = &[
    Form { pattern: &SLACK, whole_line: true, item: false },
    Form { pattern: &DISCORD, whole_line: true, item: false },
    Form { pattern: &IRC, whole_line: false, item: true },
    Form { pattern: &WHATSAPP, whole_line: false, item: true },
    Form { pattern: &THREAD, whole_line: false, item: false },
];

/// `text` with chat author marks taken out, line for line; unchanged when it is not a conversation.
///
/// # Examples
///
/// ```
/// use confgraph::ingest::chat::messages_only;
///
/// let slack = "Awa Ndiaye  9:06 AM\nkeynote: Yaw Owusu — \"Simplicity\"\n\nTom Keller  9:31 AM\nnice\n\nAwa Ndiaye  10:12 AM\nnext: Generics by Aïssatou Bâ\n";
/// assert_eq!(messages_only(slack), "\nkeynote: Yaw Owusu — \"Simplicity\"\n\n\nnice\n\n\nnext: Generics by Aïssatou Bâ\n");
///
/// let programme = "10:15  Ana Ortiz: Fearless FFI\n10:45  Li Wei: Async Rust\n11:15  Sam Okafor: Macros\n";
/// assert_eq!(messages_only(programme), programme);
/// ```
#[must_use]
pub fn messages_only(text: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let Some((form, marked)) = FORMS.iter().find_map(|form| conversation(form, &lines).map(|m| (form, m))) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        match marked.get(&i) {
            Some(&end) => {
                let ending = if line.ends_with("\r\n") {
                    "\r\n"
                } else if line.ends_with('\n') {
                    "\n"
                } else {
                    ""
                };
                if !form.whole_line {
                    // Each message its own list item: one message never runs into the next.
                    let message = line[end..].trim_end_matches(['\r', '\n']);
                    if form.item && !message.trim().is_empty() {
                        out.push_str("- ");
                    }
                    out.push_str(message);
                }
                out.push_str(ending);
            }
            // (Reactions are nobody's words: blanked like the author lines.)
            None if REACTIONS.is_match(line.trim_end()) => out.push_str(&line[line.trim_end().len()..]),
            None => out.push_str(line),
        }
    }
    Cow::Owned(out)
}

/// The lines `form` marks (line index → end of the mark), when they make a conversation.
fn conversation(form: &Form, lines: &[&str]) -> Option<BTreeMap<usize, usize>> {
    let mut marked = BTreeMap::new();
    let mut authors: BTreeMap<String, usize> = BTreeMap::new();
    for (i, line) in lines.iter().enumerate() {
        let plausible = if form.whole_line {
            line.len() <= 160 && line.contains(':')
        } else {
            line.trim_start().starts_with(|c: char| c.is_ascii_digit() || c == '[' || c == '🧵')
        };
        if !plausible {
            continue;
        }
        let Some(c) = form.pattern.captures(line) else { continue };
        let who = c.name("who").or_else(|| c.name("nick")).map_or("", |m| m.as_str().trim());
        // `10:15am  Track A: …`, `9:20  KEYNOTE: …`: a programme's label, not someone talking.
        if is_programme_label(who) {
            continue;
        }
        *authors.entry(who.to_lowercase()).or_default() += 1;
        marked.insert(i, c.get(0).map_or(0, |m| m.end()));
    }
    // People talk more than once in a conversation; a programme names each speaker about once.
    let repeated = authors.iter().filter(|&(who, &n)| n > 1 || who.is_empty()).map(|(_, &n)| n).sum::<usize>();
    (marked.len() >= MIN_MESSAGES && repeated * 2 >= marked.len()).then_some(marked)
}

/// A label of a programme line (`Track A`, `Room 2`, `KEYNOTE`, `Lightning talks`, `Day 2`) in an
/// author's place, which chat forms with a colon after the author would otherwise take for one.
fn is_programme_label(who: &str) -> bool {
    let first = who.split_whitespace().next().unwrap_or_default().to_lowercase();
    super::forms::ROOM_WORDS.contains(&first.as_str())
        || matches!(first.as_str(), "break" | "lunch" | "day")
        || super::kind::kind_word(who).is_some()
        || super::kind::container_kind(who).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irc_prefixes_are_removed_and_messages_kept() {
        let log = "[09:02] hoang.vu: made it\n[09:20] hoang.vu: keynote: Contracts — Priyanka Iyer\n[09:41] linh.tran: wow\n[10:07] linh.tran: I'm in \"Joins\" (Seo-yeon Kim)\n";
        let out = messages_only(log);
        assert_eq!(out.lines().nth(1), Some("- keynote: Contracts — Priyanka Iyer"));
        assert_eq!(out.lines().count(), 4);
    }

    #[test]
    fn a_bracketed_time_programme_is_left_alone() {
        let programme =
            "[09:00] Ana Ortiz: Opening\n[09:30] Li Wei: Async\n[10:00] Sam Okafor: Macros\n[10:30] Eva Lind: Traits\n";
        assert_eq!(messages_only(programme), programme);
    }

    #[test]
    fn a_programme_with_track_labels_is_left_alone() {
        let programme = "9:20am  KEYNOTE: Words (Ada Obi)\n10:15am  Track A: Plurals (Jan Novak) | Track B: Fonts (Li Na)\n11:15am  Track A: Bidi (Yael Cohen) | Track B: Glossaries (Sam Lee)\n1:15 PM  Track A: CI (Nandini Rao)\n";
        assert_eq!(messages_only(programme), programme);
    }

    #[test]
    fn thread_post_numbers_are_removed() {
        let thread = "1/ Doors open.\n\n2/ Opening words.\n\n3/ First keynote: Nkechi Ozoemena on \"Languages\".\n";
        assert_eq!(messages_only(thread).lines().nth(4), Some("First keynote: Nkechi Ozoemena on \"Languages\"."));
    }

    #[test]
    fn whatsapp_prefixes_are_removed() {
        let chat = "06/03/2025, 09:31 - Awa: keynote now\n06/03/2025, 09:40 - Tom: ok\n06/03/2025, 09:45 - Awa: \"Simplicity\" by Yaw Owusu\n06/03/2025, 09:50 - Tom: nice\n";
        assert_eq!(messages_only(chat).lines().nth(2), Some("- \"Simplicity\" by Yaw Owusu"));
    }

    #[test]
    fn slack_authors_with_handles_and_reactions_are_blanked() {
        let chat = "Kofi Asante (@kofi.a)  09:02\nmade it\n👋 4   🔌 2\n\nYuki Mori (@yuki.m)  09:40\nkeynote now\n\nKofi Asante (@kofi.a)  09:48\nslides up\n:tada: 3\n";
        let out = messages_only(chat);
        assert_eq!(
            out.lines().collect::<Vec<_>>(),
            ["", "made it", "", "", "", "keynote now", "", "", "slides up", ""]
        );
    }
}
