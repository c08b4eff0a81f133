//! "Why this speaker": the mention as written and, when a pronoun or description was
//! resolved, the words it was resolved to ("“he” refers to Josh Earnest, 2 sentences
//! before"; the default fonts have no arrow).

use crate::extract::Antecedent;

/// The mention line of a claim's details.
pub fn mention_line(mention: &str, antecedent: Option<&Antecedent>) -> String {
    match antecedent {
        None => format!("\u{201c}{mention}\u{201d}"),
        Some(a) => format!(
            "\u{201c}{mention}\u{201d} refers to {}, {}",
            a.words,
            match a.sentences_before {
                0 => "same sentence".to_string(),
                1 => "1 sentence before".to_string(),
                n => format!("{n} sentences before"),
            }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_where_the_antecedent_is() {
        let a = Antecedent {
            words: "Josh Earnest".into(),
            span: Some((0, 12)),
            sentences_before: 2,
        };
        assert_eq!(
            mention_line("he", Some(&a)),
            "\u{201c}he\u{201d} refers to Josh Earnest, 2 sentences before"
        );
        assert_eq!(mention_line("Kirby", None), "\u{201c}Kirby\u{201d}");
    }
}
