//! Entity extraction: the seed article, hostile input, gazetteers, and a
//! Reuters smoke evaluation.

use std::path::PathBuf;
use std::sync::Arc;

use newsdex::extract::kb::KnowledgeBase;
use newsdex::extract::text::Doc;
use newsdex::extract::{Entity, EntityKind, Extractor};

mod common;

fn corpus_dir() -> Option<PathBuf> {
    common::shared_corpus()
}

fn extractor() -> Extractor {
    Extractor {
        kb: KnowledgeBase::builtin_shared().expect("built-in knowledge base loads"),
        tagger: None,
    }
}

/// An extractor whose knowledge base is only the country Freedonia plus
/// `entries` (knowledge-base JSON lines), with no tagger.
fn freedonia(entries: &str) -> Extractor {
    let mut kb = KnowledgeBase::default();
    kb.merge_str(
        "test",
        &format!(
            "{}\n{entries}",
            r#"{"name":"Freedonia","type":"place","kind":"country","demonyms":["Freedonian"]}"#
        ),
    )
    .expect("test gazetteer loads");
    Extractor {
        kb: Arc::new(kb),
        tagger: None,
    }
}

fn people(entities: &[Entity]) -> Vec<&str> {
    let mut v: Vec<&str> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    v.sort_unstable();
    v
}

fn find<'a>(entities: &'a [Entity], name: &str) -> &'a Entity {
    entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("{name} not extracted: {entities:#?}"))
}

#[test]
fn seed_article() {
    check_seed(&extractor());
}

/// The same with the name tagger, as `newsdex extract` and `index` run it.
#[test]
fn seed_article_with_tagger() {
    match newsdex::extract::ner::Tagger::default_model() {
        Ok(t) => check_seed(&Extractor {
            kb: KnowledgeBase::builtin_shared().expect("built-in knowledge base loads"),
            tagger: Some(Arc::new(t)),
        }),
        Err(e) => eprintln!("skipping: no tagger model ({e})"),
    }
}

fn check_seed(ex: &Extractor) {
    let Some(dir) = corpus_dir() else { return };
    let path = dir.join("seed/ukraine-peace-talks-florida.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {} not found", path.display());
        return;
    };
    let x = ex.extract(&text, None);
    let mut want = vec![
        "Steve Witkoff",
        "Jared Kushner",
        "Marco Rubio",
        "Donald Trump",
        "Vladimir Putin",
        "Kirill Dmitriev",
        "Volodymyr Zelenskyy",
        "Yuri Ushakov",
        "Emmanuel Macron",
        "Dmytro Lubinets",
    ];
    want.sort_unstable();
    assert_eq!(people(&x.entities), want);
    for name in ["Kirill Dmitriev", "Yuri Ushakov"] {
        let e = find(&x.entities, name);
        assert!(
            e.affiliations.iter().any(|a| a == "Russia/Kremlin"),
            "{name}: {:?}",
            e.affiliations
        );
    }
    for name in ["Volodymyr Zelenskyy", "Dmytro Lubinets"] {
        let e = find(&x.entities, name);
        assert!(
            !e.affiliations.is_empty() && e.affiliations.iter().all(|a| a.starts_with("Ukraine/")),
            "{name}: {:?}",
            e.affiliations
        );
    }
    for (place, country) in [
        ("Florida", "United States"),
        ("Hallandale Beach", "United States"),
        ("Miami", "United States"),
        ("Ukraine", "Ukraine"),
        ("Russia", "Russia"),
        ("Sumy", "Ukraine"),
    ] {
        let e = find(&x.entities, place);
        assert_eq!(e.kind, EntityKind::Place, "{place}");
        assert_eq!(e.country.as_deref(), Some(country), "{place}");
    }
    // A village the knowledge base does not know lies where the places
    // named next to it lie.
    let village = find(&x.entities, "Hrabovske");
    assert_eq!(village.country.as_deref(), Some("Ukraine"));
    // Short forms joined to the full name, offsets exact.
    let putin = find(&x.entities, "Vladimir Putin");
    assert!(putin.mentions.len() >= 4, "{:?}", putin.mentions);
    for m in &putin.mentions {
        assert!(m.slice(&text).contains("Putin"), "{:?}", m.slice(&text));
    }
    let kushner = find(&x.entities, "Jared Kushner");
    assert!(kushner.mentions.iter().any(|m| m.slice(&text) == "Kushner"));
}

/// Without the knowledge base knowing the people, the rules still find
/// them, their roles and affiliations from titles and appositives.
#[test]
fn rules_without_people_in_kb() {
    let mut kb = KnowledgeBase::default();
    kb.merge_str(
        "test",
        r#"{"name":"Russia","type":"place","kind":"country","demonyms":["Russian","Russians"]}
{"name":"Ukraine","type":"place","kind":"country","demonyms":["Ukrainian","Ukrainians"]}
{"name":"Kremlin","type":"org","body":"Russia/Kremlin","country":"Russia"}
{"name":"Boris Chernov","type":"person","country":"Russia","roles":[{"role":"head_of_state","body":"Russia/Kremlin"}]}"#,
    )
    .expect("test gazetteer loads");
    let ex = Extractor {
        kb: Arc::new(kb),
        tagger: None,
    };
    let text = "Talks resume\n\nKremlin envoy Pavel Orlov met reporters on Monday. \
        Ivan Sedov, a foreign affairs adviser to Chernov, said talks would go on. \
        Ukraine's human rights ombudsman, Olena Marchuk, accused Russian forces of abuses. \
        Mr. Orlov later said he was hopeful, and Marchuk said she was not.";
    let x = ex.extract(text, None);
    assert_eq!(
        people(&x.entities),
        vec![
            "Boris Chernov",
            "Ivan Sedov",
            "Olena Marchuk",
            "Pavel Orlov"
        ]
    );
    let orlov = find(&x.entities, "Pavel Orlov");
    assert!(orlov.affiliations.contains(&"Russia/Kremlin".to_string()));
    assert!(
        orlov.roles.iter().any(|r| r == "envoy"),
        "{:?}",
        orlov.roles
    );
    assert_eq!(orlov.mentions.len(), 2);
    let sedov = find(&x.entities, "Ivan Sedov");
    assert!(
        sedov.affiliations.contains(&"Russia/Kremlin".to_string()),
        "{:?}",
        sedov.affiliations
    );
    let marchuk = find(&x.entities, "Olena Marchuk");
    assert!(
        marchuk
            .affiliations
            .iter()
            .any(|a| a.starts_with("Ukraine/")),
        "{:?}",
        marchuk.affiliations
    );
    assert_eq!(marchuk.mentions.len(), 2);
}

#[test]
fn role_descriptions_use_the_date() {
    let mut kb = KnowledgeBase::default();
    kb.merge_str(
        "test",
        r#"{"name":"Freedonia","type":"place","kind":"country","demonyms":["Freedonian"]}
{"name":"Rufus Firefly","type":"person","country":"Freedonia","roles":[{"role":"head_of_state","body":"Freedonia/Government","from":"2020-01-01","to":"2024-01-01"}]}
{"name":"Gloria Teasdale","type":"person","country":"Freedonia","roles":[{"role":"head_of_state","body":"Freedonia/Government","from":"2024-01-01"}]}"#,
    )
    .expect("test gazetteer loads");
    let ex = Extractor {
        kb: Arc::new(kb),
        tagger: None,
    };
    let text = "Budget\n\nThe Freedonian president said the budget was balanced.";
    let date = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let x = ex.extract(text, date("2022-05-01"));
    assert_eq!(people(&x.entities), vec!["Rufus Firefly"]);
    let firefly = find(&x.entities, "Rufus Firefly");
    assert_eq!(firefly.mentions[0].slice(text), "The Freedonian president");
    let x = ex.extract(text, date("2025-05-01"));
    assert_eq!(people(&x.entities), vec!["Gloria Teasdale"]);
}

#[test]
fn hostile_input_does_not_panic() {
    let ex = extractor();
    let caps = "Word ".repeat(10_000);
    let long_line = "Vladimir Putin met Steve Witkoff in Miami and ".repeat(22_000);
    let inputs: Vec<String> = vec![
        String::new(),
        "\n\n\n".to_string(),
        "no sentences here just words without end".to_string(),
        "PRESIDENT PUTIN SAID RUSSIA WILL WIN. UKRAINE DISAGREES.".to_string(),
        caps,
        "🙂 Putin 🙂 said 👍🏽 in Kyiv 🇺🇦.".to_string(),
        "قال الرئيس بوتين في موسكو. שלום לכולם. Putin said.".to_string(),
        "\u{0}\u{1}\u{7}Mr.\u{8} Smith\u{1b}[31m said\r\n\u{202e}Kyiv\u{feff}".to_string(),
        "Mr. Mrs. Dr. Gen. U.S. U.K. 's 's , , . . ... Inc. Corp.".to_string(),
        long_line,
    ];
    for text in &inputs {
        let x = ex.extract(text, None);
        for e in &x.entities {
            assert!(!e.name.is_empty());
            for m in &e.mentions {
                assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                assert!(m.start < m.end && m.end <= text.len());
            }
        }
    }
    // Ten thousand capitalised words make no entity.
    let x = ex.extract(&inputs[4], None);
    assert!(x.entities.is_empty(), "{:?}", x.entities);
    // The all-caps line still names its country and person.
    let x = ex.extract(&inputs[3], None);
    assert!(x.entities.iter().any(|e| e.name == "Russia"));
}

#[test]
fn malformed_gazetteer_names_file_and_line_and_loads_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("gaz.jsonl");
    std::fs::write(
        &path,
        "{\"name\":\"Zorblax Quintavius\",\"type\":\"person\"}\n{\"name\": broken\n",
    )
    .expect("write gazetteer");
    let mut kb = KnowledgeBase::builtin().expect("built-in knowledge base loads");
    let before = kb.len();
    let err = kb.merge_file(&path).expect_err("malformed line rejected");
    let msg = format!("{err:#}");
    assert!(msg.contains("gaz.jsonl:2"), "{msg}");
    assert_eq!(kb.len(), before);
    assert!(kb.lookup("Zorblax Quintavius").is_empty());
    // The extract command reports it and stops with status 2.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsdex"))
        .args(["extract", "--gazetteer"])
        .arg(&path)
        .arg("-")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run newsdex");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("gaz.jsonl:2"), "{stderr}");
}

#[test]
fn extract_command_json_offsets_point_into_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.txt");
    let text = "Talks in Miami\n\nKremlin envoy Kirill Dmitriev told reporters in Miami that talks went well.\n";
    std::fs::write(&path, text).expect("write article");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsdex"))
        .args(["extract", "--json"])
        .arg(&path)
        .output()
        .expect("run newsdex");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = String::from_utf8_lossy(&out.stdout);
    let v: serde_json::Value = serde_json::from_str(line.trim()).expect("one JSON line");
    let entities = v["entities"].as_array().expect("entities array");
    let mut checked = 0;
    for e in entities {
        for m in e["mentions"].as_array().expect("mentions") {
            let (s, t) = (
                m["start"].as_u64().unwrap_or(0) as usize,
                m["end"].as_u64().unwrap_or(0) as usize,
            );
            assert_eq!(text.get(s..t), m["text"].as_str());
            checked += 1;
        }
    }
    assert!(checked >= 3, "{v}");
    assert!(entities
        .iter()
        .any(|e| e["name"] == "Kirill Dmitriev" && e["type"] == "person"));
}

#[test]
fn sentence_splitting_and_tokens() {
    let text = "Gen. Smith met Sen. Brown in St. Louis on Sept. 3. \"We agreed.\" He left at 5 p.m. The U.S. team stayed.";
    let d = Doc::analyze(text);
    let s: Vec<&str> = (0..d.sentences.len()).map(|i| d.sentence_text(i)).collect();
    assert_eq!(
        s,
        vec![
            "Gen. Smith met Sen. Brown in St. Louis on Sept. 3.",
            "\"We agreed.\"",
            "He left at 5 p.m.",
            "The U.S. team stayed."
        ]
    );
}

/// Reuters smoke test: recall on the first file stays above a floor a
/// little under what was measured (see docs/parts/entities.md).
#[test]
fn reuters_smoke() {
    let Some(dir) = corpus_dir() else { return };
    let file = dir.join("reuters21578/reut2-000.sgm.gz");
    if !file.exists() {
        eprintln!("skipping: {} not found", file.display());
        return;
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsdex"))
        .args(["eval", "reuters", "--json"])
        .arg(&file)
        .output()
        .expect("run newsdex");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("eval prints one JSON object");
    let places = v["places"]["recall"].as_f64().unwrap_or(0.0);
    let people = v["people"]["recall"].as_f64().unwrap_or(0.0);
    assert!(places >= 0.92, "places recall {places}");
    assert!(people >= 0.85, "people recall {people}");
    assert!(
        v["places"]["precision"].as_f64().unwrap_or(0.0) >= 0.5,
        "{v}"
    );
}

/// Without an article date, a person's knowledge-base roles and
/// affiliations are the current ones (else the last held), not every post
/// ever held; with a date, those held then.
#[test]
fn dateless_articles_take_current_roles() {
    let mut kb = KnowledgeBase::default();
    kb.merge_str(
        "test",
        r#"{"name":"Freedonia","type":"place","kind":"country","demonyms":["Freedonian"]}
{"name":"Anna Kovacs","type":"person","country":"Freedonia","roles":[{"role":"senator","title":"senator","body":"Freedonia/Senate","from":"2010-01-01","to":"2020-01-01"},{"role":"foreign_minister","title":"foreign minister","body":"Freedonia/Foreign Ministry","from":"2020-01-01"}]}
{"name":"Piotr Lang","type":"person","country":"Freedonia","roles":[{"role":"mayor","title":"mayor","body":"Freedonia/Capital","from":"2001-01-01","to":"2005-01-01"},{"role":"governor","title":"governor","body":"Freedonia/North","from":"2005-01-01","to":"2009-01-01"}]}"#,
    )
    .expect("test gazetteer loads");
    let ex = Extractor {
        kb: Arc::new(kb),
        tagger: None,
    };
    let text = "Anna Kovacs met Piotr Lang on Monday. Kovacs said the talks went well.";
    let x = ex.extract(text, None);
    let anna = find(&x.entities, "Anna Kovacs");
    assert_eq!(anna.affiliations, vec!["Freedonia/Foreign Ministry"]);
    assert_eq!(anna.roles, vec!["foreign minister"]);
    let piotr = find(&x.entities, "Piotr Lang");
    assert_eq!(piotr.affiliations, vec!["Freedonia/North"]);
    let date = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let then = ex.extract(text, date("2015-06-01"));
    let anna = find(&then.entities, "Anna Kovacs");
    assert_eq!(anna.affiliations, vec!["Freedonia/Senate"]);
}

/// A middle initial the knowledge base leaves out ("Boris K. Chernov", a
/// newspaper house style) still links the name to its entry, and with it the
/// speaker's body; an unknown name keeps its initial.
#[test]
fn middle_initials_link_to_the_knowledge_base() {
    let mut kb = KnowledgeBase::default();
    kb.merge_str(
        "test",
        r#"{"name":"Kremlin","type":"org","body":"Russia/Kremlin","country":"Russia"}
{"name":"Boris Chernov","type":"person","country":"Russia","aliases":["Chernov"],"roles":[{"role":"head_of_state","body":"Russia/Kremlin"}]}"#,
    )
    .expect("test gazetteer loads");
    let ex = Extractor {
        kb: Arc::new(kb),
        tagger: None,
    };
    let text = "Talks resume\n\nBoris K. Chernov met Anna T. Volkova on Monday. \
        Mr. Chernov said talks would go on.";
    let x = ex.extract(text, None);
    assert_eq!(
        people(&x.entities),
        vec!["Anna T. Volkova", "Boris Chernov"]
    );
    let chernov = find(&x.entities, "Boris Chernov");
    assert!(
        chernov
            .mentions
            .iter()
            .any(|m| m.slice(text) == "Boris K. Chernov"),
        "{chernov:?}"
    );
    assert!(chernov.affiliations.contains(&"Russia/Kremlin".to_string()));
}

/// The end of a title or body phrase before a given name and surname is no
/// part of the name: "Governor of Sevastopol Mikhail Razvozhayev" is Mikhail
/// Razvozhayev, not "Sevastopol Mikhail Razvozhayev". Names whose first word
/// is itself a given name, ships and numbered monarchs keep their words.
#[test]
fn title_words_glued_before_a_name_are_dropped() {
    let text = "Appointments in the regions\n\n\
        Governor of Sevastopol Mikhail Razvozhayev met Minister of Industry and Trade \
        Denis Manturov and Director General of Rosseti Andrei Ryumin on Monday. \
        Chief of Staff of the Presidential Executive Office Anton Vaino was there too. \
        Earlier, Democrat Jon Ossoff spoke aboard the USS Carl Vinson. \
        \"We are ready,\" said Wade Michael Page.";
    for ex in std::iter::once(extractor()).chain(tagged_extractor()) {
        let ents = ex.extract(text, None).entities;
        let people = people(&ents);
        for name in [
            "Mikhail Razvozhayev",
            "Denis Manturov",
            "Andrei Ryumin",
            "Anton Vaino",
            "Jon Ossoff",
        ] {
            assert!(people.contains(&name), "{name} missing: {people:?}");
        }
        // Only the tagger finds this one; its first word stays.
        if ex.tagger.is_some() {
            assert!(people.contains(&"Wade Michael Page"), "{people:?}");
        }
        for glue in ["Sevastopol", "Trade", "Rosseti", "Office", "Democrat"] {
            assert!(
                !ents.iter().any(|e| e.name.starts_with(&format!("{glue} "))
                    && e.name.split_whitespace().count() >= 3),
                "{glue} glued: {ents:#?}"
            );
        }
        assert!(!people.contains(&"Carl Vinson"), "{people:?}");
    }
}

fn tagged_extractor() -> Option<Extractor> {
    let t = newsdex::extract::ner::Tagger::default_model().ok()?;
    Some(Extractor {
        kb: KnowledgeBase::builtin_shared().expect("built-in knowledge base loads"),
        tagger: Some(Arc::new(t)),
    })
}

/// Capitalised sequences built like an organisation, a site or an occasion
/// are not taken for people, even where the context ("… said") suggests
/// one; a given name first keeps a person.
#[test]
fn names_built_like_places_orgs_or_occasions_are_no_people() {
    let ex = extractor();
    let text = "Parade in Minsk\n\n\
        On Tuesday, the Defense Ministry of Belarus said on Telegram it had held an inspection. \
        Veterans marked the defeat of Nazi Germany in the war. \
        A rally was held at the same place in Moscow's Pushkin Square where a café opened in 1990. \
        The singer Doris Day said she was glad.";
    let ents = ex.extract(text, None).entities;
    let people = people(&ents);
    for junk in [
        "Defense Ministry of Belarus",
        "Nazi Germany",
        "Pushkin Square",
    ] {
        assert!(!people.contains(&junk), "{junk} as a person: {people:?}");
    }
    assert!(people.contains(&"Doris Day"), "{people:?}");
    let ministry = find(&ents, "Defense Ministry of Belarus");
    assert_eq!(ministry.kind, EntityKind::Org);
}

/// A news-style state abbreviation after a town or a lawmaker's party is
/// the state ("Gettysburg, Pa." is in Pennsylvania), not a place "Pa"; a
/// bare "Pa" stays what it was.
#[test]
fn state_abbreviations_are_their_states() {
    let text = "Campaign stops\n\n\
        The senator spoke in Gettysburg, Pa., last October. Rep. Charlie Dent (R-Pa.) \
        and Rep. Tom Price (R-Ga.) listened in Portland, Ore., on Friday.";
    for ex in std::iter::once(extractor()).chain(tagged_extractor()) {
        let ents = ex.extract(text, None).entities;
        let places: Vec<&str> = ents
            .iter()
            .filter(|e| e.kind == EntityKind::Place)
            .map(|e| e.name.as_str())
            .collect();
        // The rules alone find no place there; the tagger does.
        if ex.tagger.is_some() {
            assert!(places.contains(&"Pennsylvania"), "{places:?}");
            assert!(places.contains(&"Oregon"), "{places:?}");
        }
        for abbr in ["Pa", "Ga", "Ore"] {
            assert!(!places.contains(&abbr), "{abbr} kept: {places:?}");
        }
    }
}

/// A given name before the surname of a known person who has another given
/// name is someone else: the article's "David Albright … Mr. Albright" is
/// one person the knowledge base does not know, not Madeleine Albright.
#[test]
fn a_namesake_is_not_the_known_person() {
    let text = "Nuclear estimates\n\n\
        The institute, led by nuclear physicist David Albright, estimates that the \
        country may own 30 weapons. \"It is growing,\" Mr. Albright said in a briefing.";
    for ex in std::iter::once(extractor()).chain(tagged_extractor()) {
        let ents = ex.extract(text, None).entities;
        let people = people(&ents);
        assert!(!people.contains(&"Madeleine Albright"), "{people:?}");
        let david = find(&ents, "David Albright");
        assert_eq!(david.mentions.len(), 2, "{david:?}");
    }
    // The known person named in full keeps the link.
    let text = "Diplomacy\n\nFormer secretary of state Madeleine Albright spoke. \
        \"It is growing,\" Albright said.";
    let ents = extractor().extract(text, None).entities;
    assert_eq!(find(&ents, "Madeleine Albright").mentions.len(), 2);
}

/// Roles read from the text keep its case ("Foreign Minister", not
/// "foreign minister"), and the same role met again in another case is
/// not a second role.
#[test]
fn roles_keep_the_case_of_the_text() {
    let ex = freedonia(r#"{"name":"Anna Kovacs","type":"person","country":"Freedonia"}"#);
    let text = "Freedonian Foreign Minister Anna Kovacs arrived on Monday. \
                The Freedonian foreign minister, Anna Kovacs, said the talks went well.";
    let x = ex.extract(text, None);
    let anna = find(&x.entities, "Anna Kovacs");
    assert!(
        anna.roles.iter().any(|r| r == "Foreign Minister"),
        "roles: {:?}",
        anna.roles
    );
    let same = anna
        .roles
        .iter()
        .filter(|r| r.eq_ignore_ascii_case("foreign minister"))
        .count();
    assert_eq!(same, 1, "one role, not one per case: {:?}", anna.roles);
}

/// A place that is a person's given name is part of the name, not a
/// place the story mentions; a place before a party label or a state's
/// short form stays a place.
#[test]
fn given_names_that_are_places() {
    let ex = extractor();
    let text = "San Francisco Mayor Chad Wolfson said on Monday that the city would reopen. \
                Wolfson spoke after Kentucky Republican Rand Paul met the governor.";
    let x = ex.extract(text, None);
    let places: Vec<&str> = x
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Place)
        .map(|e| e.name.as_str())
        .collect();
    assert!(
        people(&x.entities).contains(&"Chad Wolfson"),
        "{:?}",
        people(&x.entities)
    );
    assert!(!places.contains(&"Chad"), "places: {places:?}");
    assert!(places.contains(&"San Francisco"), "places: {places:?}");
    assert!(places.contains(&"Kentucky"), "places: {places:?}");
}

/// A title that names a city or state gives that place as the body
/// ("Freeport Mayor" → Freedonia/Freeport), but a member of the national
/// legislature named by their seat stays with the country's government.
#[test]
fn city_and_state_titles_are_local_bodies() {
    let ex = freedonia(r#"{"name":"Freeport","type":"place","kind":"city","country":"Freedonia"}"#);
    let text = "Freeport Mayor Anna Kovacs said the port would reopen. \
                Freeport Sen. Piotr Lang disagreed.";
    let x = ex.extract(text, None);
    let anna = find(&x.entities, "Anna Kovacs");
    assert_eq!(anna.affiliations, vec!["Freedonia/Freeport"]);
    let piotr = find(&x.entities, "Piotr Lang");
    assert_eq!(piotr.affiliations, vec!["Freedonia/Government"]);
}

/// A place whose first word the name run leaves out ("New" of "New York
/// City Mayor") is still the title's qualifier, not part of the role.
#[test]
fn multi_word_place_before_a_title() {
    let ex = freedonia(
        r#"{"name":"New Freeport City","type":"place","kind":"city","country":"Freedonia"}"#,
    );
    let text = "The council said that New Freeport City Mayor Anna Kovacs would speak on Monday.";
    let x = ex.extract(text, None);
    let anna = find(&x.entities, "Anna Kovacs");
    assert_eq!(anna.roles, vec!["Mayor"]);
    assert_eq!(anna.affiliations, vec!["Freedonia/New Freeport City"]);
}

/// A committee whose name holds "and" is one name: its chairman's role is
/// the whole name, and neither half becomes an entity of its own; a name
/// before "and" and a committee after it stay two things.
#[test]
fn committee_names_with_and() {
    let ex = freedonia("");
    let text = "Senate Fisheries and Forestry Committee Chairman Anna Kovacs said on Monday \
                that the bill would pass. Energy and Fisheries Committee Chairman Piotr Lang \
                agreed. Kovacs and Budget Committee Chairman Marta Nowak disagreed.";
    let x = ex.extract(text, None);
    let anna = find(&x.entities, "Anna Kovacs");
    assert_eq!(
        anna.roles,
        vec!["Senate Fisheries and Forestry Committee Chairman"]
    );
    let piotr = find(&x.entities, "Piotr Lang");
    assert_eq!(piotr.roles, vec!["Energy and Fisheries Committee Chairman"]);
    let marta = find(&x.entities, "Marta Nowak");
    assert_eq!(marta.roles, vec!["Budget Committee Chairman"]);
    let names: Vec<&str> = x.entities.iter().map(|e| e.name.as_str()).collect();
    for half in [
        "Senate Fisheries",
        "Forestry Committee",
        "Energy",
        "Fisheries Committee",
    ] {
        assert!(!names.contains(&half), "{half} extracted: {names:?}");
    }
}

/// A department named by its portfolio ("Homeland Security", "secretary
/// of Energy") is an organisation, never a person or a place, even beside
/// a role word ("as Homeland Security secretary").
#[test]
fn portfolio_departments_are_organisations() {
    let ex = freedonia("");
    let text = "As Homeland Security secretary, Anna Kovacs was firm. \
                The secretaries of Defense and Homeland Security said the border would open. \
                Piotr Lang was named secretary of Energy last year. \
                The Energy and Fisheries Committee met.";
    let x = ex.extract(text, None);
    for e in &x.entities {
        if e.name == "Homeland Security" || e.name == "Energy" {
            assert_eq!(e.kind, EntityKind::Org, "{e:?}");
        }
    }
    assert!(
        !people(&x.entities).contains(&"Homeland Security"),
        "{:?}",
        people(&x.entities)
    );
}

/// A demonym or country before a name without a title says where someone
/// is from, not that they work for its government; a plural demonym
/// ("Freedonians") says nothing about the name after it; with a title the
/// country's government stands.
#[test]
fn demonyms_without_a_title_give_no_government() {
    let ex = freedonia(
        r#"{"name":"Sylvania","type":"place","kind":"country","demonyms":["Sylvanian","Sylvanians"]}"#,
    );
    let text = "Freedonian Anna Kovacs won the race on Sunday. \
                A school was shelled by Sylvanians Piotr Lang confirmed. \
                Freedonian President Marta Nowak said she was proud.";
    let x = ex.extract(text, None);
    let anna = find(&x.entities, "Anna Kovacs");
    assert!(anna.affiliations.is_empty(), "{anna:?}");
    assert_eq!(anna.country.as_deref(), Some("Freedonia"));
    let piotr = find(&x.entities, "Piotr Lang");
    assert!(piotr.affiliations.is_empty(), "{piotr:?}");
    assert_ne!(piotr.country.as_deref(), Some("Sylvania"));
    let marta = find(&x.entities, "Marta Nowak");
    assert_eq!(marta.affiliations, vec!["Freedonia/Government"]);
}

/// An appositive "the governor of <region>" or "mayor of <city>" puts the
/// person in that place's body; other roles "of" a place, and a place that
/// begins a longer name, do not.
#[test]
fn local_office_appositives() {
    let ex = freedonia(
        r#"{"name":"Freeport","type":"place","kind":"city","country":"Freedonia"}
{"name":"Marsh Oblast","type":"place","kind":"region","country":"Freedonia","aliases":["Marsh region"]}"#,
    );
    let text = "Anna Kovacs, the governor of the Marsh region, said the dam held. \
                Piotr Lang, mayor of Freeport, said the port would reopen. \
                Marta Nowak, director of the Freeport Maritime Museum, said it was closed. \
                Ivan Horvat, the editor of Freeport, said so.";
    let x = ex.extract(text, None);
    assert_eq!(
        find(&x.entities, "Anna Kovacs").affiliations,
        vec!["Freedonia/Marsh Oblast"]
    );
    assert_eq!(
        find(&x.entities, "Piotr Lang").affiliations,
        vec!["Freedonia/Freeport"]
    );
    assert!(find(&x.entities, "Marta Nowak").affiliations.is_empty());
    assert!(find(&x.entities, "Ivan Horvat").affiliations.is_empty());
}

/// A governor named by a city that gives its name to a region governs the
/// region ("the Luhansk governor" serves Luhansk Oblast); the city's mayor
/// serves the city.
#[test]
fn a_governor_named_by_a_city_serves_its_region() {
    let ex = freedonia(
        r#"{"name":"Freeport","type":"place","kind":"city","country":"Freedonia"}
{"name":"Freeport Oblast","type":"place","kind":"region","country":"Freedonia","aliases":["Freeport region"]}"#,
    );
    let text = "The Freeport regional governor, Anna Kovacs, said the dam held. \
                Freeport Mayor Piotr Lang said the port would reopen.";
    let x = ex.extract(text, None);
    assert_eq!(
        find(&x.entities, "Anna Kovacs").affiliations,
        vec!["Freedonia/Freeport Oblast"]
    );
    assert_eq!(
        find(&x.entities, "Piotr Lang").affiliations,
        vec!["Freedonia/Freeport"]
    );
}

/// A body named for its topic ("Council on Foreign Relations", "Senate
/// Committee on Fisheries and Forestry") is one organisation, not a bare
/// "Council" and a topic that reads as a body or a person of its own; a
/// day, a person or a place after "on" is no topic. A statement the body
/// makes shows its whole name as the speaker mention.
#[test]
fn bodies_named_for_a_topic() {
    let ex = freedonia(r#"{"name":"Anna Kovacs","type":"person"}"#);
    let text = "Piotr Lang, a fellow at the Council on Maritime Relations, was sceptical. \
                The Senate Committee on Fisheries and Forestry said the quota would hold. \
                The Council on Monday approved the plan. \
                The committee on Freedonia met. The Council on Anna Kovacs was silent.";
    let x = ex.extract(text, None);
    let names: Vec<&str> = x.entities.iter().map(|e| e.name.as_str()).collect();
    for whole in [
        "Council on Maritime Relations",
        "Senate Committee on Fisheries and Forestry",
    ] {
        assert_eq!(find(&x.entities, whole).kind, EntityKind::Org);
    }
    for part in ["Maritime Relations", "Forestry", "Council on Monday"] {
        assert!(!names.contains(&part), "{part} extracted: {names:?}");
    }
    assert!(
        names
            .iter()
            .all(|n| !n.contains(" on Freedonia") && !n.contains(" on Anna")),
        "{names:?}"
    );
    let st = x
        .statements
        .iter()
        .find(|s| s.content.slice(text).contains("quota"))
        .unwrap_or_else(|| panic!("no statement: {:?}", x.statements));
    assert_eq!(
        st.speaker_mention.map(|m| m.slice(text)),
        Some("Senate Committee on Fisheries and Forestry")
    );
}

/// The shipped knowledge base knows the universities and think tanks news
/// quotes experts from, by their short names where those are no place
/// ("a professor at Yale"), and leaves a town that shares a university's
/// name a place ("Princeton, New Jersey").
#[test]
fn universities_and_think_tanks_from_the_shipped_knowledge_base() {
    let kb = KnowledgeBase::builtin().expect("built-in knowledge base loads");
    let ex = Extractor {
        kb: Arc::new(kb),
        tagger: None,
    };
    let text = "Anna Kovacs, a law professor at Yale, said the ruling was narrow. \
                Piotr Lang of the Brookings Institution disagreed, as did a fellow at \
                the American Enterprise Institute. The meeting was held in Princeton, \
                New Jersey.";
    let x = ex.extract(text, None);
    for org in [
        "Yale University",
        "Brookings Institution",
        "American Enterprise Institute",
    ] {
        assert_eq!(find(&x.entities, org).kind, EntityKind::Org, "{org}");
    }
    assert_eq!(find(&x.entities, "Princeton").kind, EntityKind::Place);
    let names: Vec<&str> = x.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.contains(&"Enterprise Institute"), "{names:?}");
}

/// A picture credit's agency run into the caption after it ("Photograph:
/// Jan Bor/Fredwire Anna Kovacs sits …", where the page lost its line
/// breaks) gives the name no affiliation; the agency before a title still
/// does.
#[test]
fn picture_credit_agencies_are_no_affiliations() {
    let ex = freedonia(
        r#"{"name":"Fredwire","type":"org","kind":"news_agency","country":"Freedonia","body":"Freedonia/Fredwire"}"#,
    );
    let text = "The flood reached the town on Monday. Photograph: Jan Bor/Fredwire \
                Anna Kovacs sits with her children. Fredwire correspondent Piotr Lang \
                said the water was falling.";
    let x = ex.extract(text, None);
    assert!(
        find(&x.entities, "Anna Kovacs").affiliations.is_empty(),
        "{:?}",
        find(&x.entities, "Anna Kovacs")
    );
    assert_eq!(
        find(&x.entities, "Piotr Lang").affiliations,
        vec!["Freedonia/Fredwire"]
    );
}

#[test]
fn scraped_name_cards_and_titles_of_a_country() {
    let ex = freedonia("");
    // A page's pop-up card ("Kovacs Anna" glued to the next word) is
    // neither a name nor part of one, and a title's country is not part
    // of the name after it, even when the given name is unknown.
    let text = "Talks in the capital\n\nVladimir Putin: Welcome. President of Freedonia \
                Zorana Kovacs Kovacs ZoranaPresident of Freedonia: Thank you. \
                Prime Minister of Freedonia Nikol Bardos said the talks went well.";
    let x = ex.extract(text, None);
    let names = people(&x.entities);
    assert!(names.contains(&"Zorana Kovacs"), "{names:?}");
    assert!(names.contains(&"Nikol Bardos"), "{names:?}");
    assert!(
        x.entities
            .iter()
            .all(|e| !e.name.contains("ZoranaPresident") && !e.name.contains("Freedonia ")),
        "{:#?}",
        x.entities
    );
    let turn = x
        .statements
        .iter()
        .find(|s| s.speaker.as_deref() == Some("Zorana Kovacs"))
        .unwrap_or_else(|| panic!("no turn for the card's name: {:#?}", x.statements));
    assert!(turn.content.slice(text).starts_with("Thank you"));
}

#[test]
fn an_object_of_a_title_is_a_country_only_after_a_title() {
    let ex =
        freedonia(r#"{"name":"Frederick","type":"place","kind":"city","country":"Freedonia"}"#);
    let text = "Since the time of Frederick Winslow Taylor, managers have counted.";
    let x = ex.extract(text, None);
    assert!(
        people(&x.entities).contains(&"Frederick Winslow Taylor"),
        "{:#?}",
        x.entities
    );
}

/// A role "of the eastern region of X", "of the city of X", "of the southern
/// X region" serves that place; an acting-for role "of" a country's body
/// ("secretary of Freedonia's security council") works for the country, but
/// "envoy to Freedonia's capital" names where, not whom (session 13, aff13).
#[test]
fn regions_and_offices_give_their_country() {
    let ex = freedonia(
        r#"{"name":"Freeport","type":"place","kind":"city","country":"Freedonia"}
{"name":"Freeport Oblast","type":"place","kind":"region","country":"Freedonia","aliases":["Freeport region"]}
{"name":"Marsh Oblast","type":"place","kind":"region","country":"Freedonia","aliases":["Marsh region"]}"#,
    );
    let text = "Anna Kovacs, governor of the eastern region of Freeport, said the dam held. \
                Piotr Lang, the mayor of the city of Freeport, said the port would reopen. \
                Marta Nowak, the head of the southern Marsh region, said roads were flooded. \
                Ivan Horvat, the secretary of Freedonia's security council, said talks stalled. \
                Olga Berg, an envoy to Freedonia's capital, said little.";
    let x = ex.extract(text, None);
    assert_eq!(
        find(&x.entities, "Anna Kovacs").affiliations,
        vec!["Freedonia/Freeport Oblast"]
    );
    assert_eq!(
        find(&x.entities, "Piotr Lang").affiliations,
        vec!["Freedonia/Freeport"]
    );
    assert_eq!(
        find(&x.entities, "Marta Nowak").affiliations,
        vec!["Freedonia/Marsh Oblast"]
    );
    assert_eq!(
        find(&x.entities, "Ivan Horvat").affiliations,
        vec!["Freedonia/Government"]
    );
    assert!(find(&x.entities, "Olga Berg").affiliations.is_empty());
}
