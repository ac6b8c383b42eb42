//! Tests of the forms module.

use super::*;

#[test]
fn a_lightning_slot_is_one_given_name_or_handle_before_a_colon() {
    let read = |t: &str| lightning_slot(t).map(|r| (r.speakers[0].name.clone(), r.title));
    assert_eq!(
        read("Tomasz: a peephole optimizer in Lua"),
        Some(("Tomasz".into(), "a peephole optimizer in Lua".into()))
    );
    assert_eq!(read("Grace: FOIA tracker in Airtable"), Some(("Grace".into(), "FOIA tracker in Airtable".into())));
    assert_eq!(read("@lexi_bytes: cursed C tricks").map(|r| r.0), Some("@lexi_bytes".into()));
    assert_eq!(read("Rūta P.: my cat's GPS collar").map(|r| r.0), Some("Rūta P.".into()));
    assert_eq!(read("Dawn (no surname on the slide): My PhD in One Notebook").map(|r| r.0), Some("Dawn".into()));
    for none in [
        "Update: slides are online",
        "Demo: a live patch",
        "Lunch: fish soup",
        "wifi: on the badge",
        "Max: 5 minutes each, hard cutoff",
        "Will: be posted on YouTube next week",
        "Mark: the best one of the day",
        "Slido: questions for the panel went here",
        "@pyconlt: vote for the best lightning talk",
        "Kemal: write up the notes for the blog",
    ] {
        assert_eq!(read(none), None, "{none}");
    }
}

#[test]
fn a_rating_and_what_follows_it_are_the_note_takers() {
    assert_eq!(
        without_decorations("Free Monads in Anger / Tiago Nakamura. 6/10 too much"),
        "Free Monads in Anger / Tiago Nakamura"
    );
    assert_eq!(without_decorations("Grace Notes — Máté Farkas 7/10 ♪"), "Grace Notes — Máté Farkas");
    assert_eq!(without_decorations("Elm for Backend People (8.5/10)"), "Elm for Backend People");
    for kept in [
        "24/7 On Call",
        "Scaling to 10/10 Nines",
        "9/11 and the Archive",
        "50/50 Splits",
        "Why 9/10 startups fail — Jānis Bērziņš",
        "Running 3/5 replicas: quorum stories",
    ] {
        assert_eq!(without_decorations(kept), kept);
    }
    assert_eq!(
        without_decorations("WASI Preview 2 in Anger (Vojtěch Hrubý) ✔ — lots of live coding"),
        "WASI Preview 2 in Anger (Vojtěch Hrubý)"
    );
    // Not before a speaker, nor inside a title.
    for kept in ["Rust on a Trawler ✔ — Nurlan Abenov", "The ✓ Is a Lie — Ana Ortiz", "Rust ✔ (Nurlan Abenov)"]
    {
        assert_eq!(without_decorations(kept), kept);
    }
    let r = &readings(&Head::plain("Rust on a Trawler ✔ — Nurlan Abenov"), Slot::Guessed)[0];
    assert_eq!(r.title, "Rust on a Trawler");
    // Before a speaker, only the rating comes out.
    for (line, title, who) in [
        ("Elm for Backend People 8/10 - Natalia Kuznetsova", "Elm for Backend People", "Natalia Kuznetsova"),
        ("Supervision Trees in Practice (9/10) — Saša Jurić", "Supervision Trees in Practice", "Saša Jurić"),
        ("LiveView at Scale, 7/10, by Chris McCord", "LiveView at Scale", "Chris McCord"),
    ] {
        let r = &readings(&Head::plain(line), Slot::Guessed)[0];
        assert_eq!((r.title.as_str(), r.speakers[0].name.as_str()), (title, who), "{line}");
    }
}

#[test]
fn a_leading_clock_time_is_no_part_of_a_title() {
    assert_eq!(title_of("16:30 Closing ceremony & CTF awards").as_deref(), Some("Closing ceremony & CTF awards"));
    for kept in ["2024 in Review", "9 to 5 Engineering", "24/7 On Call", "10x Engineers Are a Myth"] {
        assert_eq!(title_of(kept).as_deref(), Some(kept));
    }
}

#[test]
fn attendance_marks_and_remarks_are_no_part_of_a_head() {
    assert_eq!(
        without_decorations("Soft Grippers from Kitchen Silicone (Ana Paula Ribeiro)  * really good"),
        "Soft Grippers from Kitchen Silicone (Ana Paula Ribeiro)"
    );
    assert_eq!(without_decorations("Agricultural Robots\t* (rice paddies)"), "Agricultural Robots");
    // One space is a title's own: `Stars * and Stripes`; a capital after the mark is another
    // item or a speaker.
    assert_eq!(without_decorations("Stars * and Stripes"), "Stars * and Stripes");
    assert_eq!(without_decorations("Paper Forms Forever  * Olu Bello"), "Paper Forms Forever  * Olu Bello");
    // A comment after an arrow, a room tag set apart at the end.
    assert_eq!(without_decorations("Bishop — Game Night  [Main]   ← only goes by \"Bishop\""), "Bishop — Game Night");
    assert_eq!(without_decorations("Designing for the Andes  [Sauna B]"), "Designing for the Andes");
    assert_eq!(without_decorations("Arrays [and] Slices"), "Arrays [and] Slices");
    // A speaker slot that holds nobody, or only a remark, is no part of the title.
    assert_eq!(without_decorations("Opening -- organisers"), "Opening");
    assert_eq!(without_decorations("Lightning talks — TBA"), "Lightning talks");
    assert_eq!(without_decorations("Building a 6502 – (recorded video, speaker away)"), "Building a 6502");
    assert_eq!(without_decorations("Rust — The Good Parts"), "Rust — The Good Parts");
    assert_eq!(without_decorations("?? (didn't catch the name) - berth scheduling"), "berth scheduling");
}

#[test]
fn dates_and_bios_are_no_titles() {
    for date in ["Nov 18, 2024", "Tue 14 May", "2024-11-18", "Saturday, 3rd June"] {
        assert!(is_date_only(date), "{date}");
    }
    for title in ["May the Force Be With You", "2024 in Review", "Nov 18"] {
        assert_eq!(is_date_only(title), title == "Nov 18", "{title}");
    }
    assert!(is_bio("freelance data reporter based in Prague."));
    assert!(is_bio("researcher and former wire-service reporter"));
    assert!(!is_bio("Scraping Court Records Without Getting Blocked"));
    assert!(!is_bio("why every student should learn Git"));
    for title in ["lead with empathy", "becoming a maintainer", "head in the clouds"] {
        assert!(!is_bio(title), "{title}");
    }
    for bio in [
        "managing editor at Deník N",
        "head of data at Stripe",
        "tech lead at Mozilla",
        "founding editor of The Ferret",
    ] {
        assert!(is_bio(bio), "{bio}");
    }
}

fn best(text: &str) -> Option<(String, Vec<String>)> {
    readings(&Head::plain(text), Slot::Guessed)
        .into_iter()
        .next()
        .map(|r| (r.title, r.speakers.into_iter().map(|n| n.name).collect()))
}

#[test]
fn leading_tags_give_the_most_specific_kind() {
    let r = readings(&Head::plain("#talk #keynote Resilience Is a Cost Line — Oluwaseun Adeyemi"), Slot::Guessed);
    assert_eq!(r[0].title, "Resilience Is a Cost Line");
    assert_eq!(r[0].kind, Some(SessionKind::Keynote));
}

#[test]
fn heads_of_many_forms() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "Ownership in Practice (Kateryna Bondarenko & Lucas Ferreira)",
            "Ownership in Practice",
            &["Kateryna Bondarenko", "Lucas Ferreira"],
        ),
        ("Sigrid Haugen — Benchmarks That Lie", "Benchmarks That Lie", &["Sigrid Haugen"]),
        (
            "Operators: The Good, the Bad and the Flaky — Nikolaos Papadopoulos",
            "Operators: The Good, the Bad and the Flaky",
            &["Nikolaos Papadopoulos"],
        ),
        ("Aditya Kulkarni: SLOs: Why Your Error Budget Lies", "SLOs: Why Your Error Budget Lies", &["Aditya Kulkarni"]),
        (
            "\"Streams All the Way Down\" by Nadia Petrova, Bo Chen and Amara Okafor",
            "Streams All the Way Down",
            &["Nadia Petrova", "Bo Chen", "Amara Okafor"],
        ),
        (
            "Keynote: The Go Scheduler, Ten Years On — Dr. Mei-Ling Zhao, Google",
            "The Go Scheduler, Ten Years On",
            &["Mei-Ling Zhao"],
        ),
        ("[Lerato Mokoena (Flutterwave)] Channels All the Way Down", "Channels All the Way Down", &["Lerato Mokoena"]),
        ("Jetpack Compose, Explained, Seo-yeon Kim", "Jetpack Compose, Explained", &["Seo-yeon Kim"]),
    ];
    for (head, title, speakers) in cases {
        let (t, s) = best(head).unwrap_or_else(|| panic!("nothing read from {head}"));
        assert_eq!(
            (t.as_str(), s.iter().map(String::as_str).collect::<Vec<_>>()),
            (*title, speakers.to_vec()),
            "{head}"
        );
    }
}

#[test]
fn a_duration_aside_is_no_part_of_a_title() {
    assert_eq!(without_aside("Gettext to Fluent Migration (2 h, bring laptop)"), "Gettext to Fluent Migration");
    assert_eq!(without_aside("Opening remarks (10 min, wifi pw on badge)"), "Opening remarks");
    assert_eq!(without_aside("Hands-on Tracing (90min)"), "Hands-on Tracing");
    assert_eq!(without_aside("Top 10 (2 h)"), "Top 10");
    assert_eq!(without_aside("AMA with Kwesi Appiah (runs Commons Leeds)"), "AMA with Kwesi Appiah");
    assert_eq!(without_aside("rowhammer on ddr5 (sry missed 1st half, queue 4 coffee)"), "rowhammer on ddr5");
    for kept in [
        "Async Rust (part 2)",
        "Free-threading Update (aka no GIL)",
        "Rust (And Why)",
        "(2 h)",
        "Errors (and what to do about them)",
        "Scaling Down (who needs Kubernetes?)",
        "Leaving the Cloud (our first year)",
    ] {
        assert_eq!(without_aside(kept), kept);
    }
}

#[test]
fn titles_that_look_like_phrases_keep_their_colons() {
    for head in [
        "Query Tuning: From Slow to Fast",
        "Helm: Still Here, Still Fine",
        "Rust Belt Rising: Moving a Team from Rust to Go (and Back)",
    ] {
        assert!(best(head).is_none_or(|(_, s)| s.is_empty()), "{head}: {:?}", best(head));
    }
}

#[test]
fn went_and_recommend_marks_set_apart_take_the_remark_after_them() {
    assert_eq!(
        without_decorations(
            "Postmortems That People Actually Read (Aoife Gallagher)   * !  blameless template -> steal it"
        ),
        "Postmortems That People Actually Read (Aoife Gallagher)"
    );
    assert_eq!(
        without_decorations("SLOs for Data Pipelines (Paulina Lewandowska)   * !! fav of the day"),
        "SLOs for Data Pipelines (Paulina Lewandowska)"
    );
    // (A capital after a went-mark alone starts another item.)
    assert_eq!(without_decorations("Opening (Kiri)  * Open Ledgers (Amina)"), "Opening (Kiri)  * Open Ledgers (Amina)");
}

#[test]
fn a_kind_by_a_speaker_on_a_title_reads_with_the_remark_left_out() {
    let r = &readings(
        &Head::plain("opening keynote by Babajide Ogundipe on Reproducible by Default — good but long"),
        Slot::Guessed,
    )[0];
    assert_eq!((r.title.as_str(), r.speakers[0].name.as_str()), ("Reproducible by Default", "Babajide Ogundipe"));
    assert_eq!(r.kind, Some(SessionKind::Keynote));
}

#[test]
fn a_moderator_told_after_the_panellists_is_a_speaker() {
    let r = &readings(
        &Head::plain(
            "panel \"Who Owns Genomic Data?\" w/ Eoin Ó Dálaigh, Aylin Demir — Lukas Brenner moderated. Heated!",
        ),
        Slot::Guessed,
    )[0];
    let names: Vec<&str> = r.speakers.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(names, ["Eoin Ó Dálaigh", "Aylin Demir", "Lukas Brenner"]);
    assert_eq!(by::moderator_after("Panel — the room moderated itself"), None);
}

#[test]
fn a_recommend_mark_cuts_whatever_remark_follows() {
    assert_eq!(without_decorations("Pager Duty (Lars Holm) * !! Best talk of the conf"), "Pager Duty (Lars Holm)");
    assert_eq!(without_decorations("Pager Duty (Lars Holm) *! fav"), "Pager Duty (Lars Holm)");
    assert_eq!(without_decorations("A* Search for Fun (Lars Holm)"), "A* Search for Fun (Lars Holm)");
}

#[test]
fn a_journals_verb_of_attending_is_no_part_of_a_title() {
    let got = best("Caught Zephyr on a Budget Board by Ingeborg Dahl").unwrap();
    assert_eq!(got, ("Zephyr on a Budget Board".to_owned(), vec!["Ingeborg Dahl".to_owned()]));
    let got = best("skipped Safety PLCs for Software People by Henrik Solheim").unwrap();
    assert_eq!(got.0, "Safety PLCs for Software People");
    // (The verb is the title's own where no journal's form follows it.)
    let got = best("Skipped Frames: Rendering at 120 Hz — Ana Ortiz").unwrap();
    assert_eq!(got.0, "Skipped Frames: Rendering at 120 Hz");
    // (No title after the verb: `Caught up with Ana Ortiz` tells of no talk.)
    assert_ne!(best("Caught up with Ana Ortiz").map(|r| r.0).as_deref(), Some("up with Ana Ortiz"));
}

#[test]
fn phone_shorthand_typed_in_lower_case() {
    let got = best("talk by takeshi inoue abt sampling traces without losing the weird ones").unwrap();
    assert_eq!(got, ("sampling traces without losing the weird ones".to_owned(), vec!["Takeshi Inoue".to_owned()]));
    let got = best("panel: who owns the slo? - rangi parata, dimitris alexiou, anneke van der meer").unwrap();
    assert_eq!(got.0, "who owns the slo?");
    assert_eq!(got.1, ["Rangi Parata", "Dimitris Alexiou", "Anneke van der Meer"]);
    let got = best("wkshp: otel for mobile apps w/ maryam hossain").unwrap();
    assert_eq!(got, ("otel for mobile apps".to_owned(), vec!["Maryam Hossain".to_owned()]));
}

#[test]
fn a_moderator_told_after_the_title_is_a_panels_speaker() {
    let r = readings(
        &Head::plain(
            "\"Who Certifies the Robot?\" — Helga Brekke moderating, with Samuel Mensah, Ananya Krishnan and Wiremu Parata",
        ),
        Slot::Guessed,
    );
    let best = r.iter().find(|r| r.speakers.len() == 4).unwrap();
    assert_eq!(best.title, "Who Certifies the Robot?");
    assert!(best.speakers.iter().any(|n| n.name == "Helga Brekke"), "{:?}", best.speakers);
    assert_eq!(best.speakers.len(), 4);
}
