//! Arbitrary text never makes the extractor panic, and every offset it returns is a char
//! boundary inside the text.

use claimdesk::extract::extract;
use proptest::prelude::*;

fn check(text: &str) {
    let ex = extract(text);
    for c in &ex.claims {
        assert!(c.start <= c.end && c.end <= text.len());
        assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
        if let Some((a, b)) = c.mention_span {
            assert!(a <= b && b <= text.len());
            assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        }
        if let Some(i) = c.speaker {
            assert!(i < ex.speakers.len());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_string(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn news_like_strings(text in r#"([A-Z][a-z]{0,8}|said|told|according to|that|he|"|“|”|'|‘|’|,|\.|:|;|\n| ){0,80}"#) {
        check(&text);
    }
}

#[test]
fn many_unmatched_quotes() {
    let text = format!("Title\n{}", "\" said he ".repeat(20_000));
    check(&text);
    let text = "“".repeat(100_000);
    check(&text);
}
