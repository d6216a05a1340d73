//! The knowledge base of known people, organisations and places.
//!
//! Entries come from `data/kb/*.jsonl` (compiled in, so the binary works from
//! any directory) plus any user gazetteer merged with
//! [`KnowledgeBase::merge_file`]. `data/README.md` documents the format.
//!
//! Every lookup is case-, diacritic- and punctuation-insensitive through
//! [`fold`]; [`KnowledgeBase::find_mentions`] is the one case-aware operation,
//! because in running text "us" and "US", "turkey" and "Turkey" differ.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, OnceLock};

use anyhow::{anyhow, bail, Context};
use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use super::wordset::ShortMap;
use super::{EntityKind, Span};

/// The built-in data files, in load order (later files may add aliases or
/// roles to entries of earlier ones).
const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "data/kb/countries.jsonl",
        include_str!("../../data/kb/countries.jsonl"),
    ),
    (
        "data/kb/us_states.jsonl",
        include_str!("../../data/kb/us_states.jsonl"),
    ),
    (
        "data/kb/regions.jsonl",
        include_str!("../../data/kb/regions.jsonl"),
    ),
    (
        "data/kb/cities.jsonl",
        include_str!("../../data/kb/cities.jsonl"),
    ),
    (
        "data/kb/orgs.jsonl",
        include_str!("../../data/kb/orgs.jsonl"),
    ),
    (
        "data/kb/outlets.jsonl",
        include_str!("../../data/kb/outlets.jsonl"),
    ),
    (
        "data/kb/companies.jsonl",
        include_str!("../../data/kb/companies.jsonl"),
    ),
    (
        "data/kb/people.jsonl",
        include_str!("../../data/kb/people.jsonl"),
    ),
    (
        "data/kb/people_historical.jsonl",
        include_str!("../../data/kb/people_historical.jsonl"),
    ),
];

/// Index of an entry in its [`KnowledgeBase`]; valid for that base only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntryId(pub u32);

/// One dated position a person holds or held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbRole {
    /// Normalised key: `head_of_state`, `foreign_minister`, `spokesperson`, …
    pub role: String,
    /// Display title, e.g. "foreign policy aide to the President of Russia".
    pub title: Option<String>,
    /// Affiliation path `Country/Body`, e.g. `Russia/Kremlin`.
    pub body: Option<String>,
    /// Whose adviser/spokesperson/envoy this is.
    pub of: Option<String>,
    /// First day in the role (inclusive); `None` = unknown, long ago.
    pub from: Option<NaiveDate>,
    /// First day no longer in the role (exclusive); `None` = current.
    pub to: Option<NaiveDate>,
}

impl KbRole {
    /// Whether the role was held on `date` (`from <= date < to`).
    pub fn held_at(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date < t)
    }
}

/// One known person, organisation or place.
#[derive(Debug, Clone, PartialEq)]
pub struct KbEntry {
    /// Canonical name.
    pub name: String,
    pub kind: EntityKind,
    /// Wikidata QID, only where it is known for sure.
    pub qid: Option<String>,
    /// Canonical country name (for a country entry, `None`).
    pub country: Option<String>,
    /// Other names: spellings, transliterations, abbreviations.
    pub aliases: Vec<String>,
    pub roles: Vec<KbRole>,
    /// For organisations: the affiliation path they stand for.
    pub body: Option<String>,
    /// `country`, `region`, `city`, `news_agency`, `government_body`, …
    pub subkind: Option<String>,
    /// For countries: "Russian", "Russians".
    pub demonyms: Vec<String>,
    /// For countries: the capital's name.
    pub capital: Option<String>,
    /// For sub-national places: the first-level division (US state, …).
    pub admin1: Option<String>,
    pub iso2: Option<String>,
    pub iso3: Option<String>,
    /// Places: inhabitants, used to rank same-named places.
    pub population: Option<u64>,
    /// The name is also a common word or a famous person's name: match it
    /// only with supporting context.
    pub ambiguous: bool,
    /// Free-text remark (e.g. "historical state, dissolved 1991").
    pub note: Option<String>,
}

impl KbEntry {
    /// Whether the article dated `date` can be about this person when it
    /// names them by surname alone: not when every one of their dated roles
    /// lies more than two years away ("Wallace" in a 2016 debate transcript
    /// is not Ben Wallace, defence secretary 2019-2023; "Charles" in 2017 is
    /// not King Charles III). A former head of state or government stays
    /// in the news for good (Schröder in 2022), so only their start counts.
    /// People with an undated role or none, and undated articles, pass.
    pub fn near_its_roles(&self, date: Option<NaiveDate>) -> bool {
        let Some(date) = date else {
            return true;
        };
        let margin = chrono::Duration::days(730);
        self.roles.is_empty()
            || self.roles.iter().any(|r| {
                let head = matches!(r.role.as_str(), "head_of_state" | "head_of_government");
                match (r.from, r.to) {
                    (None, None) => true,
                    (from, to) => {
                        from.is_none_or(|f| f - margin <= date)
                            && (head || to.is_none_or(|t| date <= t + margin))
                    }
                }
            })
    }
}

impl KbEntry {
    /// A country or territory of ISO 3166 (not a former state).
    pub fn is_country(&self) -> bool {
        self.kind == EntityKind::Place && self.subkind.as_deref() == Some("country")
    }

    /// A country or a former one (Soviet Union, Yugoslavia): what demonyms
    /// and country lookups may name.
    pub fn is_state(&self) -> bool {
        self.is_country()
            || (self.kind == EntityKind::Place
                && self.subkind.as_deref() == Some("historical_country"))
    }

    /// Sort key for same-named entries: lower ranks first. News means the
    /// country by "Georgia", the capital by "Washington" and the big city by
    /// "New York", hence countries, then capitals and cities of a million,
    /// then regions, then big cities; a known person or organisation comes
    /// before a small town of the same name ("Rubio" the senator, not the
    /// Venezuelan town).
    fn rank(&self) -> (u8, std::cmp::Reverse<u64>) {
        let pop = self.population.unwrap_or(0);
        let tier = match (self.kind, self.subkind.as_deref()) {
            (EntityKind::Place, Some("country")) => 0,
            (EntityKind::Place, Some("historical_country")) => 1,
            // A small territory's capital ("Douglas", Isle of Man) is not
            // what news means by the name.
            (EntityKind::Place, Some("capital")) if pop == 0 || pop >= 100_000 => 2,
            (EntityKind::Place, Some("city")) if pop >= 1_000_000 => 2,
            (EntityKind::Place, Some("region" | "state" | "territory" | "world_region")) => 3,
            (EntityKind::Place, Some("city")) if pop >= 250_000 => 4,
            (EntityKind::Org, _) => 5,
            (EntityKind::Person, _) => 6,
            (EntityKind::Place, _) => 7,
        };
        let tier = if self.ambiguous { tier + 10 } else { tier };
        (tier, std::cmp::Reverse(pop))
    }
}

/// A knowledge-base name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbMatch {
    /// Byte span in the original text.
    pub span: Span,
    /// Entries with that name, best-ranked first (never empty).
    pub ids: Vec<EntryId>,
    /// The words are a demonym ("Russian"), `ids` the country.
    pub demonym: bool,
}

/// The knowledge base: entries plus the indexes the lookups use.
#[derive(Debug, Default)]
pub struct KnowledgeBase {
    entries: Vec<KbEntry>,
    /// Folded name or alias → entries, best-ranked first.
    names: FxMap<String, Vec<EntryId>>,
    /// Folded demonym → country.
    demonyms: FxMap<String, EntryId>,
    /// Folded last word of a person's name or alias → people.
    surnames: FxMap<String, Vec<EntryId>>,
    /// (kind, folded name, folded country, folded admin1) → entry, for
    /// merging duplicates.
    keys: FxMap<(EntityKind, String, String, String), EntryId>,
    /// Folded country of a role → the people (ascending ids) with a role
    /// for it, so that `role_holders` looks at a country's people only.
    holders_by_country: FxMap<String, Vec<EntryId>>,
    /// (kind, folded name) → entries, for merging entries that say less.
    by_kind_name: FxMap<(EntityKind, String), Vec<EntryId>>,
    /// Per entry, its aliases folded (in order, empty ones included), for
    /// callers that compare many names per article.
    folded_aliases: Vec<Vec<String>>,
    /// Per entry, its name folded, so that the matcher need not fold again.
    folded_names: Vec<String>,
    /// Per entry, per role (in order): the folded country the role is held
    /// for (`role_country`) and the folded display title, so that
    /// `role_holders` folds nothing per person it looks at.
    folded_roles: Vec<Vec<(String, Option<String>)>>,
    /// Built on first use of `find_mentions`; reset by a merge.
    matcher: OnceLock<Matcher>,
}

impl KnowledgeBase {
    /// The knowledge base compiled into the binary from `data/kb/`.
    pub fn builtin() -> anyhow::Result<KnowledgeBase> {
        let mut kb = KnowledgeBase::default();
        for (file, text) in BUILTIN_FILES {
            // Built-in lines never describe the same entry twice (a test
            // checks), so they are taken as they are; the merge keys are
            // built only when a gazetteer is merged.
            kb.entries.extend(parse_jsonl(file, text)?);
        }
        kb.reindex();
        Ok(kb)
    }

    /// One process-wide built-in knowledge base, loaded on first use; for
    /// callers (tests, tools) that need no user gazetteer.
    pub fn builtin_shared() -> anyhow::Result<Arc<KnowledgeBase>> {
        static SHARED: OnceLock<Result<Arc<KnowledgeBase>, String>> = OnceLock::new();
        SHARED
            .get_or_init(|| {
                KnowledgeBase::builtin()
                    .map(Arc::new)
                    .map_err(|e| format!("{e:#}"))
            })
            .clone()
            .map_err(|e| anyhow!(e))
    }

    /// Merges a user gazetteer (same format as `data/kb/*.jsonl`) and
    /// returns how many lines it held. All or nothing: on a malformed line
    /// the error names `file:line` and the base is left unchanged.
    pub fn merge_file(&mut self, path: &Path) -> anyhow::Result<usize> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read gazetteer {}", path.display()))?;
        self.merge_str(&path.display().to_string(), &text)
    }

    /// [`merge_file`](Self::merge_file) for text already in memory; `origin`
    /// names it in error messages.
    pub fn merge_str(&mut self, origin: &str, text: &str) -> anyhow::Result<usize> {
        let raws = parse_jsonl(origin, text)?;
        let n = raws.len();
        if self.keys.len() != self.entries.len() {
            self.build_keys();
        }
        self.apply(raws);
        self.reindex();
        Ok(n)
    }

    /// The merge keys of every entry.
    fn build_keys(&mut self) {
        self.keys.clear();
        self.by_kind_name.clear();
        for (i, e) in self.entries.iter().enumerate() {
            let id = EntryId(i as u32);
            let key = entry_key(e);
            self.by_kind_name
                .entry((key.0, key.1.clone()))
                .or_default()
                .push(id);
            self.keys.entry(key).or_insert(id);
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the base has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry behind an id (`None` for an id of another base).
    pub fn get(&self, id: EntryId) -> Option<&KbEntry> {
        self.entries.get(id.0 as usize)
    }

    /// `fold` of each alias of entry `id`, in the entry's order (empty for
    /// an id of another base).
    pub fn folded_aliases(&self, id: EntryId) -> &[String] {
        self.folded_aliases
            .get(id.0 as usize)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// `fold` of the name of entry `id` ("" for an id of another base).
    pub fn folded_name(&self, id: EntryId) -> &str {
        self.folded_names
            .get(id.0 as usize)
            .map(String::as_str)
            .unwrap_or("")
    }

    /// All entries with their ids.
    pub fn entries(&self) -> impl Iterator<Item = (EntryId, &KbEntry)> {
        self.entries
            .iter()
            .enumerate()
            .map(|(i, e)| (EntryId(i as u32), e))
    }

    /// Entries whose name or an alias folds to the same as `surface`,
    /// best-ranked first.
    /// A leading "the" is optional both ways: "Fed" finds "the Fed",
    /// "the Kremlin" finds "Kremlin".
    pub fn lookup(&self, surface: &str) -> &[EntryId] {
        let key = fold(surface);
        self.lookup_folded(&key)
    }

    fn lookup_folded(&self, key: &str) -> &[EntryId] {
        if let Some(v) = self.names.get(key) {
            return v;
        }
        // Most keys miss: the other form is looked up without building a
        // `String` for it (a `format!` per call was ~1% of extraction).
        let found = match key.strip_prefix("the ") {
            Some(rest) => self.names.get(rest),
            None => {
                let mut buf = [0u8; 64];
                match with_the(key, &mut buf) {
                    Some(other) => self.names.get(other),
                    None => self.names.get(&format!("the {key}")),
                }
            }
        };
        found.map(Vec::as_slice).unwrap_or(&[])
    }

    /// The one entry `name` stands for, if the base can tell: by name or
    /// alias (for same-named places the best-ranked one; for several people
    /// of that name none), else for a single word by a unique surname.
    pub fn resolve(&self, name: &str, kind: Option<EntityKind>) -> Option<&KbEntry> {
        self.resolve_folded(&fold(name), kind)
    }

    /// [`KnowledgeBase::resolve`] of a name already folded (`key` = `fold(name)`).
    pub fn resolve_folded(&self, key: &str, kind: Option<EntityKind>) -> Option<&KbEntry> {
        if key.is_empty() {
            return None;
        }
        let fits = |id: &EntryId| {
            self.get(*id)
                .is_some_and(|e| kind.is_none_or(|k| e.kind == k))
        };
        let ids: Vec<EntryId> = self
            .lookup_folded(key)
            .iter()
            .copied()
            .filter(fits)
            .collect();
        if let Some(e) = self.pick(key, &ids) {
            return Some(e);
        }
        if !ids.is_empty() || key.contains(' ') || kind.is_some_and(|k| k != EntityKind::Person) {
            return None;
        }
        match self.surnames.get(key).map(Vec::as_slice) {
            Some([only]) => self.get(*only),
            _ => None,
        }
    }

    /// The best of same-named candidates, or `None` when they are people or
    /// organisations the name cannot tell apart.
    fn pick(&self, key: &str, ids: &[EntryId]) -> Option<&KbEntry> {
        match ids {
            [] => None,
            [only] => self.get(*only),
            [first, ..] => {
                let best = self.get(*first)?;
                // Places have a natural order (country, capital, big city).
                if best.kind == EntityKind::Place {
                    return Some(best);
                }
                // Of several people (or organisations) of one name, the
                // one whose canonical name it is, or the only one.
                let same: Vec<&KbEntry> = ids
                    .iter()
                    .filter_map(|id| self.get(*id))
                    .filter(|e| e.kind == best.kind)
                    .collect();
                if let [only] = same.as_slice() {
                    return Some(only);
                }
                let canonical: Vec<&&KbEntry> =
                    same.iter().filter(|e| fold(&e.name) == key).collect();
                match canonical.as_slice() {
                    [only] => Some(**only),
                    _ => None,
                }
            }
        }
    }

    /// Up to `n` entries whose names are closest to `name` (for "unknown
    /// name, did you mean …" messages), closest first.
    pub fn suggest(&self, name: &str, kind: Option<EntityKind>, n: usize) -> Vec<&KbEntry> {
        let key = fold(name);
        if key.is_empty() || n == 0 {
            return Vec::new();
        }
        let mut best: HashMap<EntryId, f64> = HashMap::new();
        for (alias, ids) in &self.names {
            let score = strsim::jaro_winkler(&key, alias);
            if score < 0.7 {
                continue;
            }
            for id in ids {
                if self
                    .get(*id)
                    .is_some_and(|e| kind.is_none_or(|k| e.kind == k))
                {
                    let slot = best.entry(*id).or_insert(0.0);
                    if score > *slot {
                        *slot = score;
                    }
                }
            }
        }
        let mut scored: Vec<(EntryId, f64)> = best.into_iter().collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scored
            .into_iter()
            .take(n)
            .filter_map(|(id, _)| self.get(id))
            .collect()
    }

    /// The country a demonym names: "Russian", "Russians" → Russia.
    pub fn country_of_demonym(&self, word: &str) -> Option<&KbEntry> {
        self.demonyms.get(&fold(word)).and_then(|id| self.get(*id))
    }

    /// The country entry for a country name, alias, ISO code or demonym.
    pub fn country(&self, name: &str) -> Option<&KbEntry> {
        self.lookup(name)
            .iter()
            .filter_map(|id| self.get(*id))
            .find(|e| e.is_state())
            .or_else(|| self.country_of_demonym(name))
    }

    /// People who held `role` for `country` on `date` (with no date: who
    /// holds it now), most recently appointed first. `country` may be a
    /// name, alias or demonym ("Russian"); international bodies use their
    /// pseudo-country ("European Union", "International"). `role` is a
    /// normalised key or a common phrase: "president", "prime minister",
    /// "chancellor", "foreign secretary", "spokesman", …
    pub fn role_holders(
        &self,
        country: &str,
        role: &str,
        date: Option<NaiveDate>,
    ) -> Vec<&KbEntry> {
        let country_name = self
            .country(country)
            .map(|e| e.name.clone())
            .unwrap_or_else(|| country.trim().to_string());
        let ckey = fold(&country_name);
        let phrase = fold(role);
        let phrase = phrase.strip_prefix("the ").unwrap_or(&phrase).to_string();
        if phrase.is_empty() {
            return Vec::new();
        }
        // A phrase first matches display titles ("president" → "President
        // of Iran", not Iran's Supreme Leader; "chancellor" → "Chancellor
        // of the Exchequer" in Britain), then normalised keys.
        if !role.contains('_') {
            let by_title = self.holders_where(&ckey, date, |_, title| {
                title.is_some_and(|t| {
                    t == phrase
                        || t.strip_prefix(phrase.as_str())
                            .is_some_and(|rest| rest.starts_with(' '))
                })
            });
            if !by_title.is_empty() {
                return by_title;
            }
        }
        let keys = role_keys(role, &ckey);
        if keys.is_empty() {
            return self.holders_where(&ckey, date, |_, title| {
                title.is_some_and(|t| contains_words(t, &phrase))
            });
        }
        self.holders_where(&ckey, date, |r, _| keys.contains(&r.role))
    }

    /// People with a role for country `ckey` (folded) held on `date` (with
    /// no date: held now) that `pred` accepts (given the role and its folded
    /// title), most recently appointed first.
    fn holders_where(
        &self,
        ckey: &str,
        date: Option<NaiveDate>,
        pred: impl Fn(&KbRole, Option<&str>) -> bool,
    ) -> Vec<&KbEntry> {
        let mut hits: Vec<(Option<NaiveDate>, EntryId)> = Vec::new();
        let people = self
            .holders_by_country
            .get(ckey)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for &id in people {
            let Some(e) = self.get(id) else { continue };
            let folded = self
                .folded_roles
                .get(id.0 as usize)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let mut best: Option<Option<NaiveDate>> = None;
            for (ri, r) in e.roles.iter().enumerate() {
                let held = match date {
                    Some(d) => r.held_at(d),
                    None => r.to.is_none(),
                };
                if !held {
                    continue;
                }
                let Some((country, title)) = folded.get(ri) else {
                    continue;
                };
                if country == ckey && pred(r, title.as_deref()) {
                    best = Some(best.flatten().max(r.from).or(r.from));
                }
            }
            if let Some(from) = best {
                hits.push((from, id));
            }
        }
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        hits.into_iter()
            .filter_map(|(_, id)| self.get(id))
            .collect()
    }

    /// The entry's roles held on `date`; with no date, all its roles.
    pub fn roles_at<'a>(&self, entry: &'a KbEntry, date: Option<NaiveDate>) -> Vec<&'a KbRole> {
        entry
            .roles
            .iter()
            .filter(|r| date.is_none_or(|d| r.held_at(d)))
            .collect()
    }

    /// The entry's roles for a text of unknown date: those it holds now, or,
    /// if it holds none, the one(s) it left last. A dateless article is
    /// more likely about the present than about every post ever held.
    pub fn current_roles<'a>(&self, entry: &'a KbEntry) -> Vec<&'a KbRole> {
        let now: Vec<&KbRole> = entry.roles.iter().filter(|r| r.to.is_none()).collect();
        if !now.is_empty() {
            return now;
        }
        let last = entry.roles.iter().filter_map(|r| r.to).max();
        entry.roles.iter().filter(|r| r.to == last).collect()
    }

    /// Affiliation paths of the entry for a text of unknown date: its own
    /// body, then those of its [`current_roles`](Self::current_roles).
    pub fn current_affiliations(&self, entry: &KbEntry) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        if let Some(b) = &entry.body {
            out.push(b.clone());
        }
        for r in self.current_roles(entry) {
            if let Some(b) = &r.body {
                if !out.contains(b) {
                    out.push(b.clone());
                }
            }
        }
        out
    }

    /// Affiliation paths (`Country/Body`) of the entry on `date`: a person's
    /// roles' bodies then (all roles' bodies with no date), an
    /// organisation's own body.
    pub fn affiliations_at(&self, entry: &KbEntry, date: Option<NaiveDate>) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        if let Some(b) = &entry.body {
            out.push(b.clone());
        }
        for r in self.roles_at(entry, date) {
            if let Some(b) = &r.body {
                if !out.contains(b) {
                    out.push(b.clone());
                }
            }
        }
        out
    }

    /// Facet path of a place: `["Ukraine"]` for a country,
    /// `["United States", "Miami"]` for a place in one; empty for people
    /// and organisations.
    pub fn place_path(&self, entry: &KbEntry) -> Vec<String> {
        if entry.kind != EntityKind::Place {
            return Vec::new();
        }
        match &entry.country {
            Some(c) if !entry.is_country() && c != &entry.name => {
                vec![c.clone(), entry.name.clone()]
            }
            _ => vec![entry.name.clone()],
        }
    }

    /// Builds the name matcher now rather than on the first
    /// [`find_mentions`](Self::find_mentions), surfacing any build error.
    pub fn prepare(&self) -> anyhow::Result<()> {
        let m = self.matcher();
        if m.keys.is_empty() && !self.names.is_empty() {
            bail!("knowledge base name matcher is empty");
        }
        Ok(())
    }

    /// Every knowledge-base name or demonym in `text`, leftmost-longest,
    /// on word boundaries, in text order.
    ///
    /// Matching ignores diacritics and punctuation like the lookups, but
    /// respects case one way: a letter the knowledge base writes upper-case
    /// must be upper-case in the text, a lower-case one may be either. So
    /// "Putin", "PUTIN" and "The Kremlin" match, "us" does not match "US",
    /// nor "turkey" "Turkey". Acronyms of four letters or more also match in
    /// title case ("Nato", "Opec"), as some outlets write them.
    pub fn find_mentions(&self, text: &str) -> Vec<KbMatch> {
        let mut out = Vec::new();
        self.for_each_mention(text, |span, ids, demonym| {
            out.push(KbMatch {
                span,
                ids: ids.to_vec(),
                demonym,
            })
        });
        out
    }

    /// [`find_mentions`](Self::find_mentions) without a `Vec` per match:
    /// `f(span, ids, demonym)` is called for each match in text order, with
    /// `ids` (best-ranked first, never empty) borrowed from a scratch buffer.
    pub fn for_each_mention(&self, text: &str, mut f: impl FnMut(Span, &[EntryId], bool)) {
        let m = self.matcher();
        // Offsets were u32 in the folded copy this scan once made; texts of
        // 4 GiB or more still find nothing.
        if u32::try_from(text.len()).is_err() {
            return;
        }
        let bytes = text.as_bytes();
        let mut scratch = String::new();
        let mut w1 = String::new();
        let mut two = String::new();
        let mut win = Window::default();
        let mut ids: Vec<EntryId> = Vec::new();
        // The text is read as its folded words (see `next_word`) without
        // folding it: at each word, one hash lookup of the folded word gives
        // the names beginning with it (longest first); the first that fits
        // the text wins, and the scan resumes after it. Only words that can
        // start a name are folded at all.
        let mut cur = 0;
        while let Some((word, after)) = next_word(text, cur, &mut scratch) {
            cur = after;
            let first = bytes.get(word.start).copied().unwrap_or(0);
            // A word the text starts with a lower-case letter or a digit can
            // only begin names whose first letter may be lower-case (the
            // case rule of `accept`): most words of running text never need
            // the full table.
            let lower = first.is_ascii_lowercase() || first.is_ascii_digit();
            w1.clear();
            let table = if lower {
                // The few lower-case starts are first screened by first byte
                // (which folds to itself) and length, which rejects nearly
                // every word without folding it or hashing it.
                let len = if word.simple {
                    word.end - word.start
                } else {
                    fold_word(text, word, &mut w1);
                    w1.len()
                };
                let gated = m
                    .lower_gate
                    .get(usize::from(first))
                    .is_none_or(|g| g & (1u32 << len.min(31)) == 0);
                if gated {
                    continue;
                }
                &m.lower_words
            } else {
                &m.words
            };
            if w1.is_empty() {
                fold_word(text, word, &mut w1);
            }
            let Some(info) = table.get(w1.as_bytes()) else {
                continue;
            };
            let mut done = false;
            if info.multi {
                // Names of two words or more, found by their first two.
                two.clear();
                two.push_str(&w1);
                if let Some((w2, _)) = next_word(text, cur, &mut scratch) {
                    two.push(' ');
                    fold_word(text, w2, &mut two);
                }
                if let Some(ps) = m.pairs.get(two.as_bytes()) {
                    win.start(&w1, word, cur);
                    for &p in ps {
                        let Some(key) = m.keys.get(p) else { continue };
                        let Some((last, resume)) = win.cover(text, key, &mut scratch) else {
                            continue;
                        };
                        let span = word_span(text, word.start, last.end);
                        if let Some((span, demonym)) = m.accept(text, span, key.len(), p, &mut ids)
                        {
                            f(span, &ids, demonym);
                            cur = resume;
                            done = true;
                            break;
                        }
                    }
                }
            }
            if !done {
                if let Some(p) = info.single {
                    let span = word_span(text, word.start, word.end);
                    if let Some((span, demonym)) = m.accept(text, span, w1.len(), p, &mut ids) {
                        f(span, &ids, demonym);
                    }
                }
            }
        }
    }

    /// The scan of [`for_each_mention`](Self::for_each_mention) as it was
    /// before it read words in place: over a folded copy of the whole text.
    /// Kept as the reference the word scan must agree with.
    #[cfg(test)]
    fn find_mentions_folded(&self, text: &str) -> Vec<KbMatch> {
        let mut out = Vec::new();
        let m = self.matcher();
        let mut folded = FoldedText::default();
        if !folded.fill(text) {
            return out;
        }
        let hay = folded.text.as_slice();
        let mut ids: Vec<EntryId> = Vec::new();
        let mut pos = 0;
        let mut seg = 0;
        let mut emit = |span: Span, ids: &[EntryId], demonym: bool| {
            out.push(KbMatch {
                span,
                ids: ids.to_vec(),
                demonym,
            })
        };
        let accept = |fs: usize, fe: usize, p: usize, ids: &mut Vec<EntryId>| {
            let span = folded.original_span(text, fs, fe)?;
            m.accept(text, span, fe - fs, p, ids)
        };
        while pos < hay.len() {
            let rest = hay.get(pos..).unwrap_or(&[]);
            let w1 = rest.iter().position(|b| *b == b' ').unwrap_or(rest.len());
            let mut next = pos + w1 + 1;
            let lower = folded
                .src_from(pos, &mut seg)
                .and_then(|o| text.as_bytes().get(o))
                .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
            let table = if lower { &m.lower_words } else { &m.words };
            let gated = lower
                && rest
                    .first()
                    .and_then(|b| m.lower_gate.get(usize::from(*b)))
                    .is_none_or(|g| g & (1u32 << w1.min(31)) == 0);
            if let Some(info) = rest.get(..w1).filter(|_| !gated).and_then(|w| table.get(w)) {
                let mut done = false;
                if info.multi {
                    let after = rest.get(w1 + 1..).unwrap_or(&[]);
                    let w2 = after.iter().position(|b| *b == b' ').unwrap_or(after.len());
                    let two = rest.get(..(w1 + 1 + w2).min(rest.len())).unwrap_or(&[]);
                    for &p in m.pairs.get(two).map(Vec::as_slice).unwrap_or(&[]) {
                        let Some(key) = m.keys.get(p) else { continue };
                        let fe = pos + key.len();
                        if !rest.starts_with(key)
                            || !(fe == hay.len() || hay.get(fe) == Some(&b' '))
                        {
                            continue;
                        }
                        if let Some((span, demonym)) = accept(pos, fe, p, &mut ids) {
                            emit(span, &ids, demonym);
                            next = fe + 1;
                            done = true;
                            break;
                        }
                    }
                }
                if !done {
                    if let Some(p) = info.single {
                        if let Some((span, demonym)) = accept(pos, pos + w1, p, &mut ids) {
                            emit(span, &ids, demonym);
                        }
                    }
                }
            }
            pos = next;
        }
        out
    }

    fn matcher(&self) -> &Matcher {
        self.matcher.get_or_init(|| Matcher::build(self))
    }

    /// Adds parsed entries, merging each into an existing entry of the same
    /// kind, name and country.
    fn apply(&mut self, raws: Vec<KbEntry>) {
        for e in raws {
            let key = entry_key(&e);
            let existing = self.keys.get(&key).copied().or_else(|| {
                // An entry that leaves out country or first-level division
                // extends the one entry of that kind and name that fits
                // what it does say, if there is exactly one.
                let same = self.by_kind_name.get(&(key.0, key.1.clone()))?;
                let mut fitting = same.iter().copied().filter(|id| {
                    let Some(old) = self.entries.get(id.0 as usize) else {
                        return false;
                    };
                    let agrees = |new: &Option<String>, old: &Option<String>| {
                        new.as_deref()
                            .is_none_or(|n| old.as_deref().map(fold) == Some(fold(n)))
                    };
                    agrees(&e.country, &old.country) && agrees(&e.admin1, &old.admin1)
                });
                match (fitting.next(), fitting.next()) {
                    (Some(id), None) => Some(id),
                    _ => None,
                }
            });
            match existing.and_then(|id| self.entries.get_mut(id.0 as usize)) {
                Some(old) => merge_entry(old, e),
                None => {
                    let id = EntryId(self.entries.len() as u32);
                    self.by_kind_name
                        .entry((key.0, key.1.clone()))
                        .or_default()
                        .push(id);
                    self.keys.insert(key, id);
                    self.entries.push(e);
                }
            }
        }
    }

    /// Rebuilds the name, demonym and surname indexes and drops the matcher.
    fn reindex(&mut self) {
        let mut names: FxMap<String, Vec<EntryId>> = HashMap::default();
        let mut demonyms: FxMap<String, EntryId> = HashMap::default();
        let mut surnames: FxMap<String, Vec<EntryId>> = HashMap::default();
        let mut folded_aliases: Vec<Vec<String>> = Vec::with_capacity(self.entries.len());
        let mut folded_names: Vec<String> = Vec::with_capacity(self.entries.len());
        names.reserve(self.entries.len() * 9 / 8);
        for (i, e) in self.entries.iter().enumerate() {
            let id = EntryId(i as u32);
            let name = fold(&e.name);
            let aliases: Vec<String> = e.aliases.iter().map(|a| fold(a)).collect();
            for k in std::iter::once(&name).chain(&aliases) {
                if k.is_empty() {
                    continue;
                }
                let v = match names.get_mut(k.as_str()) {
                    Some(v) => v,
                    None => names.entry(k.clone()).or_default(),
                };
                if !v.contains(&id) {
                    v.push(id);
                }
                if e.kind == EntityKind::Person {
                    if let Some(last) = k.rsplit(' ').next() {
                        if last.len() > 1 && last != k.as_str() {
                            let v = surnames.entry(last.to_string()).or_default();
                            if !v.contains(&id) {
                                v.push(id);
                            }
                        }
                    }
                }
            }
            if e.is_state() {
                for d in &e.demonyms {
                    let k = fold(d);
                    if !k.is_empty() {
                        demonyms.entry(k).or_insert(id);
                    }
                }
            }
            folded_names.push(name);
            folded_aliases.push(aliases);
        }
        let entries = &self.entries;
        let folded_of = &folded_names;
        // Rank tier first, then the entry whose canonical name it is, then
        // population.
        let order = |a: &EntryId, b: &EntryId, key: &str| {
            let (ea, eb) = (&entries[a.0 as usize], &entries[b.0 as usize]);
            let (ra, rb) = (ea.rank(), eb.rank());
            let fname = |id: &EntryId| folded_of.get(id.0 as usize).map(String::as_str);
            let ca = fname(a) != Some(key);
            let cb = fname(b) != Some(key);
            ra.0.cmp(&rb.0)
                .then(ca.cmp(&cb))
                .then(ra.1.cmp(&rb.1))
                .then(a.cmp(b))
        };
        for (k, v) in names.iter_mut() {
            v.sort_by(|a, b| order(a, b, k));
        }
        let with_roles: Vec<EntryId> = self
            .entries()
            .filter(|(_, e)| e.kind == EntityKind::Person && !e.roles.is_empty())
            .map(|(id, _)| id)
            .collect();
        let mut by_country: FxMap<String, Vec<EntryId>> = HashMap::default();
        for &id in &with_roles {
            let Some(e) = self.get(id) else { continue };
            for r in &e.roles {
                let v = by_country.entry(role_country(e, r)).or_default();
                // Ids arrive in ascending order: a repeat is the last one.
                if v.last() != Some(&id) {
                    v.push(id);
                }
            }
        }
        self.holders_by_country = by_country;
        self.names = names;
        self.folded_aliases = folded_aliases;
        self.folded_names = folded_names;
        self.folded_roles = self
            .entries
            .iter()
            .map(|e| {
                e.roles
                    .iter()
                    .map(|r| (role_country(e, r), r.title.as_deref().map(fold)))
                    .collect()
            })
            .collect();
        self.demonyms = demonyms;
        self.surnames = surnames;
        self.matcher = OnceLock::new();
    }
}

/// The folded country a role is held for: its body's country, else the
/// holder's.
fn role_country(e: &KbEntry, r: &KbRole) -> String {
    r.body
        .as_deref()
        .and_then(|b| b.split('/').next())
        .or(e.country.as_deref())
        .map(fold)
        .unwrap_or_default()
}

/// Role keys a phrase may mean for a country (folded): "president" is the
/// head of state, "chancellor" the head of government except in Britain,
/// where it is the finance minister.
fn role_keys(role: &str, country_key: &str) -> Vec<String> {
    let r = fold(role);
    let r = r.strip_prefix("the ").unwrap_or(&r).replace('_', " ");
    let uk = country_key == "united kingdom";
    let us = country_key == "united states";
    let key = match r.as_str() {
        "president" | "head of state" | "king" | "queen" | "monarch" | "emperor"
        | "supreme leader" => "head_of_state",
        "prime minister" | "premier" | "pm" | "head of government" => "head_of_government",
        "chancellor" if uk => "finance_minister",
        "chancellor" | "federal chancellor" => "head_of_government",
        "chancellor of the exchequer"
        | "finance minister"
        | "treasury secretary"
        | "secretary of the treasury"
        | "finance secretary" => "finance_minister",
        "secretary of state" if us => "foreign_minister",
        "foreign minister"
        | "foreign secretary"
        | "minister of foreign affairs"
        | "foreign affairs minister"
        | "top diplomat" => "foreign_minister",
        "defence minister"
        | "defense minister"
        | "defence secretary"
        | "defense secretary"
        | "secretary of defense"
        | "secretary of war"
        | "war secretary"
        | "minister of defence"
        | "minister of defense" => "defence_minister",
        "spokesman"
        | "spokeswoman"
        | "spokesperson"
        | "press secretary"
        | "spokesman for the president" => "spokesperson",
        "central bank governor"
        | "central bank chief"
        | "central bank head"
        | "fed chair"
        | "fed chairman"
        | "chairman of the federal reserve" => "central_bank_governor",
        "vice president" | "vice-president" => "vice_president",
        "secretary general" => "secretary_general",
        other => {
            let k = other.replace(' ', "_");
            return if k.chars().all(|c| c.is_ascii_lowercase() || c == '_') && !k.is_empty() {
                vec![k]
            } else {
                Vec::new()
            };
        }
    };
    if us && key == "head_of_state" {
        // The US president is both; data lists the office once.
        return vec![key.to_string(), "head_of_government".to_string()];
    }
    vec![key.to_string()]
}

/// Whether folded `hay` contains folded `needle` as whole words.
fn contains_words(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        let before = i == 0 || hay.as_bytes().get(i - 1) == Some(&b' ');
        let end = i + needle.len();
        let after = end == hay.len() || hay.as_bytes().get(end) == Some(&b' ');
        before && after
    })
}

fn entry_key(e: &KbEntry) -> (EntityKind, String, String, String) {
    (
        e.kind,
        fold(&e.name),
        e.country.as_deref().map(fold).unwrap_or_default(),
        e.admin1.as_deref().map(fold).unwrap_or_default(),
    )
}

/// Merges `new` into `old`: lists are unioned, scalars `new` sets win.
fn merge_entry(old: &mut KbEntry, new: KbEntry) {
    let mut seen: HashSet<String> = std::iter::once(&old.name)
        .chain(&old.aliases)
        .map(|a| fold(a))
        .collect();
    for a in new.aliases {
        if seen.insert(fold(&a)) {
            old.aliases.push(a);
        }
    }
    let mut seen: HashSet<String> = old.demonyms.iter().map(|a| fold(a)).collect();
    for d in new.demonyms {
        if seen.insert(fold(&d)) {
            old.demonyms.push(d);
        }
    }
    for r in new.roles {
        if !old.roles.contains(&r) {
            old.roles.push(r);
        }
    }
    macro_rules! take {
        ($($f:ident),*) => { $( if new.$f.is_some() { old.$f = new.$f; } )* };
    }
    take!(qid, body, subkind, capital, admin1, iso2, iso3, population, note);
    old.ambiguous |= new.ambiguous;
}

// ---------------------------------------------------------------------------
// Parsing

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    name: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(rename = "kind")]
    subkind: Option<String>,
    qid: Option<String>,
    country: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    roles: Vec<RawRole>,
    body: Option<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    capital: Option<String>,
    admin1: Option<String>,
    iso2: Option<String>,
    iso3: Option<String>,
    population: Option<u64>,
    #[serde(default)]
    ambiguous: bool,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRole {
    role: String,
    title: Option<String>,
    body: Option<String>,
    of: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

/// Parses a whole JSONL text or fails naming `origin:line`.
fn parse_jsonl(origin: &str, text: &str) -> anyhow::Result<Vec<KbEntry>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let entry = serde_json::from_str::<RawEntry>(line)
            .map_err(|e| anyhow!("{e}"))
            .and_then(convert)
            .map_err(|e| anyhow!("{origin}:{}: {e:#}", i + 1))?;
        out.push(entry);
    }
    Ok(out)
}

fn convert(raw: RawEntry) -> anyhow::Result<KbEntry> {
    let name = trimmed(raw.name);
    if folds_to_nothing(&name) {
        bail!("empty \"name\"");
    }
    let kind = match raw.kind.as_str() {
        "person" => EntityKind::Person,
        "org" => EntityKind::Org,
        "place" => EntityKind::Place,
        other => bail!("\"type\" must be person, org or place, not {other:?}"),
    };
    if let Some(q) = &raw.qid {
        if !(q.len() > 1 && q.starts_with('Q') && q[1..].chars().all(|c| c.is_ascii_digit())) {
            bail!("\"qid\" must look like Q123, not {q:?}");
        }
    }
    for body in raw
        .body
        .iter()
        .chain(raw.roles.iter().filter_map(|r| r.body.as_ref()))
    {
        check_body(body)?;
    }
    let mut roles = Vec::with_capacity(raw.roles.len());
    for r in raw.roles {
        if r.role.is_empty() || !r.role.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            bail!("role key must be lower_snake_case, not {:?}", r.role);
        }
        let from = r
            .from
            .as_deref()
            .map(|d| parse_date(d, false))
            .transpose()?;
        let to = r.to.as_deref().map(|d| parse_date(d, true)).transpose()?;
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                bail!("role {:?} ends ({t}) before it starts ({f})", r.role);
            }
        }
        roles.push(KbRole {
            role: r.role,
            title: r.title,
            body: r.body,
            of: r.of,
            from,
            to,
        });
    }
    let nonempty = |v: Vec<String>| -> Vec<String> {
        v.into_iter()
            .map(trimmed)
            .filter(|s| !folds_to_nothing(s))
            .collect()
    };
    Ok(KbEntry {
        name,
        kind,
        qid: raw.qid,
        country: raw.country,
        aliases: nonempty(raw.aliases),
        roles,
        body: raw.body,
        subkind: raw.subkind,
        demonyms: nonempty(raw.demonyms),
        capital: raw.capital,
        admin1: raw.admin1,
        iso2: raw.iso2,
        iso3: raw.iso3,
        population: raw.population,
        ambiguous: raw.ambiguous,
        note: raw.note,
    })
}

/// `s` without surrounding whitespace, reusing its buffer when it has none.
fn trimmed(s: String) -> String {
    if s.trim().len() == s.len() {
        s
    } else {
        s.trim().to_string()
    }
}

/// Whether `fold(s)` is empty, without building it.
fn folds_to_nothing(s: &str) -> bool {
    let mut scratch = String::new();
    !s.chars().any(|c| {
        c.is_ascii_alphanumeric() || {
            scratch.clear();
            matches!(fold_char(c, &mut scratch), Folded::Chars)
        }
    })
}

fn check_body(body: &str) -> anyhow::Result<()> {
    match body.split_once('/') {
        Some((c, b)) if !c.trim().is_empty() && !b.trim().is_empty() => Ok(()),
        _ => bail!("body must be a path Country/Body, not {body:?}"),
    }
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. A partial end date means "until the
/// end of that month/year", i.e. the first day after it (ends are exclusive).
fn parse_date(s: &str, end: bool) -> anyhow::Result<NaiveDate> {
    let bad = || anyhow!("bad date {s:?} (want YYYY-MM-DD, YYYY-MM or YYYY)");
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => {
            NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?).ok_or_else(bad)
        }
        [y, m] if y.len() == 4 => {
            let first = NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, 1).ok_or_else(bad)?;
            if end {
                first
                    .checked_add_months(chrono::Months::new(1))
                    .ok_or_else(bad)
            } else {
                Ok(first)
            }
        }
        [y] if y.len() == 4 => {
            let year = num(y)? as i32;
            let first = NaiveDate::from_ymd_opt(year + i32::from(end), 1, 1).ok_or_else(bad)?;
            Ok(first)
        }
        _ => Err(bad()),
    }
    .and_then(|d| if d.year() < 1 { Err(bad()) } else { Ok(d) })
}

// ---------------------------------------------------------------------------
// Folding

/// What one input character contributes to the folded form.
enum Folded {
    /// Letters or digits (lower-cased, without diacritics).
    Chars,
    /// Nothing: dots ("U.S." = "US"), combining marks, invisible characters.
    Drop,
    /// A word separator: spaces, hyphens, apostrophes, other punctuation.
    Sep,
}

/// Appends the folded form of `c` to `out` and says what it was.
fn fold_char(c: char, out: &mut String) -> Folded {
    if c.is_ascii() {
        return if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            Folded::Chars
        } else if c == '.' {
            Folded::Drop
        } else {
            Folded::Sep
        };
    }
    match c {
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => {
            return Folded::Drop
        }
        // Curly quotes, dashes, spaces of news text: the rest of General
        // Punctuation and the no-break space are neither letters nor
        // marks (`general_punctuation_separates`), so skip the tables.
        '\u{a0}' | '\u{2000}'..='\u{206f}' => return Folded::Sep,
        'ø' | 'Ø' => out.push('o'),
        'ł' | 'Ł' => out.push('l'),
        'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'ß' | 'ẞ' => out.push_str("ss"),
        'þ' | 'Þ' => out.push_str("th"),
        'ı' => out.push('i'),
        _ => {
            if unicode_normalization::char::is_combining_mark(c) {
                return Folded::Drop;
            }
            if !c.is_alphanumeric() {
                return Folded::Sep;
            }
            let before = out.len();
            unicode_normalization::char::decompose_compatible(c, |d| {
                if unicode_normalization::char::is_combining_mark(d) {
                    return;
                }
                // Non-alphanumeric parts (the fraction slash of "½") go.
                if d.is_alphanumeric() {
                    out.extend(d.to_lowercase());
                }
            });
            if out.len() == before {
                return Folded::Drop;
            }
        }
    }
    Folded::Chars
}

/// The folded form used by every lookup: no diacritics, lower case, dots
/// dropped, every other run of non-alphanumerics one space, trimmed.
/// "U.S." → "us", "Zelenskyy's" → "zelenskyy s", "Élysée" → "elysee".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] of `s` appended to `out`, for callers that reuse one buffer.
pub fn fold_into(s: &str, out: &mut String) {
    let start = out.len();
    let mut scratch = String::new();
    let mut pending_sep = false;
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            // Fast path: callers fold short names many times per article.
            if pending_sep && out.len() > start {
                out.push(' ');
            }
            pending_sep = false;
            out.push(c.to_ascii_lowercase());
            continue;
        }
        scratch.clear();
        match fold_char(c, &mut scratch) {
            Folded::Chars => {
                if pending_sep && out.len() > start {
                    out.push(' ');
                }
                pending_sep = false;
                out.push_str(&scratch);
            }
            Folded::Drop => {}
            Folded::Sep => pending_sep = true,
        }
    }
}

/// Per byte: its folded form if it is an ASCII letter or digit (lower
/// case), else 0.
#[cfg(test)]
static ASCII_FOLD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// Scan class of each byte: part of a word (ASCII letter or digit), dropped
/// inside one (`.`), a separator (any other ASCII byte), or the first byte
/// of a non-ASCII character, which [`fold_char`] classifies.
const SCAN_SEP: u8 = 0;
const SCAN_ALNUM: u8 = 1;
const SCAN_DOT: u8 = 2;
const SCAN_HIGH: u8 = 3;

static SCAN_CLASS: [u8; 256] = {
    let mut t = [SCAN_HIGH; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            SCAN_ALNUM
        } else if c == b'.' {
            SCAN_DOT
        } else {
            SCAN_SEP
        };
        b += 1;
    }
    t
};

/// One word of a text's folded form (see [`fold`]), in the original:
/// from its first letter or digit to the end of its last one. `simple`:
/// nothing but ASCII letters and digits lies between, so the folded word is
/// those bytes lower-cased.
#[derive(Debug, Clone, Copy)]
struct RawWord {
    start: usize,
    end: usize,
    simple: bool,
}

/// The first word of `text`'s folded form that starts at or after byte
/// `from` (a char boundary between words), and where the scan resumes.
///
/// Folded words are the runs of characters that fold to letters or digits,
/// separated by at least one separator; dropped characters (dots,
/// combining marks, invisible characters) neither start, end nor split a
/// word. This is exactly where [`fold`] puts its spaces, so the words found
/// here, folded one by one, join with single spaces into `fold(text)`.
fn next_word(text: &str, from: usize, scratch: &mut String) -> Option<(RawWord, usize)> {
    let bytes = text.as_bytes();
    let mut i = from;
    let mut start = usize::MAX;
    let mut end = 0;
    let mut simple = true;
    let mut dropped = false;
    // One loop for the separators before the word and the word itself:
    // cheaper here than a loop for each (or eight-byte tests, as words are
    // short).
    while let Some(&b) = bytes.get(i) {
        match SCAN_CLASS[usize::from(b)] {
            SCAN_ALNUM => {
                if start == usize::MAX {
                    start = i;
                } else if dropped {
                    simple = false;
                }
                i += 1;
                while bytes
                    .get(i)
                    .is_some_and(|c| SCAN_CLASS[usize::from(*c)] == SCAN_ALNUM)
                {
                    i += 1;
                }
                end = i;
            }
            SCAN_DOT => {
                dropped = start != usize::MAX;
                i += 1;
            }
            SCAN_SEP => {
                if start != usize::MAX {
                    break;
                }
                i += 1;
            }
            _ => {
                let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
                    // Not reachable for a &str at a char boundary; stop
                    // rather than loop.
                    break;
                };
                let n = c.len_utf8();
                scratch.clear();
                match fold_char(c, scratch) {
                    Folded::Chars => {
                        if start == usize::MAX {
                            start = i;
                        }
                        simple = false;
                        i += n;
                        end = i;
                    }
                    Folded::Drop => {
                        dropped = start != usize::MAX;
                        i += n;
                    }
                    Folded::Sep => {
                        if start != usize::MAX {
                            break;
                        }
                        i += n;
                    }
                }
            }
        }
    }
    (start != usize::MAX).then_some((RawWord { start, end, simple }, i))
}

/// `"the " + key` written into `buf`, if it fits.
fn with_the<'b>(key: &str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    let n = 4 + key.len();
    let out = buf.get_mut(..n)?;
    let (the, rest) = out.split_at_mut(4);
    the.copy_from_slice(b"the ");
    rest.copy_from_slice(key.as_bytes());
    std::str::from_utf8(out).ok()
}

/// Appends the folded form of `w` to `out`.
fn fold_word(text: &str, w: RawWord, out: &mut String) {
    let Some(s) = text.get(w.start..w.end) else {
        return;
    };
    if w.simple {
        let from = out.len();
        out.push_str(s);
        if let Some(t) = out.get_mut(from..) {
            t.make_ascii_lowercase();
        }
    } else {
        fold_into(s, out);
    }
}

/// The original span of a match whose first word starts at `start` and
/// whose last ends at `end`; a trailing dot of an abbreviation ("U.S.") is
/// included.
fn word_span(text: &str, start: usize, end: usize) -> Span {
    let dotted = text.get(start..end).is_some_and(|c| c.contains('.'))
        && text.get(end..).is_some_and(|r| r.starts_with('.'));
    Span::new(start, end + usize::from(dotted))
}

/// The folded words from a word that starts names of several words on,
/// folded as far as the longest name tried needs.
#[derive(Default)]
struct Window {
    /// The words folded so far, joined by single spaces.
    text: String,
    /// Per word: the word, where the scan resumes after it, and the length
    /// of `text` up to its end.
    words: Vec<(RawWord, usize, usize)>,
}

impl Window {
    /// Restarts at `first` (folded `folded`; the scan resumes at `after`).
    fn start(&mut self, folded: &str, first: RawWord, after: usize) {
        self.text.clear();
        self.text.push_str(folded);
        self.words.clear();
        self.words.push((first, after, folded.len()));
    }

    /// If `key` is the next few folded words, the last of them and where
    /// the scan resumes after it.
    fn cover(&mut self, text: &str, key: &[u8], scratch: &mut String) -> Option<(RawWord, usize)> {
        while self.text.len() < key.len() {
            let &(_, after, _) = self.words.last()?;
            let (w, next) = next_word(text, after, scratch)?;
            self.text.push(' ');
            fold_word(text, w, &mut self.text);
            self.words.push((w, next, self.text.len()));
        }
        if self.text.as_bytes().get(..key.len()) != Some(key) {
            return None;
        }
        // The key must end where a word does.
        self.words
            .iter()
            .find(|(_, _, flen)| *flen == key.len())
            .map(|&(w, after, _)| (w, after))
    }
}

/// A text folded like [`fold`], with a map back to original byte offsets
/// (the matcher's scan before it read words in place; tests compare the
/// two).
#[cfg(test)]
#[derive(Default)]
struct FoldedText {
    /// The folded text, UTF-8: words of letters and digits separated by
    /// single spaces.
    text: Vec<u8>,
    /// The map from folded to original offsets, as segments in folded
    /// order. Running ASCII text folds byte for byte ("Said Putin" →
    /// "said putin"), so one segment covers everything up to the next
    /// dropped dot or collapsed punctuation: far cheaper to build than an
    /// offset per byte, which dominated the matcher's profile.
    segs: Vec<Seg>,
}

/// Folded bytes from `fold` on map to original offsets from `orig` on:
/// one for one (`step`), or all to `orig` (the bytes of one non-ASCII
/// character's folded form).
#[cfg(test)]
#[derive(Debug, Clone, Copy)]
struct Seg {
    fold: u32,
    orig: u32,
    step: bool,
}

/// Maps the folded bytes from `fold` on, one for one, to original bytes
/// from `orig` on; extends the last segment when it lines up.
#[cfg(test)]
#[inline]
fn map_step(segs: &mut Vec<Seg>, fold: usize, orig: u32) {
    let fold = fold as u32;
    if let Some(last) = segs.last() {
        if last.step && last.orig.wrapping_add(fold - last.fold) == orig {
            return;
        }
    }
    segs.push(Seg {
        fold,
        orig,
        step: true,
    });
}

/// Stores `b` at `w` of a buffer at least `w` long (`FoldedText::fill`
/// writes at its end, or in the room it made ahead).
#[cfg(test)]
#[inline]
fn put(out: &mut Vec<u8>, w: usize, b: u8) {
    match out.get_mut(w) {
        Some(o) => *o = b,
        None => out.push(b),
    }
}

#[cfg(test)]
impl FoldedText {
    /// Folds `original` into `self`, replacing what it held; false (and
    /// empty) for texts of 4 GiB or more, whose offsets `u32` cannot hold.
    fn fill(&mut self, original: &str) -> bool {
        self.text.clear();
        self.segs.clear();
        if u32::try_from(original.len()).is_err() {
            return false;
        }
        let bytes = original.as_bytes();
        // Written by index into a buffer sized to the input: an ASCII byte
        // folds to at most one byte, so running text never grows it, and a
        // letter costs a table load and a store (before: an `extend` per
        // word, with a capacity check per byte).
        let mut out = std::mem::take(&mut self.text);
        out.resize(bytes.len(), 0);
        let segs = &mut self.segs;
        let mut w = 0usize;
        let mut pending_sep: Option<u32> = None;
        let mut scratch = String::new();
        let mut i = 0usize;
        while let Some(&b) = bytes.get(i) {
            let off = i as u32;
            let t = ASCII_FOLD[usize::from(b)];
            if t != 0 {
                if let Some(s) = pending_sep.take() {
                    if w > 0 {
                        map_step(segs, w, s);
                        put(&mut out, w, b' ');
                        w += 1;
                    }
                }
                map_step(segs, w, off);
                put(&mut out, w, t);
                w += 1;
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    let t = ASCII_FOLD[usize::from(c)];
                    if t == 0 {
                        break;
                    }
                    put(&mut out, w, t);
                    w += 1;
                    i += 1;
                }
                continue;
            }
            if b.is_ascii() {
                i += 1;
                if b != b'.' {
                    pending_sep.get_or_insert(off);
                }
                continue;
            }
            let Some(c) = original.get(i..).and_then(|r| r.chars().next()) else {
                // Not reachable for a &str; stop rather than loop.
                break;
            };
            i += c.len_utf8();
            scratch.clear();
            match fold_char(c, &mut scratch) {
                Folded::Drop => {}
                Folded::Sep => {
                    pending_sep.get_or_insert(off);
                }
                Folded::Chars => {
                    if let Some(s) = pending_sep.take() {
                        if w > 0 {
                            map_step(segs, w, s);
                            put(&mut out, w, b' ');
                            w += 1;
                        }
                    }
                    segs.push(Seg {
                        fold: w as u32,
                        orig: off,
                        step: false,
                    });
                    for &x in scratch.as_bytes() {
                        put(&mut out, w, x);
                        w += 1;
                    }
                }
            }
        }
        out.truncate(w);
        self.text = out;
        true
    }

    /// The original byte offset of the character folded byte `f` came
    /// from, searching segments from `*seg` on (callers that walk the text
    /// forwards pass the same cursor each time).
    #[inline]
    fn src_from(&self, f: usize, seg: &mut usize) -> Option<usize> {
        let f = u32::try_from(f).ok()?;
        if f as usize >= self.text.len() {
            return None;
        }
        while self.segs.get(*seg + 1).is_some_and(|s| s.fold <= f) {
            *seg += 1;
        }
        let s = self.segs.get(*seg).filter(|s| s.fold <= f)?;
        Some(if s.step {
            s.orig + (f - s.fold)
        } else {
            s.orig
        } as usize)
    }

    /// [`src_from`](Self::src_from) by binary search.
    fn src(&self, f: usize) -> Option<usize> {
        let fu = u32::try_from(f).ok()?;
        let mut seg = self.segs.partition_point(|s| s.fold <= fu).checked_sub(1)?;
        self.src_from(f, &mut seg)
    }

    /// The original span of folded bytes `[fs, fe)`; a trailing dot of an
    /// abbreviation ("U.S.") is included.
    fn original_span(&self, original: &str, fs: usize, fe: usize) -> Option<Span> {
        let start = self.src(fs)?;
        let last = self.src(fe.checked_sub(1)?)?;
        let last_len = original.get(last..)?.chars().next()?.len_utf8();
        let mut end = last + last_len;
        let covered = original.get(start..end)?;
        if covered.contains('.') && original.get(end..)?.starts_with('.') {
            end += 1;
        }
        Some(Span::new(start, end))
    }
}

// ---------------------------------------------------------------------------
// Matching

/// One entry a pattern stands for, with the case the text must show.
#[derive(Debug)]
struct Target {
    id: EntryId,
    /// Per letter/digit of the name: must it be upper-case in the text?
    /// (A range of [`Matcher::masks`]: one buffer rather than a `Vec` per
    /// name, to build and to free.)
    mask: std::ops::Range<u32>,
    demonym: bool,
}

#[derive(Debug)]
struct Pattern {
    targets: Vec<Target>,
}

#[derive(Debug)]
struct Matcher {
    /// Folded name of each pattern.
    keys: Vec<Box<[u8]>>,
    patterns: Vec<Pattern>,
    /// The targets' case masks, end to end.
    masks: Vec<bool>,
    /// Folded word → the one-word name it is, and whether longer names
    /// start with it.
    /// Inline keys: one probe per word of text, no key behind a pointer.
    words: ShortMap<WordInfo>,
    /// The part of `words` that a word written with a lower-case first
    /// letter or a digit can start: first words of names with at least one
    /// entry whose first letter need not be upper-case.
    lower_words: ShortMap<WordInfo>,
    /// Per first byte of a `lower_words` key, the bit `len.min(31)` of
    /// each key length.
    lower_gate: [u32; 256],
    /// First two folded words → names of two words or more starting with
    /// them, longest first.
    pairs: FxMap<Box<[u8]>, Vec<usize>>,
}

#[derive(Debug, Default, Clone, Copy)]
struct WordInfo {
    single: Option<usize>,
    multi: bool,
}

impl Matcher {
    /// The span and demonym flag of pattern `pat` found at `span` (`flen`
    /// folded bytes) if the text's case fits at least one entry of that
    /// name; `ids` is refilled with the entries that fit.
    fn accept(
        &self,
        text: &str,
        span: Span,
        flen: usize,
        pat: usize,
        ids: &mut Vec<EntryId>,
    ) -> Option<(Span, bool)> {
        let found = span.slice(text);
        // In an all-capitals headline ("TELL US WHO WON") case says
        // nothing, and short words are more often words than acronyms;
        // keep only dotted abbreviations ("U.S.") and longer names.
        if flen <= 3 && !found.contains('.') && all_caps_context(text, span) {
            return None;
        }
        let pat = self.patterns.get(pat)?;
        let masks = &self.masks;
        // One pass, each case test once: `build` sorts a pattern's names
        // before its demonyms, so whether a name fits is known before the
        // first demonym, which then only counts if none did.
        let mut named = false;
        ids.clear();
        for t in &pat.targets {
            if t.demonym && named {
                break;
            }
            let mask = masks.get(t.mask.start as usize..t.mask.end as usize);
            if !case_fits(mask.unwrap_or(&[]), found) {
                continue;
            }
            named |= !t.demonym;
            if !ids.contains(&t.id) {
                ids.push(t.id);
            }
        }
        if ids.is_empty() {
            return None;
        }
        Some((span, !named))
    }

    fn build(kb: &KnowledgeBase) -> Matcher {
        // Demonyms folded first, so that every key below is borrowed (from
        // the knowledge base's folded names or from here) rather than
        // copied into the index and the key list.
        let folded_demonyms: Vec<(EntryId, &str, String)> = kb
            .entries()
            .filter(|(_, e)| e.is_state())
            .flat_map(|(id, e)| e.demonyms.iter().map(move |d| (id, d.as_str(), fold(d))))
            .collect();
        // Sized up front: growing these rehashed every key several times.
        let expect = kb.names.len() + folded_demonyms.len();
        let mut index: FxMap<&str, usize> = HashMap::default();
        index.reserve(expect);
        let mut keys: Vec<&str> = Vec::with_capacity(expect);
        let mut patterns: Vec<Pattern> = Vec::with_capacity(expect);
        let mut masks: Vec<bool> = Vec::with_capacity(expect * 12);
        // Every (surface, folded key, entry, demonym) in pattern order: each
        // state's demonyms right after its names, as patterns were always
        // numbered.
        let mut names: Vec<(&str, &str, EntryId, bool)> = Vec::with_capacity(expect);
        let mut demonyms = folded_demonyms.iter().peekable();
        for (id, e) in kb.entries() {
            let name = kb.folded_name(id);
            let aliases = kb.folded_aliases(id);
            let folded = || std::iter::once(name).chain(aliases.iter().map(String::as_str));
            for (n, key) in std::iter::once(&e.name).chain(&e.aliases).zip(folded()) {
                // "the Kremlin" where "Kremlin" is also a name: match the
                // name alone, so that mention spans leave the article out.
                if key
                    .strip_prefix("the ")
                    .is_some_and(|rest| folded().any(|k| k == rest))
                {
                    continue;
                }
                names.push((n, key, id, false));
            }
            while let Some((_, surface, key)) = demonyms.next_if(|(d, _, _)| *d == id) {
                names.push((surface, key, id, true));
            }
        }
        for (surface, key, id, demonym) in names {
            // One-letter names ("I", "A") would match pronouns and articles.
            if key.chars().nth(1).is_none() {
                continue;
            }
            let from = masks.len();
            upper_mask_into(surface, &mut masks);
            let mask = from as u32..masks.len() as u32;
            let slot = match index.get(key) {
                Some(slot) => *slot,
                None => {
                    index.insert(key, patterns.len());
                    keys.push(key);
                    patterns.push(Pattern {
                        targets: Vec::new(),
                    });
                    patterns.len() - 1
                }
            };
            let Some(p) = patterns.get_mut(slot) else {
                continue;
            };
            let new_mask = masks.get(from..).unwrap_or(&[]);
            let seen = p.targets.iter().any(|t| {
                t.id == id
                    && t.demonym == demonym
                    && masks.get(t.mask.start as usize..t.mask.end as usize) == Some(new_mask)
            });
            if seen {
                masks.truncate(from);
            } else {
                p.targets.push(Target { id, mask, demonym });
            }
        }
        for p in &mut patterns {
            p.targets.sort_by(|a, b| {
                let (ea, eb) = (kb.get(a.id), kb.get(b.id));
                let ra = ea.map(KbEntry::rank);
                let rb = eb.map(KbEntry::rank);
                a.demonym
                    .cmp(&b.demonym)
                    .then(ra.cmp(&rb))
                    .then(a.id.cmp(&b.id))
            });
        }
        let mut words: FxMap<Box<[u8]>, WordInfo> = HashMap::default();
        let mut pairs: FxMap<Box<[u8]>, Vec<usize>> = HashMap::default();
        for (i, k) in keys.iter().enumerate() {
            let mut parts = k.splitn(3, ' ');
            let first = parts.next().unwrap_or(k);
            let info = words.entry(first.as_bytes().into()).or_default();
            match parts.next() {
                None => info.single = Some(i),
                Some(second) => {
                    info.multi = true;
                    let two = format!("{first} {second}");
                    pairs
                        .entry(two.into_bytes().into_boxed_slice())
                        .or_default()
                        .push(i);
                }
            }
        }
        for list in pairs.values_mut() {
            list.sort_by(|a, b| {
                let la = keys.get(*a).map_or(0, |k| k.len());
                let lb = keys.get(*b).map_or(0, |k| k.len());
                lb.cmp(&la).then(a.cmp(b))
            });
        }
        let mut lower_words: FxMap<Box<[u8]>, WordInfo> = HashMap::default();
        for (k, p) in keys.iter().zip(&patterns) {
            let lower_ok = p.targets.iter().any(|t| {
                !masks.get(t.mask.start as usize).copied().unwrap_or(false) || t.mask.is_empty()
            });
            if !lower_ok {
                continue;
            }
            let first = k.split(' ').next().unwrap_or(k);
            if let Some(info) = words.get(first.as_bytes()) {
                lower_words
                    .entry(first.as_bytes().into())
                    .or_insert_with(|| *info);
            }
        }
        let mut lower_gate = [0u32; 256];
        for k in lower_words.keys() {
            if let Some(g) = k.first().and_then(|b| lower_gate.get_mut(usize::from(*b))) {
                *g |= 1u32 << k.len().min(31);
            }
        }
        let keys = keys.into_iter().map(|k| k.as_bytes().into()).collect();
        let inline =
            |m: &FxMap<Box<[u8]>, WordInfo>| ShortMap::new(m.iter().map(|(k, v)| (&k[..], *v)));
        Matcher {
            keys,
            patterns,
            masks,
            words: inline(&words),
            lower_words: inline(&lower_words),
            lower_gate,
            pairs,
        }
    }
}

/// A hash map with the Fx hash ([`super::wordset::FxHasher`]): far faster
/// than SipHash on the short words the matcher looks up once per word of
/// text; no untrusted-key DoS concern since the table's keys come from the
/// knowledge base.
type FxMap<K, V> = HashMap<K, V, super::wordset::FxBuild>;

/// For each letter or digit of `s` (dots and combining marks skipped):
/// is it upper-case, and does it start a word. Lazy, so the matcher's
/// per-match check allocates nothing.
fn case_shape(s: &str) -> impl Iterator<Item = (bool, bool)> + '_ {
    let mut word_start = true;
    s.chars().filter_map(move |c| {
        if c == '.' || (!c.is_ascii() && unicode_normalization::char::is_combining_mark(c)) {
            return None;
        }
        if !c.is_alphanumeric() {
            word_start = true;
            return None;
        }
        let starts = word_start;
        word_start = false;
        Some((c.is_uppercase(), starts))
    })
}

/// Appends the case mask of a knowledge-base name to `out`: which letters
/// must be upper-case in the text. In all-caps words of four letters or
/// more only the first letter must be ("NATO" matches "Nato").
fn upper_mask_into(name: &str, out: &mut Vec<bool>) {
    // Only the first letter of a word of four or more capitals must be.
    fn close_word(out: &mut [bool], from: usize, all_up: bool) {
        if all_up && out.len().saturating_sub(from) >= 4 {
            for m in out.iter_mut().skip(from + 1) {
                *m = false;
            }
        }
    }
    let base = out.len();
    let mut word_from = base;
    let mut all_up = true;
    for (up, starts) in case_shape(name) {
        if starts && out.len() > base {
            close_word(out, word_from, all_up);
            word_from = out.len();
            all_up = true;
        }
        all_up &= up;
        out.push(up);
    }
    close_word(out, word_from, all_up);
}

/// Whether the line around `span` (up to 60 bytes each side) is written
/// in capitals: it has letters, and none of them is lower-case.
fn all_caps_context(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).unwrap_or("");
    let after = text.get(span.end..).unwrap_or("");
    // The last 60 bytes before the span (from a char boundary), cut at the
    // line's start: no need to look further back for the newline.
    let mut from = before.len().saturating_sub(60);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let tail = before.get(from..).unwrap_or("");
    let left = match tail.rfind('\n') {
        Some(p) => tail.get(p + 1..).unwrap_or(""),
        None => tail,
    };
    let right = after.chars().take_while(|c| *c != '\n').take(60);
    let mut letters = 0;
    for c in left.chars().chain(right) {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters > 0
}

/// Whether the text `found` shows every upper-case letter `mask` demands.
fn case_fits(mask: &[bool], found: &str) -> bool {
    mask.iter()
        .zip(case_shape(found))
        .all(|(must, (up, _))| !must || up)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> Arc<KnowledgeBase> {
        KnowledgeBase::builtin_shared().expect("builtin knowledge base loads")
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn names<'a>(kb: &'a KnowledgeBase, m: &KbMatch) -> Vec<&'a str> {
        m.ids
            .iter()
            .filter_map(|id| kb.get(*id))
            .map(|e| e.name.as_str())
            .collect()
    }

    /// (matched text, canonical name of the best id) for every match.
    fn found(kb: &KnowledgeBase, text: &str) -> Vec<(String, String)> {
        kb.find_mentions(text)
            .iter()
            .map(|m| {
                let best = names(kb, m)
                    .first()
                    .map(|s| s.to_string())
                    .unwrap_or_default();
                (m.span.slice(text).to_string(), best)
            })
            .collect()
    }

    #[test]
    fn fold_unifies_spelling() {
        assert_eq!(fold("U.S."), "us");
        assert_eq!(fold("Élysée"), "elysee");
        assert_eq!(fold("Zelenskyy’s"), "zelenskyy s");
        assert_eq!(fold("  Jean-Claude  Juncker "), "jean claude juncker");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("...!"), "");
        assert_eq!(fold("ZELENSKYY"), fold("Zelenskyy"));
    }

    #[test]
    fn fold_into_appends_as_if_alone() {
        // A leading separator after a prefix is still dropped, not a space.
        let mut out = String::from("p");
        fold_into(" (Jean-Claude) ", &mut out);
        assert_eq!(out, "pjean claude");
        out.truncate(1);
        fold_into("Élysée", &mut out);
        assert_eq!(out, "pelysee");
    }

    #[test]
    fn builtin_loads_with_expected_coverage() {
        let kb = kb();
        let countries = kb.entries().filter(|(_, e)| e.is_country()).count();
        assert!(countries >= 240, "only {countries} countries");
        for (_, e) in kb.entries().filter(|(_, e)| e.is_country()) {
            assert!(e.iso2.is_some(), "{} has no ISO code", e.name);
        }
        assert!(kb
            .entries()
            .any(|(_, e)| e.subkind.as_deref() == Some("historical_country")));
        assert!(kb.len() > 10_000);
    }

    /// Data lint: no two built-in lines describe the same entry, and every
    /// country, body and "of" names something the base knows.
    #[test]
    fn builtin_data_is_consistent() {
        let kb = kb();
        let mut keys = HashSet::new();
        let mut dups = Vec::new();
        for (_, e) in kb.entries() {
            if !keys.insert(entry_key(e)) {
                dups.push(e.name.clone());
            }
        }
        assert!(
            dups.is_empty(),
            "built-in lines describe one entry twice: {dups:?}"
        );
        let pseudo = ["International", "European Union"];
        let known_country = |c: &str| {
            pseudo.contains(&c)
                || kb
                    .lookup(c)
                    .iter()
                    .any(|id| kb.get(*id).is_some_and(|e| e.is_state() && e.name == c))
        };
        let mut problems = Vec::new();
        for (_, e) in kb.entries() {
            if let Some(c) = &e.country {
                if !known_country(c) {
                    problems.push(format!("{}: unknown country {c:?}", e.name));
                }
            }
            let bodies = e
                .body
                .iter()
                .chain(e.roles.iter().filter_map(|r| r.body.as_ref()));
            for b in bodies {
                let c = b.split('/').next().unwrap_or("");
                if !known_country(c) {
                    problems.push(format!("{}: body {b:?} has an unknown country", e.name));
                }
            }
            for r in &e.roles {
                if let Some(of) = &r.of {
                    if kb.resolve(of, Some(EntityKind::Person)).is_none() {
                        problems.push(format!("{}: \"of\" {of:?} is not a known person", e.name));
                    }
                }
            }
            if e.kind == EntityKind::Person && e.roles.is_empty() && e.note.is_none() {
                problems.push(format!("{}: a person with no role", e.name));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn resolve_is_alias_aware() {
        let kb = kb();
        let name = |s: &str, k| kb.resolve(s, k).map(|e| e.name.clone());
        assert_eq!(
            name("Zelensky", None).as_deref(),
            Some("Volodymyr Zelenskyy")
        );
        assert_eq!(
            name("ZELENSKIY", Some(EntityKind::Person)).as_deref(),
            Some("Volodymyr Zelenskyy")
        );
        assert_eq!(name("Kiev", None).as_deref(), Some("Kyiv"));
        assert_eq!(
            name("Kyiv", Some(EntityKind::Place)).as_deref(),
            Some("Kyiv")
        );
        assert_eq!(name("U.S.", None).as_deref(), Some("United States"));
        assert_eq!(name("Dmitriyev", None).as_deref(), Some("Kirill Dmitriev"));
        assert_eq!(name("Fed", None).as_deref(), Some("Federal Reserve"));
        assert_eq!(name("the Kremlin", None).as_deref(), Some("Kremlin"));
        // A known person outranks a small town of the same name.
        assert_eq!(
            kb.lookup("Rubio")
                .first()
                .and_then(|id| kb.get(*id))
                .map(|e| e.name.as_str()),
            Some("Marco Rubio")
        );
        assert_eq!(
            name("Georgia", Some(EntityKind::Place)).as_deref(),
            Some("Georgia")
        );
        assert_eq!(
            kb.resolve("Georgia", Some(EntityKind::Place))
                .and_then(|e| e.subkind.clone())
                .as_deref(),
            Some("country")
        );
        assert_eq!(name("Kiev", Some(EntityKind::Person)), None);
        assert_eq!(name("", None), None);
        assert_eq!(name("Nobody Atall", None), None);
    }

    #[test]
    fn unique_surname_resolves() {
        let kb = kb();
        // Aliases deliberately omit some surnames: the index covers them.
        assert_eq!(
            kb.resolve("Sullivan", Some(EntityKind::Person))
                .map(|e| e.name.as_str()),
            Some("Jake Sullivan")
        );
    }

    #[test]
    fn lookup_adds_or_drops_a_leading_the() {
        let long = format!("the {} Guild", "Very ".repeat(14));
        let lines = format!(
            "{{\"name\":\"the Quillmakers Guild\",\"type\":\"org\"}}\n{{\"name\":\"Lantern Office\",\"type\":\"org\"}}\n{{\"name\":\"{long}\",\"type\":\"org\"}}"
        );
        let mut kb = KnowledgeBase::default();
        kb.merge_str("test", &lines).expect("valid test entries");
        let name = |s: &str| {
            kb.lookup(s)
                .first()
                .and_then(|id| kb.get(*id))
                .map(|e| e.name.clone())
        };
        assert_eq!(
            name("Quillmakers Guild").as_deref(),
            Some("the Quillmakers Guild")
        );
        assert_eq!(
            name("The Lantern Office").as_deref(),
            Some("Lantern Office")
        );
        // Past the stack buffer's length.
        let short = long.strip_prefix("the ").unwrap_or_default();
        assert!(short.len() > 64);
        assert_eq!(name(short), Some(long.clone()));
        assert_eq!(name("Lantern Guild"), None);
        let mut buf = [0u8; 64];
        assert_eq!(with_the("kremlin", &mut buf), Some("the kremlin"));
        assert_eq!(with_the(&"x".repeat(60), &mut buf).map(str::len), Some(64));
        assert_eq!(with_the(&"x".repeat(61), &mut buf), None);
    }

    #[test]
    fn surname_links_only_near_the_persons_time() {
        let line = r#"{"name":"Ann Example","type":"person","roles":[{"role":"defence_minister","body":"United Kingdom/Ministry of Defence","from":"2019-07-24","to":"2023-08-31"}]}
{"name":"Bob Former","type":"person","roles":[{"role":"head_of_government","body":"Germany/Chancellery","from":"1998-10-27","to":"2005-11-22"}]}
{"name":"Cy Plain","type":"person"}"#;
        let mut kb = KnowledgeBase::default();
        kb.merge_str("test", line).expect("valid test entries");
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let near = |name: &str, date: Option<NaiveDate>| {
            kb.resolve(name, Some(EntityKind::Person))
                .is_some_and(|e| e.near_its_roles(date))
        };
        assert!(!near("Example", d("2016-09-25")));
        assert!(near("Example", d("2018-01-01")));
        assert!(near("Example", d("2025-01-01")));
        assert!(!near("Example", d("2026-01-01")));
        assert!(near("Example", None));
        // A former head of government stays current; a future one is not yet.
        assert!(near("Former", d("2022-03-01")));
        assert!(!near("Former", d("1990-01-01")));
        assert!(near("Plain", d("1950-01-01")));
    }

    #[test]
    fn demonyms_name_countries() {
        let kb = kb();
        let c = |w: &str| kb.country_of_demonym(w).map(|e| e.name.clone());
        assert_eq!(c("Russian").as_deref(), Some("Russia"));
        assert_eq!(c("Ukrainians").as_deref(), Some("Ukraine"));
        assert_eq!(c("French").as_deref(), Some("France"));
        assert_eq!(c("british").as_deref(), Some("United Kingdom"));
        assert_eq!(c("Soviet").as_deref(), Some("Soviet Union"));
        assert_eq!(c("Russia"), None);
    }

    #[test]
    fn role_holders_follow_dates() {
        let kb = kb();
        let who = |c: &str, r: &str, d: Option<&str>| {
            kb.role_holders(c, r, d.map(date))
                .iter()
                .map(|e| e.name.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            who("Russia", "head_of_state", Some("2025-11-30")),
            ["Vladimir Putin"]
        );
        assert_eq!(
            who("Russian", "president", Some("2010-01-01")),
            ["Dmitry Medvedev"]
        );
        assert_eq!(
            who("Russia", "prime minister", Some("2010-01-01")),
            ["Vladimir Putin"]
        );
        assert_eq!(who("US", "president", Some("2022-06-01")), ["Joe Biden"]);
        assert_eq!(
            who("United States", "president", Some("2025-01-20")),
            ["Donald Trump"]
        );
        assert_eq!(
            who("United States", "president", Some("2025-01-19")),
            ["Joe Biden"]
        );
        assert_eq!(
            who("Ukraine", "foreign minister", Some("2023-01-01")),
            ["Dmytro Kuleba"]
        );
        assert_eq!(who("Ukraine", "foreign_minister", None), ["Andrii Sybiha"]);
        assert_eq!(
            who("U.S.", "secretary of state", Some("2025-11-30")),
            ["Marco Rubio"]
        );
        assert!(who("Atlantis", "president", None).is_empty());
        // "President" is the title, whatever the key: Iran's president is
        // not its Supreme Leader.
        assert_eq!(
            who("Iranian", "president", Some("2025-06-01")),
            ["Masoud Pezeshkian"]
        );
        assert_eq!(
            who("Iran", "head_of_state", Some("2025-06-01")),
            ["Ali Khamenei"]
        );
        assert_eq!(
            who("Germany", "chancellor", Some("2024-01-01")),
            ["Olaf Scholz"]
        );
        assert_eq!(
            who("Britain", "chancellor", Some("2024-01-01")),
            ["Jeremy Hunt"]
        );
        assert_eq!(
            who("British", "prime minister", Some("2019-01-01")),
            ["Theresa May"]
        );
        assert_eq!(
            who("Japan", "prime minister", Some("2025-11-30")),
            ["Sanae Takaichi"]
        );
        assert_eq!(
            who("France", "president", Some("2015-01-01")),
            ["François Hollande"]
        );
    }

    #[test]
    fn every_g20_member_has_a_leader() {
        let kb = kb();
        let day = Some(date("2025-11-30"));
        let g20 = [
            "Argentina",
            "Australia",
            "Brazil",
            "Canada",
            "China",
            "France",
            "Germany",
            "India",
            "Indonesia",
            "Italy",
            "Japan",
            "Mexico",
            "Russia",
            "Saudi Arabia",
            "South Africa",
            "South Korea",
            "Turkey",
            "United Kingdom",
            "United States",
        ];
        for c in g20 {
            let n = kb.role_holders(c, "head_of_state", day).len()
                + kb.role_holders(c, "head_of_government", day).len();
            assert!(n > 0, "no current leader for {c}");
            assert!(
                !kb.role_holders(c, "foreign_minister", day).is_empty(),
                "no foreign minister for {c}"
            );
        }
        for role in [
            "commission_president",
            "council_president",
            "parliament_president",
            "high_representative",
        ] {
            assert_eq!(
                kb.role_holders("European Union", role, day).len(),
                1,
                "{role}"
            );
        }
        for bank in [
            "United States",
            "United Kingdom",
            "Japan",
            "Canada",
            "Germany",
            "France",
            "Italy",
            "European Union",
        ] {
            assert!(
                !kb.role_holders(bank, "central_bank_governor", day)
                    .is_empty(),
                "no central bank head for {bank}"
            );
        }
    }

    #[test]
    fn roles_and_affiliations_at_a_date() {
        let kb = kb();
        let ushakov = kb.resolve("Yury Ushakov", None).expect("Ushakov");
        assert!(kb
            .affiliations_at(ushakov, Some(date("2025-11-30")))
            .contains(&"Russia/Kremlin".to_string()));
        assert!(kb
            .affiliations_at(ushakov, None)
            .contains(&"Russia/Kremlin".to_string()));
        assert!(!kb
            .affiliations_at(ushakov, Some(date("2005-01-01")))
            .contains(&"Russia/Kremlin".to_string()));
        let putin = kb.resolve("Putin", None).expect("Putin");
        let roles = kb.roles_at(putin, Some(date("2010-06-01")));
        assert_eq!(roles.len(), 1);
        assert_eq!(roles[0].role, "head_of_government");
        let kremlin = kb
            .resolve("the Kremlin", Some(EntityKind::Org))
            .expect("Kremlin");
        assert_eq!(kb.affiliations_at(kremlin, None), ["Russia/Kremlin"]);
    }

    #[test]
    fn place_paths() {
        let kb = kb();
        let path = |s: &str| {
            kb.resolve(s, Some(EntityKind::Place))
                .map(|e| kb.place_path(e))
        };
        assert_eq!(path("Ukraine"), Some(vec!["Ukraine".to_string()]));
        assert_eq!(
            path("Miami"),
            Some(vec!["United States".to_string(), "Miami".to_string()])
        );
        assert_eq!(
            path("Sumy"),
            Some(vec!["Ukraine".to_string(), "Sumy".to_string()])
        );
        let hb = kb
            .resolve("Hallandale Beach", None)
            .expect("Hallandale Beach");
        assert_eq!(hb.admin1.as_deref(), Some("Florida"));
        let putin = kb.resolve("Putin", None).expect("Putin");
        assert!(kb.place_path(putin).is_empty());
    }

    #[test]
    fn suggest_finds_near_names() {
        let kb = kb();
        let s = kb.suggest("Zelenski", Some(EntityKind::Person), 3);
        assert_eq!(
            s.first().map(|e| e.name.as_str()),
            Some("Volodymyr Zelenskyy")
        );
        assert!(kb.suggest("", None, 3).is_empty());
        assert!(kb.suggest("Putin", None, 0).is_empty());
    }

    #[test]
    fn find_mentions_offsets_and_case() {
        let kb = kb();
        let text = "Putin's aide Yuri Ushakov met Steve Witkoff in Moscow; the Kremlin said.";
        let got = found(&kb, text);
        assert_eq!(
            got,
            [
                ("Putin".to_string(), "Vladimir Putin".to_string()),
                ("Yuri Ushakov".into(), "Yuri Ushakov".into()),
                ("Steve Witkoff".into(), "Steve Witkoff".into()),
                ("Moscow".into(), "Moscow".into()),
                ("Kremlin".into(), "Kremlin".into()),
            ]
        );
        // Case: the pronoun is not the country, the bird is not the country.
        let got = found(&kb, "Tell us about the turkey in the U.S. and the US.");
        assert_eq!(
            got,
            [
                ("U.S.".to_string(), "United States".to_string()),
                ("US".into(), "United States".into())
            ]
        );
        // ALL CAPS headline and title-case acronym.
        let got = found(&kb, "PUTIN MEETS NATO; Nato replies");
        assert_eq!(got.len(), 3, "{got:?}");
        // In a capitals headline, short words are words unless dotted.
        let got = found(
            &kb,
            "TELL US WHO WON IN THE U.S.\nThe US and the UN agreed.",
        );
        assert_eq!(
            got.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>(),
            ["U.S.", "US", "UN"]
        );
    }

    #[test]
    fn find_mentions_prefers_longest_and_respects_boundaries() {
        let kb = kb();
        let mut extra = KnowledgeBase::builtin().expect("builtin");
        extra
            .merge_str(
                "test",
                r#"{"name":"New York Times","type":"org","kind":"outlet","country":"United States"}"#,
            )
            .expect("merge");
        let got = found(&extra, "The New York Times reported from New York.");
        assert_eq!(
            got.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>(),
            ["New York Times", "New York"]
        );
        // Inside a longer word nothing matches.
        assert!(found(&kb, "Putinism and Kyivstar").is_empty());
        let got = found(&kb, "Russia-Ukraine talks");
        assert_eq!(
            got.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>(),
            ["Russia", "Ukraine"]
        );
    }

    #[test]
    fn find_mentions_ignores_diacritics_and_keeps_offsets() {
        let kb = kb();
        for text in [
            "Volodymyr Zelenskýy spoke.",
            "🇺🇦 Zelenskyy spoke.",
            "\u{200f}مرحبا Zelenskyy \u{202b}שלום",
            "\u{0}\u{7}Zelenskyy\r\n",
            "Ze\u{301}lenskyy",
        ] {
            let ms = kb.find_mentions(text);
            assert_eq!(ms.len(), 1, "{text:?}: {ms:?}");
            let m = &ms[0];
            let s = m.span.slice(text);
            assert!(!s.is_empty(), "{text:?}");
            assert!(
                s.ends_with("lenskyy") || s.ends_with("lenskýy"),
                "{text:?} gave {s:?}"
            );
            assert_eq!(names(&kb, m).first().copied(), Some("Volodymyr Zelenskyy"));
        }
        let text = "Talks at the Élysée and the Elysee";
        let _ = found(&kb, text);
    }

    #[test]
    fn find_mentions_demonyms_are_flagged() {
        let kb = kb();
        let text = "Russian officials met Ukrainian negotiators.";
        let ms = kb.find_mentions(text);
        assert_eq!(ms.len(), 2);
        assert!(ms.iter().all(|m| m.demonym));
        assert_eq!(names(&kb, &ms[0]), ["Russia"]);
    }

    #[test]
    fn find_mentions_survives_odd_input() {
        let kb = kb();
        assert!(kb.find_mentions("").is_empty());
        assert!(kb.find_mentions("   \n\t").is_empty());
        let big = "Kyiv and Moscow, said Peskov. ".repeat(40_000);
        assert!(big.len() > 1_000_000);
        let ms = kb.find_mentions(&big);
        assert_eq!(ms.len(), 120_000);
        for m in ms.iter().take(1000) {
            assert!(big.is_char_boundary(m.span.start) && big.is_char_boundary(m.span.end));
        }
        // Every byte-boundary cut of a multi-byte text is handled.
        let text = "Ñandú Zelenskyy 🇺🇦 Élysée Straße Kyiv";
        for (i, _) in text.char_indices() {
            let _ = kb.find_mentions(&text[i..]);
        }
    }

    /// Pseudo-random mixes of name pieces, punctuation and odd characters:
    /// no panic, and every span is a non-empty slice on char boundaries.
    /// The folded text and, per folded byte, its original offset, one
    /// character at a time: what `FoldedText`'s segments must reproduce.
    fn folded_by_char(original: &str) -> (Vec<u8>, Vec<usize>) {
        let (mut text, mut src) = (Vec::new(), Vec::new());
        let mut pending: Option<usize> = None;
        for (off, c) in original.char_indices() {
            let mut piece = String::new();
            match fold_char(c, &mut piece) {
                Folded::Drop => {}
                Folded::Sep => {
                    pending.get_or_insert(off);
                }
                Folded::Chars => {
                    if let Some(s) = pending.take() {
                        if !text.is_empty() {
                            text.push(b' ');
                            src.push(s);
                        }
                    }
                    text.extend_from_slice(piece.as_bytes());
                    src.resize(text.len(), off);
                }
            }
        }
        (text, src)
    }

    #[test]
    fn general_punctuation_separates() {
        // The shortcut in `fold_char` must agree with the Unicode tables.
        for c in ('\u{2000}'..='\u{206f}').chain(['\u{a0}']) {
            if matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}') {
                continue;
            }
            assert!(!c.is_alphanumeric(), "{c:?}");
            assert!(!unicode_normalization::char::is_combining_mark(c), "{c:?}");
        }
    }

    #[test]
    fn folds_to_nothing_agrees_with_fold() {
        for s in [
            "", " ", "...", "-", "\u{301}", "\u{200d}", "½", "a", " .x", "é", "ß", "🇺🇦", "Ω",
        ] {
            assert_eq!(folds_to_nothing(s), fold(s).is_empty(), "{s:?}");
        }
    }

    #[test]
    fn upper_masks() {
        let mask = |s: &str| {
            let mut out = vec![true];
            upper_mask_into(s, &mut out);
            out.split_off(1)
        };
        let (t, f) = (true, false);
        assert_eq!(mask("NATO"), [t, f, f, f]);
        assert_eq!(mask("US"), [t, t]);
        assert_eq!(mask("U.S."), [t, t]);
        assert_eq!(mask("McDonald's"), [t, f, t, f, f, f, f, f, f]);
        assert_eq!(mask("New York"), [t, f, f, t, f, f, f]);
        assert_eq!(mask("the UK"), [f, f, f, t, t]);
        assert_eq!(
            mask("OPEC NATO-Russia"),
            [t, f, f, f, t, f, f, f, t, f, f, f, f, f]
        );
        assert_eq!(mask("ÉLYSÉE x"), [t, f, f, f, f, f, f]);
        assert_eq!(mask(""), Vec::<bool>::new());
        assert_eq!(mask("ABCd"), [t, t, t, f]);
    }

    #[test]
    fn word_scan_matches_folded_scan() {
        // Name pieces in every case, dots, diacritics, invisible and
        // multi-byte characters next to and inside words: the in-place word
        // scan must find what the scan over the folded copy found.
        let kb = kb();
        let pieces = [
            "Putin",
            "putin",
            "PUTIN",
            "Vladimir",
            "New",
            "new",
            "York",
            "york",
            "City",
            "U.S.",
            "U.S",
            "u.s.",
            "US",
            "us",
            "UK",
            "the",
            "The",
            "Kremlin",
            "Kyiv",
            "KYIV",
            "Bank",
            "of",
            "America",
            "United",
            "States",
            "Nations",
            "Élysée",
            "Elysee",
            "Zelenskyy",
            "Ze\u{301}lensky",
            "Z.elensky",
            "Straße",
            "Łódź",
            "Nato",
            "NATO",
            "European",
            "Union",
            "Russian",
            "russian",
            "Ukrainian",
            " ",
            "  ",
            ", ",
            "\n",
            ". ",
            ".",
            "-",
            "'s",
            "’s",
            "\u{200d}",
            "\u{ad}",
            "\u{a0}",
            "½",
            "ﬁ",
            "İ",
            "🇺🇦",
            "42",
            "x",
            "...",
            "\u{0}",
            "é",
            "e\u{301}",
            "Saint",
            "St.",
            "Petersburg",
            "White",
            "House",
            "said",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let (mut matches, mut long) = (0, 0);
        for round in 0..4000 {
            let mut text = String::new();
            for _ in 0..(round % 23) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(pieces[(state % pieces.len() as u64) as usize]);
                if state & 0x300 != 0 {
                    text.push(' ');
                }
            }
            let want = kb.find_mentions_folded(&text);
            let got = kb.find_mentions(&text);
            matches += want.len();
            long += want
                .iter()
                .filter(|m| m.span.slice(&text).contains(' '))
                .count();
            assert_eq!(got.len(), want.len(), "{text:?}");
            for (g, w) in got.iter().zip(&want) {
                assert_eq!(
                    (g.span, &g.ids, g.demonym),
                    (w.span, &w.ids, w.demonym),
                    "{text:?}"
                );
            }
        }
        // The texts exercise the scan: many matches, some of several words.
        assert!(matches > 5000 && long > 100, "{matches} {long}");
    }

    #[test]
    fn next_word_folds_to_fold() {
        let mut scratch = String::new();
        for text in [
            "",
            " .. ",
            "U.S. said",
            "Ze\u{301}lensky’s x",
            ".net",
            "a\u{200d}b c",
            "½ ß İ",
            "🇺🇦Kyiv",
            "x.",
            "...y...z...",
        ] {
            let mut joined = String::new();
            let mut cur = 0;
            while let Some((w, after)) = next_word(text, cur, &mut scratch) {
                if !joined.is_empty() {
                    joined.push(' ');
                }
                fold_word(text, w, &mut joined);
                assert!(after > cur);
                cur = after;
            }
            assert_eq!(joined, fold(text), "{text:?}");
        }
    }

    #[test]
    fn folded_text_maps_every_byte_back() {
        let pieces = [
            "Putin", "U.S.", " ", "  ", ", ", "\n", "é", "e\u{301}", "ß", "½", "ﬁ", "Ω", "🇺🇦",
            "\u{200d}", "-", "'s", "’s", "KYIV", "x", "42", "...", "İ", "\u{0}",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut folded = FoldedText::default();
        for round in 0..3000 {
            let mut text = String::new();
            for _ in 0..(round % 17) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(pieces[(state % pieces.len() as u64) as usize]);
            }
            assert!(folded.fill(&text));
            let (want_text, want_src) = folded_by_char(&text);
            assert_eq!(folded.text, want_text, "{text:?}");
            assert_eq!(
                String::from_utf8_lossy(&folded.text),
                fold(&text),
                "{text:?}"
            );
            let mut cursor = 0;
            for (f, want) in want_src.iter().enumerate() {
                assert_eq!(folded.src(f), Some(*want), "{text:?} byte {f}");
                assert_eq!(folded.src_from(f, &mut cursor), Some(*want), "{text:?}");
            }
            assert_eq!(folded.src(want_src.len()), None);
        }
    }

    #[test]
    fn find_mentions_never_panics_on_mixed_input() {
        let kb = kb();
        let pieces = [
            "Putin",
            "U.S.",
            "Kyiv",
            "é",
            "\u{301}",
            "’s",
            "-",
            ".",
            " ",
            "\n",
            "🇺🇦",
            "ß",
            "İ",
            "ǅ",
            "New",
            "York",
            "Times",
            "the",
            "Kremlin",
            "ZELENSKYY",
            "\u{0}",
            "\u{200d}",
            "שלום",
            "½",
            "Nato",
            "US",
            "us",
            "Élysée",
            "St.",
            "Petersburg",
            "ﬁ",
            "Ω",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..(next() % 24) {
                text.push_str(pieces[(next() % pieces.len() as u64) as usize]);
            }
            for m in kb.find_mentions(&text) {
                assert!(!m.ids.is_empty());
                assert!(m.span.start < m.span.end, "{text:?}");
                assert!(
                    text.get(m.span.start..m.span.end).is_some(),
                    "{text:?} {:?}",
                    m.span
                );
            }
        }
    }

    #[test]
    fn merge_file_is_all_or_nothing() {
        let mut kb = KnowledgeBase::builtin().expect("builtin");
        let before = kb.len();
        let dir = tempfile::tempdir().expect("tempdir");
        let bad = dir.path().join("bad.jsonl");
        std::fs::write(
            &bad,
            "# comment\n{\"name\":\"Jane Roe\",\"type\":\"person\",\"aliases\":[\"J. Roe\"]}\n\n{\"name\":\"X\",\"type\":\"thing\"}\n",
        )
        .expect("write");
        let err = format!("{:#}", kb.merge_file(&bad).expect_err("malformed"));
        assert!(err.contains("bad.jsonl:4"), "{err}");
        assert!(err.contains("type"), "{err}");
        assert_eq!(kb.len(), before);
        assert!(kb.resolve("Jane Roe", None).is_none());

        let bad_date = dir.path().join("date.jsonl");
        std::fs::write(
            &bad_date,
            "{\"name\":\"Jane Roe\",\"type\":\"person\",\"roles\":[{\"role\":\"envoy\",\"from\":\"2020-13-01\"}]}\n",
        )
        .expect("write");
        let err = format!("{:#}", kb.merge_file(&bad_date).expect_err("bad date"));
        assert!(
            err.contains("date.jsonl:1") && err.contains("2020-13-01"),
            "{err}"
        );

        let good = dir.path().join("good.jsonl");
        std::fs::write(
            &good,
            "{\"name\":\"Jane Roe\",\"type\":\"person\",\"country\":\"Ruritania\",\"roles\":[{\"role\":\"spokesperson\",\"body\":\"Ruritania/Palace\",\"from\":\"2020\"}]}\n\
             {\"name\":\"Volodymyr Zelenskyy\",\"type\":\"person\",\"country\":\"Ukraine\",\"aliases\":[\"Ze\"]}\n",
        )
        .expect("write");
        assert_eq!(kb.merge_file(&good).expect("good file"), 2);
        assert_eq!(kb.len(), before + 1);
        let ze = kb
            .resolve("Ze", Some(EntityKind::Person))
            .expect("new alias");
        assert_eq!(ze.name, "Volodymyr Zelenskyy");
        assert!(!ze.roles.is_empty(), "merging kept the built-in roles");
        let roe = kb.resolve("Jane Roe", None).expect("new entry");
        assert_eq!(
            kb.affiliations_at(roe, Some(date("2021-01-01"))),
            ["Ruritania/Palace"]
        );
        assert!(kb.affiliations_at(roe, Some(date("2019-01-01"))).is_empty());
        // The matcher was rebuilt with the new names.
        assert_eq!(kb.find_mentions("Jane Roe said").len(), 1);
    }

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(parse_date("2019", true).ok(), Some(date("2020-01-01")));
        assert_eq!(parse_date("2019-05", false).ok(), Some(date("2019-05-01")));
        assert_eq!(parse_date("2019-12", true).ok(), Some(date("2020-01-01")));
        assert!(parse_date("19", false).is_err());
        assert!(parse_date("2019-02-30", false).is_err());
        assert!(parse_date("2019/01/01", false).is_err());
    }
}
