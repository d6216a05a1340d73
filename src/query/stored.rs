//! Reading hits back from the document store.
//!
//! A statement stores only what its article does not know: speaker, roles,
//! affiliations, and where its words, speaker mention and cue sit in the
//! article's text (byte spans into [`Article::text`], see
//! `index::document::statement_doc`). [`Loader::load`] gives every hit in
//! one shape, whatever its kind: `body` holds the text to show (an
//! article's body, a statement's words), and a statement gets its
//! article's source and URL and a `meta` that spells its spans out as text
//! (`article_title`, `speaker`, `speaker_mention`, `cue`). No document
//! stores `article_id` or `published`: every hit gets them from its `id`
//! and the date column.
//!
//! [`Article::text`]: crate::corpus::Article::text

use std::collections::HashMap;
use std::rc::Rc;

use serde_json::{json, Value as Json};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

use crate::corpus::TITLE_BODY_SEP;
use crate::index::document::statement_text;
use crate::index::NewsIndex;

/// What a statement borrows from its article.
struct ArticleText {
    title: String,
    /// Title and body joined as at extraction, which the spans point into.
    text: String,
    source: Option<String>,
    url: Option<String>,
}

/// Loads hits, reading each statement's article once per search.
pub struct Loader<'a> {
    ni: &'a NewsIndex,
    searcher: &'a Searcher,
    articles: HashMap<String, Option<Rc<ArticleText>>>,
}

impl<'a> Loader<'a> {
    pub fn new(ni: &'a NewsIndex, searcher: &'a Searcher) -> Loader<'a> {
        Loader {
            ni,
            searcher,
            articles: HashMap::new(),
        }
    }

    /// The document at `addr`, with its text to show in `body`, its
    /// `article_id` and its `published` date (neither is stored).
    pub fn load(&mut self, addr: DocAddress) -> tantivy::Result<TantivyDocument> {
        let ni = self.ni;
        let f = &ni.fields;
        let mut doc: TantivyDocument = self.searcher.doc(addr)?;
        let published = self
            .searcher
            .segment_reader(addr.segment_ord)
            .fast_fields()
            .date("published")?
            .first(addr.doc_id);
        if text_of(&doc, f.kind) == Some("statement") {
            return self.statement(&doc, published);
        }
        if let Some(id) = text_of(&doc, f.id).map(str::to_string) {
            doc.add_text(f.article_id, id);
        }
        if let Some(d) = published {
            doc.add_date(f.published, d);
        }
        if let Some(body) = text_of(&doc, f.stored_body).map(str::to_string) {
            doc.add_text(f.body, body);
        }
        Ok(doc)
    }

    fn statement(
        &mut self,
        stored: &TantivyDocument,
        published: Option<tantivy::DateTime>,
    ) -> tantivy::Result<TantivyDocument> {
        let ni = self.ni;
        let f = &ni.fields;
        let meta: Json = text_of(stored, f.meta)
            .and_then(|m| serde_json::from_str(m).ok())
            .unwrap_or(Json::Null);
        let id = text_of(stored, f.id).unwrap_or("");
        let article_id = statement_article(id);
        let article = self.article(article_id)?;
        let text = article.as_deref().map_or("", |a| a.text.as_str());
        // A span the article's text cannot give (the article is gone, or it
        // was replaced by a version the statement was not read from) shows
        // as nothing rather than as the wrong words.
        let slice = |key: &str| -> Option<String> {
            let [a, b] = span(meta.get(key)?)?;
            text.get(a..b).map(str::to_string)
        };
        let pieces: Vec<[usize; 2]> = meta
            .get("content")
            .and_then(Json::as_array)
            .map(|a| a.iter().filter_map(span).collect())
            .unwrap_or_default();

        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, id);
        doc.add_text(f.article_id, article_id);
        if let Some(k) = text_of(stored, f.kind) {
            doc.add_text(f.kind, k);
        }
        if let Some(d) = published {
            doc.add_date(f.published, d);
        }
        let speaker = text_of(stored, f.speaker);
        if let Some(sp) = speaker {
            doc.add_text(f.speaker, sp);
        }
        doc.add_text(f.body, statement_text(text, &pieces));
        if let Some(a) = article.as_deref() {
            if let Some(s) = &a.source {
                doc.add_text(f.source, s);
            }
            if let Some(u) = &a.url {
                doc.add_text(f.url, u);
            }
        }
        let shown = json!({
            "article_title": article.as_deref().map_or("", |a| a.title.as_str()),
            "speaker": speaker,
            "speaker_type": meta.get("speaker_type"),
            "speaker_mention": slice("mention"),
            "roles": meta.get("roles"),
            "affiliations": meta.get("affiliations"),
            "direct": meta.get("direct"),
            "cue": slice("cue"),
        });
        doc.add_text(f.meta, shown.to_string());
        Ok(doc)
    }

    /// The article `id`'s text, title, source and URL, read once.
    fn article(&mut self, id: &str) -> tantivy::Result<Option<Rc<ArticleText>>> {
        if let Some(a) = self.articles.get(id) {
            return Ok(a.clone());
        }
        let ni = self.ni;
        let f = &ni.fields;
        let term = |field: Field, v: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, v),
                IndexRecordOption::Basic,
            ))
        };
        let query = BooleanQuery::new(vec![
            (Occur::Must, term(f.article_id, id)),
            (Occur::Must, term(f.kind, "article")),
        ]);
        let top = self
            .searcher
            .search(&query, &TopDocs::with_limit(1).order_by_score())?;
        let found = match top.first() {
            Some(&(_, addr)) => {
                let doc: TantivyDocument = self.searcher.doc(addr)?;
                let title = text_of(&doc, f.title).unwrap_or("").to_string();
                let body = text_of(&doc, f.stored_body).unwrap_or("");
                let mut text = String::with_capacity(title.len() + body.len() + 2);
                text.push_str(&title);
                text.push_str(TITLE_BODY_SEP);
                text.push_str(body);
                Some(Rc::new(ArticleText {
                    title,
                    text,
                    source: text_of(&doc, f.source).map(str::to_string),
                    url: text_of(&doc, f.url).map(str::to_string),
                }))
            }
            None => None,
        };
        self.articles.insert(id.to_string(), found.clone());
        Ok(found)
    }
}

/// The first text value of `field` in a stored document.
pub(crate) fn text_of(doc: &TantivyDocument, field: Field) -> Option<&str> {
    doc.get_first(field).and_then(|v| v.as_str())
}

/// The article a statement was quoted in, from the statement's id
/// (`<article id>#s<n>`, see `index::document::statement_doc`; the article's
/// id may hold `#s` itself, the statement's number never does).
pub(crate) fn statement_article(id: &str) -> &str {
    id.rsplit_once("#s").map_or(id, |(article, _)| article)
}

/// A stored `[start, end]` byte span.
fn span(v: &Json) -> Option<[usize; 2]> {
    let a = v.as_array()?;
    let start = usize::try_from(a.first()?.as_u64()?).ok()?;
    let end = usize::try_from(a.get(1)?.as_u64()?).ok()?;
    Some([start, end])
}

#[cfg(test)]
mod tests {
    use super::statement_article;

    #[test]
    fn statement_ids_name_their_article() {
        assert_eq!(statement_article("allsides:abc#s12"), "allsides:abc");
        assert_eq!(statement_article("feed#s1#s3"), "feed#s1");
        assert_eq!(statement_article("plain"), "plain");
    }
}
