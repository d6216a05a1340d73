//! Turning the names users type (`--person Zelensky`, `--affiliation Kremlin`,
//! `--by Ushakov`) into facets of the index.
//!
//! A name is looked up first in the knowledge base (aliases, transliterations)
//! and then among the values the index actually holds (names only the tagger
//! found). A name found nowhere is an error that lists the closest known
//! names, never a silently empty result.

use tantivy::schema::Facet;
use tantivy::Searcher;

use crate::extract::kb::{fold, KnowledgeBase};
use crate::extract::EntityKind;
use crate::index::schema::facet;
use crate::index::NewsIndex;

/// Looks names up in the knowledge base and in the index's facet values.
pub struct Resolver<'a> {
    pub kb: &'a KnowledgeBase,
    pub ni: &'a NewsIndex,
    pub searcher: &'a Searcher,
}

/// A name that resolved to nothing, with the closest known names.
#[derive(Debug, thiserror::Error)]
#[error("no {what} named `{name}` is known{}", suggestion_text(.suggestions))]
pub struct UnknownName {
    pub what: &'static str,
    pub name: String,
    pub suggestions: Vec<String>,
}

fn suggestion_text(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", s.join(", "))
    }
}

impl<'a> Resolver<'a> {
    /// Every facet value under `/root` held by the index (any depth).
    pub fn index_values(&self, root: &str) -> Vec<Facet> {
        let prefix = format!("{root}\u{0}");
        let end = format!("{root}\u{1}");
        let mut out = Vec::new();
        for seg in self.searcher.segment_readers() {
            let Ok(inv) = seg.inverted_index(self.ni.fields.facet) else {
                continue;
            };
            let Ok(mut stream) = inv.terms().range().ge(&prefix).lt(&end).into_stream() else {
                continue;
            };
            while stream.advance() {
                if let Ok(f) = Facet::from_encoded(stream.key().to_vec()) {
                    out.push(f);
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// Facets of the index under `root` whose last component (or whole path
    /// below the root) matches `name`, or whose last word matches it when
    /// that is unambiguous ("Putin" → "Vladimir Putin").
    fn match_index(&self, root: &str, name: &str) -> Vec<Facet> {
        let values = self.index_values(root);
        let want = fold(name);
        let mut exact = Vec::new();
        let mut surname = Vec::new();
        for v in &values {
            let path = v.to_path();
            let tail = path[1..].join("/");
            let last = path.last().copied().unwrap_or("");
            let (ft, fl) = (fold(&tail), fold(last));
            if ft == want || fl == want {
                exact.push(v.clone());
            } else if fl.rsplit(' ').next() == Some(want.as_str()) {
                surname.push(v.clone());
            }
        }
        if !exact.is_empty() {
            exact
        } else if surname.len() == 1 {
            surname
        } else {
            Vec::new()
        }
    }

    fn unknown(
        &self,
        what: &'static str,
        root: &str,
        name: &str,
        kind: Option<EntityKind>,
    ) -> UnknownName {
        let mut suggestions: Vec<String> = self
            .kb
            .suggest(name, kind, 3)
            .into_iter()
            .map(|e| e.name.clone())
            .collect();
        let want = fold(name);
        let mut scored: Vec<(f64, String)> = self
            .index_values(root)
            .iter()
            .map(|f| {
                let path = f.to_path();
                let shown = path[1..].join("/");
                (strsim::jaro_winkler(&want, &fold(&shown)), shown)
            })
            .filter(|(s, _)| *s > 0.75)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (_, s) in scored.into_iter().take(3) {
            if !suggestions.contains(&s) {
                suggestions.push(s);
            }
        }
        suggestions.truncate(5);
        UnknownName {
            what,
            name: name.to_string(),
            suggestions,
        }
    }

    /// A known person named after a title or role ("President Zelensky").
    fn titled(&self, name: &str) -> Option<String> {
        let words: Vec<String> = name.split_whitespace().map(str::to_string).collect();
        super::natural::titled_person(&words, self.kb)
    }

    /// `--person NAME`.
    pub fn person(&self, name: &str) -> Result<Vec<Facet>, UnknownName> {
        self.entity("person", "person", name, EntityKind::Person)
    }

    /// `--org NAME`.
    pub fn org(&self, name: &str) -> Result<Vec<Facet>, UnknownName> {
        self.entity("organisation", "org", name, EntityKind::Org)
    }

    /// `--by NAME` (statements): a person or a body that speaks.
    pub fn speaker(&self, name: &str) -> Result<Vec<Facet>, UnknownName> {
        let kb_hit = self
            .kb
            .resolve(name, Some(EntityKind::Person))
            .or_else(|| self.kb.resolve(name, Some(EntityKind::Org)));
        if let Some(e) = kb_hit {
            return Ok(vec![facet("speaker", [e.name.as_str()])]);
        }
        if let Some(person) = self.titled(name) {
            return Ok(vec![facet("speaker", [person.as_str()])]);
        }
        let found = self.match_index("speaker", name);
        if !found.is_empty() {
            return Ok(found);
        }
        Err(self.unknown("speaker", "speaker", name, Some(EntityKind::Person)))
    }

    fn entity(
        &self,
        what: &'static str,
        root: &str,
        name: &str,
        kind: EntityKind,
    ) -> Result<Vec<Facet>, UnknownName> {
        if let Some(e) = self.kb.resolve(name, Some(kind)) {
            return Ok(vec![facet(root, [e.name.as_str()])]);
        }
        if kind == EntityKind::Person {
            if let Some(person) = self.titled(name) {
                return Ok(vec![facet(root, [person.as_str()])]);
            }
        }
        let found = self.match_index(root, name);
        if !found.is_empty() {
            return Ok(found);
        }
        Err(self.unknown(what, root, name, Some(kind)))
    }

    /// `--place NAME`: a country covers every place under it.
    pub fn place(&self, name: &str) -> Result<Vec<Facet>, UnknownName> {
        if let Some(e) = self.kb.resolve(name, Some(EntityKind::Place)) {
            return Ok(vec![facet("place", self.kb.place_path(e))]);
        }
        let found = self.match_index("place", name);
        if !found.is_empty() {
            return Ok(found);
        }
        Err(self.unknown("place", "place", name, Some(EntityKind::Place)))
    }

    /// `--affiliation` / `--by-org` / `--by-country`: `Russia/Kremlin`, a body
    /// (`Kremlin`, `State Department`), or a country (`Russia`, `Russian`).
    pub fn affiliation(&self, name: &str) -> Result<Vec<Facet>, UnknownName> {
        let found = self.match_index("affiliation", name);
        if !found.is_empty() {
            return Ok(found);
        }
        if let Some(e) = self.kb.resolve(name, Some(EntityKind::Org)) {
            if let Some(body) = e.body.as_deref() {
                return Ok(vec![facet("affiliation", body.split('/'))]);
            }
        }
        let country = self
            .kb
            .resolve(name, Some(EntityKind::Place))
            .or_else(|| self.kb.country_of_demonym(name));
        if let Some(c) = country {
            let top = c.country.as_deref().unwrap_or(c.name.as_str());
            return Ok(vec![facet("affiliation", [top])]);
        }
        Err(self.unknown("affiliation", "affiliation", name, Some(EntityKind::Org)))
    }
}
