//! "Why this speaker": the mention as written and, when a pronoun or description was
//! resolved, the words it was resolved to ("“he” refers to Josh Earnest, 2 sentences
//! before"; the default fonts have no arrow).

use crate::extract::Antecedent;

/// The mention line of a claim's details; `mention_at`: where the mention starts in the
/// text, to tell a name that comes after it ("Judge" in a title, the justice named later).
pub fn mention_line(
    mention: &str,
    antecedent: Option<&Antecedent>,
    mention_at: Option<usize>,
) -> String {
    match antecedent {
        None => format!("\u{201c}{mention}\u{201d}"),
        Some(a) => {
            let later = a
                .span
                .zip(mention_at)
                .is_some_and(|((start, _), at)| start > at);
            format!(
                "\u{201c}{mention}\u{201d} refers to {}, {}",
                a.words,
                match a.sentences_before {
                    _ if later => "named after it".to_string(),
                    0 => "same sentence".to_string(),
                    1 => "1 sentence before".to_string(),
                    n => format!("{n} sentences before"),
                }
            )
        }
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
            mention_line("he", Some(&a), Some(40)),
            "\u{201c}he\u{201d} refers to Josh Earnest, 2 sentences before"
        );
        assert_eq!(mention_line("Kirby", None, None), "\u{201c}Kirby\u{201d}");
        let later = Antecedent {
            words: "Justice Ana Roe".into(),
            span: Some((80, 95)),
            sentences_before: 0,
        };
        assert_eq!(
            mention_line("Judge", Some(&later), Some(0)),
            "\u{201c}Judge\u{201d} refers to Justice Ana Roe, named after it"
        );
    }
}
