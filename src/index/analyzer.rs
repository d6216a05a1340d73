//! The text analyzer behind `title`, `body` and `speaker`: tantivy's own
//! `en_stem` chain (split on non-alphanumerics, drop tokens over 40 bytes,
//! lower-case, English Snowball stemmer), with a memo in front of the stemmer.
//!
//! Why a memo: every statement's text is a second copy of words the article
//! body already had, so indexing with extraction on stems about 1.5 times as
//! many tokens as the articles hold, and the Snowball stemmer was a tenth of
//! all indexing CPU. News vocabulary is small next to its token count (the
//! first 1,500 AllSides articles: ~2.7M tokens, ~60k distinct words), so
//! almost every token is a lookup of a word already stemmed.
//!
//! The output is token for token what tantivy's `en_stem` gives (a unit test
//! compares them), so the analyzer is registered under the same name: indexes
//! built before it, and the query parser, see the same terms.
//!
//! tantivy clones the analyzer once per segment writer (and per query), so a
//! memo lives as long as a segment and is never shared between threads.

use std::collections::HashMap;

use tantivy::tokenizer::{
    Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
    Token, TokenFilter, TokenStream, Tokenizer,
};

use crate::extract::wordset::FxBuild;

/// The name the schema gives the analyzer (tantivy's built-in one).
pub const EN_STEM: &str = "en_stem";

/// Distinct words a memo holds before it starts afresh, which bounds its
/// memory (a few MB) on corpora with an open vocabulary.
const MEMO_CAP: usize = 200_000;

/// `en_stem` with the stemmer memoised.
pub fn en_stem() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(MemoStemmer)
        .build()
}

/// Register [`en_stem`] on an index, replacing tantivy's default of that name.
pub fn register(index: &tantivy::Index) {
    index.tokenizers().register(EN_STEM, en_stem());
}

/// Token filter: English Snowball stemming, each distinct word stemmed once.
#[derive(Clone, Copy, Debug)]
pub struct MemoStemmer;

impl TokenFilter for MemoStemmer {
    type Tokenizer<T: Tokenizer> = MemoStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> MemoStemmerFilter<T> {
        MemoStemmerFilter {
            inner,
            // tantivy's stemmer applied to one whole word: the raw tokenizer
            // hands the word over as a single token.
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(Language::English))
                .build(),
            memo: HashMap::default(),
        }
    }
}

/// The tokenizer [`MemoStemmer`] wraps around the chain before it.
#[derive(Clone)]
pub struct MemoStemmerFilter<T> {
    inner: T,
    stemmer: TextAnalyzer,
    memo: HashMap<Box<str>, Box<str>, FxBuild>,
}

impl<T: Tokenizer> Tokenizer for MemoStemmerFilter<T> {
    type TokenStream<'a> = MemoStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        if self.memo.len() > MEMO_CAP {
            self.memo.clear();
        }
        MemoStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: &mut self.stemmer,
            memo: &mut self.memo,
        }
    }
}

/// Token stream of [`MemoStemmerFilter`].
pub struct MemoStemmerStream<'a, S> {
    tail: S,
    stemmer: &'a mut TextAnalyzer,
    memo: &'a mut HashMap<Box<str>, Box<str>, FxBuild>,
}

impl<S: TokenStream> TokenStream for MemoStemmerStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.memo.get(token.text.as_str()) {
            token.text.clear();
            token.text.push_str(stem);
            return true;
        }
        let stem = {
            let mut one = self.stemmer.token_stream(&token.text);
            if one.advance() {
                one.token().text.clone()
            } else {
                token.text.clone()
            }
        };
        self.memo
            .insert(token.text.as_str().into(), stem.as_str().into());
        token.text = stem;
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::TokenizerManager;

    fn tokens(a: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut out = Vec::new();
        let mut ts = a.token_stream(text);
        while ts.advance() {
            let t = ts.token();
            out.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
        }
        out
    }

    #[test]
    fn same_tokens_as_tantivy_en_stem() {
        let mut ours = en_stem();
        let mut theirs = TokenizerManager::default()
            .get(EN_STEM)
            .expect("tantivy ships en_stem");
        let long = "x".repeat(60);
        let texts = [
            "Talks were talking about the talked-about talks.",
            "Russia's President Vladimir Putin said RUNNING runners ran.",
            "Zelenskyy ÉLYSÉE Élysée naïve café 2025-11-30 U.S. e-mail",
            "",
            "   ",
            long.as_str(),
            "generously generous generation generals general's",
        ];
        // Twice through the same analyzers: the second pass is served from the memo.
        for _ in 0..2 {
            for t in texts {
                assert_eq!(tokens(&mut ours, t), tokens(&mut theirs, t), "{t:?}");
            }
        }
    }

    #[test]
    fn memo_starts_afresh_when_full() {
        let mut ours = en_stem();
        let words: String = (0..MEMO_CAP + 10).map(|i| format!("w{i}ing ")).collect();
        let first = tokens(&mut ours, &words);
        assert_eq!(first.len(), MEMO_CAP + 10);
        // The next text clears the memo and still stems correctly.
        assert_eq!(tokens(&mut ours, "talking")[0].0, "talk");
    }
}
