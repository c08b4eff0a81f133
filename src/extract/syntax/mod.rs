//! The syntactic layer: part-of-speech tags and phrase chunks over the extractor's own
//! tokens. Pure, deterministic and linear in the text; the tagger's weights ship in the
//! repository (`tagger.bin`, trained on freely licensed treebanks: see docs/tagger.md).
//!
//! - [`tag`]: Penn Treebank tags, one per token ([`Tagged`]), clitics ("n't", "'s") apart;
//! - [`noun_phrases`]: noun-phrase chunks with their kind ([`NpKind`]: a name, a pronoun,
//!   a description, a date or time, a number…), so that a speaker can be refused when it
//!   is a date, a figure or no noun phrase at all;
//! - [`verb_groups`]: auxiliaries and modals with their verb ("was told", "will push",
//!   "to apologize"), with tense, voice and form;
//! - [`parse`]: a dependency parse ([`Parse`]: each token's head and Universal Dependencies
//!   relation, [`Deprel`]), from a transition-based parser whose weights ship in
//!   `parser.bin` (see docs/parser.md).

mod chunk;
mod features;
mod model;
mod parser;
mod parser_features;
#[doc(hidden)]
pub mod parser_train;
mod perceptron;
mod tagger;
mod tags;
#[doc(hidden)]
pub mod train;
mod weights;

pub use chunk::{Chunk, MONTHS, NpKind, Tense, VerbForm, VerbGroup, Voice};
pub(crate) use chunk::{noun_phrases, verb_groups};
pub(crate) use parser::parse;
pub use parser::{Deprel, Parse};
pub use tagger::{Tagged, tag_words};
pub(crate) use tagger::{dictionary_tag, tag};
pub use tags::Tag;

use super::{quotes, text};

/// Load the tagger's model and, with `parse`, the parser's, if not loaded yet: a thread
/// with nothing else to do yet does it, so that the others find them ready.
pub(crate) fn load_models(parse: bool) {
    tagger::tagger();
    if parse {
        parser::parser();
    }
}

/// One sentence as the syntactic layer reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    /// The sentence's byte span.
    pub sentence: (usize, usize),
    /// Each token's byte span (the extractor's tokens).
    pub tokens: Vec<(usize, usize)>,
    pub tagged: Tagged,
    pub noun_phrases: Vec<Chunk>,
    pub verb_groups: Vec<VerbGroup>,
    /// The dependency parse, when asked for ([`analyse_parsed`]).
    pub parse: Option<Parse>,
}

/// The sentences of a text the way the extractor reads it (paragraphs, sentences, its own
/// tokens), each with `tokens_only` false: tags, noun phrases and verb groups; true: tags
/// only. For tools, benchmarks and spot checks; the extractor calls [`tag`],
/// [`noun_phrases`] and [`verb_groups`] on the sentences it already has.
pub fn analyse(input: &str, tags_only: bool) -> Vec<Analysis> {
    analyse_as(input, tags_only, false)
}

/// The sentences of a text with tags and their dependency parse (no chunks).
pub fn analyse_parsed(input: &str) -> Vec<Analysis> {
    analyse_as(input, true, true)
}

fn analyse_as(input: &str, tags_only: bool, parsed: bool) -> Vec<Analysis> {
    let mut out = Vec::new();
    for para in text::paragraphs(input) {
        let qs = quotes::find_quotes(input, para);
        for sent in text::sentences(input, para, &qs) {
            let lo = qs.partition_point(|q| q.end <= sent.0);
            let hi = qs.partition_point(|q| q.open < sent.1).max(lo);
            let toks = text::tokenize(input, sent.0, sent.1, &qs[lo..hi]);
            let tagged = tag(input, &toks);
            let (noun_phrases, verb_groups) = if tags_only {
                (Vec::new(), Vec::new())
            } else {
                (
                    noun_phrases(input, &toks, &tagged),
                    verb_groups(input, &toks, &tagged),
                )
            };
            out.push(Analysis {
                sentence: sent,
                tokens: toks.iter().map(|t| (t.start, t.end)).collect(),
                parse: parsed.then(|| parse(input, &toks, &tagged)),
                tagged,
                noun_phrases,
                verb_groups,
            });
        }
    }
    out
}

#[cfg(test)]
mod parser_tests;
#[cfg(test)]
mod tests;
