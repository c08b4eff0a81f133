//! Text to claims: the rules, the parse, the phrases, the sample article and check-worthiness.
//! Grouped so that a clean build links a few test binaries, not one per file.

mod extract_chains;
mod extract_clauses;
mod extract_parsed;
mod extract_phrases;
mod extract_props;
mod extract_rules;
mod extract_sample;
mod extract_stance;
mod worth_claims;
